import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class NotifyTerminationRequestDto {
  @ApiProperty({ example: '2024-01-15' })
  @IsLegalDate()
  notifiedOn: string;

  @ApiPropertyOptional({ example: '2024-06-30', description: 'A later date named in the notice; default: as the MOU’s term clause says.' })
  @Optional()
  @IsLegalDate()
  effectiveOn?: string;
}
