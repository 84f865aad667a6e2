import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { securityHeaders } from './security-headers.js';

/** The headers a middleware leaves on an answer that already had X-Powered-By. */
const headersAfter = (middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void, request: object = {}) => {
  const headers = new Map<string, unknown>([['x-powered-by', 'Express']]);
  const response = { setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value), removeHeader: (name: string) => headers.delete(name.toLowerCase()) };
  let nexted = 0;
  middleware(request as IncomingMessage, response as unknown as ServerResponse, () => nexted++);
  expect(nexted).toBe(1);
  return Object.fromEntries(headers);
};

describe('security headers worked out once', () => {
  const SERVICE: HelmetOptions = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };

  it("sets exactly helmet's headers, X-Powered-By removed, on every answer", () => {
    const expected = headersAfter(helmet(SERVICE));
    expect(expected['content-security-policy']).toContain("script-src 'self'");
    expect(expected['x-powered-by']).toBeUndefined();
    const middleware = securityHeaders(SERVICE) as unknown as Parameters<typeof headersAfter>[0];
    expect(headersAfter(middleware)).toEqual(expected);
    expect(headersAfter(middleware)).toEqual(expected);
  });

  it('keeps helmet per request when an option depends on the request', () => {
    const nonce = (req: IncomingMessage) => `'nonce-${(req as unknown as { nonce: string }).nonce}'`;
    const middleware = securityHeaders({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", nonce] } } }) as unknown as Parameters<typeof headersAfter>[0];
    expect(headersAfter(middleware, { nonce: 'one' })['content-security-policy']).toContain("'nonce-one'");
    expect(headersAfter(middleware, { nonce: 'two' })['content-security-policy']).toContain("'nonce-two'");
  });

  it('is an express middleware', () => {
    const middleware = securityHeaders(SERVICE);
    const headers: Record<string, unknown> = {};
    middleware({} as Request, { setHeader: (n: string, v: unknown) => (headers[n] = v), removeHeader: () => undefined } as unknown as Response, () => undefined);
    expect(Object.keys(headers)).toContain('Strict-Transport-Security');
  });
});
