import { Global, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { Projector } from '#libs/read-models';
import { HealthModule } from '../health/health.module.js';
import { ProjectionLagProbe } from '../health/projection-lag.js';
import { AppMetrics } from './app-metrics.js';
import { MetricsHttpController } from './metrics.http.controller.js';

/**
 * GET /metrics, and AppMetrics for whoever counts (the request middleware, the command runner, the rebuild
 * route). The embedded store is observed through its commit hook; the projector's gauges are read at each scrape.
 */
@Global()
@Module({
  imports: [HealthModule],
  controllers: [MetricsHttpController],
  providers: [AppMetrics],
  exports: [AppMetrics],
})
export class MetricsModule implements OnModuleInit, OnModuleDestroy {
  private stopObserving: (() => void) | null = null;

  constructor(
    private readonly metrics: AppMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly lag: ProjectionLagProbe,
  ) {}

  onModuleInit(): void {
    if (this.store instanceof SqliteEventStore) {
      this.stopObserving = this.store.observeCommits(({ appends, appendSeconds }) => {
        this.metrics.groupCommitSize.observe(appends);
        for (const seconds of appendSeconds) this.metrics.appendDuration.observe(seconds);
      });
    }
    this.metrics.onCollect(async () => {
      const lag = await this.lag.measure();
      this.metrics.eventStoreHead.set(Number(lag.head ?? 0n));
      this.metrics.projectorPosition.set(Number(this.projector.position === 'start' ? 0n : this.projector.position));
      this.metrics.projectorLagEvents.set(lag.events);
      this.metrics.projectorLagSeconds.set(lag.seconds);
    });
  }

  onModuleDestroy(): void {
    this.stopObserving?.();
  }
}
