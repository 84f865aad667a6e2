import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsObject, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class SignatoryDto {
  @ApiProperty({ example: 'Illustrative Signatory' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Comptroller of Customs' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;
}

export class SignInstrumentRequestDto {
  @ApiProperty({ example: '2019-05-22' })
  @IsLegalDate()
  signedOn: string;

  @ApiProperty({ type: SignatoryDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SignatoryDto)
  signatory: SignatoryDto;

  @ApiPropertyOptional({ default: false, description: 'A definitive signature binds without ratification (VCLT 12).' })
  @Optional()
  @IsBoolean()
  definitive?: boolean;

  @ApiPropertyOptional({ example: 'Havana' })
  @Optional()
  @IsString()
  @MaxLength(200)
  place?: string;
}
