import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { DeliveriesService } from './deliveries.service.js';
import { WebhooksHttpController } from './webhooks.http.controller.js';

/** Webhooks and notification mails from a checkpointed subscription of the log, with a delivery log. */
@Module({ imports: [DocumentsModule], controllers: [WebhooksHttpController], providers: [DeliveriesService] })
export class DeliveriesModule {}
