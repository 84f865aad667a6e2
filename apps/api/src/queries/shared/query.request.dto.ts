import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '#libs/read-models';
import { IsLegalDate } from '../../common/legal-date.validator.js';

/** Every query accepts minPosition (read your writes; see ReadYourWritesInterceptor). */
export class ReadYourWritesQueryDto {
  @ApiPropertyOptional({
    description: "Wait (at most 2 s by default) until the read models reflect this log position (a command's X-Log-Position). Same as the X-Min-Position header.",
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: "minPosition must be a log position (a whole number, as in a command's X-Log-Position header)" })
  minPosition?: string;
}

export class PageQueryDto extends ReadYourWritesQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
  pageSize?: number;
}

/** Time travel: as at a legal date, as known at a moment. Either one makes the answer a fold of the log. */
export class TimeTravelQueryDto extends ReadYourWritesQueryDto {
  @ApiPropertyOptional({ description: 'The legal date to answer as at (YYYY-MM-DD): acts dated later are not shown.', example: '2017-01-01' })
  @IsOptional()
  @IsLegalDate({ message: 'asOf must be a calendar date as YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({
    description: 'Answer with what had been recorded by this moment (ISO timestamp): later events, corrections included, are not seen.',
    example: '2024-05-01T12:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'knownAt must be an ISO timestamp such as 2024-05-01T12:00:00Z' })
  knownAt?: string;
}
