import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { DocumentsModule } from '../documents/documents.module.js';
import { IntegrityHttpController } from './integrity.http.controller.js';
import { IntegrityService } from './integrity.service.js';
import { TreeHeadInterceptor } from './tree-head.interceptor.js';

/** The verifiable log: the tree built beside the log as it grows, its signed heads and proofs. */
@Module({
  imports: [DocumentsModule],
  controllers: [IntegrityHttpController],
  providers: [IntegrityService, { provide: APP_INTERCEPTOR, useClass: TreeHeadInterceptor }],
  exports: [IntegrityService],
})
export class IntegrityModule {}
