import { Module } from '@nestjs/common';
import { AssetsPageController } from './shared/assets.page.controller.js';
import { DashboardPageController } from './dashboard/dashboard.page.controller.js';
import { SignInPageController } from './sign-in/sign-in.page.controller.js';
import { InstrumentPageController } from './instrument/instrument.page.controller.js';
import { ActFormPageController } from './forms/act-form.page.controller.js';
import { PdfPageController } from './pdf/pdf.page.controller.js';
import { DraftingPageController } from './drafting/drafting.page.controller.js';
import { ReviewQueuePageController } from './drafting/review-queue.page.controller.js';
import { PdfPrinter } from './pdf/pdf-printer.js';
import { PartyPageController } from './party/party.page.controller.js';
import { OurPartyPageController } from './member-state/our-party.page.controller.js';

/**
 * The web application: pages rendered on the server from the API's own answers (handlebars, the documents'
 * languages), forms that post to the API on the reader's behalf, charts and the map as SVG.
 */
@Module({
  controllers: [AssetsPageController, SignInPageController, DashboardPageController, DraftingPageController, InstrumentPageController, ActFormPageController, PdfPageController, PartyPageController, OurPartyPageController, ReviewQueuePageController],
  providers: [PdfPrinter],
})
export class WebModule {}
