import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/app.setup.js';
import { AccountsService, SYSTEM_PRINCIPAL } from '../../apps/api/src/identity/accounts.service.js';
import { validateEnvironment } from '#libs/config';
import type { Role } from '#libs/identity';

/**
 * The secretariat's officer the specs act as unless they say otherwise: admin, legal officer and depositary
 * in one account, with an API token (the specs are about the record, not about who may write it).
 */
export const SECRETARIAT_ROLES: readonly Role[] = ['admin', 'legal-officer', 'depositary'];
const tokensByUrl = new Map<string, string>();

export interface TestApp {
  readonly url: string;
  /** The secretariat officer's API token (sent by `api(url)` unless another is given). */
  readonly token: string;
  /** Opens an account with these roles and answers its API token. */
  account(username: string, roles: readonly Role[], parties?: readonly string[]): Promise<string>;
  readonly dataDir: string;
  readonly app: NestExpressApplication;
  /** Stops the service; the data directory stays unless `removeData`. */
  close(options?: { removeData?: boolean }): Promise<void>;
}

/**
 * The real service (embedded store on a temporary directory) listening on a loopback port; tests talk to it
 * with fetch, as a client would.
 */
export const startTestApp = async (options: { dataDir?: string; env?: Record<string, string>; port?: number } = {}): Promise<TestApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'treaty-tracker-'));
  process.env.DATA_DIR = dataDir;
  process.env.EVENT_STORE = 'embedded';
  process.env.DEMO_DATA = 'off';
  // Request lines stay out of the test output unless a spec asks for them (LOG_FILE, LOG_LEVEL).
  process.env.LOG_LEVEL = options.env?.LOG_LEVEL ?? 'silent';
  for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
  // As main.ts does: the tests' own environment must pass the service's check.
  validateEnvironment(process.env);
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app);
  await app.listen(options.port ?? 0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const accounts = app.get(AccountsService);
  const account = async (username: string, roles: readonly Role[], parties: readonly string[] = []) => {
    if ((await accounts.account(username)).status === 'none') {
      await accounts.openLocal({ username, displayName: `Test ${username}`, roles, parties, password: `${username}-password-for-tests` }, SYSTEM_PRINCIPAL);
    }
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    return (await accounts.issueToken(username, { label: 'tests', roles: null, expiresAt }, SYSTEM_PRINCIPAL)).token;
  };
  const token = await account('secretariat', SECRETARIAT_ROLES);
  tokensByUrl.set(url, token);
  return {
    url,
    token,
    account,
    dataDir,
    app,
    close: async ({ removeData = true } = {}) => {
      await app.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export interface ApiResponse<T = any> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A small JSON client over fetch. */
export const api = (baseUrl: string, options: { token?: string | null } = {}) => {
  const token = options.token === undefined ? tokensByUrl.get(baseUrl) : options.token;
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
  };
};
