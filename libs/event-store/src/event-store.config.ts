/**
 * Which store the service runs on, read from the environment (no Nest here, so scripts and tests can use it).
 */
import { join } from 'node:path';
import { environment, type ConfigKey, type Env } from '#libs/config';
import type { EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export const EVENTSTORE_CONNECTION_STRING = 'EVENTSTORE_CONNECTION_STRING' satisfies ConfigKey;

export type EventStoreConfig =
  | { readonly kind: 'embedded'; readonly file: string; readonly groupCommit: boolean }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/**
 * EVENT_STORE=embedded (default): SQLite at `${DATA_DIR:-./data}/events.sqlite`, SQLITE_GROUP_COMMIT=false to
 * commit each append on its own. EVENT_STORE=eventstoredb: EVENTSTORE_CONNECTION_STRING is required.
 * Anything unexpected fails at start-up with a sentence saying what to set.
 */
export function eventStoreConfigFromEnv(env: Env = process.env): EventStoreConfig {
  const config = environment(env);
  const kind = config.get('EVENT_STORE');
  if (kind === 'embedded') {
    return { kind, file: join(config.get('DATA_DIR'), 'events.sqlite'), groupCommit: config.get('SQLITE_GROUP_COMMIT') };
  }
  const connectionString = config.get(EVENTSTORE_CONNECTION_STRING);
  if (!connectionString) {
    throw new Error(`EVENT_STORE=eventstoredb needs ${EVENTSTORE_CONNECTION_STRING}, e.g. esdb://localhost:2113?tls=false`);
  }
  return { kind, connectionString };
}

/** The store configured; the EventStoreDB client is loaded only when that is the one. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.kind === 'embedded') return new SqliteEventStore({ file: config.file, groupCommit: config.groupCommit });
  const { EsdbEventStore } = await import('./esdb/esdb-event-store.js');
  return new EsdbEventStore({ connectionString: config.connectionString });
}
