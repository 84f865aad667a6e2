// EventStoreDB / KurrentDB: its own entry, so that the embedded default never loads the gRPC client.
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store.js';
export { EVENTSTORE_CONNECTION_STRING } from './event-store.config.js';
