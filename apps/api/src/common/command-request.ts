import { BadRequestException, createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { RecordedPrincipal } from '#libs/event-store';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../identity/access.guard.js';
import { recordedPrincipal } from '#libs/identity';

/** What the HTTP request says about a command, beyond its body: who (as authenticated), which revision, which retry. */
export interface CommandRequest {
  readonly principal: RecordedPrincipal;
  readonly correlationId: string | null;
  /** A stream revision, or '*' (RFC 9110: any revision of a record that exists). */
  readonly ifMatch: bigint | '*' | undefined;
  readonly idempotencyKey: string | undefined;
}

/** The request headers a write reads, as OpenAPI names them. */
export const COMMAND_HEADERS = {
  ifMatch: 'If-Match',
  idempotencyKey: 'Idempotency-Key',
  correlationId: 'X-Correlation-Id',
} as const;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const CORRELATION_ID = /^[\x21-\x7e]{1,200}$/;

const badHeader = (field: string, code: string, message: string) =>
  new BadRequestException({ code, message, errors: [{ field, message }] });

/** ETags are the stream revision in quotes; If-Match takes one of them (quotes optional) or `*`. */
export const parseIfMatch = (header: string | undefined): bigint | '*' | undefined => {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return '*';
  const match = /^\s*("?)(\d{1,19})\1\s*$/.exec(header);
  if (!match) {
    throw badHeader(
      COMMAND_HEADERS.ifMatch,
      'INVALID_IF_MATCH',
      'If-Match must be one ETag this service gave, such as "3", or *; a list of ETags or a weak ETag (W/) is not accepted.',
    );
  }
  return BigInt(match[2]);
};

export const etag = (revision: bigint | 'no_stream'): string => `"${revision === 'no_stream' ? -1 : revision}"`;

export const readCommandRequest = (request: Request): CommandRequest => {
  const header = (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header(COMMAND_HEADERS.idempotencyKey);
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw badHeader(COMMAND_HEADERS.idempotencyKey, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters.');
  }
  // The request's own id (the one its log line and answer carry) when the client gave none.
  const correlationId = header(COMMAND_HEADERS.correlationId)?.trim() || (request as Request & { id?: string }).id || null;
  if (correlationId !== null && !CORRELATION_ID.test(correlationId)) {
    throw badHeader(COMMAND_HEADERS.correlationId, 'INVALID_CORRELATION_ID', 'X-Correlation-Id must be 1 to 200 visible ASCII characters.');
  }
  const { principal } = request as AuthenticatedRequest;
  // The access guard established who calls; every write route requires credentials, so there is one.
  if (!principal) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Sign in first.' });
  const party = request.params?.code;
  return {
    principal: recordedPrincipal(principal, typeof party === 'string' ? party : undefined),
    correlationId,
    ifMatch: parseIfMatch(header(COMMAND_HEADERS.ifMatch)),
    idempotencyKey: key,
  };
};

/** A write as a controller sees it: what the request says beyond its body, and the response to set headers on. */
export interface HttpWrite {
  readonly request: CommandRequest;
  readonly response: Response;
}

/** The headers of a write, checked (400 naming the header), with the response its answer goes to. */
export const HttpWrite = createParamDecorator((_data: unknown, context: ExecutionContext): HttpWrite => {
  const http = context.switchToHttp();
  return { request: readCommandRequest(http.getRequest<Request>()), response: http.getResponse<Response>() };
});
