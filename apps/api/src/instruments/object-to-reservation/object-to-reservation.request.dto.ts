import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class ObjectToReservationRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The event id of the reservation objected to (from the participants or the events).' })
  @IsUUID('all', { message: 'reservationId must be the event id (a UUID) of the reservation' })
  reservationId: string;

  @ApiProperty({ example: 'The Government objects to the reservation, which is incompatible with the object and purpose of the Agreement.' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  text: string;

  @ApiProperty({ example: '2020-03-02', description: 'The date the depositary received the objection.' })
  @IsLegalDate()
  objectedOn: string;

  @ApiPropertyOptional({ description: 'VCLT 20(4)(b): the objection opposes the entry into force of the instrument between the two parties. Default false.' })
  @Optional()
  @IsBoolean()
  opposesEntryIntoForce?: boolean;
}
