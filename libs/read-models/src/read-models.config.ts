/**
 * Which read-model store the service uses, from the environment (no Nest here: the CLI and bench use it too).
 *
 * READ_MODEL_STORE=embedded (default): in process, filled from the log at start-up.
 * READ_MODEL_STORE=mongodb: MONGODB_URL is required (MONGODB_DATABASE optional); the projector then runs under
 * a lease (PROJECTOR_LEASE=false to turn it off) so that several API processes on one database do not all project.
 */
import { EmbeddedReadModelStore } from './embedded/embedded-read-model-store.js';
import type { ReadModelStore } from './read-model-store.port.js';

export type ReadModelStoreConfig =
  | { readonly kind: 'embedded' }
  | { readonly kind: 'mongodb'; readonly url: string; readonly database?: string };

export interface ReadModelsConfig {
  readonly store: ReadModelStoreConfig;
  readonly lease: false | { readonly ttlMs: number };
  /** How long a query given a minimum position waits for the projector (read your writes). */
  readonly readYourWritesTimeoutMs: number;
}

export const DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS = 2_000;
export const DEFAULT_LEASE_TTL_MS = 15_000;

const positiveInt = (value: string | undefined, name: string, fallback: number): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, got "${value}"`);
  return n;
};

export const readModelsConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): ReadModelsConfig => {
  const kind = (env['READ_MODEL_STORE'] ?? '').trim().toLowerCase() || 'embedded';
  const readYourWritesTimeoutMs = positiveInt(env['READ_YOUR_WRITES_TIMEOUT_MS'], 'READ_YOUR_WRITES_TIMEOUT_MS', DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS);
  const ttlMs = positiveInt(env['PROJECTOR_LEASE_TTL_MS'], 'PROJECTOR_LEASE_TTL_MS', DEFAULT_LEASE_TTL_MS);
  const leaseFlag = (env['PROJECTOR_LEASE'] ?? '').trim().toLowerCase();
  if (leaseFlag && !['true', 'false'].includes(leaseFlag)) throw new Error(`PROJECTOR_LEASE must be "true" or "false", got "${env['PROJECTOR_LEASE']}"`);
  if (kind === 'embedded') {
    return { store: { kind }, lease: leaseFlag === 'true' ? { ttlMs } : false, readYourWritesTimeoutMs };
  }
  if (kind === 'mongodb') {
    const url = env['MONGODB_URL']?.trim();
    if (!url) throw new Error('READ_MODEL_STORE=mongodb needs MONGODB_URL, e.g. mongodb://localhost:27017/treaty_read_models');
    const database = env['MONGODB_DATABASE']?.trim();
    return {
      store: { kind, url, ...(database ? { database } : {}) },
      lease: leaseFlag === 'false' ? false : { ttlMs },
      readYourWritesTimeoutMs,
    };
  }
  throw new Error(`READ_MODEL_STORE must be "embedded" or "mongodb", got "${env['READ_MODEL_STORE']}"`);
};

export const createReadModelStore = async (config: ReadModelStoreConfig): Promise<ReadModelStore> => {
  if (config.kind === 'embedded') return new EmbeddedReadModelStore();
  // loaded only when asked for, so the embedded default never opens the driver
  const { MongoReadModelStore } = await import('./mongodb/mongodb-read-model-store.js');
  return MongoReadModelStore.connect(config);
};
