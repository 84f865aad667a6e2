import fc from 'fast-check';
import { Query } from 'mingo';
import { EmbeddedReadModelStore } from '../embedded/embedded-read-model-store.js';
import type { Filter, ReadModelDoc } from '../read-model-store.port.js';
import { ProjectionBatch } from './projection-batch.js';

describe('projection batch', () => {
  const value = fc.constantFrom('a', 'b', 'c');
  const doc = fc.record({ k: fc.oneof(value, fc.array(value, { maxLength: 2 }), fc.constant(null)), t: fc.array(fc.record({ e: value }), { maxLength: 2 }) });
  const op = fc.record({ id: fc.constantFrom('d0', 'd1', 'd2', 'd3', 'd4'), doc: fc.option(doc, { nil: null }) });
  const filter: fc.Arbitrary<Filter> = fc.oneof(
    value.map((k) => ({ k })),
    fc.tuple(value, value).map(([k, e]) => ({ k, 't.e': e })),
    value.map((e) => ({ 't.e': e })),
  );

  it('finds by filter what MongoDB would in the store overlaid with the page, however the page changed its documents', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 6 }), fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(filter, { minLength: 1, maxLength: 4 }), async (stored, page, filters) => {
        const store = new EmbeddedReadModelStore();
        try {
          for (const { id, doc } of stored) {
            if (doc) await store.collection('c').replaceOne({ _id: id }, { ...doc, _id: id } as ReadModelDoc, { upsert: true });
            else await store.collection('c').deleteMany({ _id: id });
          }
          const batch = new ProjectionBatch(store, []);
          const expected = new Map((await store.collection('c').find()).map((d) => [d._id, d as ReadModelDoc | null]));
          // Filters asked between the page's changes too, so the page's index is kept up to date as it goes.
          const check = async (f: Filter) => {
            const want = [...expected.values()].filter((d): d is ReadModelDoc => d !== null && new Query(f as Record<string, unknown>, {}).test(d));
            const got = (await batch.byFilter('c', f)).map(([, d]) => d);
            expect(got.map((d) => d!._id).sort()).toEqual(want.map((d) => d._id).sort());
          };
          for (const [i, { id, doc }] of page.entries()) {
            batch.put('c', id, doc && ({ ...doc, _id: id } as ReadModelDoc), BigInt(i + 1));
            expected.set(id, doc && ({ ...doc, _id: id } as ReadModelDoc));
            await check(filters[i % filters.length]!);
          }
          for (const f of filters) await check(f);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
