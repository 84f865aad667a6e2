import { Controller, Get, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PARTY_KINDS } from '#libs/lifecycle';
import { ReadYourWritesQueryDto } from '../shared/query.request.dto.js';
import { PartyResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { ListPartiesQuery } from './list-parties.query.js';

export class ListPartiesRequestDto extends ReadYourWritesQueryDto {
  @ApiPropertyOptional({ enum: PARTY_KINDS })
  @IsOptional()
  @IsIn(PARTY_KINDS, { message: `kind must be one of ${PARTY_KINDS.join(', ')}` })
  kind?: string;
}

@ApiTags('parties')
@Controller('api/parties')
@UseInterceptors(ReadYourWritesInterceptor)
export class ListPartiesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'The registered parties (states, territories, organisations), by code' })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: [PartyResponse] })
  @ApiBadRequestResponse({ description: 'A malformed kind or minPosition (the parameter is named).' })
  list(@QueryParams() { kind }: ListPartiesRequestDto) {
    return this.queryBus.execute(new ListPartiesQuery(kind));
  }
}
