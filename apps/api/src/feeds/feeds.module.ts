import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { NotificationFeedsHttpController } from './notification-feeds.http.controller.js';

/** Atom feeds of the depositary notifications (rendered by the documents' renderer, from the log). */
@Module({ imports: [DocumentsModule], controllers: [NotificationFeedsHttpController] })
export class FeedsModule {}
