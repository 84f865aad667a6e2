import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const METRICS_PREFIX = 'treaty_tracker_';

/** Seconds: from a fast read (a few ms) to a slow document or a stalled store. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Appends committed in one transaction of the embedded store. */
const GROUP_SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256];

/**
 * The service's metrics, on a registry of its own (never prom-client's global one), so that several
 * applications in one process (the tests) each count their own. Gauges that need a look at the stores
 * (projector position and lag) are filled when scraped, by the collectors registered with `onCollect`.
 */
@Injectable()
export class AppMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: `${METRICS_PREFIX}http_requests_total`,
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: `${METRICS_PREFIX}http_request_duration_seconds`,
    help: 'Time from the request reaching the service to the last byte of its answer, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly commandsAppended = new Counter({
    name: `${METRICS_PREFIX}commands_appended_total`,
    help: 'Commands of the command runner that recorded events, by stream category (instrument, party); idempotent replays not counted.',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: `${METRICS_PREFIX}events_appended_total`,
    help: 'Events recorded by commands, by stream category.',
    labelNames: ['category'] as const,
    registers: [this.registry],
  });

  readonly commandsRefused = new Counter({
    name: `${METRICS_PREFIX}commands_refused_total`,
    help: 'Writes under /api answered 4xx (nothing recorded), by error code and status.',
    labelNames: ['code', 'status'] as const,
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: `${METRICS_PREFIX}event_store_append_duration_seconds`,
    help: 'Embedded event store: time from append() to its answer (the wait for the group, then the fsync’d commit).',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly groupCommitSize = new Histogram({
    name: `${METRICS_PREFIX}event_store_group_commit_size`,
    help: 'Embedded event store: appends committed together in one transaction (one fsync).',
    buckets: GROUP_SIZE_BUCKETS,
    registers: [this.registry],
  });

  readonly projectorPosition = new Gauge({
    name: `${METRICS_PREFIX}projector_position`,
    help: 'The global log position the read models reflect (0: nothing applied).',
    registers: [this.registry],
  });

  readonly eventStoreHead = new Gauge({
    name: `${METRICS_PREFIX}event_store_head_position`,
    help: 'The global log position of the last event (0: empty log).',
    registers: [this.registry],
  });

  readonly projectorLagEvents = new Gauge({
    name: `${METRICS_PREFIX}projector_lag_events`,
    help: 'Events in the log the read models do not reflect yet (counted up to 10000).',
    registers: [this.registry],
  });

  readonly projectorLagSeconds = new Gauge({
    name: `${METRICS_PREFIX}projector_lag_seconds`,
    help: 'recordedAt of the log head minus recordedAt of the last event applied (0 when caught up).',
    registers: [this.registry],
  });

  readonly rebuildsStarted = new Counter({
    name: `${METRICS_PREFIX}projection_rebuilds_started_total`,
    help: 'Rebuilds of the read models started in this service.',
    registers: [this.registry],
  });

  readonly rebuildsFinished = new Counter({
    name: `${METRICS_PREFIX}projection_rebuilds_finished_total`,
    help: 'Rebuilds of the read models finished in this service, by state (succeeded, failed).',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly deliveries = new Counter({
    name: `${METRICS_PREFIX}deliveries_total`,
    help: 'Attempts to deliver a webhook or a notification mail, by channel and outcome (delivered; retrying or failed: the attempt failed).',
    labelNames: ['channel', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly deliveryFailures = new Counter({
    name: `${METRICS_PREFIX}delivery_failures_total`,
    help: 'Failed delivery attempts (retried or given up), by channel.',
    labelNames: ['channel'] as const,
    registers: [this.registry],
  });

  private readonly collectors: (() => Promise<void>)[] = [];

  constructor() {
    // Process memory, CPU, handles, GC and event-loop delay, under the same prefix and on this registry.
    collectDefaultMetrics({ register: this.registry, prefix: METRICS_PREFIX });
  }

  /** Runs before each scrape (gauges read from the stores). */
  onCollect(collector: () => Promise<void>): void {
    this.collectors.push(collector);
  }

  async render(): Promise<string> {
    // A store that does not answer leaves its gauges as last seen; readiness is where that shows.
    await Promise.allSettled(this.collectors.map((collect) => collect()));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
