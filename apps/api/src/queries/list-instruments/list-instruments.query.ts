import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelQueries, type InstrumentListRequest, type InstrumentStatusView, type Page } from '#libs/read-models';
import { Clock } from '../../common/clock.js';

export class ListInstrumentsQuery extends Query<Page<InstrumentStatusView>> {
  constructor(readonly request: InstrumentListRequest) {
    super();
  }
}

@QueryHandler(ListInstrumentsQuery)
export class ListInstrumentsHandler implements IQueryHandler<ListInstrumentsQuery> {
  constructor(
    private readonly queries: ReadModelQueries,
    private readonly clock: Clock,
  ) {}

  /** Each item as at the server's today (the same day the status route answers for). */
  execute({ request }: ListInstrumentsQuery): Promise<Page<InstrumentStatusView>> {
    return this.queries.instruments(request, this.clock.today());
  }
}
