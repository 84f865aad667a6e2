import { Module } from '@nestjs/common';
import { ReadModelsModule } from '#libs/read-models';
import { GetActivityHttpController } from './get-activity/get-activity.http.controller.js';
import { GetActivityHandler } from './get-activity/get-activity.query.js';
import { GetInstrumentParticipantsHttpController } from './get-instrument-participants/get-instrument-participants.http.controller.js';
import { GetInstrumentParticipantsHandler } from './get-instrument-participants/get-instrument-participants.query.js';
import { GetInstrumentStatusHttpController } from './get-instrument-status/get-instrument-status.http.controller.js';
import { GetInstrumentStatusHandler } from './get-instrument-status/get-instrument-status.query.js';
import { GetPartyInstrumentsHttpController } from './get-party-instruments/get-party-instruments.http.controller.js';
import { GetPartyInstrumentsHandler } from './get-party-instruments/get-party-instruments.query.js';
import { GetPendingReviewsHttpController } from './get-pending-reviews/get-pending-reviews.http.controller.js';
import { GetPendingReviewsHandler } from './get-pending-reviews/get-pending-reviews.query.js';
import { ListInstrumentsHttpController } from './list-instruments/list-instruments.http.controller.js';
import { ListInstrumentsHandler } from './list-instruments/list-instruments.query.js';
import { ListPartiesHttpController } from './list-parties/list-parties.http.controller.js';
import { ListPartiesHandler } from './list-parties/list-parties.query.js';
import { ProjectInstrumentHttpController } from './project-instrument/project-instrument.http.controller.js';
import { ReadYourWritesInterceptor } from './shared/read-your-writes.interceptor.js';

/** The read side: query routes over the read models (ReadModelsModule runs the projector). */
@Module({
  imports: [ReadModelsModule.forRoot()],
  controllers: [
    ListInstrumentsHttpController,
    GetInstrumentStatusHttpController,
    GetInstrumentParticipantsHttpController,
    GetPartyInstrumentsHttpController,
    GetActivityHttpController,
    GetPendingReviewsHttpController,
    ListPartiesHttpController,
    ProjectInstrumentHttpController,
  ],
  providers: [
    ReadYourWritesInterceptor,
    ListInstrumentsHandler,
    GetInstrumentStatusHandler,
    GetInstrumentParticipantsHandler,
    GetPartyInstrumentsHandler,
    GetActivityHandler,
    GetPendingReviewsHandler,
    ListPartiesHandler,
  ],
})
export class QueriesModule {}
