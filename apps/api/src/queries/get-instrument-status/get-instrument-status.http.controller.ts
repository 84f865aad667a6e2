import { Controller, Get, Param, Query as QueryParams, Res, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InstrumentParams } from '../../instruments/shared/route-params.dto.js';
import { TimeTravelQueryDto } from '../shared/query.request.dto.js';
import { InstrumentStatusResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { GetInstrumentStatusQuery } from './get-instrument-status.query.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { InstrumentVisibility } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

export const VIEW_SOURCE_HEADER = 'X-View-Source';

@ApiTags('read models')
@RouteAccess(READER)
@Controller('api/instruments')
@UseInterceptors(ReadYourWritesInterceptor)
export class GetInstrumentStatusHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly visibility: InstrumentVisibility,
  ) {}

  @Get(':id/status')
  @ApiOperation({
    summary: 'Where an instrument stands: stage, draft, adoption, opening, signatures, consents, reservations, entry into force, term, last act',
    description:
      'Today from the read model; with asOf (a legal date) and/or knownAt (a timestamp), folded from the log as it stood then. ' +
      'X-View-Source says which. X-Read-Model-Position gives the log position of the read model. ' +
      'Entry into force (status, date projected while ahead, what met the condition, instruments still required) and an MOU’s term ' +
      'are the final clauses evaluated as at asOf (today by default): before the date, the instrument is not yet in force.',
  })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: InstrumentStatusResponse })
  @ApiBadRequestResponse({ description: 'A malformed asOf, knownAt or minPosition (the parameter is named).' })
  @ApiNotFoundResponse({ description: 'No such instrument (as known at knownAt).' })
  async get(
    @Param() { id }: InstrumentParams,
    @QueryParams() query: TimeTravelQueryDto,
    @CurrentPrincipal() principal: Principal | null,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.visibility.requireVisible(principal, id);
    const answer = await this.queryBus.execute(new GetInstrumentStatusQuery(id, query.asOf, query.knownAt));
    response.setHeader(VIEW_SOURCE_HEADER, answer.source);
    if ('status' in answer) return answer.status;
    response.type('json');
    return answer.json;
  }
}
