import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { Query } from 'mingo';
import { describeReadModelStoreContract } from '../read-model-store.contract.js';
import type { Filter, ReadModelDoc, Sort } from '../read-model-store.port.js';
import { EmbeddedReadModelStore } from './embedded-read-model-store.js';

describeReadModelStoreContract('embedded (in memory)', async () => {
  const store = new EmbeddedReadModelStore();
  return { store, cleanup: () => store.close() };
});

describeReadModelStoreContract('embedded (file, no document cache)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-contract-'));
  const store = new EmbeddedReadModelStore({ file: join(dir, 'read-models.sqlite'), cachedDocuments: 0 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('embedded read-model store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-file-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps documents, checkpoint, generation, indexes and swapped collections across a reopen', async () => {
    const file = join(dir, 'read-models.sqlite');
    const first = new EmbeddedReadModelStore({ file });
    await first.ensureIndexes('things', [{ keys: { kind: 1 } }]);
    await first.commit({
      checkpoint: 'p',
      position: 41n,
      generation: 0,
      writes: [
        { collection: 'things', _id: 'a', doc: { _id: 'a', kind: 'treaty', tags: ['x'] }, position: 40n },
        { collection: 'things', _id: 'b', doc: { _id: 'b', kind: 'mou', tags: [] } },
      ],
    });
    await first.collection('fresh').replaceOne({ _id: 'z' }, { _id: 'z', kind: 'protocol' }, { upsert: true });
    await first.swapCollections([{ from: 'fresh', to: 'other' }], { name: 'q', position: 7n });
    await first.close();

    const second = new EmbeddedReadModelStore({ file });
    expect(await second.getCheckpoint('p')).toEqual({ name: 'p', position: 41n, generation: 0 });
    expect(await second.getCheckpoint('q')).toEqual({ name: 'q', position: 7n, generation: 1 });
    expect(await second.collection('things').findOne({ _id: 'a' })).toEqual({ _id: 'a', kind: 'treaty', tags: ['x'], _position: '00000000000000000040' });
    expect((await second.collection('things').find({ tags: 'x' })).map((d) => d._id)).toEqual(['a']);
    expect((await second.collection('other').find({})).map((d) => d._id)).toEqual(['z']);
    expect((await second.listCollections()).sort()).toEqual(['other', 'things']);
    // the per-write position guards the document: an older replay leaves it alone, a later event does not
    await second.commit({ checkpoint: 'p', position: 40n, generation: 0, writes: [{ collection: 'things', _id: 'a', doc: { _id: 'a', kind: 'old' } }] });
    expect(await second.collection('things').findOne({ _id: 'a' })).toMatchObject({ kind: 'treaty' });
    await second.close();
  });
});

/**
 * The SQL translation of filters and sorts means what mingo (MongoDB's meaning) means, on documents whose
 * fields are sometimes arrays, sometimes missing, null, numbers or strings.
 */
describe('embedded read-model store queries agree with mingo', () => {
  const value = fc.oneof(fc.constantFrom('a', 'b', 'c', 'B'), fc.integer({ min: -2, max: 3 }), fc.constant(null), fc.boolean());
  const field = fc.oneof(value, fc.array(fc.constantFrom('a', 'b', 1, 2), { maxLength: 3 }));
  const doc = fc.record({ k: field, n: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom('x', 'y')), s: fc.constantFrom('a', 'b', 'c') }, { requiredKeys: ['s'] });
  const key = fc.constantFrom('k', 'n', 's', 'missing', 'k.x');
  const leaf: fc.Arbitrary<Filter> = fc.oneof(
    fc.tuple(key, value).map(([k, v]) => ({ [k]: v })),
    fc.tuple(key, fc.constantFrom('$ne', '$gt', '$gte', '$lt', '$lte', '$eq'), value).map(([k, op, v]) => ({ [k]: { [op]: v } })),
    fc.tuple(key, fc.constantFrom('$in', '$nin'), fc.array(value, { maxLength: 3 })).map(([k, op, v]) => ({ [k]: { [op]: v } })),
  );
  const filter: fc.Arbitrary<Filter> = fc.oneof(
    leaf,
    fc.tuple(leaf, leaf).map(([a, b]) => ({ ...a, ...b })),
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((fs) => ({ $or: fs })),
    fc.array(leaf, { minLength: 1, maxLength: 3 }).map((fs) => ({ $and: fs })),
  );
  const sort: fc.Arbitrary<Sort> = fc.constantFrom<Sort>({ s: 1, _id: 1 }, { s: -1, _id: -1 }, { n: 1, _id: 1 }, { _id: 1 });

  it('never equates true and false with 1 and 0, as MongoDB does not (SQLite reads JSON booleans as integers)', async () => {
    const store = new EmbeddedReadModelStore();
    try {
      for (const [i, k] of [false, true, 0, 1, '0'].entries()) await store.collection('c').replaceOne({ _id: `d${i}` }, { _id: `d${i}`, k }, { upsert: true });
      const ids = async (filter: Filter) => (await store.collection('c').find(filter, { sort: { _id: 1 } })).map((d) => d._id);
      expect(await ids({ k: 0 })).toEqual(['d2']);
      expect(await ids({ $and: [{ k: 1 }] })).toEqual(['d3']);
      expect(await ids({ k: { $gte: 0 } })).toEqual(['d2', 'd3']);
      expect(await ids({ k: { $in: [0, 1] } })).toEqual(['d2', 'd3']);
      expect(await ids({ k: { $ne: 0 } })).toEqual(['d0', 'd1', 'd3', 'd4']);
      expect(await ids({ k: { $nin: [0, 1] } })).toEqual(['d0', 'd1', 'd4']);
      expect(await store.collection('c').count({ k: 0 })).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('finds, counts and pages like mingo', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: 1, maxLength: 12 }), filter, sort, fc.nat(3), fc.integer({ min: 0, max: 4 }), async (docs, f, s, skip, limit) => {
        const store = new EmbeddedReadModelStore();
        try {
          await store.ensureIndexes('c', [{ keys: { k: 1 } }, { keys: { s: 1 } }]);
          const rows = docs.map((d, i) => ({ ...d, _id: `d${String(i).padStart(2, '0')}` }) as ReadModelDoc);
          for (const row of rows) await store.collection('c').replaceOne({ _id: row._id }, row, { upsert: true });
          const expected = new Query(f as Record<string, unknown>, {}).find<ReadModelDoc>(rows).sort(s as Record<string, 1 | -1>).all();
          const ids = (list: readonly ReadModelDoc[]) => list.map((d) => d._id);
          // Sorting on a field of mixed types is compared on the set of documents only (orders of types differ).
          const sortsOnMixed = 'n' in s;
          const found = await store.collection('c').find(f, { sort: s });
          if (sortsOnMixed) expect(ids(found).sort()).toEqual(ids(expected).sort());
          else expect(ids(found)).toEqual(ids(expected));
          expect(await store.collection('c').count(f)).toBe(expected.length);
          if (!sortsOnMixed) {
            const page = await store.collection('c').find(f, { sort: s, skip, limit });
            expect(ids(page)).toEqual(ids(expected).slice(skip, limit ? skip + limit : undefined));
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: 300 },
    );
  });
});
