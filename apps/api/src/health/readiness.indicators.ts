import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, START, type EventStore } from '#libs/event-store';
import { PROJECTOR_CHECKPOINT, Projector, READ_MODEL_STORE, type ReadModelStore } from '#libs/read-models';
import { HEALTH_CONFIG, type HealthConfig } from './health.config.js';
import { ProjectionLagProbe } from './projection-lag.js';

const text = (position: bigint | null | typeof START): string | null => (position === null || position === START ? null : position.toString());

/** What readiness asks: does the log answer, do the read models answer, are the projections close enough behind. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly projector: Projector,
    private readonly lag: ProjectionLagProbe,
    @Inject(HEALTH_CONFIG) private readonly config: HealthConfig,
  ) {}

  eventStoreAnswers() {
    return this.indicators
      .check('eventStore')
      .attempt(async () => ({ head: text(await this.eventStore.headPosition()) }))
      .withTimeout(this.config.timeoutMs);
  }

  readModelsAnswer() {
    return this.indicators
      .check('readModels')
      .attempt(async () => {
        const checkpoint = await this.readModels.getCheckpoint(PROJECTOR_CHECKPOINT);
        return { store: this.readModels.kind, checkpoint: text(checkpoint?.position ?? null) };
      })
      .withTimeout(this.config.timeoutMs);
  }

  async projectionsWithinLag() {
    const check = this.indicators.check('projections');
    const maxLagEvents = this.config.maxLagEvents;
    try {
      // One more than allowed is enough to tell: the log is read no further.
      const lag = await this.lag.measure(maxLagEvents + 1);
      const details = {
        role: this.projector.role,
        position: text(lag.position),
        head: text(lag.head),
        lagEvents: lag.events,
        lagSeconds: lag.seconds,
        maxLagEvents,
      };
      return lag.events <= maxLagEvents ? check.up(details) : check.down({ ...details, message: `The read models are more than ${maxLagEvents} events behind the log.` });
    } catch (error) {
      return check.down({ maxLagEvents, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
