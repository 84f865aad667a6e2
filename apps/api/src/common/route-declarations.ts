import { applyDecorators, Get, HttpCode, HttpStatus, Post, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtension, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { Access, describeRule, type AccessRule } from '../identity/access-rule.js';
import { securityOf } from '../identity/security-schemes.js';
import { ErrorResponse } from './answers.dto.js';
import { BODY_LIMIT } from './body-limit.js';
import { COMMAND_HEADERS } from './command-request.js';
import { MAX_BODY_DEPTH } from './request-body.js';

const ETAG_HEADER = { description: 'The record’s stream revision; send it back as If-Match.', schema: { type: 'string', example: '"3"' } };

const error = (status: number, description: string) => ApiResponse({ status, description, type: ErrorResponse });

/** The answers every write can give besides its own 404 and 409, each with the error body. */
const WRITE_ERRORS = {
  [HttpStatus.BAD_REQUEST]: `A bad field, path parameter or header, each named in errors (VALIDATION_FAILED, MALFORMED_JSON, BODY_TOO_DEEP over ${MAX_BODY_DEPTH} levels, INVALID_IF_MATCH, INVALID_IDEMPOTENCY_KEY, INVALID_CORRELATION_ID…), or a rule of the final clauses broken.`,
  [HttpStatus.PRECONDITION_FAILED]: 'If-Match named another revision than the record’s current one (REVISION_MISMATCH): read it again.',
  [HttpStatus.PAYLOAD_TOO_LARGE]: `The body is larger than BODY_LIMIT (${BODY_LIMIT}) (BODY_TOO_LARGE).`,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'The body is not sent as application/json, or there is none (UNSUPPORTED_MEDIA_TYPE).',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'The Idempotency-Key was used for another request or another record (IDEMPOTENCY_KEY_REUSED).',
} as const;

const COMMAND_HEADER_DOCS = [
  { name: COMMAND_HEADERS.ifMatch, description: 'Write only if the record is at this revision (its ETag), else 412; * : any revision of an existing record.', schema: { type: 'string', example: '"3"' } },
  { name: COMMAND_HEADERS.idempotencyKey, description: 'Repeating the request with the same key returns the first answer and records nothing (1 to 200 visible ASCII characters).', schema: { type: 'string', maxLength: 200 } },
  { name: COMMAND_HEADERS.correlationId, description: 'Ties acts together in their metadata (1 to 200 visible ASCII characters). Default: the command id.', schema: { type: 'string', maxLength: 200 } },
] as const;

export interface WriteRouteOptions {
  /** Below the controller's path; omitted for the collection itself. */
  readonly path?: string;
  /** Who may call it (every route states it; the access guard applies it). */
  readonly access: AccessRule;
  readonly summary: string;
  readonly description?: string;
  /** The request body's class (validated by it, documented from it). */
  readonly body: Type<unknown>;
  readonly examples?: Record<string, { readonly summary?: string; readonly value: unknown }>;
  /** The 201 body's class. */
  readonly response: Type<unknown>;
  /** When the write creates a record: the 201 carries its Location. */
  readonly creates?: boolean;
  /** What a 404 means here; a route that can answer none leaves it out. */
  readonly notFound?: string;
  /** What a 409 means here (an act the law of treaties or the register does not allow). */
  readonly conflict: string;
}

/**
 * One declaration per write route: the route, its summary, its request body and every answer it can give,
 * with the headers every write reads. The controller method is then only the mapping from request to command.
 */
export const WriteRoute = (options: WriteRouteOptions) =>
  applyDecorators(
    Post(options.path),
    HttpCode(HttpStatus.CREATED),
    ...accessDecorators(options.access),
    ApiOperation({ summary: options.summary, description: [options.description, describeRule(options.access)].filter(Boolean).join(' ') }),
    ApiConsumes('application/json'),
    ApiBody({ type: options.body, ...(options.examples ? { examples: options.examples } : {}) }),
    ...COMMAND_HEADER_DOCS.map((header) => ApiHeader({ ...header, required: false })),
    ApiResponse({
      status: HttpStatus.CREATED,
      description: 'Recorded (or, for a repeated Idempotency-Key, recorded before: Idempotent-Replayed: true).',
      type: options.response,
      headers: {
        ETag: ETAG_HEADER,
        'X-Log-Position': { description: 'The global log position of the write; send it as X-Min-Position to read your writes.', schema: { type: 'string', example: '42' } },
        ...(options.creates ? { Location: { description: 'The record created.', schema: { type: 'string' } } } : {}),
      },
    }),
    error(HttpStatus.BAD_REQUEST, WRITE_ERRORS[HttpStatus.BAD_REQUEST]),
    ...(options.notFound ? [error(HttpStatus.NOT_FOUND, options.notFound)] : []),
    error(HttpStatus.CONFLICT, `${options.conflict} Also CONCURRENCY_CONFLICT when concurrent writers kept colliding.`),
    error(HttpStatus.PRECONDITION_FAILED, WRITE_ERRORS[HttpStatus.PRECONDITION_FAILED]),
    error(HttpStatus.PAYLOAD_TOO_LARGE, WRITE_ERRORS[HttpStatus.PAYLOAD_TOO_LARGE]),
    error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, WRITE_ERRORS[HttpStatus.UNSUPPORTED_MEDIA_TYPE]),
    error(HttpStatus.UNPROCESSABLE_ENTITY, WRITE_ERRORS[HttpStatus.UNPROCESSABLE_ENTITY]),
  );

export interface ReadRouteOptions {
  readonly path?: string;
  /** Who may call it (every route states it; the access guard applies it). */
  readonly access: AccessRule;
  readonly summary: string;
  readonly description?: string;
  /** The 200 body's class, or a description of it where it has no class. */
  readonly response: Type<unknown> | [Type<unknown>] | { readonly description: string };
  /** What a 400 means here (a malformed parameter, named). */
  readonly badRequest: string;
  readonly notFound?: string;
  /** The answer carries the record's stream revision as ETag (to send back as If-Match). */
  readonly etag?: boolean;
}

/** One declaration per read route: route, summary, answer and the errors it can give. */
export const ReadRoute = (options: ReadRouteOptions) =>
  applyDecorators(
    Get(options.path),
    ...accessDecorators(options.access),
    ApiOperation({ summary: options.summary, description: [options.description, describeRule(options.access)].filter(Boolean).join(' ') }),
    ApiResponse({
      status: HttpStatus.OK,
      ...('description' in options.response ? { description: options.response.description } : { description: 'OK', type: options.response }),
      ...(options.etag ? { headers: { ETag: ETAG_HEADER } } : {}),
    }),
    error(HttpStatus.BAD_REQUEST, options.badRequest),
    ...(options.notFound ? [error(HttpStatus.NOT_FOUND, options.notFound)] : []),
  );

/** The rule, its security requirement in OpenAPI, and the 401/403 answers it can give. */
export const accessDecorators = (rule: AccessRule) => [
  Access(rule),
  // The rule itself in the document, so that clients (and the access table's test) read what the guard applies.
  ApiExtension('x-access', rule),
  ...securityOf(rule),
  ...('public' in rule
    ? []
    : [
        error(HttpStatus.UNAUTHORIZED, 'No credentials (UNAUTHENTICATED), or an API token that is not valid.'),
        error(HttpStatus.FORBIDDEN, 'Credentials that do not allow this (ROLE_REQUIRED, NOT_YOUR_PARTY), or a session write without its CSRF token (CSRF_TOKEN_INVALID).'),
      ]),
];

/** For routes declared with Nest's own decorators: the rule and its documentation, on the controller or a method. */
export const RouteAccess = (rule: AccessRule) => applyDecorators(...accessDecorators(rule));
