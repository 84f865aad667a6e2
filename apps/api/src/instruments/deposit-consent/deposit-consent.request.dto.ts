import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONSENT_KINDS, type ConsentKind } from '#libs/lifecycle';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class DepositConsentRequestDto {
  @ApiProperty({ enum: CONSENT_KINDS, example: 'ratification' })
  @IsIn(CONSENT_KINDS)
  kind: ConsentKind;

  @ApiProperty({ example: '2019-11-01', description: 'The date the instrument was deposited; consent takes effect on deposit.' })
  @IsLegalDate()
  depositedOn: string;

  @ApiPropertyOptional({ example: '2019-10-14', description: 'The date of the domestic act (parliament’s approval), where one exists.' })
  @Optional()
  @IsLegalDate()
  domesticActOn?: string;

  @ApiPropertyOptional({ example: '1983-09-19', description: 'Succession only: the date of succession, from which the State considers itself bound (depositedOn is then the date of the notification of succession).' })
  @Optional()
  @IsLegalDate()
  succeededOn?: string;
}
