import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ERROR_CODE_LOCAL } from '../common/error-response.filter.js';
import type { AppMetrics } from './app-metrics.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The route template (`/api/instruments/:id`), never the raw URL: one series per route, whatever the ids. */
export const routeTemplateOf = (request: Request, status: number): string => {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return `${request.baseUrl}${path}`;
  return status === 404 ? 'unmatched' : 'other';
};

/**
 * Counts every answer when its last byte is sent, with its latency. Mounted before any other middleware, so
 * that answers given before routing (a body too large, not JSON) are counted too; a write under /api answered
 * 4xx counts as a refused command, by the error code the error filter answered with.
 */
export const httpMetricsMiddleware =
  (metrics: AppMetrics): RequestHandler =>
  (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const status = response.statusCode;
      const labels = { method: request.method, route: routeTemplateOf(request, status), status: String(status) };
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      if (status >= 400 && status < 500 && !READS.has(request.method) && request.originalUrl.startsWith('/api/')) {
        const code = response.locals[ERROR_CODE_LOCAL];
        metrics.commandsRefused.inc({ code: typeof code === 'string' ? code : 'UNKNOWN', status: String(status) });
      }
    });
    next();
  };
