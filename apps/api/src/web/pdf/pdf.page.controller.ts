import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { ApiRefusal } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { pageOf, WebErrorFilter } from '../shared/web-page.js';
import { PdfPrinter, PdfUnavailable } from './pdf-printer.js';

/** A document of the instrument as PDF: the API's HTML (as the reader may see it), printed by Chromium. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('instruments/:id/documents')
export class PdfPageController {
  constructor(private readonly printer: PdfPrinter) {}

  @Get(':type/pdf')
  @RouteAccess(READER)
  async pdf(@Param('id') id: string, @Param('type') type: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const sentence = message(root.lang, 'pdfUnavailable');
    if (!this.printer.available()) {
      response.status(503).type('text/plain; charset=utf-8').send(`${sentence}\n`);
      return;
    }
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    query.set('format', 'html');
    const document = await api.text(`/api/instruments/${encodeURIComponent(id)}/documents/${encodeURIComponent(type)}?${query}`);
    if (document.status !== 200) {
      let error: { code: string; message: string };
      try {
        error = JSON.parse(document.text);
      } catch {
        error = { code: 'DOCUMENT_FAILED', message: document.text };
      }
      throw new ApiRefusal(document.status, { statusCode: document.status, ...error });
    }
    try {
      const pdf = await this.printer.print(document.text);
      response.status(200).type('application/pdf').setHeader('Content-Disposition', `inline; filename="${type}.pdf"`);
      response.send(pdf);
    } catch (error) {
      if (!(error instanceof PdfUnavailable)) throw error;
      response.status(503).type('text/plain; charset=utf-8').send(`${sentence}\n`);
    }
  }
}
