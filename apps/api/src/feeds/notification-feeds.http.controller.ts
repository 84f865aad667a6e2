import { Controller, Header, Param, Query, Req } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { environment } from '#libs/config';
import { DocumentRenderer } from '#libs/documents';
import type { Principal } from '#libs/identity';
import { notificationFeed, notificationsOf, type FeedNotification } from '#libs/notifications';
import { ReadRoute } from '../common/route-declarations.js';
import { DocumentSources } from '../documents/shared/document-sources.js';
import { READER } from '../identity/access-rule.js';
import { CurrentPrincipal } from '../identity/current-principal.js';
import { requireVisible, seesInstrument } from '../identity/visibility.js';
import { InstrumentParams } from '../instruments/shared/route-params.dto.js';
import { FeedQueryDto, PartyFeedParams } from './feeds.request.dto.js';

const ATOM = 'application/atom+xml; charset=utf-8';
const FEED = { description: 'An Atom feed (RFC 4287), newest first: each entry the notification’s text, a link to its HTML and (rel="enclosure") its PDF.' };
const audienceOf = (n: FeedNotification) => ({ stage: n.record.state.stage, eligibleParties: n.record.state.eligibleParties.map((p) => p.code) });

/**
 * The depositary notifications as Atom feeds: of every instrument, of one, or of the instruments a party may
 * take part in (the notifications its focal point receives). A reader sees the notifications of the
 * instruments it may see: never those of a discarded record or of a draft.
 */
@ApiTags('feeds')
@Controller('api/feeds')
export class NotificationFeedsHttpController {
  constructor(
    private readonly sources: DocumentSources,
    private readonly renderer: DocumentRenderer,
  ) {}

  @ReadRoute({ path: 'notifications', access: READER, summary: 'Every depositary notification, as an Atom feed', response: FEED, badRequest: 'An unknown lang (the field is named).' })
  @ApiProduces(ATOM)
  @Header('Content-Type', ATOM)
  async all(@Query() query: FeedQueryDto, @CurrentPrincipal() principal: Principal | null, @Req() request: Request): Promise<string> {
    const { records, parties } = await this.sources.all({});
    const visible = notificationsOf(records, (n) => seesInstrument(principal, audienceOf(n)));
    return this.feed(request, 'Depositary notifications', visible, parties, query);
  }

  @ReadRoute({
    path: 'instruments/:id/notifications',
    access: READER,
    summary: 'The depositary notifications of one instrument, as an Atom feed',
    response: FEED,
    badRequest: 'A malformed id or an unknown lang (the field is named).',
    notFound: 'No such instrument (or not one the reader may see).',
  })
  @ApiProduces(ATOM)
  @Header('Content-Type', ATOM)
  async instrument(@Param() { id }: InstrumentParams, @Query() query: FeedQueryDto, @CurrentPrincipal() principal: Principal | null, @Req() request: Request): Promise<string> {
    const { record, parties } = await this.sources.instrument(id, {});
    requireVisible(principal, { stage: record.state.stage, eligibleParties: record.state.eligibleParties.map((p) => p.code) }, id);
    return this.feed(request, `Depositary notifications: ${record.state.title}`, notificationsOf([record]), parties, query);
  }

  @ReadRoute({
    path: 'parties/:code/notifications',
    access: READER,
    summary: 'The depositary notifications of the instruments a party may take part in, as an Atom feed',
    response: FEED,
    badRequest: 'A malformed code or an unknown lang (the field is named).',
    notFound: 'No party registered with that code (PARTY_NOT_FOUND).',
  })
  @ApiProduces(ATOM)
  @Header('Content-Type', ATOM)
  async party(@Param() { code }: PartyFeedParams, @Query() query: FeedQueryDto, @CurrentPrincipal() principal: Principal | null, @Req() request: Request): Promise<string> {
    const party = await this.sources.party(code, {});
    const { records, parties } = await this.sources.all({});
    const concerned = notificationsOf(records, (n) => audienceOf(n).eligibleParties.includes(code) && seesInstrument(principal, audienceOf(n)));
    return this.feed(request, `Depositary notifications for ${party.name}`, concerned, parties, query);
  }

  private feed(request: Request, title: string, notifications: FeedNotification[], parties: Parameters<typeof notificationFeed>[1]['parties'], query: FeedQueryDto): string {
    const baseUrl = (environment(process.env).get('PUBLIC_URL') ?? `${request.protocol}://${request.get('host')}`).replace(/\/$/, '');
    return notificationFeed(notifications, {
      title,
      selfUrl: `${baseUrl}${request.originalUrl}`,
      baseUrl,
      lang: query.lang ?? 'en',
      organisation: environment(process.env).get('ORGANISATION_NAME'),
      parties,
      renderer: this.renderer,
    });
  }
}
