import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

const DECISIONS = ['approve', 'request-changes'] as const;

export class DecideReviewRequestDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ example: 'Approved for adoption by the Conference.' })
  @Optional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional({ example: '2016-11-09', description: 'The day the reviewers decided, where known; default: the day it is recorded.' })
  @Optional()
  @IsLegalDate()
  decidedOn?: string;
}
