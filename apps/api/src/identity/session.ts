import { createHash } from 'node:crypto';
import session from 'express-session';
import type { CredentialStore } from '#libs/identity';
import type { PendingSignIn } from '#libs/identity/oidc';
import type { Request, RequestHandler } from 'express';
import type { IdentityConfig } from './identity.config.js';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in account and the account's session epoch at sign-in (a change of it ends the session). */
    account?: { username: string; epoch: number };
    /** An OpenID Connect sign-in under way: what the callback checks. */
    oidc?: PendingSignIn;
  }
}

/** Only a hash of the session id is stored: a copy of the table opens no session. */
const keyOf = (sid: string): string => createHash('sha256').update(sid).digest('hex');

/** express-session's store interface over the credential store. */
export class CredentialSessionStore extends session.Store {
  constructor(private readonly credentials: CredentialStore, private readonly ttlMs: number) {
    super();
  }

  override get(sid: string, done: (error: unknown, session?: session.SessionData | null) => void): void {
    this.credentials.getSession(keyOf(sid)).then(
      (stored) => done(null, stored ? (JSON.parse(stored.data) as session.SessionData) : null),
      (error) => done(error),
    );
  }

  override set(sid: string, data: session.SessionData, done?: (error?: unknown) => void): void {
    const expiresAt = data.cookie?.expires ? new Date(data.cookie.expires).getTime() : Date.now() + this.ttlMs;
    this.credentials.setSession(keyOf(sid), { data: JSON.stringify(data), username: data.account?.username ?? null, expiresAt }).then(() => done?.(), done);
  }

  override destroy(sid: string, done?: (error?: unknown) => void): void {
    this.credentials.destroySession(keyOf(sid)).then(() => done?.(), done);
  }

  override touch(sid: string, data: session.SessionData, done?: () => void): void {
    this.set(sid, data, () => done?.());
  }
}

export const SESSION_COOKIE = 'tt.sid';

/**
 * Whether a request needs express-session: always outside /api (the sign-in routes and pages open sessions),
 * and under /api only when it sends the session cookie. No API route opens a session, so an API request without
 * the cookie is anonymous or token-authenticated, and it is spared a random session id and a hash of it (a large
 * part of a cheap read's cost); its request.session stays undefined, which every reader of it allows.
 */
export const needsSession = (request: Pick<Request, 'url' | 'headers'>): boolean =>
  !request.url.startsWith('/api/') || (request.headers.cookie?.includes(`${SESSION_COOKIE}=`) ?? false);

/** The session cookie: HttpOnly, SameSite=Lax (a provider's redirect back is a top-level GET), Secure behind TLS. */
export const sessionMiddleware = (credentials: CredentialStore, config: IdentityConfig): RequestHandler => {
  const middleware = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new CredentialSessionStore(credentials, config.sessionTtlMs),
    resave: false,
    saveUninitialized: false,
    rolling: false,
    proxy: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: config.sessionTtlMs },
  });
  return (request, response, next) => (needsSession(request) ? middleware(request, response, next) : next());
};

/** A new session id at every sign-in (no fixation): the old session's data goes with it. */
export const regenerateSession = (request: Request): Promise<void> =>
  new Promise((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
