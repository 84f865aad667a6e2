import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import { hasRole, type Principal } from '#libs/identity';
import type { Request, Response } from 'express';
import { csrf, type AuthenticatedRequest } from '../../identity/access.guard.js';
import { ApiClient, ApiRefusal } from './api-client.js';
import { LANGUAGE_NAMES, message, PAGE_LANGUAGES, pickLanguage, type PageLanguage } from './page-messages.js';
import { pageLink, WebViews } from './web-views.js';

let views: WebViews | null = null;
/** Compiled once, at the first page. */
export const webViews = (): WebViews => (views ??= new WebViews());

const LEGAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What every page knows: the reader, the language, the "as at" date, the CSRF token for its forms. */
export interface PageRoot {
  readonly lang: PageLanguage;
  readonly asOf: string | null;
  readonly asOfProblem: string | null;
  readonly principal: Principal | null;
  readonly csrfToken: string | null;
  readonly path: string;
  /** The page's other query parameters, kept by the "as at" form. */
  readonly keep: readonly { name: string; value: string }[];
  readonly today: string;
  readonly languages: readonly { code: string; name: string; href: string; current: boolean }[];
  readonly nav: { readonly staff: boolean; readonly legalOfficer: boolean; readonly memberState: boolean; readonly reviewer: boolean };
  readonly [key: string]: unknown;
}

export const pageRoot = (request: Request): PageRoot => {
  const lang = pickLanguage(request.query.lang, request.headers['accept-language']);
  const askedAsOf = typeof request.query.asOf === 'string' ? request.query.asOf.trim() : '';
  const today = new Date().toISOString().slice(0, 10);
  const asOfValid = LEGAL_DATE.test(askedAsOf) && !Number.isNaN(Date.parse(askedAsOf)) && askedAsOf <= today;
  const principal = (request as AuthenticatedRequest).principal ?? null;
  const path = request.path;
  const query = new URLSearchParams(request.url.split('?')[1] ?? '');
  return {
    lang,
    asOf: asOfValid ? askedAsOf : null,
    asOfProblem: askedAsOf && !asOfValid ? `${askedAsOf}: a date as YYYY-MM-DD, today or earlier.` : null,
    principal,
    csrfToken: principal?.via === 'session' ? csrf.generateToken(request) : null,
    path,
    keep: [...query.entries()].filter(([name]) => name !== 'asOf' && name !== 'lang').map(([name, value]) => ({ name, value })),
    today,
    languages: PAGE_LANGUAGES.map((code) => {
      query.set('lang', code);
      return { code, name: LANGUAGE_NAMES[code] ?? code, href: `${path}?${query.toString()}`, current: code === lang };
    }),
    nav: {
      staff: hasRole(principal, 'admin', 'legal-officer', 'depositary', 'reviewer'),
      legalOfficer: hasRole(principal, 'legal-officer'),
      memberState: hasRole(principal, 'member-state'),
      reviewer: hasRole(principal, 'admin', 'legal-officer', 'reviewer'),
    },
  };
};

export const sendPage = (response: Response, page: string, context: Record<string, unknown>, status = 200): void => {
  const html = webViews().render(page, context);
  response.status(status).type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-store');
  response.send(html);
};

/** The page's own API client and root, once per request. */
export const pageOf = (request: Request) => ({ api: new ApiClient(request), root: pageRoot(request) });

export const link = (root: PageRoot, path: string, extra: Record<string, unknown> = {}) => pageLink(path, root, extra);

/**
 * Refusals as pages: without credentials the sign-in form (401), otherwise a page that says what was refused
 * and why (403, 404…) in the page's language, with the API's own sentence.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const root = pageRoot(request);
    let status = 500;
    let detail = 'The page could not be shown.';
    let code = 'INTERNAL';
    if (exception instanceof ApiRefusal) {
      status = exception.status;
      detail = exception.error?.message ?? detail;
      code = exception.error?.code ?? code;
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse() as { message?: string | string[]; code?: string };
      detail = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? exception.message);
      code = body.code ?? code;
    } else {
      console.error(exception);
    }
    if (status === 401) {
      sendPage(response, 'sign-in', { ...root, next: request.originalUrl, problem: detail }, 401);
      return;
    }
    const title = status === 404 ? message(root.lang, 'notFoundTitle') : status === 403 ? message(root.lang, 'forbiddenTitle') : `HTTP ${status}`;
    sendPage(response, 'error', { ...root, title, detail, code, status }, status);
  }
}
