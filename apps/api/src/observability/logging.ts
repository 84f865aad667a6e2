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

/** What a request's line says beside method, path and status, once its answer is sent. */
const answeredProps = (req: IncomingMessage, res: ServerResponse) => {
  if (!res.headersSent) return {};
  const r = req as Request;
  return {
    correlationId: r.id,
    route: r.route?.path ? `${r.baseUrl ?? ''}${r.route.path}` : undefined,
    principal: r.principal ? r.principal.accountId : r.principal === null ? 'anonymous' : undefined,
  };
};

/**
 * Lines are written asynchronously (a synchronous write per request is a system call on every answer, a large
 * share of a cheap read's cost): while one write is under way the next lines gather and go in one. Nothing is
 * lost at exit: pino flushes the destination synchronously when the process exits (graceful shutdown ends with
 * process.exit). One destination per target, however many applications a process starts (the tests).
 */
const destinations = new Map<string | number, pino.DestinationStream>();
const destination = (target: string | number): pino.DestinationStream => {
  let stream = destinations.get(target);
  if (!stream) {
    stream = pino.destination({ dest: target, append: true, sync: false });
    destinations.set(target, stream);
  }
  return stream;
};

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
  const pretty = format === 'pretty' && !file;
  return {
    pinoHttp: {
      level,
      ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, colorize: false } } } : { stream: destination(file ?? 1) }),
      redact: { paths: REDACT, censor: '[redacted]' },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && VALID_CORRELATION.test(given) ? given : randomUUID();
        res.setHeader('X-Correlation-Id', id);
        return id;
      },
      // The serializers read the request and the answer themselves (method and path, status): pino-http's
      // wrappers would first copy every header and the socket's address into an object, for each line.
      wrapSerializers: false,
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
      // Route and principal are known once the answer is sent: added to the request's line itself, rather than
      // bound to a child logger made for each request (customProps), which costs a logger per request.
      customSuccessObject: (req: IncomingMessage, res: ServerResponse, line: object) => Object.assign(line, answeredProps(req, res)),
      customErrorObject: (req: IncomingMessage, res: ServerResponse, _error: Error, line: object) => Object.assign(line, answeredProps(req, res)),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      quietReqLogger: true,
    },
  };
};
