// The edge of the event store: the adapters (each loads its driver), configuration and the Nest module.
export { isSystemName } from './event-store.codec.js';
export { SqliteEventStore, type SqliteCommitObservation, type SqliteCommitObserver, type SqliteEventStoreOptions, type SqliteEventStoreStats } from './sqlite/sqlite-event-store.js';
export { EsdbEventStore, EVENTSTORE_CONNECTION_STRING, type EsdbEventStoreOptions } from './esdb/esdb-event-store.js';
export { createEventStore, eventStoreConfigFromEnv, type EventStoreConfig } from './event-store.config.js';
export { EventStoreModule, type EventStoreModuleOptions } from './event-store.module.js';
