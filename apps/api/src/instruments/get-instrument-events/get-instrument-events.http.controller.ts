import { Controller, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { instrumentStream, notFound } from '#libs/lifecycle';
import { ReadRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import { fold } from '#libs/event-store';
import { instrumentDecider } from '#libs/lifecycle';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { NEGOTIATION_EVENTS, requireVisible, seesNegotiation } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';

@ApiTags('instruments')
@Controller('api/instruments')
export class GetInstrumentEventsHttpController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @ReadRoute({
    access: READER,
    path: ':id/events',
    summary: 'The instrument’s history: every event in order, with its metadata (actor, recordedAt, legalDate, correlation and causation ids)',
    response: { description: '{ id, events: [{ id, type, revision, position, data, metadata }] }' },
    badRequest: 'The id is not an instrument id (a UUID).',
    notFound: INSTRUMENT_NOT_FOUND,
  })
  async list(@Param() { id }: InstrumentParams, @CurrentPrincipal() principal: Principal | null) {
    const events = await this.store.readStream(instrumentStream(id));
    const state = fold(instrumentDecider, events);
    if (state.stage === 'none') throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded.`);
    const audience = { stage: state.stage, eligibleParties: state.eligibleParties.map((p) => p.code) };
    requireVisible(principal, audience, id);
    // Outside the negotiation, the history leaves the drafts and the review rounds out.
    const shown = seesNegotiation(principal, audience)
      ? events
      : events.filter((e) => !NEGOTIATION_EVENTS.includes(instrumentDecider.decode(e).event.type));
    return {
      id,
      events: shown.map((e) => ({
        id: e.id,
        type: e.type,
        revision: Number(e.revision),
        position: e.position.toString(),
        data: e.data,
        metadata: e.metadata,
      })),
    };
  }
}
