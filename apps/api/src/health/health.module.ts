import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HEALTH_CONFIG, healthConfigFromEnv } from './health.config.js';
import { HealthHttpController } from './health.http.controller.js';
import { ProjectionLagProbe } from './projection-lag.js';
import { ReadinessIndicators } from './readiness.indicators.js';

/**
 * GET /health (the head position, as ever), /health/live and /health/ready (terminus). The projector and the
 * read-model store come from the global ReadModelsModule. A failed readiness check is answered, not logged:
 * a probe asks every few seconds.
 */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthHttpController],
  providers: [{ provide: HEALTH_CONFIG, useFactory: () => healthConfigFromEnv(process.env) }, ProjectionLagProbe, ReadinessIndicators],
  exports: [ProjectionLagProbe],
})
export class HealthModule {}
