import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { CONSENT_KINDS, HYPOTHETICAL_ACTS, type ConsentKind, type HypotheticalActKind } from '#libs/lifecycle';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class HypotheticalActDto {
  @ApiProperty({ example: 'DOM', description: 'The party code (2-12 upper-case letters or digits).' })
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'party must be a party code of 2 to 12 upper-case letters or digits' })
  party: string;

  @ApiProperty({ enum: HYPOTHETICAL_ACTS, example: 'consent' })
  @IsIn(HYPOTHETICAL_ACTS)
  act: HypotheticalActKind;

  @ApiProperty({ example: '2026-06-30', description: 'The date of the act; it may lie ahead.' })
  @IsLegalDate()
  date: string;

  @ApiPropertyOptional({ enum: CONSENT_KINDS, description: 'For a consent; default ratification.' })
  @Optional()
  @IsIn(CONSENT_KINDS)
  kind?: ConsentKind;
}

export class ProjectInstrumentRequestDto {
  @ApiProperty({ type: [HypotheticalActDto], minItems: 1, maxItems: 100, description: 'The hypothetical acts, decided in order.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'acts must name at least one act' })
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => HypotheticalActDto)
  acts: HypotheticalActDto[];

  @ApiPropertyOptional({ example: '2026-12-31', description: 'The date the answer is as at; default the last act’s date or today, whichever is later.' })
  @Optional()
  @IsLegalDate()
  asOf?: string;
}
