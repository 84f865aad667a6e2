import { IsLegalDate } from '../../common/legal-date.validator.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { INSTRUMENT_KINDS, type InstrumentKind } from '#libs/lifecycle';
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

  @ApiProperty({ type: [String], example: ['NLD', 'GBR', 'BHS'], description: 'Codes of registered parties.' })
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(/^[A-Z0-9]{2,12}$/, { each: true, message: 'each of eligibleParties must be a party code of 2 to 12 upper-case letters or digits' })
  eligibleParties: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a protocol or an amendment.' })
  @IsOptional()
  @IsUUID('all')
  parentId?: string;

  @ApiPropertyOptional({ type: [String], example: ['en', 'fr', 'es'], description: 'Authentic language versions (ISO 639-1).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'each of languages must be an ISO 639 language code such as en' })
  languages?: string[];

  @ApiPropertyOptional({ example: 'CCLEC Permanent Secretariat' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  depositary?: string;

  @ApiPropertyOptional({ type: InstrumentTextDto, description: 'The first draft; recorded as version 1.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => InstrumentTextDto)
  text?: InstrumentTextDto;

  @ApiPropertyOptional({ example: '2016-10-03', description: 'The date the first draft (text) was prepared; default: the day it is recorded.' })
  @IsOptional()
  @IsLegalDate()
  preparedOn?: string;
}
