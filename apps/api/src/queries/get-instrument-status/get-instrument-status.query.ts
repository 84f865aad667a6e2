import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { notFound } from '#libs/lifecycle';
import { instrumentAsOf, ReadModelQueries, type InstrumentStatusView } from '#libs/read-models';
import { Clock } from '../../common/clock.js';

/** The view, or today's stored answer as the JSON text it is sent as (a lookup: nothing parsed or serialised). */
export type StatusAnswer = {
  /** `read-model` for today; `event-log` when asOf or knownAt asked for a fold of the log. */
  readonly source: 'read-model' | 'event-log';
} & ({ readonly status: InstrumentStatusView } | { readonly json: string });

export class GetInstrumentStatusQuery extends Query<StatusAnswer> {
  constructor(
    readonly instrumentId: string,
    readonly asOf?: string,
    readonly knownAt?: string,
  ) {
    super();
  }
}

export const instrumentNotFound = (id: string) => notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded.`);

@QueryHandler(GetInstrumentStatusQuery)
export class GetInstrumentStatusHandler implements IQueryHandler<GetInstrumentStatusQuery> {
  constructor(
    private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly clock: Clock,
  ) {}

  async execute({ instrumentId, asOf, knownAt }: GetInstrumentStatusQuery): Promise<StatusAnswer> {
    if (asOf || knownAt) {
      const folded = await instrumentAsOf(this.events, instrumentId, { asOf: asOf ?? this.clock.today(), ...(knownAt ? { knownAt } : {}) });
      if (!folded) throw instrumentNotFound(instrumentId);
      return { status: folded.status, source: 'event-log' };
    }
    const today = this.clock.today();
    const stored = await this.queries.storedTexts(instrumentId, today);
    if (stored) return { json: stored.status, source: 'read-model' };
    const status = await this.queries.status(instrumentId, today);
    if (!status) throw instrumentNotFound(instrumentId);
    return { status, source: 'read-model' };
  }
}
