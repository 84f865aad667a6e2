/**
 * A deliberately non-idempotent projection (test helper): it counts the events applied to it. Our real
 * projections are idempotent by construction, so only this one can show an event applied twice.
 */
import type { ReadModelDoc } from '../read-model-store.port.js';
import type { Projection } from '../projections/projection.js';

export interface CounterDoc extends ReadModelDoc {
  readonly applied: number;
}

export const COUNTER = 'test_counter';

export const countingProjection: Projection<CounterDoc> = {
  name: COUNTER,
  indexes: [],
  target: () => ({ ids: ['all'] }),
  evolve: (doc, _event, id) => ({ _id: id, applied: (doc?.applied ?? 0) + 1 }),
};
