import { Controller, Get, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InstrumentPageResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { ListInstrumentsQuery } from './list-instruments.query.js';
import { ListInstrumentsRequestDto } from './list-instruments.request.dto.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { listFilterFor } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

@ApiTags('read models')
@RouteAccess(READER)
@Controller('api/instruments')
@UseInterceptors(ReadYourWritesInterceptor)
export class ListInstrumentsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Instruments with their status today, filtered by kind, stage or eligible party, sorted and paged',
    description: 'Each item is the status as at today, entry into force (status, date, instruments still required) included. The stage filter matches the stage the log last set.',
  })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: InstrumentPageResponse })
  @ApiBadRequestResponse({ description: 'A malformed filter, sort or page (the parameter is named).' })
  list(@QueryParams() { kind, stage, party, sort, page, pageSize }: ListInstrumentsRequestDto, @CurrentPrincipal() principal: Principal | null) {
    return this.queryBus.execute(new ListInstrumentsQuery({ kind, stage, party, sort, page, pageSize, audience: listFilterFor(principal) }));
  }
}
