import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class RequestReviewRequestDto {
  @ApiProperty({ type: [String], example: ['Legal Adviser, Netherlands', 'Legal Adviser, United Kingdom'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  reviewers: string[];

  @ApiPropertyOptional({ example: 'For consideration by the Executive Committee.' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({ example: '2016-11-08', description: 'The day the draft went to its reviewers (a meeting’s first day), where known; default: the day it is recorded.' })
  @Optional()
  @IsLegalDate()
  requestedOn?: string;
}
