import { Module, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_RULE, type AccessRule } from '../identity/access-rule.js';
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

/** In the order routes are matched: /instruments/new before /instruments/:id. */
const WEB_CONTROLLERS: readonly Type[] = [AssetsPageController, SignInPageController, DashboardPageController, DraftingPageController, InstrumentPageController, ActFormPageController, PdfPageController, PartyPageController, OurPartyPageController, ReviewQueuePageController];

/**
 * The web application: pages rendered on the server from the API's own answers (handlebars, the documents'
 * languages), forms that post to the API on the reader's behalf, charts and the map as SVG.
 */
@Module({
  controllers: [...WEB_CONTROLLERS],
  providers: [PdfPrinter],
})
export class WebModule {}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD'] as const;

/**
 * The pages' routes with the rule each declares (read from the same metadata the guard reads): they are left
 * out of the OpenAPI document, so the access table's test walks them from here.
 */
export const pageRoutes = (): { readonly method: string; readonly path: string; readonly rule: AccessRule | undefined }[] =>
  WEB_CONTROLLERS.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    return Object.getOwnPropertyNames(controller.prototype).filter((name) => name !== 'constructor').flatMap((name) => {
      const handler = controller.prototype[name];
      const path = typeof handler === 'function' ? Reflect.getMetadata(PATH_METADATA, handler) : undefined;
      if (path === undefined) return [];
      const method = HTTP_METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? 'GET';
      const full = `/${[base, String(path).replace(/^\/|\/$/g, '')].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}');
      return [{ method, path: full, rule: Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, controller) }];
    });
  });
