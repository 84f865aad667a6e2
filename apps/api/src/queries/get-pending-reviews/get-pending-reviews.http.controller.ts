import { Controller, Get, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../shared/query.request.dto.js';
import { PendingReviewPageResponse } from '../shared/query-responses.dto.js';
import { MIN_POSITION_HEADER, ReadYourWritesInterceptor } from '../shared/read-your-writes.interceptor.js';
import { GetPendingReviewsQuery } from './get-pending-reviews.query.js';
import { REVIEW_QUEUE_READERS } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';

export class GetPendingReviewsRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only drafts this reviewer was asked to review.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reviewer?: string;
}

@ApiTags('read models')
@RouteAccess(REVIEW_QUEUE_READERS)
@Controller('api/reviews')
@UseInterceptors(ReadYourWritesInterceptor)
export class GetPendingReviewsHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('pending')
  @ApiOperation({ summary: 'Drafts awaiting review, with reviewers and how long they have waited (oldest first)' })
  @ApiHeader({ name: MIN_POSITION_HEADER, required: false, description: 'Read your writes: wait until the read model reaches this log position.' })
  @ApiOkResponse({ type: PendingReviewPageResponse })
  @ApiBadRequestResponse({ description: 'A malformed filter or page (the parameter is named).' })
  list(@QueryParams() { reviewer, page, pageSize }: GetPendingReviewsRequestDto) {
    return this.queryBus.execute(new GetPendingReviewsQuery({ reviewer, page, pageSize }));
  }
}
