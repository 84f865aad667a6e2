import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { notFound } from '#libs/lifecycle';
import { ReadModelQueries, type Page, type PageRequest, type PartyInstrumentView } from '#libs/read-models';

export class GetPartyInstrumentsQuery extends Query<Page<PartyInstrumentView>> {
  constructor(
    readonly party: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(GetPartyInstrumentsQuery)
export class GetPartyInstrumentsHandler implements IQueryHandler<GetPartyInstrumentsQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ party, page }: GetPartyInstrumentsQuery): Promise<Page<PartyInstrumentView>> {
    const answer = await this.queries.partyInstruments(party, page);
    if (answer.total === 0 && !(await this.queries.party(party))) {
      throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${party}.`);
    }
    return answer;
  }
}
