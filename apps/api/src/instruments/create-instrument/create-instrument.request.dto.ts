import { IsLegalDate } from '../../common/legal-date.validator.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INSTRUMENT_KINDS, type InstrumentKind } from '#libs/lifecycle';
import { Optional } from '../../common/validation.js';
import { FinalClausesDto } from '../shared/final-clauses.dto.js';
import { InstrumentTextDto } from '../shared/instrument-text.dto.js';

export class CreateInstrumentRequestDto extends FinalClausesDto {
  @ApiProperty({ enum: INSTRUMENT_KINDS, example: 'treaty' })
  @IsIn(INSTRUMENT_KINDS)
  kind: InstrumentKind;

  @ApiProperty({ example: 'Agreement establishing the Caribbean Customs Organization' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title: string;

  @ApiProperty({ type: [String], example: ['NLD', 'GBR', 'BHS'], description: 'Codes of registered parties (at least one).', minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1, { message: 'eligibleParties must name at least one registered party' })
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(/^[A-Z0-9]{2,12}$/, { each: true, message: 'each of eligibleParties must be a party code of 2 to 12 upper-case letters or digits' })
  eligibleParties: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a protocol or an amendment.' })
  @Optional()
  @IsUUID('all')
  parentId?: string;

  @ApiPropertyOptional({ type: [String], example: ['en', 'fr', 'es'], description: 'Authentic language versions (ISO 639-1).' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'each of languages must be an ISO 639 language code such as en' })
  languages?: string[];

  @ApiPropertyOptional({ example: 'CCLEC Permanent Secretariat' })
  @Optional()
  @IsString()
  @MaxLength(300)
  depositary?: string;

  @ApiPropertyOptional({ type: InstrumentTextDto, description: 'The first draft; recorded as version 1.' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => InstrumentTextDto)
  text?: InstrumentTextDto;

  @ApiPropertyOptional({ example: '2016-10-03', description: 'The date the first draft (text) was prepared; default: the day it is recorded.' })
  @Optional()
  @IsLegalDate()
  preparedOn?: string;
}
