import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { WrongExpectedRevisionError, ConcurrencyConflictError, IdempotencyKeyReusedError, RevisionMismatchError } from '#libs/event-store';
import { DomainError, type DomainErrorKind } from '#libs/lifecycle';
import type { Response } from 'express';
import { BODY_LIMIT } from './body-limit.js';

/** One table from error kinds to HTTP statuses; every error answer has a stable `code` and a sentence. */
const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.BAD_REQUEST,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}

const codeOfStatus = (status: number): string =>
  (HttpStatus[status] as string | undefined) ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');

export const toErrorBody = (error: unknown): ErrorBody => {
  if (error instanceof DomainError) {
    const statusCode = STATUS_OF_KIND[error.kind];
    return {
      statusCode,
      code: error.code,
      message: error.message,
      ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
    };
  }
  if (error instanceof RevisionMismatchError) return { statusCode: 412, code: error.code, message: error.message };
  if (error instanceof ConcurrencyConflictError) return { statusCode: 409, code: error.code, message: error.message };
  if (error instanceof WrongExpectedRevisionError) return { statusCode: 409, code: 'CONCURRENCY_CONFLICT', message: error.message };
  if (error instanceof IdempotencyKeyReusedError) return { statusCode: 422, code: error.code, message: error.message };
  // Express's body parser: malformed JSON reaches us as a 400 whose cause is the parser's SyntaxError.
  if (error instanceof HttpException && error.getStatus() === 400 && error.cause instanceof SyntaxError) {
    return { statusCode: 400, code: 'MALFORMED_JSON', message: `The request body is not valid JSON: ${error.cause.message}.`, errors: [{ field: 'body', message: error.cause.message }] };
  }
  if (error instanceof HttpException && error.getStatus() === 413) {
    return { statusCode: 413, code: 'BODY_TOO_LARGE', message: `The request body is larger than this service accepts (BODY_LIMIT ${BODY_LIMIT}).` };
  }
  if (error instanceof HttpException) {
    const statusCode = error.getStatus();
    const response = error.getResponse();
    const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const errors = Array.isArray(body.errors) ? (body.errors as ErrorBody['errors']) : undefined;
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? error.message);
    return { statusCode, code: String(body.code ?? codeOfStatus(statusCode)), message, ...(errors ? { errors } : {}) };
  }
  return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'The service failed to handle the request.' };
};

/** Where the answered error code is left on the response (res.locals), for the request metrics. */
export const ERROR_CODE_LOCAL = 'errorCode';

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.locals[ERROR_CODE_LOCAL] = body.code;
    response.status(body.statusCode).json(body);
  }
}
