import { describeEventStoreContract } from '../event-store.contract.js';
import { EVENTSTORE_CONNECTION_STRING, EsdbEventStore } from './esdb-event-store.js';

// Runs against a real server only (never a mock): `docker compose up -d eventstore`, then
// EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npm test
const connectionString = process.env[EVENTSTORE_CONNECTION_STRING];
const SKIPPED = `EventStoreDB contract SKIPPED: set ${EVENTSTORE_CONNECTION_STRING} to run against a real server`;

if (connectionString) {
  describeEventStoreContract(`EventStoreDB (${connectionString})`, async () => new EsdbEventStore({ connectionString }));
} else {
  console.warn(SKIPPED);
  describe.skip(SKIPPED, () => {
    test('the event store contract against EventStoreDB', () => undefined);
  });
}

describe('EsdbEventStore.fromEnvironment', () => {
  test('fails fast with a clear message when the connection string is missing', () => {
    expect(() => EsdbEventStore.fromEnvironment({})).toThrow(/EVENTSTORE_CONNECTION_STRING is not set/);
  });
});
