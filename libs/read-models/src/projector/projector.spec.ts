import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { START, type EventStore } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { EmbeddedReadModelStore } from '../embedded/embedded-read-model-store.js';
import { ALL_PROJECTIONS } from '../projections/index.js';
import { INSTRUMENT_STATUS, type InstrumentStatusDoc } from '../projections/instrument-status/instrument-status.projection.js';
import { PARTY_DIRECTORY } from '../projections/party-directory/party-directory.projection.js';
import type { ReadModelStore } from '../read-model-store.port.js';
import { COUNTER, countingProjection, type CounterDoc } from '../testing/counting-projection.js';
import { appendAll, EventLog } from '../testing/event-log.js';
import { ev, TREATY, treatyStory } from '../testing/story.js';
import { presentStatus } from '../projections/instrument-status/instrument-status.view.js';
import { INSTRUMENT_ANSWERS, type InstrumentAnswersDoc } from './instrument-answers.js';
import { Projector } from './projector.js';

const projections = [...ALL_PROJECTIONS, countingProjection];
const counter = async (store: ReadModelStore) => (await store.collection<CounterDoc>(COUNTER).findOne({ _id: 'all' }))?.applied ?? 0;
const statusOf = (store: ReadModelStore) => store.collection<InstrumentStatusDoc>(INSTRUMENT_STATUS).findOne({ _id: TREATY });

describe('projector', () => {
  let events: EventStore;
  const running: Projector[] = [];
  const projector = (options: Partial<ConstructorParameters<typeof Projector>[0]> & { store: ReadModelStore }) => {
    const p = new Projector({ eventStore: events, projections, ...options });
    running.push(p);
    return p;
  };
  beforeEach(() => {
    events = new SqliteEventStore({ file: ':memory:', pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((p) => p.stop()));
    await events.close();
  });

  it('catches up from the log on start, then follows new appends, and says where it is', async () => {
    const { log } = treatyStory();
    const head = await appendAll(events, log.events.slice(0, 10));
    const store = new EmbeddedReadModelStore();
    const p = projector({ store });
    await p.start();
    expect(p.position).toBe(head);
    expect((await statusOf(store))?.stage).toBe('open-for-signature');

    const last = await appendAll(events, log.events.slice(8));
    expect(await p.waitFor(last, 2_000)).toBe(true);
    expect(p.position).toBe(last);
    expect(await counter(store)).toBe(log.events.length);
    expect((await statusOf(store))?.parties.CUB?.consent?.kind).toBe('ratification');
    expect(await store.getCheckpoint('read-models')).toMatchObject({ position: last });
  });

  it('projecting from the start, builds the queries’ indexes once caught up, and the lookups’ indexes before', async () => {
    const { log } = treatyStory();
    await appendAll(events, log.events);
    const store = new EmbeddedReadModelStore();
    const calls: string[] = [];
    const ensureIndexes = store.ensureIndexes.bind(store);
    const commit = store.commit.bind(store);
    store.ensureIndexes = async (name, indexes) => {
      calls.push(`${name}:${indexes.filter((i) => !i.projection).length > 0 ? 'queries' : 'lookups'}`);
      return ensureIndexes(name, indexes);
    };
    store.commit = async (c) => {
      calls.push('commit');
      return commit(c);
    };
    await projector({ store }).start();
    const firstQueries = calls.findIndex((c) => c.endsWith(':queries'));
    expect(firstQueries).toBeGreaterThan(calls.lastIndexOf('commit'));
    expect(calls.slice(0, calls.indexOf('commit'))).toContain('participation:lookups');
    for (const projection of projections) if (projection.indexes.some((i) => !i.projection)) expect(calls).toContain(`${projection.name}:queries`);
    // Started again at its checkpoint: every index at once.
    calls.length = 0;
    await projector({ store }).start();
    expect(calls.filter((c) => c.endsWith(':queries')).length).toBeGreaterThan(0);
  });

  it('answers waitFor with false after the timeout when the position is not reached', async () => {
    const p = projector({ store: new EmbeddedReadModelStore() });
    await p.start();
    expect(p.position).toBe(START);
    const started = Date.now();
    expect(await p.waitFor(1_000n, 100)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('resumes from the stored checkpoint after a restart, applying only what came since', async () => {
    const { log } = treatyStory();
    const store = new EmbeddedReadModelStore();
    await appendAll(events, log.events.slice(0, 10));
    const first = projector({ store });
    await first.start();
    await first.stop();
    const head = await appendAll(events, log.events.slice(10));
    const second = projector({ store });
    await second.start();
    expect(second.position).toBe(head);
    expect(second.eventsApplied).toBe(log.events.length - 10);
    expect(await counter(store)).toBe(log.events.length);
  });

  it('never applies an event twice when a crash came mid-batch, between the document writes and the checkpoint', async () => {
    const { log } = treatyStory();
    const store = new EmbeddedReadModelStore();
    await appendAll(events, log.events);
    // MongoDB writes documents before the checkpoint: emulate a crash after some writes of the batch ending at 6
    const crashing: ReadModelStore = Object.create(store, {
      commit: {
        value: async (commit: Parameters<ReadModelStore['commit']>[0]) => {
          if (commit.position < 6n) return store.commit(commit);
          const written = commit.writes.filter((w) => w.collection === COUNTER || w.collection === INSTRUMENT_STATUS);
          await store.commit({ ...commit, checkpoint: 'elsewhere', writes: written }); // documents only
          throw new Error('process killed');
        },
      },
    });
    const doomed = projector({ store: crashing, retryDelayMs: 60_000, batchSize: 3 });
    void doomed.start();
    await sleep(100);
    await doomed.stop();
    expect((await store.getCheckpoint('read-models'))?.position).toBe(3n);
    expect(await counter(store)).toBe(6); // events 4 to 6 are in some documents but not in the checkpoint

    const restarted = projector({ store, batchSize: 3 });
    await restarted.start();
    expect(restarted.eventsApplied).toBe(log.events.length - 3);
    expect(await counter(store)).toBe(log.events.length); // events 4 to 6 were skipped by the guard, not counted twice
    // and every read model is what one uninterrupted run makes of the log
    const straight = new EmbeddedReadModelStore();
    await projector({ store: straight }).start();
    for (const projection of ALL_PROJECTIONS) {
      expect(await store.collection(projection.name).find({}, { sort: { _id: 1 } })).toEqual(await straight.collection(projection.name).find({}, { sort: { _id: 1 } }));
    }
  });

  it('resumes from the checkpoint kept on disk after a restart, without replaying the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'projector-restart-'));
    try {
      const file = join(dir, 'read-models.sqlite');
      const { log } = treatyStory();
      await appendAll(events, log.events.slice(0, 12));
      const first = new EmbeddedReadModelStore({ file });
      const p1 = projector({ store: first });
      await p1.start();
      expect(p1.eventsApplied).toBe(12);
      await p1.stop();
      await first.close();

      const head = await appendAll(events, log.events.slice(12));
      const second = new EmbeddedReadModelStore({ file });
      const p2 = projector({ store: second });
      await p2.start();
      expect(p2.eventsApplied).toBe(log.events.length - 12); // only what came since
      expect(p2.position).toBe(head);
      expect(await counter(second)).toBe(log.events.length);
      expect((await statusOf(second))?.parties.CUB?.consent?.kind).toBe('ratification');
      await p2.stop();
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts persisted read models again when they are past the log (another log) or made by other projections', async () => {
    const { log } = treatyStory();
    const store = new EmbeddedReadModelStore();
    await appendAll(events, log.events);
    await projector({ store }).start();
    await Promise.all(running.splice(0).map((p) => p.stop()));

    // the same read models beside a shorter log: they are projected again from that log
    const shorter = new SqliteEventStore({ file: ':memory:' });
    try {
      await appendAll(shorter, log.events.slice(0, 4));
      const again = new Projector({ eventStore: shorter, store, projections });
      await again.start();
      expect(again.eventsApplied).toBe(4);
      expect(await counter(store)).toBe(4);
      await again.stop();
    } finally {
      await shorter.close();
    }
    // and with other projections on the same log (here: without the counter), from the start too
    const other = projector({ store, projections: ALL_PROJECTIONS });
    await other.start();
    expect(other.eventsApplied).toBe(log.events.length);
    expect((await statusOf(store))?.parties.CUB?.consent?.kind).toBe('ratification');
  });

  it('computes again the stored answers whose known date has come, and only those', async () => {
    const { log } = treatyStory();
    await appendAll(events, log.events);
    const store = new EmbeddedReadModelStore();
    let today = '2019-01-01';
    const p = projector({ store, today: () => today });
    await p.start();
    const before = (await store.collection<InstrumentAnswersDoc>(INSTRUMENT_ANSWERS).findOne({ _id: TREATY }))!;
    expect(before.asOf).toBe('2019-01-01');
    expect(before.validUntil).not.toBeNull();
    today = before.validUntil!;
    expect(await p.refreshAnswers()).toBeGreaterThan(0);
    const after = (await store.collection<InstrumentAnswersDoc>(INSTRUMENT_ANSWERS).findOne({ _id: TREATY }))!;
    const doc = (await statusOf(store))!;
    expect(after.asOf).toBe(today);
    expect(JSON.parse(after.status)).toEqual(presentStatus(doc, today));
    expect(await p.refreshAnswers()).toBe(0); // nothing else is due today
  });

  it('commits live appends in batches yet reaches every position it is asked to wait for', async () => {
    const { log } = treatyStory();
    const store = new EmbeddedReadModelStore();
    let commits = 0;
    const counting: ReadModelStore = Object.create(store, {
      commit: { value: (commit: Parameters<ReadModelStore['commit']>[0]) => ((commits += 1), store.commit(commit)) },
    });
    const p = projector({ store: counting });
    await p.start();
    const positions = await Promise.all(log.events.map((event) => events.append(event.stream, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], 'any').then((r) => r.position)));
    const last = positions.reduce((a, b) => (a > b ? a : b));
    expect(await p.waitFor(last, 2_000)).toBe(true);
    expect(await counter(store)).toBe(log.events.length);
    expect(commits).toBeLessThan(log.events.length); // appends that came together were committed together
  });

  it('resubscribes from the new checkpoint when a rebuild swapped the collections under it', async () => {
    const log = new EventLog();
    log.party(ev.registered('JAM', 'Jamaica'));
    log.party(ev.registered('CUB', 'Cuba'));
    const store = new EmbeddedReadModelStore();
    await appendAll(events, log.events);
    const p = projector({ store });
    await p.start();
    // a rebuild that had only seen the first event swaps its collections in
    await store.swapCollections([], { name: 'read-models', position: 1n });
    await store.collection(PARTY_DIRECTORY).deleteMany({ _id: 'CUB' });
    const more = new EventLog();
    more.party(ev.registered('BRB', 'Barbados'));
    const head = await appendAll(events, more.events);
    expect(await p.waitFor(head, 2_000)).toBe(true);
    expect((await store.collection(PARTY_DIRECTORY).find({}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual(['BRB', 'CUB', 'JAM']);
    expect(await store.getCheckpoint('read-models')).toMatchObject({ position: head, generation: 1 });
  });

  // One EmbeddedReadModelStore object shared by two projectors stands in for one MongoDB database here: the
  // lease logic under test does not depend on the server (the MongoDB contract suite covers the lease itself).
  it('lets only the lease holder project; the other takes over when the lease lapses, and no event is applied twice', async () => {
    const { log } = treatyStory();
    const shared = new EmbeddedReadModelStore();
    let aIsUp = true;
    const partitioned = <K extends 'renewLease' | 'acquireLease'>(method: K) => ({
      value: async (...args: Parameters<ReadModelStore[K]>) => {
        if (!aIsUp) throw new Error('network partition');
        return (shared[method] as (...a: unknown[]) => unknown)(...args);
      },
    });
    const aView: ReadModelStore = Object.create(shared, { renewLease: partitioned('renewLease'), acquireLease: partitioned('acquireLease') });
    const lease = { ttlMs: 300, intervalMs: 50 };
    const a = projector({ store: aView, lease: { ...lease, owner: 'A' } });
    const b = projector({ store: shared, lease: { ...lease, owner: 'B' } });
    await a.start();
    await b.start();
    expect([a.role, b.role]).toEqual(['leader', 'standby']);
    const half = await appendAll(events, log.events.slice(0, 7));
    expect(await b.waitFor(half, 2_000)).toBe(true); // the standby follows the stored checkpoint
    expect(b.eventsApplied).toBe(0);

    aIsUp = false; // A can no longer renew: it stands down, and B takes over once the lease has lapsed
    await sleep(500);
    expect([a.role, b.role]).toEqual(['standby', 'leader']);
    expect(await shared.currentLease('read-models-projector')).toMatchObject({ owner: 'B' });
    const head = await appendAll(events, log.events.slice(7));
    expect(await b.waitFor(head, 2_000)).toBe(true);
    expect(await counter(shared)).toBe(log.events.length);
    expect(a.eventsApplied + b.eventsApplied).toBe(log.events.length);
  });
});
