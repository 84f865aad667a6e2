import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelQueries, type InstrumentListRequest, type InstrumentStatusView, type Page } from '#libs/read-models';

export class ListInstrumentsQuery extends Query<Page<InstrumentStatusView>> {
  constructor(readonly request: InstrumentListRequest) {
    super();
  }
}

@QueryHandler(ListInstrumentsQuery)
export class ListInstrumentsHandler implements IQueryHandler<ListInstrumentsQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  execute({ request }: ListInstrumentsQuery): Promise<Page<InstrumentStatusView>> {
    return this.queries.instruments(request);
  }
}
