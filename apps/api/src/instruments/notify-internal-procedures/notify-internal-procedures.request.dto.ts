import { ApiProperty } from '@nestjs/swagger';
import { IsLegalDate } from '../../common/legal-date.validator.js';

export class NotifyInternalProceduresRequestDto {
  @ApiProperty({ example: '2020-03-01', description: 'The date the other party received the notification.' })
  @IsLegalDate()
  notifiedOn: string;
}
