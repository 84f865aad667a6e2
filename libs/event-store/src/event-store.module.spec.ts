import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { EsdbEventStore } from './esdb/esdb-event-store.js';
import { eventStoreConfigFromEnv } from './event-store.config.js';
import { EventStoreModule } from './event-store.module.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

describe('eventStoreConfigFromEnv', () => {
  test('defaults to the embedded store under ./data with group commit', () => {
    expect(eventStoreConfigFromEnv({})).toEqual({ kind: 'embedded', file: join('data', 'events.sqlite'), groupCommit: true });
  });

  test('reads DATA_DIR and SQLITE_GROUP_COMMIT', () => {
    expect(eventStoreConfigFromEnv({ EVENT_STORE: 'embedded', DATA_DIR: '/srv/tt', SQLITE_GROUP_COMMIT: 'false' })).toEqual({
      kind: 'embedded',
      file: '/srv/tt/events.sqlite',
      groupCommit: false,
    });
    expect(eventStoreConfigFromEnv({ SQLITE_GROUP_COMMIT: 'true' })).toMatchObject({ groupCommit: true });
  });

  test('eventstoredb takes the connection string', () => {
    expect(
      eventStoreConfigFromEnv({ EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://es:2113?tls=false' }),
    ).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://es:2113?tls=false' });
  });

  test('fails fast, saying what to set', () => {
    expect(() => eventStoreConfigFromEnv({ EVENT_STORE: 'eventstoredb' })).toThrow(
      /EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING/,
    );
    expect(() => eventStoreConfigFromEnv({ EVENT_STORE: 'postgres' })).toThrow(/"embedded" or "eventstoredb"/);
    expect(() => eventStoreConfigFromEnv({ SQLITE_GROUP_COMMIT: 'maybe' })).toThrow(/SQLITE_GROUP_COMMIT must be true or false/);
  });
});

describe('EventStoreModule.forRoot', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  test('provides the embedded store in DATA_DIR and closes it on shutdown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'event-store-module-'));
    dirs.push(dataDir);
    const moduleRef = await Test.createTestingModule({
      imports: [EventStoreModule.forRoot({ env: { DATA_DIR: dataDir, SQLITE_GROUP_COMMIT: 'false' } })],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();

    const store = app.get<EventStore>(EVENT_STORE);
    expect(store).toBeInstanceOf(SqliteEventStore);
    expect((store as SqliteEventStore).groupCommit).toBe(false);
    const event = { id: randomUUID(), type: 'Tested', data: {}, metadata: {} };
    await store.append('doc-1', [event], 'no_stream');
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(true);

    await app.close();
    await expect(store.append('doc-1', [event], 'any')).rejects.toThrow(/closed/);
  });

  test('provides the EventStoreDB adapter when asked (no server needed to construct it)', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        EventStoreModule.forRoot({
          env: { EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' },
        }),
      ],
    }).compile();
    expect(moduleRef.get(EVENT_STORE)).toBeInstanceOf(EsdbEventStore);
    await moduleRef.close();
  });

  test('refuses to boot on EventStoreDB without a connection string', async () => {
    await expect(
      Test.createTestingModule({ imports: [EventStoreModule.forRoot({ env: { EVENT_STORE: 'eventstoredb' } })] }).compile(),
    ).rejects.toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });
});
