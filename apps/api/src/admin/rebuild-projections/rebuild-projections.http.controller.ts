import { ConflictException, Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RebuildAlreadyRunningError, RebuildJobs, type RebuildJobView } from '#libs/read-models';
import type { Response } from 'express';
import { RebuildJobParams } from './rebuild-projections.request.dto.js';
import { RebuildJobResponse } from './rebuild-projections.response.dto.js';
import { ADMIN } from '../../identity/access-rule.js';
import { RouteAccess } from '../../common/route-declarations.js';
import { AppMetrics } from '../../metrics/app-metrics.js';

export const REBUILD_ROUTE = 'api/admin/projections/rebuild';
const jobUrl = (jobId: string) => `/${REBUILD_ROUTE}/${jobId}`;

@ApiTags('admin')
@RouteAccess(ADMIN)
@Controller(REBUILD_ROUTE)
export class RebuildProjectionsHttpController {
  constructor(
    private readonly jobs: RebuildJobs,
    private readonly metrics: AppMetrics,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Rebuild the read models without downtime: replay the log into fresh collections, then swap them in',
    description:
      'Starts the rebuild in the running service and answers at once with the job (Location: its progress). Queries keep answering from the ' +
      'live read models meanwhile; after the swap the projector resumes from the rebuild’s checkpoint. With the embedded store this is the ' +
      'only way to rebuild without a restart (`npm run projections:rebuild` calls it). One rebuild at a time. No authentication yet: the ' +
      'service listens on loopback by default.',
  })
  @ApiAcceptedResponse({ type: RebuildJobResponse, description: 'Started; follow GET /api/admin/projections/rebuild/{jobId} (the Location header).' })
  @ApiConflictResponse({ description: 'A rebuild is already running (code REBUILD_RUNNING); Location points at it when it runs in this service.' })
  async start(@Res({ passthrough: true }) response: Response): Promise<RebuildJobView> {
    try {
      const job = await this.jobs.start();
      this.metrics.rebuildsStarted.inc();
      void this.jobs.whenDone(job.jobId).then((done) => done && this.metrics.rebuildsFinished.inc({ state: done.state }));
      response.setHeader('Location', jobUrl(job.jobId));
      return job;
    } catch (error) {
      if (!(error instanceof RebuildAlreadyRunningError)) throw error;
      if (error.inThisProcess && this.jobs.get(error.runningJobId)) response.setHeader('Location', jobUrl(error.runningJobId));
      throw new ConflictException({ code: error.code, message: error.message });
    }
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'Progress of a rebuild: events replayed of the total, rate, state' })
  @ApiOkResponse({ type: RebuildJobResponse })
  @ApiNotFoundResponse({ description: 'No such job in this service (jobs are kept in memory; the last 20 are remembered).' })
  get(@Param() { jobId }: RebuildJobParams): RebuildJobView {
    const job = this.jobs.get(jobId);
    if (!job) throw new NotFoundException({ code: 'REBUILD_JOB_NOT_FOUND', message: `No rebuild job ${jobId} is known to this service.` });
    return job;
  }
}
