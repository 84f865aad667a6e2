import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/app.setup.js';

export interface TestApp {
  readonly url: string;
  readonly dataDir: string;
  readonly app: NestExpressApplication;
  /** Stops the service; the data directory stays unless `removeData`. */
  close(options?: { removeData?: boolean }): Promise<void>;
}

/**
 * The real service (embedded store on a temporary directory) listening on a loopback port; tests talk to it
 * with fetch, as a client would.
 */
export const startTestApp = async (options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestApp> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'treaty-tracker-'));
  process.env.DATA_DIR = dataDir;
  process.env.EVENT_STORE = 'embedded';
  process.env.DEMO_DATA = 'off';
  for (const [key, value] of Object.entries(options.env ?? {})) process.env[key] = value;
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
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
export const api = (baseUrl: string) => {
  const call = async <T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
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
