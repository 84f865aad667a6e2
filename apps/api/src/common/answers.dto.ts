import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CommandResponseBody } from './command-runner.js';
import type { ErrorBody } from './error-response.filter.js';

/** The answers every route shares, for the OpenAPI document. */

export class FieldErrorResponse {
  @ApiProperty({ example: 'signatory.name', description: 'The field, header (If-Match) or part (body) at fault.' }) field: string;
  @ApiProperty({ example: 'signatory.name must be a string' }) message: string;
}

export class ErrorResponse implements ErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable: clients branch on it.' }) code: string;
  @ApiProperty({ example: 'signatory.name must be a string' }) message: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
}

export class CommandResponse implements CommandResponseBody {
  @ApiProperty({ description: 'The record written: the instrument id, or the party code.' }) id: string;
  @ApiProperty({ description: 'The stream revision after the write (also the ETag).', example: 3 }) revision: number;
  @ApiProperty({ nullable: true, type: String, description: 'The global log position of the last event (also X-Log-Position).', example: '42' })
  position: string | null;
  @ApiProperty({ type: [String], description: 'The ids of the events recorded.' }) readonly eventIds: readonly string[];
  @ApiProperty({ description: 'True when an Idempotency-Key repeated an earlier request: nothing new was recorded.' }) replayed: boolean;
}

export class RecordedEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'InstrumentSigned.v1' }) type: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class InstrumentCommandResponse extends CommandResponse {
  @ApiProperty({ type: [RecordedEventResponse], description: 'The events recorded, entry into force determined by the act included.' })
  readonly events: readonly RecordedEventResponse[];
}

export class DraftRecordedResponse extends InstrumentCommandResponse {
  @ApiProperty({ example: 2, description: 'The version number of the draft recorded.' }) version: number;
}
