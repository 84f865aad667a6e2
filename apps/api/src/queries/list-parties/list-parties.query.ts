import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelQueries, type Page, type PartyListRequest, type PartyView } from '#libs/read-models';

export class ListPartiesQuery extends Query<Page<PartyView>> {
  constructor(readonly request: PartyListRequest) {
    super();
  }
}

@QueryHandler(ListPartiesQuery)
export class ListPartiesHandler implements IQueryHandler<ListPartiesQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  execute({ request }: ListPartiesQuery): Promise<Page<PartyView>> {
    return this.queries.partyList(request);
  }
}
