import { Module } from '@nestjs/common';
import { DocumentRenderer } from '#libs/documents';
import { GetInstrumentDocumentHttpController } from './get-instrument-document/get-instrument-document.http.controller.js';
import { GetPartyDocumentHttpController } from './get-party-document/get-party-document.http.controller.js';
import { GetProgressReportHttpController } from './get-progress-report/get-progress-report.http.controller.js';
import { documentsConfig } from './documents.config.js';
import { DocumentSources } from './shared/document-sources.js';

/**
 * Documents rendered from the event log. The renderer is built at start-up from the configuration
 * (ORGANISATION_NAME, ORGANISATION_ADDRESS, TEMPLATES_DIR), so a broken template in TEMPLATES_DIR (the
 * organisation's own templates, organisation.json, messages) stops the boot with its file and line.
 */
@Module({
  controllers: [GetInstrumentDocumentHttpController, GetPartyDocumentHttpController, GetProgressReportHttpController],
  providers: [
    DocumentSources,
    { provide: DocumentRenderer, useFactory: () => new DocumentRenderer(documentsConfig(process.env)) },
  ],
  exports: [DocumentSources, DocumentRenderer],
})
export class DocumentsModule {}
