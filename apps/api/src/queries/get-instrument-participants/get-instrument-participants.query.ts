import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { instrumentAsOf, ReadModelQueries, type ParticipantView } from '#libs/read-models';
import { Clock } from '../../common/clock.js';
import { instrumentNotFound } from '../get-instrument-status/get-instrument-status.query.js';

/** The views, or today's stored answer as JSON text (sent as it is). */
export type ParticipantsAnswer = {
  readonly instrumentId: string;
  readonly asOf: string;
  readonly knownAt: string | null;
  readonly source: 'read-model' | 'event-log';
} & ({ readonly participants: readonly ParticipantView[] } | { readonly participantsJson: string });

export class GetInstrumentParticipantsQuery extends Query<ParticipantsAnswer> {
  constructor(
    readonly instrumentId: string,
    readonly asOf?: string,
    readonly knownAt?: string,
  ) {
    super();
  }
}

@QueryHandler(GetInstrumentParticipantsQuery)
export class GetInstrumentParticipantsHandler implements IQueryHandler<GetInstrumentParticipantsQuery> {
  constructor(
    private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ instrumentId, asOf, knownAt }: GetInstrumentParticipantsQuery): Promise<ParticipantsAnswer> {
    const date = asOf ?? this.clock.today();
    if (asOf || knownAt) {
      const folded = await instrumentAsOf(this.events, instrumentId, { asOf: date, ...(knownAt ? { knownAt } : {}) });
      if (!folded) throw instrumentNotFound(instrumentId);
      return { instrumentId, asOf: date, knownAt: folded.knownAt, participants: folded.participants, source: 'event-log' };
    }
    const stored = await this.queries.storedTexts(instrumentId, date);
    if (stored) return { instrumentId, asOf: date, knownAt: null, participantsJson: stored.participants, source: 'read-model' };
    const participants = await this.queries.participants(instrumentId, date);
    if (!participants) throw instrumentNotFound(instrumentId);
    return { instrumentId, asOf: date, knownAt: null, participants, source: 'read-model' };
  }
}
