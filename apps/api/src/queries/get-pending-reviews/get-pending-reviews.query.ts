import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadModelQueries, type Page, type PageRequest, type PendingReviewView } from '#libs/read-models';

export class GetPendingReviewsQuery extends Query<Page<PendingReviewView>> {
  constructor(readonly request: PageRequest & { readonly reviewer?: string }) {
    super();
  }
}

@QueryHandler(GetPendingReviewsQuery)
export class GetPendingReviewsHandler implements IQueryHandler<GetPendingReviewsQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  execute({ request }: GetPendingReviewsQuery): Promise<Page<PendingReviewView>> {
    return this.queries.pendingReviews(request);
  }
}
