import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { environment, type Env } from '#libs/config';

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

export const identityConfigFromEnv = (env: Env = process.env): IdentityConfig => {
  const config = environment(env);
  const dataDir = resolve(config.get('DATA_DIR'));
  const anonymousRead: AnonymousRead = config.get('ANONYMOUS_READ');
  const hours = config.get('SESSION_TTL_HOURS');
  const secure = config.get('SECURE_COOKIES');
  const secret = config.get('SESSION_SECRET');
  const username = config.get('INITIAL_ADMIN_USERNAME');
  const password = config.get('INITIAL_ADMIN_PASSWORD');
  if (!!username !== !!password) fail(username ? 'INITIAL_ADMIN_PASSWORD' : 'INITIAL_ADMIN_USERNAME', 'give both INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, or neither');
  return {
    dataDir,
    sessionSecret: secret ?? sessionSecretIn(dataDir),
    sessionTtlMs: hours * 3_600_000,
    anonymousRead,
    secureCookies: secure === 'auto' ? 'auto' : secure === 'true',
    initialAdmin: username && password ? { username, password } : null,
  };
};
