import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { Projector } from './projector/projector.js';
import { ReadModelQueries } from './read-model-queries.js';
import { READ_MODEL_STORE, type ReadModelStore } from './read-model-store.port.js';
import { createReadModelStore, readModelsConfigFromEnv, type ReadModelsConfig } from './read-models.config.js';

export const READ_MODELS_CONFIG = Symbol('READ_MODELS_CONFIG');

export interface ReadModelsModuleOptions {
  /** Defaults to process.env; tests pass their own. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Provides READ_MODEL_STORE, the Projector and ReadModelQueries (global). The projector starts on application
 * bootstrap and the bootstrap waits until it has caught up with the log, so the first answers are complete;
 * it stops before the event store closes (onModuleDestroy comes before EventStoreModule's shutdown hook).
 */
@Module({})
export class ReadModelsModule implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('ReadModels');

  constructor(
    private readonly projector: Projector,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
  ) {}

  static forRoot(options: ReadModelsModuleOptions = {}): DynamicModule {
    return {
      module: ReadModelsModule,
      global: true,
      providers: [
        // read at start-up, so a missing MONGODB_URL fails the boot, not the first request
        { provide: READ_MODELS_CONFIG, useFactory: (): ReadModelsConfig => readModelsConfigFromEnv(options.env ?? process.env) },
        { provide: READ_MODEL_STORE, useFactory: (config: ReadModelsConfig) => createReadModelStore(config.store), inject: [READ_MODELS_CONFIG] },
        {
          provide: Projector,
          useFactory: (eventStore: EventStore, store: ReadModelStore, config: ReadModelsConfig) =>
            new Projector({ eventStore, store, lease: config.lease, logger: new Logger('Projector') }),
          inject: [EVENT_STORE, READ_MODEL_STORE, READ_MODELS_CONFIG],
        },
        { provide: ReadModelQueries, useFactory: (store: ReadModelStore) => new ReadModelQueries(store), inject: [READ_MODEL_STORE] },
      ],
      exports: [READ_MODELS_CONFIG, READ_MODEL_STORE, Projector, ReadModelQueries],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    await this.projector.start();
    this.logger.log(
      `Read models (${this.store.kind}) ${this.projector.role === 'leader' ? 'caught up' : 'standing by'} at position ${String(this.projector.position)}` +
        ` in ${Date.now() - started} ms (${this.projector.eventsApplied} events applied).`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.projector.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
