import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class WithdrawReservationRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The event id of the reservation or declaration withdrawn.' })
  @IsUUID('all', { message: 'reservationId must be the event id (a UUID) of the reservation or declaration' })
  reservationId: string;

  @ApiProperty({ example: '2021-02-01', description: 'The date the depositary received the notification of withdrawal.' })
  @IsLegalDate()
  notifiedOn: string;

  @ApiPropertyOptional({ example: '2021-05-01', description: 'A later date the notification names; default: on receipt (VCLT 22(3)).' })
  @Optional()
  @IsLegalDate()
  effectiveOn?: string;
}
