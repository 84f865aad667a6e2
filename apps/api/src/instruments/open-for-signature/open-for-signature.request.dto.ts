import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class OpenForSignatureRequestDto {
  @ApiProperty({ example: '2019-05-22' })
  @IsLegalDate()
  opensOn: string;

  @ApiPropertyOptional({ example: '2020-05-21', description: 'Last day for signature; open-ended when omitted.' })
  @Optional()
  @IsLegalDate()
  closesOn?: string;

  @ApiProperty({ example: 'Havana' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;
}
