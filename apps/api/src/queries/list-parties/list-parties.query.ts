import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelQueries, type PartyView } from '#libs/read-models';

export class ListPartiesQuery extends Query<PartyView[]> {
  constructor(readonly kind?: string) {
    super();
  }
}

@QueryHandler(ListPartiesQuery)
export class ListPartiesHandler implements IQueryHandler<ListPartiesQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  execute({ kind }: ListPartiesQuery): Promise<PartyView[]> {
    return this.queries.parties(kind ? { kind } : {});
  }
}
