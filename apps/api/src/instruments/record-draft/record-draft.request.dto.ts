import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { InstrumentTextDto } from '../shared/instrument-text.dto.js';
import { Optional } from '../../common/validation.js';

export class RecordDraftRequestDto {
  @ApiProperty({ type: InstrumentTextDto, description: 'The whole text of this version.' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => InstrumentTextDto)
  text: InstrumentTextDto;

  @ApiProperty({ example: 'Article 5 revised after the Executive Committee’s comments.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  summary: string;

  @ApiPropertyOptional({ example: '2017-03-06', description: 'The date of this version (a negotiating session), where known; default: the day it is recorded.' })
  @Optional()
  @IsLegalDate()
  preparedOn?: string;
}
