import { BadRequestException, HttpException, HttpStatus, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { BODY_LIMIT } from './body-limit.js';

/** Deeper bodies are refused before anything walks them recursively (class-transformer would overflow the stack). */
export const MAX_BODY_DEPTH = 32;

/** Keys that name the prototype machinery: class-transformer drops them silently, so they are refused first. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const JSON_TYPE = 'application/json';

export const unsupportedMediaType = (received: string | undefined): HttpException =>
  new HttpException(
    {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: received
        ? `This service reads request bodies as JSON only: send content-type: ${JSON_TYPE} (got ${received}).`
        : `This route needs a JSON body: send one with content-type: ${JSON_TYPE}.`,
      errors: [{ field: 'content-type', message: `content-type must be ${JSON_TYPE}` }],
    },
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  );

/** A body in another media type is refused before it is read (a form or plain text would only show as missing fields). */
const refuseOtherMediaTypes: RequestHandler = (request: Request, _response: Response, next: NextFunction) => {
  if (isPageForm(request)) return next();
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !request.is(JSON_TYPE)) return next(unsupportedMediaType(request.headers['content-type'] ?? 'no content-type'));
  next();
};

export interface BodyProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * Walks the parsed JSON once, without recursion: the first level deeper than MAX_BODY_DEPTH ends the walk,
 * and every key in FORBIDDEN_KEYS is named by its path.
 */
export const inspectBody = (body: unknown): { tooDeep: string | null; forbidden: BodyProblem[] } => {
  const forbidden: BodyProblem[] = [];
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: body, depth: 1, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) return { tooDeep: path, forbidden };
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) forbidden.push({ field, message: `property ${key} should not exist` });
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: field });
    }
  }
  return { tooDeep: null, forbidden };
};

const checkParsedBody: RequestHandler = (request: Request, _response: Response, next: NextFunction) => {
  if (request.body === undefined) return next();
  const { tooDeep, forbidden } = inspectBody(request.body);
  if (tooDeep !== null) {
    const message = `The request body nests objects or arrays more than ${MAX_BODY_DEPTH} levels deep (at ${tooDeep.split('.').slice(0, 3).join('.')}…).`;
    return next(new BadRequestException({ code: 'BODY_TOO_DEEP', message, errors: [{ field: 'body', message }] }));
  }
  if (forbidden.length > 0) {
    return next(new BadRequestException({ code: 'VALIDATION_FAILED', message: forbidden.map((f) => f.message).join('; '), errors: forbidden }));
  }
  next();
};

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The web pages' forms (outside /api and /auth) post as HTML forms do; every API route still reads JSON only. */
export const isPageForm = (request: Request): boolean =>
  !request.path.startsWith('/api/') && !request.path.startsWith('/auth/') && request.is(FORM_TYPE) === FORM_TYPE;

/** Parses a page's form body (flat fields, at most BODY_LIMIT); other requests pass untouched. */
export const pageFormParser = (): RequestHandler => {
  const parse = express.urlencoded({ extended: false, limit: BODY_LIMIT, type: FORM_TYPE });
  return (request, response, next) => (isPageForm(request) ? parse(request, response, next) : next());
};

/** The service's body parsing: JSON only, at most BODY_LIMIT, at most MAX_BODY_DEPTH deep, no prototype keys. */
export const jsonBodyParser = (): RequestHandler[] => [refuseOtherMediaTypes, express.json({ limit: BODY_LIMIT, type: JSON_TYPE }), checkParsedBody];

/**
 * Runs before validation on every @Body(): a route that declares a body gets a JSON object or a 415/400.
 * (A route whose body is empty by design declares none, and takes no body.)
 */
@Injectable()
export class RequireJsonBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    if (value === undefined) throw unsupportedMediaType(undefined);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const message = 'The request body must be a JSON object.';
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message, errors: [{ field: 'body', message }] });
    }
    return value;
  }
}
