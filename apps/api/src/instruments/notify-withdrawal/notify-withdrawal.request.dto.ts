import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class NotifyWithdrawalRequestDto {
  @ApiProperty({ example: '2024-03-01', description: 'The date the depositary received the notice.' })
  @IsLegalDate()
  notifiedOn: string;

  @ApiPropertyOptional({ example: '2025-03-01', description: 'Default: twelve months after the notice (VCLT 56(2)).' })
  @Optional()
  @IsLegalDate()
  effectiveOn?: string;
}
