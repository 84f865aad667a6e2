import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';

export class TerminateInstrumentRequestDto {
  @ApiProperty({ example: '2030-01-01' })
  @IsLegalDate()
  terminatedOn: string;

  @ApiProperty({ example: 'Superseded by the Agreement establishing the Caribbean Customs Organization.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  reason: string;
}
