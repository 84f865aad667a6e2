import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../event-store.contract.js';
import { START, WrongExpectedRevisionError, type EventToAppend, type RecordedEvent } from '../event-store.port.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const tempDirs: string[] = [];
const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
  tempDirs.push(dir);
  return join(dir, 'nested', 'events.sqlite'); // a missing directory: the store creates it
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const anEvent = (type = 'Tested', data: Record<string, unknown> = {}): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: {},
});

describeEventStoreContract('SQLite, group commit, :memory:', async () => new SqliteEventStore({ file: ':memory:' }));
describeEventStoreContract(
  'SQLite, one commit per append, :memory:',
  async () => new SqliteEventStore({ file: ':memory:', groupCommit: false }),
);
describeEventStoreContract('SQLite, group commit, WAL file', async () => new SqliteEventStore({ file: tempFile() }));
describeEventStoreContract(
  'SQLite, one commit per append, WAL file',
  async () => new SqliteEventStore({ file: tempFile(), groupCommit: false }),
);

describe('SqliteEventStore specifics', () => {
  const stores: SqliteEventStore[] = [];
  const open = (options: ConstructorParameters<typeof SqliteEventStore>[0]) => {
    const store = new SqliteEventStore(options);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  test('observeCommits tells each transaction its group size and each append its latency, refused ones too', async () => {
    const store = open({ file: ':memory:' });
    const seen: { appends: number; appendSeconds: readonly number[] }[] = [];
    const stop = store.observeCommits((observation) => seen.push(observation));
    const appends = [store.append('doc-1', [anEvent()], 'no_stream'), store.append('doc-2', [anEvent()], 'no_stream'), store.append('doc-1', [anEvent()], 'no_stream')];
    const outcomes = await Promise.allSettled(appends);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect(seen.map((o) => o.appends)).toEqual([3]); // one group: one transaction for the three
    expect(seen[0]!.appendSeconds).toHaveLength(3);
    for (const seconds of seen[0]!.appendSeconds) expect(seconds).toBeGreaterThan(0);
    await store.append('doc-3', [anEvent()], 'no_stream');
    expect(seen.map((o) => o.appends)).toEqual([3, 1]);
    stop();
    await store.append('doc-4', [anEvent()], 'no_stream');
    expect(seen).toHaveLength(2);
  });

  test('observeCommits without group commit: one append per transaction; a throwing observer fails nothing', async () => {
    const store = open({ file: ':memory:', groupCommit: false });
    const sizes: number[] = [];
    store.observeCommits(() => {
      throw new Error('observer failure');
    });
    store.observeCommits((observation) => sizes.push(observation.appends));
    await Promise.all([store.append('doc-1', [anEvent()], 'no_stream'), store.append('doc-2', [anEvent()], 'no_stream')]);
    await expect(store.append('doc-1', [anEvent()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(sizes).toEqual([1, 1, 1]);
    expect(store.stats.appends).toBe(2);
  });

  test('creates the directory and a WAL database file', async () => {
    const file = tempFile();
    const store = open({ file });
    await store.append('doc-1', [anEvent()], 'no_stream');
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  test.each([true, false])(
    'when append resolves (groupCommit %s) the events are committed for other connections',
    async (groupCommit) => {
      const file = tempFile();
      const store = open({ file, groupCommit });
      const { position } = await store.append('doc-1', [anEvent(), anEvent()], 'no_stream');
      const raw = new Database(file, { readonly: true });
      try {
        const row = raw.prepare('SELECT COUNT(*) AS n, MAX(position) AS last FROM events').get();
        expect(row).toEqual({ n: 2, last: Number(position) });
      } finally {
        raw.close();
      }
    },
  );

  test('survives a reopen: same events, revisions, positions; appends continue after them', async () => {
    const file = tempFile();
    const first = new SqliteEventStore({ file });
    await first.append('instrument-a', [anEvent('Drafted', { n: 1n }), anEvent('Reviewed')], 'no_stream');
    await first.append('party-b', [anEvent('Registered')], 'no_stream');
    const before = await first.readAll();
    await first.close();

    const reopened = open({ file });
    expect(await reopened.readAll()).toEqual(before);
    expect(await reopened.headPosition()).toBe(before.at(-1)!.position);
    await expect(reopened.append('instrument-a', [anEvent()], 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const next = await reopened.append('instrument-a', [anEvent('Adopted')], 1n);
    expect(next.nextRevision).toBe(2n);
    expect(next.position).toBeGreaterThan(before.at(-1)!.position);
  });

  test('appends accepted before close() are committed, not dropped', async () => {
    const file = tempFile();
    const store = new SqliteEventStore({ file });
    const pending = store.append('doc-1', [anEvent()], 'no_stream');
    await store.close();
    await expect(pending).resolves.toEqual({ nextRevision: 0n, position: 1n });
    const reopened = open({ file });
    expect(await reopened.readStream('doc-1')).toHaveLength(1);
  });

  test('positions keep growing after the last events were rolled back (AUTOINCREMENT)', async () => {
    const store = open({ file: ':memory:' });
    const a = await store.append('doc-1', [anEvent()], 'no_stream');
    await expect(store.append('doc-1', [anEvent()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const b = await store.append('doc-2', [anEvent()], 'no_stream');
    expect(b.position).toBeGreaterThan(a.position);
  });

  test('group commit: appends of one tick share one commit; a conflicting one is refused alone', async () => {
    const store = open({ file: ':memory:' });
    await store.append('doc-taken', [anEvent()], 'no_stream');
    const before = store.stats.commits;

    const results = await Promise.allSettled([
      store.append('doc-1', [anEvent()], 'no_stream'),
      store.append('doc-taken', [anEvent(), anEvent()], 'no_stream'), // conflicts, in the middle of the group
      store.append('doc-2', [anEvent(), anEvent()], 'no_stream'),
      store.append('doc-1', [anEvent()], 0n), // sees doc-1's event from earlier in the same transaction
    ]);

    expect(store.stats.commits - before).toBe(1);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ stream: 'doc-taken', actual: 0n });
    expect(await store.readStream('doc-taken')).toHaveLength(1);
    expect((await store.readStream('doc-1')).map((e) => e.revision)).toEqual([0n, 1n]);
    expect(await store.readStream('doc-2')).toHaveLength(2);
  });

  test.each([true, false])(
    'an append failing half-way through its batch leaves nothing behind (groupCommit %s)',
    async (groupCommit) => {
      const file = tempFile();
      const store = open({ file, groupCommit });
      await store.append('doc-0', [anEvent()], 'no_stream'); // creates the schema
      const raw = new Database(file);
      raw.exec(`CREATE TRIGGER explode BEFORE INSERT ON events WHEN NEW.type = 'Explode'
                BEGIN SELECT RAISE(ABORT, 'boom'); END`);
      raw.close();

      const results = await Promise.allSettled([
        store.append('doc-1', [anEvent()], 'no_stream'),
        store.append('doc-2', [anEvent('Fine'), anEvent('Explode')], 'no_stream'),
        store.append('doc-3', [anEvent()], 'no_stream'),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/boom/);
      expect(await store.readStream('doc-2')).toEqual([]);
      expect(await store.readStream('doc-1')).toHaveLength(1);
      expect(await store.readStream('doc-3')).toHaveLength(1);
    },
  );

  test('live events reach an in-process subscription at once, without waiting for the poll', async () => {
    const store = open({ file: ':memory:', pollIntervalMs: 60_000 });
    const received: string[] = [];
    const caughtUp: unknown[] = [];
    const subscription = store.subscribe({ onEvent: (e) => void received.push(e.type), onCaughtUp: (p) => caughtUp.push(p) });
    try {
      while (caughtUp.length === 0) await new Promise((r) => setTimeout(r, 5));
      await store.append('doc-1', [anEvent('Live')], 'no_stream');
      const deadline = Date.now() + 1000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(received).toEqual(['Live']);
    } finally {
      await subscription.stop();
    }
  });

  test('without group commit every append is its own commit', async () => {
    const store = open({ file: ':memory:', groupCommit: false });
    await Promise.all(Array.from({ length: 5 }, (_, i) => store.append(`doc-${i}`, [anEvent()], 'no_stream')));
    expect(store.stats.commits).toBe(5);
  });

  test('appends after close() are refused', async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    await store.close();
    await store.close(); // idempotent
    await expect(store.append('doc-1', [anEvent()], 'any')).rejects.toThrow(/closed/);
  });

  test('a subscription sees appends made by another process on the same file (poll fallback)', async () => {
    const file = tempFile();
    const reader = open({ file, pollIntervalMs: 25 });
    const writer = open({ file }); // a second connection stands in for another process: no in-process signal
    const received: RecordedEvent[] = [];
    const subscription = reader.subscribe({ after: START, onEvent: (e) => void received.push(e) });
    try {
      await writer.append('doc-1', [anEvent('FromElsewhere')], 'no_stream');
      const deadline = Date.now() + 3000;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(received.map((e) => e.type)).toEqual(['FromElsewhere']);
    } finally {
      await subscription.stop();
    }
  });

  test('the log read from the events this process appended last is the log in the file, appends of another process between them included', async () => {
    const file = tempFile();
    const store = open({ file, tailSize: 8 });
    const other = open({ file }); // another process on the same file
    const fromFile = open({ file, tailSize: 0 });
    const types: string[] = [];
    const view = (events: readonly RecordedEvent[]) => events.map((e) => [e.position, e.type, e.stream, e.revision, e.data, e.metadata]);
    const sameAsFile = async () => {
      const all = await fromFile.readAll();
      for (const after of [START, ...all.map((e) => e.position)]) {
        for (const limit of [undefined, 1, 3, 100]) {
          expect([after, limit, view(await store.readAll({ after, limit }))]).toEqual([after, limit, view(await fromFile.readAll({ after, limit }))]);
        }
      }
    };
    for (let i = 0; i < 24; i++) {
      const elsewhere = i % 5 === 3;
      await (elsewhere ? other : store).append(`doc-${i % 4}`, [anEvent(elsewhere ? `Other${i}` : `Mine${i}`), anEvent(`Second${i}`)], 'any');
      types.push(elsewhere ? `Other${i}` : `Mine${i}`, `Second${i}`);
      await sameAsFile();
    }
    await other.append('doc-9', [anEvent('OtherLast')], 'no_stream'); // after the last of this process's
    types.push('OtherLast');
    await sameAsFile();
    const all = await fromFile.readAll();
    expect(all.map((e) => e.type)).toEqual(types);
    // Shared between readers, the events handed out cannot be changed by one of them.
    const mine = all.findLastIndex((e) => e.type.startsWith('Mine'));
    const [last] = await store.readAll({ after: all[mine - 1]!.position, limit: 1 });
    expect(last!.type).toMatch(/^Mine/);
    expect(Object.isFrozen(last!.data)).toBe(true);
  });

  test('close() stops running subscriptions', async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    const caughtUp: unknown[] = [];
    store.subscribe({ onEvent: () => undefined, onCaughtUp: (p) => caughtUp.push(p) });
    while (caughtUp.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(caughtUp).toEqual([START]);
    await store.close(); // would hang on the subscription's poll timer if it were not stopped
  });

  test('a subscription catches up across several pages', async () => {
    const store = open({ file: ':memory:', pageSize: 3 });
    await store.append('doc-1', Array.from({ length: 10 }, (_, i) => anEvent('N', { i })), 'no_stream');
    const seen: number[] = [];
    const caughtUp: unknown[] = [];
    const subscription = store.subscribe({
      onEvent: (e) => void seen.push(e.data['i'] as number),
      onCaughtUp: (p) => caughtUp.push(p),
    });
    while (caughtUp.length === 0) await new Promise((r) => setTimeout(r, 5));
    await subscription.stop();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(caughtUp).toEqual([10n]);
  });
});
