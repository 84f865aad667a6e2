import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class DiscardInstrumentRequestDto {
  @ApiProperty({ example: 'Recorded twice by mistake; the record of 3 March is the one kept.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;

  @ApiPropertyOptional({ example: '2026-03-04', description: 'Default: the day it is recorded.' })
  @Optional()
  @IsLegalDate()
  discardedOn?: string;
}
