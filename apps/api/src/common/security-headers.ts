import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's security headers, worked out once. With options that compute nothing per request, helmet sets the same
 * headers on every answer through a dozen middlewares; here they are found by running helmet once against a probe
 * and then set from a list. Should helmet read anything of the request or the answer beyond setting and removing
 * headers (an option computed per request, such as a nonce), it is kept as it is and runs on every request.
 */
export const securityHeaders = (options: HelmetOptions): RequestHandler => {
  const perRequest = helmet(options);
  const set: [string, string | number | readonly string[]][] = [];
  const removed: string[] = [];
  let reads = false;
  const outcome = { next: false, error: false };
  const probe = <T extends object>(methods: Partial<Record<keyof T, unknown>>): T =>
    new Proxy({} as T, {
      get: (_target, key) => {
        if (key in methods) return methods[key as keyof T];
        reads = true;
        return undefined;
      },
      set: () => {
        reads = true;
        return true;
      },
    });
  const response = probe<ServerResponse>({
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, value]),
    removeHeader: (name: string) => removed.push(name),
  });
  perRequest(probe<IncomingMessage>({}), response, (error?: unknown) => (error === undefined ? (outcome.next = true) : (outcome.error = true)));
  if (reads || !outcome.next || outcome.error) return perRequest as RequestHandler;
  return (_request: Request, answer: Response, next: NextFunction) => {
    for (const [name, value] of set) answer.setHeader(name, value);
    for (const name of removed) answer.removeHeader(name);
    next();
  };
};
