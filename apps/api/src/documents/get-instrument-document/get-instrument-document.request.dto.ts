import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { INSTRUMENT_DOCUMENT_TYPES } from '#libs/documents';
import { IsLegalDate } from '../../common/legal-date.validator.js';
import { DocumentQueryDto } from '../shared/document-query.request.dto.js';

const VERSION = /^(\d{1,6}|adopted|latest)$/;

export class InstrumentDocumentParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be an instrument id (a UUID)' })
  id: string;

  @ApiProperty({ enum: INSTRUMENT_DOCUMENT_TYPES })
  @IsIn(INSTRUMENT_DOCUMENT_TYPES, { message: `type must be one of: ${INSTRUMENT_DOCUMENT_TYPES.join(', ')}` })
  type: (typeof INSTRUMENT_DOCUMENT_TYPES)[number];
}

export class GetInstrumentDocumentRequestDto extends DocumentQueryDto {
  @ApiPropertyOptional({ description: 'text: a draft version number, "adopted" or "latest" (default: the adopted text, else the latest draft).', example: 'adopted' })
  @IsOptional()
  @Matches(VERSION, { message: 'version must be a draft version number, "adopted" or "latest"' })
  version?: string;

  @ApiPropertyOptional({ description: 'redline: the earlier version (default: the one before `to`).', example: '1' })
  @IsOptional()
  @Matches(VERSION, { message: 'from must be a draft version number, "adopted" or "latest"' })
  from?: string;

  @ApiPropertyOptional({ description: 'redline: the later version (default: the adopted text, else the latest draft).', example: '2' })
  @IsOptional()
  @Matches(VERSION, { message: 'to must be a draft version number, "adopted" or "latest"' })
  to?: string;

  @ApiPropertyOptional({
    description: 'status-report, signature-page: as at this legal date (YYYY-MM-DD). Default: the day the last event used was recorded.',
    example: '2024-05-01',
  })
  @IsOptional()
  @IsLegalDate({ message: 'asOf must be a calendar date as YYYY-MM-DD' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'notification: the event id of the act notified (see GET /api/instruments/{id}/events).', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'eventId must be the id of an event (a UUID)' })
  eventId?: string;
}
