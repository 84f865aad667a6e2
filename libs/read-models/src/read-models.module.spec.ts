import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EVENT_STORE } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { Projector } from './projector/projector.js';
import { ReadModelQueries } from './read-model-queries.js';
import { READ_MODEL_STORE, type ReadModelStore } from './read-model-store.port.js';
import { readModelsConfigFromEnv } from './read-models.config.js';
import { ReadModelsModule } from './read-models.module.js';
import { appendAll } from './testing/event-log.js';
import { TREATY, treatyStory } from './testing/story.js';

describe('ReadModelsModule', () => {
  it('catches up on bootstrap, follows appends, answers queries, and stops on shutdown', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'read-models-module-'));
    const events = new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 });
    const { log } = treatyStory();
    await appendAll(events, log.events.slice(0, 10));
    @Module({ providers: [{ provide: EVENT_STORE, useValue: events }], exports: [EVENT_STORE] })
    class FakeEventStoreModule {}
    const moduleRef = await Test.createTestingModule({
      imports: [{ module: FakeEventStoreModule, global: true }, ReadModelsModule.forRoot({ env: { DATA_DIR: dataDir } })],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const projector = app.get(Projector);
      const queries = app.get(ReadModelQueries);
      expect(app.get<ReadModelStore>(READ_MODEL_STORE).kind).toBe('embedded');
      expect(projector.role).toBe('leader');
      expect((await queries.status(TREATY))?.stage).toBe('open-for-signature'); // caught up before bootstrap ended
      const head = await appendAll(events, log.events.slice(10));
      expect(await projector.waitFor(head, 2_000)).toBe(true);
      expect((await queries.participants(TREATY))?.find((p) => p.party === 'CUB')?.status).toBe('bound');
    } finally {
      await app.close();
    }
    expect(app.get(Projector).role).toBe('stopped');
    expect(existsSync(join(dataDir, 'read-models.sqlite'))).toBe(true);
    await events.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads its configuration from the environment, and says what is missing', () => {
    expect(readModelsConfigFromEnv({})).toEqual({ store: { kind: 'embedded', file: join('data', 'read-models.sqlite') }, lease: false, readYourWritesTimeoutMs: 2000 });
    expect(readModelsConfigFromEnv({ DATA_DIR: '/srv/treaties' }).store).toEqual({ kind: 'embedded', file: join('/srv/treaties', 'read-models.sqlite') });
    expect(readModelsConfigFromEnv({ READ_MODEL_STORE: 'mongodb', MONGODB_URL: 'mongodb://db:27017/rm', READ_YOUR_WRITES_TIMEOUT_MS: '500' })).toEqual({
      store: { kind: 'mongodb', url: 'mongodb://db:27017/rm' },
      lease: { ttlMs: 15000 },
      readYourWritesTimeoutMs: 500,
    });
    expect(() => readModelsConfigFromEnv({ READ_MODEL_STORE: 'mongodb' })).toThrow(/needs MONGODB_URL/);
    expect(() => readModelsConfigFromEnv({ READ_MODEL_STORE: 'redis' })).toThrow(/must be "embedded" or "mongodb"/);
    expect(() => readModelsConfigFromEnv({ PROJECTOR_LEASE_TTL_MS: 'soon' })).toThrow(/PROJECTOR_LEASE_TTL_MS/);
  });
});
