import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { Optional } from '../../common/validation.js';

export class NotifyProvisionalApplicationRequestDto {
  @ApiProperty({ example: '2019-06-01', description: 'The date the depositary received the notification.' })
  @IsLegalDate()
  notifiedOn: string;

  @ApiPropertyOptional({ example: '2019-07-01', description: 'The date from which the party applies the instrument provisionally; default: the notification.' })
  @Optional()
  @IsLegalDate()
  appliesFrom?: string;
}
