import { ApiProperty } from '@nestjs/swagger';
import { IsLegalDate } from '../../common/legal-date.validator.js';

export class RevokeWithdrawalRequestDto {
  @ApiProperty({ example: '2024-09-01', description: 'The date the revocation was notified; before the withdrawal takes effect (VCLT 68).' })
  @IsLegalDate()
  revokedOn: string;
}
