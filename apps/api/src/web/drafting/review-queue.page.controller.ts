import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { REVIEW_QUEUE_READERS } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { ok } from '../shared/api-client.js';
import { message } from '../shared/page-messages.js';
import { link, pageOf, sendPage, WebErrorFilter } from '../shared/web-page.js';

/** Drafts awaiting review, oldest first, each with its comment and decision forms. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('reviews')
export class ReviewQueuePageController {
  @Get()
  @RouteAccess(REVIEW_QUEUE_READERS)
  async queue(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { api, root } = pageOf(request);
    const pending = ok(await api.get<{ items: { instrumentId: string; title: string; round: number; version: number; reviewers: string[]; requestedAt: string; comments: number; ageDays: number }[] }>('/api/reviews/pending?pageSize=200')).items;
    sendPage(response, 'review-queue', {
      ...root,
      title: message(root.lang, 'reviewQueue'),
      pending: pending.map((p) => ({
        ...p,
        href: link(root, `/instruments/${p.instrumentId}`),
        comment: link(root, `/instruments/${p.instrumentId}/acts/reviews-comments`),
        decide: link(root, `/instruments/${p.instrumentId}/acts/reviews-decision`),
        text: `/api/instruments/${p.instrumentId}/documents/text?version=${p.version}&format=html&lang=${root.lang}`,
      })),
    });
  }
}
