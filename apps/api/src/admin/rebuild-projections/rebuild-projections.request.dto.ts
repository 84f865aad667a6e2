import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RebuildJobParams {
  @ApiProperty({ format: 'uuid', description: 'The job id POST /api/admin/projections/rebuild answered with.' })
  @IsUUID('all', { message: 'jobId must be a rebuild job id (a UUID)' })
  jobId: string;
}
