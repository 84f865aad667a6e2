import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DocumentRenderer } from '#libs/documents';
import type { Response } from 'express';
import { DocumentSources } from '../shared/document-sources.js';
import { DOCUMENT_RESPONSE_HEADERS, sendDocument } from '../shared/document-response.js';
import { logCut, refuseUnused } from '../shared/document-query.request.dto.js';
import { GetPartyDocumentRequestDto, PartyDocumentParams } from './get-party-document.request.dto.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

@ApiTags('documents')
@RouteAccess(READER)
@Controller('api/parties')
export class GetPartyDocumentHttpController {
  constructor(
    private readonly sources: DocumentSources,
    private readonly renderer: DocumentRenderer,
  ) {}

  @Get(':code/documents/:type')
  @ApiOperation({
    summary: 'A model instrument pre-filled for the party: full powers, or its instrument of ratification, acceptance, approval, accession...',
    description: 'Rendered from the log up to X-Log-Position; the blanks left are for the issuing authority.',
  })
  @ApiProduces('text/html', 'text/markdown', 'text/plain')
  @ApiOkResponse({ description: 'The model instrument.', headers: DOCUMENT_RESPONSE_HEADERS })
  @ApiBadRequestResponse({ description: 'An unknown type, kind, format or language (the answer lists the valid ones).' })
  @ApiNotFoundResponse({ description: 'No such party registered (PARTY_NOT_FOUND), no such instrument, or the instrument is not open to this party (PARTY_NOT_ELIGIBLE).' })
  async get(
    @Param() { code, type }: PartyDocumentParams,
    @Query() query: GetPartyDocumentRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    refuseUnused(type, query, type === 'full-powers' ? ['instrumentId'] : ['instrumentId', 'kind']);
    await this.sources.party(code, logCut(query));
    const { record, parties, position } = await this.sources.instrument(query.instrumentId, logCut(query));
    const common = { format: query.format, lang: query.lang, parties, record, party: code };
    const document =
      type === 'full-powers'
        ? this.renderer.render({ ...common, type })
        : this.renderer.render({ ...common, type, ...(query.kind ? { kind: query.kind } : {}) });
    return sendDocument(response, document, position, `${type}-${code}-${query.instrumentId}`);
  }
}
