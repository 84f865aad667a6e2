import { ApiProperty } from '@nestjs/swagger';
import { IsLegalDate } from '../../common/legal-date.validator.js';

export class NotifyIntentionNotToBecomePartyRequestDto {
  @ApiProperty({ example: '2021-03-01', description: 'The date the depositary received the notice; provisional application ends on it.' })
  @IsLegalDate()
  notifiedOn: string;
}
