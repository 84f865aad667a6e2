// The edge of the event store: the embedded adapter (it loads better-sqlite3), configuration and the Nest module.
// EventStoreDB is in '#libs/event-store/esdb', loaded only when configured.
export { isSystemName } from './event-store.codec.js';
export { SqliteEventStore, type SqliteCommitObservation, type SqliteCommitObserver, type SqliteEventStoreOptions, type SqliteEventStoreStats } from './sqlite/sqlite-event-store.js';
export { createEventStore, EVENTSTORE_CONNECTION_STRING, eventStoreConfigFromEnv, type EventStoreConfig } from './event-store.config.js';
export { EventStoreModule, type EventStoreModuleOptions } from './event-store.module.js';
