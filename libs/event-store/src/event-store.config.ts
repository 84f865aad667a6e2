/**
 * Which store the service runs on, read from the environment (no Nest here, so scripts and tests can use it).
 */
import { join } from 'node:path';
import { EVENTSTORE_CONNECTION_STRING, EsdbEventStore } from './esdb/esdb-event-store.js';
import type { EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

export type EventStoreConfig =
  | { readonly kind: 'embedded'; readonly file: string; readonly groupCommit: boolean }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

/**
 * EVENT_STORE=embedded (default): SQLite at `${DATA_DIR:-./data}/events.sqlite`, SQLITE_GROUP_COMMIT=false to
 * commit each append on its own. EVENT_STORE=eventstoredb: EVENTSTORE_CONNECTION_STRING is required.
 * Anything unexpected fails at start-up with a sentence saying what to set.
 */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventStoreConfig {
  const kind = (env['EVENT_STORE'] ?? '').trim().toLowerCase() || 'embedded';
  if (kind === 'embedded') {
    return {
      kind,
      file: join(env['DATA_DIR']?.trim() || './data', 'events.sqlite'),
      groupCommit: parseFlag(env['SQLITE_GROUP_COMMIT'], 'SQLITE_GROUP_COMMIT', true),
    };
  }
  if (kind === 'eventstoredb') {
    const connectionString = env[EVENTSTORE_CONNECTION_STRING]?.trim();
    if (!connectionString) {
      throw new Error(
        `EVENT_STORE=eventstoredb needs ${EVENTSTORE_CONNECTION_STRING}, e.g. esdb://localhost:2113?tls=false`,
      );
    }
    return { kind, connectionString };
  }
  throw new Error(`EVENT_STORE must be "embedded" or "eventstoredb", got "${env['EVENT_STORE']}"`);
}

export function createEventStore(config: EventStoreConfig): EventStore {
  return config.kind === 'embedded'
    ? new SqliteEventStore({ file: config.file, groupCommit: config.groupCommit })
    : new EsdbEventStore({ connectionString: config.connectionString });
}

function parseFlag(value: string | undefined, name: string, fallback: boolean): boolean {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '') return fallback;
  if (['true', '1', 'on', 'yes'].includes(text)) return true;
  if (['false', '0', 'off', 'no'].includes(text)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}
