import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { RESERVATION_KINDS, type ReservationKind } from '#libs/lifecycle';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

const MADE_AT = ['signature', 'deposit'] as const;

export class MakeReservationRequestDto {
  @ApiProperty({ enum: RESERVATION_KINDS })
  @IsIn(RESERVATION_KINDS)
  kind: ReservationKind;

  @ApiProperty({ example: 'The Government declares that it does not consider itself bound by Article 12.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text: string;

  @ApiProperty({ example: '2019-11-01' })
  @IsLegalDate()
  madeOn: string;

  @ApiPropertyOptional({ enum: MADE_AT, description: 'Default: at deposit once the party has deposited, otherwise at signature.' })
  @Optional()
  @IsIn(MADE_AT)
  madeAt?: (typeof MADE_AT)[number];
}
