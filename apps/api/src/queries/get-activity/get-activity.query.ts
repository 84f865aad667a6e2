import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelQueries, type ActivityRequest, type ActivityView, type Page } from '#libs/read-models';

export class GetActivityQuery extends Query<Page<ActivityView>> {
  constructor(readonly request: ActivityRequest) {
    super();
  }
}

@QueryHandler(GetActivityQuery)
export class GetActivityHandler implements IQueryHandler<GetActivityQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  execute({ request }: GetActivityQuery): Promise<Page<ActivityView>> {
    return this.queries.activity(request);
  }
}
