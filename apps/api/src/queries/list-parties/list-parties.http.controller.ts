import { Controller, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { ReadRoute } from '../../common/route-declarations.js';
import { PartyPageResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { ListPartiesQuery } from './list-parties.query.js';
import { ListPartiesRequestDto } from './list-parties.request.dto.js';
import { READER } from '../../identity/access-rule.js';

@ApiTags('parties')
@Controller('api/parties')
@UseInterceptors(ReadYourWritesInterceptor)
export class ListPartiesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @ReadRoute({
    access: READER,
    summary: 'The registered parties (states, territories, organisations), filtered by kind, sorted (by code) and paged',
    response: PartyPageResponse,
    badRequest: 'A malformed kind, sort, page or minPosition (the parameter is named).',
  })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  list(@QueryParams() { kind, sort, page, pageSize }: ListPartiesRequestDto) {
    return this.queryBus.execute(new ListPartiesQuery({ kind, sort, page, pageSize }));
  }
}
