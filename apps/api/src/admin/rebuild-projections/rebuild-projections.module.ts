import { Inject, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { Projector, READ_MODEL_STORE, RebuildJobs, type ReadModelStore } from '#libs/read-models';
import { RebuildProjectionsHttpController } from './rebuild-projections.http.controller.js';

/**
 * POST /api/admin/projections/rebuild and its progress. Uses the read-model store and the projector of the
 * (global) ReadModelsModule; a rebuild still running at shutdown is stopped before its swap.
 */
@Module({
  controllers: [RebuildProjectionsHttpController],
  providers: [
    {
      provide: RebuildJobs,
      useFactory: (eventStore: EventStore, store: ReadModelStore, projector: Projector) =>
        new RebuildJobs({ eventStore, store, afterSwap: () => projector.checkGeneration(), logger: new Logger('Rebuild') }),
      inject: [EVENT_STORE, READ_MODEL_STORE, Projector],
    },
  ],
})
export class RebuildProjectionsModule implements OnModuleDestroy {
  constructor(@Inject(RebuildJobs) private readonly jobs: RebuildJobs) {}

  async onModuleDestroy(): Promise<void> {
    await this.jobs.close();
  }
}
