import { Controller, Get, HttpStatus, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { PUBLIC } from '../identity/access-rule.js';
import { RouteAccess } from '../common/route-declarations.js';
import { ReadinessIndicators } from './readiness.indicators.js';

@ApiTags('health')
@RouteAccess(PUBLIC)
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessIndicators,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and the event store’s head position' })
  async healthSummary() {
    const head = await this.store.headPosition();
    return { status: 'ok', eventStore: { head: head === 'start' ? null : head.toString() } };
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process runs (it asks no store)' })
  live() {
    return this.health.check([() => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: the event store and the read-model store answer, and the projections are within READINESS_MAX_LAG_EVENTS of the log',
    description: '503 names what is not ready in `error` and gives every check in `details` (the head, the checkpoint, the lag in events and seconds).',
  })
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult | Record<string, unknown>> {
    try {
      return await this.health.check([
        () => this.readiness.eventStoreAnswers(),
        () => this.readiness.readModelsAnswer(),
        () => this.readiness.projectionsWithinLag(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // The checks' details, not only the error body: a probe's log then says what was not ready.
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      const result = error.getResponse() as HealthCheckResult;
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, code: 'NOT_READY', message: `Not ready: ${Object.keys(result.error ?? {}).join(', ')}.`, ...result };
    }
  }
}
