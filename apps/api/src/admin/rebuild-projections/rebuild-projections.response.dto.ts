/** The rebuild job as the admin routes answer it (RebuildJobView), for the OpenAPI document. */
import { ApiProperty } from '@nestjs/swagger';

export class RebuildJobResponse {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] }) state: string;
  @ApiProperty({ enum: ['embedded', 'mongodb'], description: 'The read-model store rebuilt.' }) store: string;
  @ApiProperty({ example: '2024-05-01T12:00:00.000Z' }) startedAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty({ description: 'Events replayed so far.' }) events: number;
  @ApiProperty({
    description:
      'The log’s head position when the job started: the number of events to replay where the log numbers its events 1, 2, 3… (the embedded store). Events appended meanwhile are replayed too.',
  })
  total: number;
  @ApiProperty({ description: 'The last log position replayed.' }) position: number;
  @ApiProperty({ description: 'position / total in percent (100 once swapped in).', example: 42.5 }) percent: number;
  @ApiProperty({ description: 'Replay rate so far.' }) eventsPerSecond: number;
  @ApiProperty() elapsedMs: number;
  @ApiProperty({ type: [String], description: 'The read models swapped in, once succeeded.' }) collections: string[];
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed (the live read models are then unchanged).' }) error: string | null;
}
