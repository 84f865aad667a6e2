/**
 * The contract every read-model store adapter passes (embedded always; MongoDB when MONGODB_URL is set).
 * Lease expiry is exercised with real time and short TTLs, so the same test runs against a server.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { START } from '#libs/event-store';
import { positionKey, type ReadModelDoc, type ReadModelStore } from './read-model-store.port.js';

export interface ContractFixture {
  readonly store: ReadModelStore;
  readonly cleanup: () => Promise<void>;
}

interface Row extends ReadModelDoc {
  readonly kind: string;
  readonly n: number;
  readonly tags?: readonly string[];
  readonly acts?: readonly { eventId: string }[];
}

const rows: Row[] = [
  { _id: 'a', kind: 'treaty', n: 3, tags: ['x', 'y'], acts: [{ eventId: 'e1' }] },
  { _id: 'b', kind: 'mou', n: 1, tags: ['y'], acts: [{ eventId: 'e2' }, { eventId: 'e3' }] },
  { _id: 'c', kind: 'treaty', n: 2, tags: [], acts: [] },
  { _id: 'd', kind: 'protocol', n: 5 },
];

export const describeReadModelStoreContract = (adapter: string, open: () => Promise<ContractFixture>): void => {
  describe(`read-model store contract: ${adapter}`, () => {
    let fixture: ContractFixture;
    let store: ReadModelStore;
    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    const seed = async (name = 'things') => {
      await store.ensureIndexes(name, [{ keys: { kind: 1 } }, { keys: { tags: 1 } }, { keys: { 'acts.eventId': 1 } }]);
      const things = store.collection<Row>(name);
      for (const row of rows) await things.replaceOne({ _id: row._id }, row, { upsert: true });
      return things;
    };
    const ids = (docs: readonly ReadModelDoc[]) => docs.map((d) => d._id);

    describe('queries', () => {
      it('finds by equality, operators, indexed array fields and $in, like MongoDB', async () => {
        const things = await seed();
        expect(ids(await things.find({ kind: 'treaty' }, { sort: { _id: 1 } }))).toEqual(['a', 'c']);
        expect(ids(await things.find({ n: { $gte: 2 } }, { sort: { n: 1 } }))).toEqual(['c', 'a', 'd']);
        expect(ids(await things.find({ tags: 'y' }, { sort: { _id: 1 } }))).toEqual(['a', 'b']);
        expect(ids(await things.find({ kind: { $in: ['mou', 'protocol'] } }, { sort: { _id: 1 } }))).toEqual(['b', 'd']);
        expect(ids(await things.find({ 'acts.eventId': 'e3' }))).toEqual(['b']);
        expect(ids(await things.find({ kind: 'treaty', n: { $lt: 3 } }))).toEqual(['c']);
        expect(ids(await things.find({ $or: [{ kind: 'mou' }, { n: 5 }] }, { sort: { _id: -1 } }))).toEqual(['d', 'b']);
        expect(await things.find({ kind: 'nothing' })).toEqual([]);
      });

      it('sorts on several keys, then skips and limits', async () => {
        const things = await seed();
        expect(ids(await things.find({}, { sort: { kind: 1, n: -1 } }))).toEqual(['b', 'd', 'a', 'c']);
        expect(ids(await things.find({}, { sort: { n: -1 }, skip: 1, limit: 2 }))).toEqual(['a', 'c']);
        expect(ids(await things.find({}, { sort: { n: 1 }, skip: 3, limit: 10 }))).toEqual(['d']);
      });

      it('finds one document or null, and counts', async () => {
        const things = await seed();
        expect(await things.findOne({ _id: 'b' })).toMatchObject({ _id: 'b', kind: 'mou', n: 1 });
        expect(await things.findOne({ _id: 'zzz' })).toBeNull();
        expect(await things.count()).toBe(4);
        expect(await things.count({ kind: 'treaty' })).toBe(2);
        expect(await store.collection('never-written').count()).toBe(0);
      });
    });

    describe('writes', () => {
      it('replaces, upserts only when asked, and keeps the index in step', async () => {
        const things = await seed();
        expect(await things.replaceOne({ _id: 'a' }, { _id: 'a', kind: 'mou', n: 9 })).toMatchObject({ matched: 1 });
        expect(await things.replaceOne({ _id: 'new' }, { _id: 'new', kind: 'mou', n: 0 })).toEqual({ matched: 0, modified: 0, upsertedId: null });
        expect(await things.replaceOne({ _id: 'new' }, { _id: 'new', kind: 'mou', n: 0 }, { upsert: true })).toMatchObject({ upsertedId: 'new' });
        expect(ids(await things.find({ kind: 'mou' }, { sort: { _id: 1 } }))).toEqual(['a', 'b', 'new']);
        expect(ids(await things.find({ kind: 'treaty' }))).toEqual(['c']);
        expect(await things.find({ tags: 'x' })).toEqual([]); // the replacement has no tags
      });

      it('applies update operators, and upserts from the filter', async () => {
        const things = await seed();
        await things.updateOne({ _id: 'b' }, { $inc: { n: 2 }, $push: { tags: 'z' }, $set: { 'meta.note': 'hi' } });
        expect(await things.findOne({ _id: 'b' })).toMatchObject({ n: 3, tags: ['y', 'z'], meta: { note: 'hi' } });
        expect(ids(await things.find({ tags: 'z' }))).toEqual(['b']);
        expect(await things.updateOne({ _id: 'none' }, { $set: { n: 1 } })).toMatchObject({ matched: 0, upsertedId: null });
        const upserted = await things.updateOne({ _id: 'u', kind: 'mou' }, { $set: { n: 7 } }, { upsert: true });
        expect(upserted.upsertedId).toBe('u');
        expect(await things.findOne({ _id: 'u' })).toEqual({ _id: 'u', kind: 'mou', n: 7 });
        await things.updateOne({ _id: 'u' }, { $unset: { kind: '' } });
        expect(await things.findOne({ _id: 'u' })).toEqual({ _id: 'u', n: 7 });
      });

      it('deletes many and says how many', async () => {
        const things = await seed();
        expect(await things.deleteMany({ kind: 'treaty' })).toBe(2);
        expect(ids(await things.find({}, { sort: { _id: 1 } }))).toEqual(['b', 'd']);
        expect(await things.deleteMany({})).toBe(2);
        expect(await things.count()).toBe(0);
      });

      it('hands out documents that a caller cannot corrupt the store through', async () => {
        const things = await seed();
        const doc = (await things.findOne({ _id: 'a' })) as unknown as { n: number };
        try {
          doc.n = 100; // frozen in the embedded store (throws); a fresh copy from MongoDB (harmless)
        } catch {
          /* expected for the embedded store */
        }
        expect(await things.findOne({ _id: 'a' })).toMatchObject({ n: 3 });
      });
    });

    describe('projection commits', () => {
      it('starts without a checkpoint, then writes documents and checkpoint together', async () => {
        expect(await store.getCheckpoint('p')).toBeNull();
        const outcome = await store.commit({
          checkpoint: 'p',
          position: 5n,
          generation: 0,
          writes: [
            { collection: 'docs', _id: 'x', doc: { _id: 'x', v: 1 } },
            { collection: 'other', _id: 'y', doc: { _id: 'y', v: 2 } },
          ],
        });
        expect(outcome).toBe('committed');
        expect(await store.getCheckpoint('p')).toEqual({ name: 'p', position: 5n, generation: 0 });
        expect(await store.collection('docs').findOne({ _id: 'x' })).toEqual({ _id: 'x', v: 1, _position: positionKey(5n) });
        expect(await store.collection('other').findOne({ _id: 'y' })).toMatchObject({ v: 2 });
      });

      it('never applies an event twice: a document at or past the position is left alone', async () => {
        await store.commit({ checkpoint: 'p', position: 10n, generation: 0, writes: [{ collection: 'docs', _id: 'x', doc: { _id: 'x', v: 'ten' } }] });
        // replay of the same event, then of an older one: both skipped for this document
        await store.commit({ checkpoint: 'p', position: 10n, generation: 0, writes: [{ collection: 'docs', _id: 'x', doc: { _id: 'x', v: 'again' } }] });
        await store.commit({
          checkpoint: 'p',
          position: 9n,
          generation: 0,
          writes: [
            { collection: 'docs', _id: 'x', doc: null },
            { collection: 'docs', _id: 'fresh', doc: { _id: 'fresh', v: 'nine' } },
          ],
        });
        expect(await store.collection('docs').findOne({ _id: 'x' })).toMatchObject({ v: 'ten' });
        expect(await store.collection('docs').findOne({ _id: 'fresh' })).toMatchObject({ v: 'nine' });
        await store.commit({ checkpoint: 'p', position: 11n, generation: 0, writes: [{ collection: 'docs', _id: 'x', doc: null }] });
        expect(await store.collection('docs').findOne({ _id: 'x' })).toBeNull();
        expect((await store.getCheckpoint('p'))?.position).toBe(11n);
      });

      it('guards each document of a batch by the position of the last event that changed it', async () => {
        await store.commit({
          checkpoint: 'p',
          position: 30n,
          generation: 0,
          writes: [
            { collection: 'docs', _id: 'early', doc: { _id: 'early', v: 'at 21' }, position: 21n },
            { collection: 'docs', _id: 'late', doc: { _id: 'late', v: 'at 30' } },
          ],
        });
        expect(await store.collection('docs').findOne({ _id: 'early' })).toEqual({ _id: 'early', v: 'at 21', _position: positionKey(21n) });
        expect(await store.collection('docs').findOne({ _id: 'late' })).toMatchObject({ _position: positionKey(30n) });
        expect(await store.getCheckpoint('p')).toMatchObject({ position: 30n });
        // the batch applied again after a crash (from an older checkpoint): what is at or past each position stays
        await store.commit({
          checkpoint: 'p',
          position: 30n,
          generation: 0,
          writes: [
            { collection: 'docs', _id: 'early', doc: { _id: 'early', v: 'replayed' }, position: 21n },
            { collection: 'docs', _id: 'late', doc: null, position: 29n },
          ],
        });
        expect(await store.collection('docs').findOne({ _id: 'early' })).toMatchObject({ v: 'at 21' });
        expect(await store.collection('docs').findOne({ _id: 'late' })).toMatchObject({ v: 'at 30' });
        // a later batch moves on
        await store.commit({ checkpoint: 'p', position: 35n, generation: 0, writes: [{ collection: 'docs', _id: 'early', doc: { _id: 'early', v: 'at 33' }, position: 33n }] });
        expect(await store.collection('docs').findOne({ _id: 'early' })).toEqual({ _id: 'early', v: 'at 33', _position: positionKey(33n) });
      });

      it('compares positions numerically, past 2^53 and across digit counts', async () => {
        const big = 2n ** 62n + 1n;
        await store.commit({ checkpoint: 'p', position: big, generation: 0, writes: [{ collection: 'docs', _id: 'x', doc: { _id: 'x', v: 1 } }] });
        await store.commit({ checkpoint: 'p', position: 99n, generation: 0, writes: [{ collection: 'docs', _id: 'x', doc: { _id: 'x', v: 2 } }] });
        expect(await store.collection('docs').findOne({ _id: 'x' })).toMatchObject({ v: 1 });
        expect((await store.getCheckpoint('p'))?.position).toBe(99n);
      });
    });

    describe('leases', () => {
      it('lets one owner hold a lease; the other gets it once released', async () => {
        const a = await store.acquireLease('projector', 'A', 10_000);
        expect(a).toMatchObject({ name: 'projector', owner: 'A' });
        expect(a!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 5_000);
        expect(await store.acquireLease('projector', 'B', 10_000)).toBeNull();
        expect(await store.acquireLease('projector', 'A', 10_000)).toMatchObject({ owner: 'A' }); // re-entrant
        expect(await store.renewLease('projector', 'A', 10_000)).toBe(true);
        expect(await store.renewLease('projector', 'B', 10_000)).toBe(false);
        expect(await store.currentLease('projector')).toMatchObject({ owner: 'A' });
        await store.releaseLease('projector', 'B'); // not B's to release
        expect(await store.currentLease('projector')).toMatchObject({ owner: 'A' });
        await store.releaseLease('projector', 'A');
        expect(await store.currentLease('projector')).toBeNull();
        expect(await store.acquireLease('projector', 'B', 10_000)).toMatchObject({ owner: 'B' });
        expect(await store.acquireLease('other-lease', 'A', 10_000)).toMatchObject({ owner: 'A' });
      });

      it('lets another owner take over a lease that lapsed, after which the old owner cannot renew', async () => {
        expect(await store.acquireLease('projector', 'A', 150)).not.toBeNull();
        expect(await store.acquireLease('projector', 'B', 150)).toBeNull();
        await sleep(400);
        expect(await store.currentLease('projector')).toBeNull();
        expect(await store.acquireLease('projector', 'B', 10_000)).toMatchObject({ owner: 'B' });
        expect(await store.renewLease('projector', 'A', 10_000)).toBe(false);
        expect(await store.currentLease('projector')).toMatchObject({ owner: 'B' });
      });
    });

    describe('collections and rebuild swap', () => {
      it('creates indexes idempotently, lists and drops collections', async () => {
        await store.ensureIndexes('alpha', [{ keys: { kind: 1 } }]);
        await store.ensureIndexes('alpha', [{ keys: { kind: 1 } }, { keys: { n: -1 } }]);
        expect(await store.listCollections()).toContain('alpha');
        await store.dropCollection('alpha');
        expect(await store.listCollections()).not.toContain('alpha');
        await store.dropCollection('alpha'); // dropping what is not there is fine
      });

      it('swaps a rebuilt collection in: readers of the live name see the new documents, the old ones are gone', async () => {
        const live = await seed('status');
        await store.commit({ checkpoint: 'p', position: 3n, generation: 0, writes: [] });
        await store.ensureIndexes('status__rebuild', [{ keys: { kind: 1 } }]);
        await store.collection<Row>('status__rebuild').replaceOne({ _id: 'z' }, { _id: 'z', kind: 'treaty', n: 42 }, { upsert: true });
        await store.ensureIndexes('empty__rebuild', []);
        expect(ids(await live.find({}, { sort: { _id: 1 } }))).toEqual(['a', 'b', 'c', 'd']); // untouched until the swap

        await store.swapCollections(
          [
            { from: 'status__rebuild', to: 'status' },
            { from: 'empty__rebuild', to: 'empty' },
          ],
          { name: 'p', position: 7n },
        );
        expect(ids(await live.find({}))).toEqual(['z']);
        expect(ids(await live.find({ kind: 'treaty' }))).toEqual(['z']);
        expect(await store.collection('empty').count()).toBe(0);
        const collections = await store.listCollections();
        expect(collections).not.toContain('status__rebuild');
        expect(collections).toContain('status');
        expect(await store.getCheckpoint('p')).toEqual({ name: 'p', position: 7n, generation: 1 });
      });

      it('refuses a commit from a projector of an older generation, and accepts the new one', async () => {
        await store.commit({ checkpoint: 'p', position: 3n, generation: 0, writes: [] });
        await store.swapCollections([], { name: 'p', position: START });
        expect(await store.getCheckpoint('p')).toEqual({ name: 'p', position: START, generation: 1 });
        const stale = await store.commit({ checkpoint: 'p', position: 4n, generation: 0, writes: [] });
        expect(stale).toBe('stale');
        expect((await store.getCheckpoint('p'))?.position).toBe(START);
        expect(await store.commit({ checkpoint: 'p', position: 4n, generation: 1, writes: [] })).toBe('committed');
        expect(await store.getCheckpoint('p')).toEqual({ name: 'p', position: 4n, generation: 1 });
      });
    });
  });
};
