import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { DocumentQueryDto } from '../shared/document-query.request.dto.js';

export class GetProgressReportRequestDto extends DocumentQueryDto {
  @ApiPropertyOptional({ description: 'As at this legal date (YYYY-MM-DD). Default: the day the last event was recorded.', example: '2024-05-01' })
  @IsOptional()
  @IsLegalDate({ message: 'asOf must be a calendar date as YYYY-MM-DD' })
  asOf?: string;
}
