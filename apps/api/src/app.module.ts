import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '#libs/event-store/adapters';
import { RebuildProjectionsModule } from './admin/rebuild-projections/rebuild-projections.module.js';
import { CommonModule } from './common/common.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { FeedsModule } from './feeds/feeds.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { loggingModule } from './observability/logging.js';
import { InstrumentsModule } from './instruments/instruments.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PartiesModule } from './parties/parties.module.js';
import { QueriesModule } from './queries/queries.module.js';
import { WebModule } from './web/web.module.js';

@Module({
  imports: [loggingModule(), CqrsModule.forRoot(), EventStoreModule.forRoot(), CommonModule, IdentityModule, PartiesModule, InstrumentsModule, DemoModule, QueriesModule, DocumentsModule, RebuildProjectionsModule, HealthModule, MetricsModule, IntegrityModule, FeedsModule, DeliveriesModule, WebModule],
})
export class AppModule {}
