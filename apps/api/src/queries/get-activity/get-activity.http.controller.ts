import { Controller, Get, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActivityPageResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { GetActivityQuery } from './get-activity.query.js';
import { GetActivityRequestDto } from './get-activity.request.dto.js';
import type { Principal } from '#libs/identity';
import { CurrentPrincipal } from '../../identity/current-principal.js';
import { activityFilterFor } from '../../identity/visibility.js';
import { READER } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

@ApiTags('read models')
@RouteAccess(READER)
@Controller('api/activity')
@UseInterceptors(ReadYourWritesInterceptor)
export class GetActivityHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Recent acts across all instruments, newest first, paged (corrections shown on the act they correct)' })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: ActivityPageResponse })
  @ApiBadRequestResponse({ description: 'A malformed filter or page (the parameter is named).' })
  list(@QueryParams() { instrumentId, party, order, page, pageSize }: GetActivityRequestDto, @CurrentPrincipal() principal: Principal | null) {
    return this.queryBus.execute(new GetActivityQuery({ instrumentId, party, order, page, pageSize, audience: activityFilterFor(principal) }));
  }
}
