import { Controller, Get, Param, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PartyParams } from '../../parties/get-party/get-party.http.controller.js';
import { PageQueryDto } from '../shared/query.request.dto.js';
import { PartyInstrumentPageResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { GetPartyInstrumentsQuery } from './get-party-instruments.query.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

@ApiTags('read models')
@RouteAccess(READER)
@Controller('api/parties')
@UseInterceptors(ReadYourWritesInterceptor)
export class GetPartyInstrumentsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':code/instruments')
  @ApiOperation({ summary: 'Every instrument a party has acted on (signature, consent, reservation, withdrawal...), with its acts, latest first' })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: PartyInstrumentPageResponse })
  @ApiBadRequestResponse({ description: 'A malformed party code or page (the parameter is named).' })
  @ApiNotFoundResponse({ description: 'No party is registered with this code.' })
  list(@Param() { code }: PartyParams, @QueryParams() { page, pageSize }: PageQueryDto) {
    return this.queryBus.execute(new GetPartyInstrumentsQuery(code, { page, pageSize }));
  }
}
