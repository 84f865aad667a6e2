import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, eventStoreConfigFromEnv } from './event-store.config.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';

export interface EventStoreModuleOptions {
  /** Defaults to process.env; tests pass their own. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Provides EVENT_STORE (global, so feature modules just inject it) from the environment; see
 * eventStoreConfigFromEnv. The store is closed on application shutdown, after every module's
 * onModuleDestroy, so projectors can stop their subscriptions first.
 */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: EventStoreModuleOptions = {}): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          // read at start-up, so a missing connection string fails the boot, not the first request
          useFactory: (): Promise<EventStore> => createEventStore(eventStoreConfigFromEnv(options.env ?? process.env)),
        },
      ],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
