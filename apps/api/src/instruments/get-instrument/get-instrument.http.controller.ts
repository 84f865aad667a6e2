import { Controller, Inject, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, fold, type EventStore } from '#libs/event-store';
import { assessInstrument, reservationObjectionWindows, instrumentDecider, instrumentStageAsOf, instrumentStream, notFound } from '#libs/lifecycle';
import type { Response } from 'express';
import { Clock } from '../../common/clock.js';
import { etag } from '../../common/command-request.js';
import { ReadRoute } from '../../common/route-declarations.js';
import { INSTRUMENT_NOT_FOUND } from '../shared/instrument-commands.js';
import { InstrumentParams } from '../shared/route-params.dto.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { requireVisible, seesNegotiation } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';

@ApiTags('instruments')
@Controller('api/instruments')
export class GetInstrumentHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  @ReadRoute({
    access: READER,
    path: ':id',
    summary: 'The instrument as folded from its stream: the write side’s own view, always current',
    response: { description: 'The instrument state, with today’s stage and entry-into-force assessment.' },
    etag: true,
    badRequest: 'The id is not an instrument id (a UUID).',
    notFound: INSTRUMENT_NOT_FOUND,
  })
  async get(@Param() { id }: InstrumentParams, @CurrentPrincipal() principal: Principal | null, @Res({ passthrough: true }) response: Response) {
    const events = await this.store.readStream(instrumentStream(id));
    const state = fold(instrumentDecider, events);
    if (state.stage === 'none') throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded.`);
    const audience = { stage: state.stage, eligibleParties: state.eligibleParties.map((p) => p.code) };
    requireVisible(principal, audience, id);
    // Outside the negotiation, the adopted text only: no earlier drafts, no review rounds or comments.
    const negotiation = seesNegotiation(principal, audience);
    const revision = events[events.length - 1].revision;
    response.setHeader('ETag', etag(revision));
    const today = this.clock.today();
    const assessment = assessInstrument(state, { asOf: today });
    const { acts: _acts, ...view } = state;
    // Today's stage and the computed dates (projected entry into force, per-party dates, instruments still required).
    return {
      ...view,
      ...(negotiation ? {} : { drafts: view.drafts.filter((d) => d.version === state.adoption?.version), reviews: [] }),
      stage: instrumentStageAsOf(state, today, assessment),
      assessment: { ...assessment, reservationObjectionWindows: reservationObjectionWindows(state) },
      revision: Number(revision),
    };
  }
}
