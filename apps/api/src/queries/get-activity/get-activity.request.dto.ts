import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../shared/query.request.dto.js';

export class GetActivityRequestDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this instrument.' })
  @IsOptional()
  @IsUUID('all', { message: 'instrumentId must be an instrument id (a UUID)' })
  instrumentId?: string;

  @ApiPropertyOptional({ description: 'Only acts of this party.', example: 'CUB' })
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,12}$/, { message: 'party must be a party code of 2 to 12 upper-case letters or digits' })
  party?: string;

  @ApiPropertyOptional({ enum: ['legal', 'recorded'], default: 'legal', description: 'Newest first by the date of the act (legal) or by recording.' })
  @IsOptional()
  @IsIn(['legal', 'recorded'], { message: 'order must be legal or recorded' })
  order?: 'legal' | 'recorded';
}
