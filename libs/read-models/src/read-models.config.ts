/**
 * Which read-model store the service uses, from the environment (no Nest here: the CLI and bench use it too).
 *
 * READ_MODEL_STORE=embedded (default): SQLite at `${DATA_DIR:-./data}/read-models.sqlite`, beside the events, kept
 * with its checkpoint across restarts.
 * READ_MODEL_STORE=mongodb: MONGODB_URL is required (MONGODB_DATABASE optional); the projector then runs under
 * a lease (PROJECTOR_LEASE=false to turn it off) so that several API processes on one database do not all project.
 */
import { join } from 'node:path';
import { environment, type Env } from '#libs/config';
import { EmbeddedReadModelStore } from './embedded/embedded-read-model-store.js';
import type { ReadModelStore } from './read-model-store.port.js';

export type ReadModelStoreConfig =
  | { readonly kind: 'embedded'; readonly file: string }
  | { readonly kind: 'mongodb'; readonly url: string; readonly database?: string };

export interface ReadModelsConfig {
  readonly store: ReadModelStoreConfig;
  readonly lease: false | { readonly ttlMs: number };
  /** How long a query given a minimum position waits for the projector (read your writes). */
  readonly readYourWritesTimeoutMs: number;
}

// The schema's defaults (an empty environment has nothing else).
export const DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS = environment({}).get('READ_YOUR_WRITES_TIMEOUT_MS');
export const DEFAULT_LEASE_TTL_MS = environment({}).get('PROJECTOR_LEASE_TTL_MS');

export const READ_MODELS_FILE = 'read-models.sqlite';

export const readModelsConfigFromEnv = (env: Env = process.env): ReadModelsConfig => {
  const config = environment(env);
  const kind = config.get('READ_MODEL_STORE');
  const readYourWritesTimeoutMs = config.get('READ_YOUR_WRITES_TIMEOUT_MS');
  const ttlMs = config.get('PROJECTOR_LEASE_TTL_MS');
  // Unset: off on the embedded store (one process), on with MongoDB (several may share the database).
  const lease = config.get('PROJECTOR_LEASE');
  if (kind === 'embedded') {
    return { store: { kind, file: join(config.get('DATA_DIR'), READ_MODELS_FILE) }, lease: lease === true ? { ttlMs } : false, readYourWritesTimeoutMs };
  }
  const url = config.get('MONGODB_URL');
  if (!url) throw new Error('READ_MODEL_STORE=mongodb needs MONGODB_URL, e.g. mongodb://localhost:27017/treaty_read_models');
  const database = config.get('MONGODB_DATABASE');
  return {
    store: { kind, url, ...(database ? { database } : {}) },
    lease: lease === false ? false : { ttlMs },
    readYourWritesTimeoutMs,
  };
};

export const createReadModelStore = async (config: ReadModelStoreConfig): Promise<ReadModelStore> => {
  if (config.kind === 'embedded') return new EmbeddedReadModelStore({ file: config.file });
  // loaded only when asked for, so the embedded default never opens the driver
  const { MongoReadModelStore } = await import('./mongodb/mongodb-read-model-store.js');
  return MongoReadModelStore.connect(config);
};
