import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type AnonymousRead = 'published' | 'off';

export interface IdentityConfig {
  readonly dataDir: string;
  /** Signs the session cookie; generated once and kept in DATA_DIR when not given. */
  readonly sessionSecret: string;
  readonly sessionTtlMs: number;
  readonly anonymousRead: AnonymousRead;
  /** Cookies marked Secure: `auto` when the request came over TLS (directly or through a proxy that says so). */
  readonly secureCookies: boolean | 'auto';
  /** The first admin, created on the first start when no account exists yet. */
  readonly initialAdmin: { readonly username: string; readonly password: string } | null;
}

const fail = (name: string, message: string): never => {
  throw new Error(`${name}: ${message}`);
};

/** The secret persists in DATA_DIR (owner-only) so that a restart keeps sessions. */
const sessionSecretIn = (dataDir: string): string => {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
};

export const identityConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): IdentityConfig => {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const anonymousRead = (env.ANONYMOUS_READ ?? 'published') as AnonymousRead;
  if (!['published', 'off'].includes(anonymousRead)) fail('ANONYMOUS_READ', 'must be published or off');
  const hours = Number(env.SESSION_TTL_HOURS ?? 12);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) fail('SESSION_TTL_HOURS', 'must be a number of hours between 0 and 720');
  const secure = env.SECURE_COOKIES ?? 'auto';
  if (!['auto', 'true', 'false'].includes(secure)) fail('SECURE_COOKIES', 'must be auto, true or false');
  if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.length < 32) fail('SESSION_SECRET', 'must be at least 32 characters');
  const username = env.INITIAL_ADMIN_USERNAME?.trim();
  const password = env.INITIAL_ADMIN_PASSWORD;
  if (!!username !== !!password) fail(username ? 'INITIAL_ADMIN_PASSWORD' : 'INITIAL_ADMIN_USERNAME', 'give both INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, or neither');
  return {
    dataDir,
    sessionSecret: env.SESSION_SECRET ?? sessionSecretIn(dataDir),
    sessionTtlMs: hours * 3_600_000,
    anonymousRead,
    secureCookies: secure === 'auto' ? 'auto' : secure === 'true',
    initialAdmin: username && password ? { username, password } : null,
  };
};
