import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class DeclareTerritorialApplicationRequestDto {
  @ApiProperty({ example: 'ABW', description: 'The territory: the code of a party registered as a territory, otherwise its name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  territory: string;

  @ApiPropertyOptional({ description: 'false: the instrument does not extend to the territory. Default true.' })
  @Optional()
  @IsBoolean()
  extends?: boolean;

  @ApiProperty({ example: '2019-05-22', description: 'The date of the declaration (at signature, at consent or later).' })
  @IsLegalDate()
  declaredOn: string;

  @ApiPropertyOptional({ example: '2019-09-01', description: 'The date the extension takes effect; default: the declaration.' })
  @Optional()
  @IsLegalDate()
  effectiveOn?: string;
}
