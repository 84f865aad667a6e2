import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { environment } from '#libs/config';

/** X-Correlation-Id: given by the client (visible ASCII, up to 200), else made here; answered on every response. */
export const CORRELATION_HEADER = 'x-correlation-id';
const VALID_CORRELATION = /^[\x21-\x7e]{1,200}$/;

type Request = IncomingMessage & { id?: string; principal?: { accountId: string; roles: readonly string[] } | null; route?: { path?: string }; baseUrl?: string };

/** What must never reach a log line: credentials in either direction, and bodies (passwords travel there). */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
];

/**
 * Structured logs through nestjs-pino: JSON lines in production (LOG_FORMAT=json), readable ones in development
 * (pretty); one line per request with method, route, status, duration, principal and correlation id.
 */
export const loggingModule = () => LoggerModule.forRootAsync({ useFactory: () => loggingParams(process.env) });

/** Read when the module starts (not when it is imported), so each start reads the environment it is given. */
export const loggingParams = (env: NodeJS.ProcessEnv) => {
  const config = environment(env);
  const format = config.get('LOG_FORMAT');
  const level = config.get('LOG_LEVEL');
  // LOG_FILE sends the lines to a file (appended) instead of standard output.
  const file = config.get('LOG_FILE');
  const stream = file ? pino.destination({ dest: file, append: true, sync: true }) : undefined;
  return {
    pinoHttp: {
      level,
      ...(format === 'pretty' && !stream ? { transport: { target: 'pino-pretty', options: { singleLine: true, colorize: false } } } : {}),
      ...(stream ? { stream } : {}),
      redact: { paths: REDACT, censor: '[redacted]' },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && VALID_CORRELATION.test(given) ? given : randomUUID();
        res.setHeader('X-Correlation-Id', id);
        return id;
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      // Called when the request arrives and again when its answer is sent: only the latter knows route and principal.
      customProps: (req: IncomingMessage, res: ServerResponse) => {
        const r = req as Request;
        if (!res.headersSent) return {};
        return {
          correlationId: r.id,
          route: r.route?.path ? `${r.baseUrl ?? ''}${r.route.path}` : undefined,
          principal: r.principal ? r.principal.accountId : r.principal === null ? 'anonymous' : undefined,
        };
      },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      quietReqLogger: true,
    },
  };
};
