import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { ADOPTION_METHODS, CONSENT_KINDS, CORRECTABLE_ACTS, RESERVATION_KINDS, RESERVATION_MOMENTS, type CorrectableField } from '#libs/lifecycle';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional, OptionalNullable } from '../../common/validation.js';
import { VotesDto } from '../adopt-text/adopt-text.request.dto.js';
import { SignatoryDto } from '../sign-instrument/sign-instrument.request.dto.js';

const KINDS = [...CONSENT_KINDS, ...RESERVATION_KINDS] as const;

/** Which fields each act takes, from the domain's catalogue: shown in the OpenAPI document. */
const FIELDS_BY_ACT = Object.values(CORRECTABLE_ACTS)
  .map((act) => `${act.label}: ${act.correctable.join(', ')}`)
  .join('; ');

/**
 * The corrected fields, each typed as in the act it corrects; which of them apply depends on the act the
 * correction names (checked by the domain). Null clears an optional field (place, domesticActOn, votes, closesOn).
 */
export class CorrectActRequestDto {
  @ApiProperty({ format: 'uuid', description: `The id of the event that recorded the act (see GET /api/instruments/:id/events). The fields each act takes: ${FIELDS_BY_ACT}.` })
  @IsUUID('all')
  eventId: string;

  @ApiProperty({ example: 'The depositary’s register shows the instrument was received on 1 November, not 11 November.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;

  @ApiPropertyOptional({ example: '2019-05-22' }) @Optional() @IsLegalDate() signedOn?: string;
  @ApiPropertyOptional({ type: SignatoryDto }) @Optional() @IsObject() @ValidateNested() @Type(() => SignatoryDto) signatory?: SignatoryDto;
  @ApiPropertyOptional() @Optional() @IsBoolean() definitive?: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 }) @OptionalNullable() @IsString() @MaxLength(200) place?: string | null;
  @ApiPropertyOptional({ enum: KINDS }) @Optional() @IsIn(KINDS) kind?: string;
  @ApiPropertyOptional({ example: '2019-11-01' }) @Optional() @IsLegalDate() depositedOn?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2019-10-14' }) @OptionalNullable() @IsLegalDate() domesticActOn?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '1983-09-19', description: 'Succession: the date of succession.' }) @OptionalNullable() @IsLegalDate() succeededOn?: string | null;
  @ApiPropertyOptional({ minLength: 1, maxLength: 20_000 }) @Optional() @IsString() @MinLength(1) @MaxLength(20_000) text?: string;
  @ApiPropertyOptional({ example: '2019-11-01' }) @Optional() @IsLegalDate() madeOn?: string;
  @ApiPropertyOptional({ enum: RESERVATION_MOMENTS }) @Optional() @IsIn(RESERVATION_MOMENTS) madeAt?: string;
  @ApiPropertyOptional({ example: '2024-03-01' }) @Optional() @IsLegalDate() notifiedOn?: string;
  @ApiPropertyOptional({ example: '2025-03-01' }) @Optional() @IsLegalDate() effectiveOn?: string;
  @ApiPropertyOptional({ example: '2017-05-25' }) @Optional() @IsLegalDate() adoptedOn?: string;
  @ApiPropertyOptional({ enum: ADOPTION_METHODS }) @Optional() @IsIn(ADOPTION_METHODS) method?: string;
  @ApiPropertyOptional({ type: VotesDto, nullable: true })
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => VotesDto)
  votes?: VotesDto | null;
  @ApiPropertyOptional({ example: '2019-05-22' }) @Optional() @IsLegalDate() opensOn?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2020-05-21' }) @OptionalNullable() @IsLegalDate() closesOn?: string | null;
}

/** Every field the catalogue lets a correction change has its typed field above: a new one is a compile error here. */
type Covers<T extends true> = T;
export type CorrectActRequestCoversCatalogue = Covers<CorrectableField extends keyof CorrectActRequestDto ? true : false>;
