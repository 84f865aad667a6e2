import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';

/** What the HTTP request says about a command, beyond its body: who, which revision, which retry. */
export interface CommandRequest {
  readonly actor: string;
  readonly correlationId: string | null;
  /** `*`: any existing revision (RFC 9110). */
  readonly ifMatch: bigint | '*' | undefined;
  readonly idempotencyKey: string | undefined;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** ETags are the stream revision in quotes; If-Match accepts it with or without them. */
export const parseIfMatch = (header: string | undefined): bigint | '*' | undefined => {
  if (header === undefined || header === '') return undefined;
  if (header.trim() === '*') return '*';
  const match = /^\s*"?(\d{1,19})"?\s*$/.exec(header);
  if (!match) throw new BadRequestException({ code: 'INVALID_IF_MATCH', message: 'If-Match must be an ETag this service gave, such as "3".', field: 'If-Match' });
  return BigInt(match[1]);
};

export const etag = (revision: bigint | 'no_stream'): string => `"${revision === 'no_stream' ? -1 : revision}"`;

export const readCommandRequest = (request: Request): CommandRequest => {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const key = header('idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new BadRequestException({ code: 'INVALID_IDEMPOTENCY_KEY', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters.', field: 'Idempotency-Key' });
  }
  return {
    actor: header('x-actor')?.trim() || 'anonymous',
    correlationId: header('x-correlation-id')?.trim() || null,
    ifMatch: parseIfMatch(header('if-match')),
    idempotencyKey: key,
  };
};

export const CommandRequestInfo = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  readCommandRequest(context.switchToHttp().getRequest<Request>()),
);
