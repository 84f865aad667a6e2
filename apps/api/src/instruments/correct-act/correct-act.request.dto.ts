import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { CONSENT_KINDS, RESERVATION_KINDS } from '#libs/lifecycle';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { VotesDto } from '../adopt-text/adopt-text.request.dto.js';
import { SignatoryDto } from '../sign-instrument/sign-instrument.request.dto.js';

const KINDS = [...CONSENT_KINDS, ...RESERVATION_KINDS] as const;

/** The corrected fields; which of them apply depends on the act the correction names (checked by the domain). */
export class CorrectActRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The id of the event that recorded the act (see GET /api/instruments/:id/events).' })
  @IsUUID('all')
  eventId: string;

  @ApiProperty({ example: 'The depositary’s register shows the instrument was received on 1 November, not 11 November.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;

  @ApiPropertyOptional() @IsOptional() @IsLegalDate() signedOn?: string;
  @ApiPropertyOptional({ type: SignatoryDto }) @IsOptional() @ValidateNested() @Type(() => SignatoryDto) signatory?: SignatoryDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() definitive?: boolean;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) place?: string;
  @ApiPropertyOptional({ enum: KINDS }) @IsOptional() @IsIn(KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsLegalDate() depositedOn?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsLegalDate() domesticActOn?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(20_000) text?: string;
  @ApiPropertyOptional() @IsOptional() @IsLegalDate() madeOn?: string;
  @ApiPropertyOptional({ enum: ['signature', 'deposit'] }) @IsOptional() @IsIn(['signature', 'deposit']) madeAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsLegalDate() notifiedOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsLegalDate() effectiveOn?: string;
  @ApiPropertyOptional() @IsOptional() @IsLegalDate() adoptedOn?: string;
  @ApiPropertyOptional({ enum: ['consensus', 'vote'] }) @IsOptional() @IsIn(['consensus', 'vote']) method?: string;
  @ApiPropertyOptional({ type: VotesDto, nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @ValidateNested() @Type(() => VotesDto) votes?: VotesDto | null;
  @ApiPropertyOptional() @IsOptional() @IsLegalDate() opensOn?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsLegalDate() closesOn?: string | null;
}
