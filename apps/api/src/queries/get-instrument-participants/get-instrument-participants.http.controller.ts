import { Controller, Get, Param, Query as QueryParams, Res, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InstrumentParams } from '../../instruments/shared/route-params.dto.js';
import { VIEW_SOURCE_HEADER } from '../get-instrument-status/get-instrument-status.http.controller.js';
import { TimeTravelQueryDto } from '../shared/query.request.dto.js';
import { ParticipantsResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { GetInstrumentParticipantsQuery } from './get-instrument-participants.query.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { InstrumentVisibility } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

@ApiTags('read models')
@RouteAccess(READER)
@Controller('api/instruments')
@UseInterceptors(ReadYourWritesInterceptor)
export class GetInstrumentParticipantsHttpController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly visibility: InstrumentVisibility,
  ) {}

  @Get(':id/participants')
  @ApiOperation({
    summary: 'The participation matrix of an instrument: per eligible party, signature, consent, reservations, withdrawal, entry into force',
    description:
      'Today from the read model; with asOf and/or knownAt, folded from the log as it stood then. Each party’s entry into force, ' +
      'withdrawal effective date, status under the final clauses and the objection window of each reservation are as at asOf.',
  })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: ParticipantsResponse })
  @ApiBadRequestResponse({ description: 'A malformed asOf, knownAt or minPosition (the parameter is named).' })
  @ApiNotFoundResponse({ description: 'No such instrument (as known at knownAt).' })
  async get(
    @Param() { id }: InstrumentParams,
    @QueryParams() query: TimeTravelQueryDto,
    @CurrentPrincipal() principal: Principal | null,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.visibility.requireVisible(principal, id);
    const { source, ...answer } = await this.queryBus.execute(new GetInstrumentParticipantsQuery(id, query.asOf, query.knownAt));
    response.setHeader(VIEW_SOURCE_HEADER, source);
    if (!('participantsJson' in answer)) return answer;
    // Today's stored rows, sent as stored: only the envelope is written here.
    const { participantsJson, ...envelope } = answer;
    response.type('json');
    return `${JSON.stringify(envelope).slice(0, -1)},"participants":${participantsJson}}`;
  }
}
