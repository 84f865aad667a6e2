import { type RecordedEvent } from '#libs/event-store';
import { isAtOrPast, type DocumentWrite, type ReadModelDoc, type ReadModelStore } from '../read-model-store.port.js';
import type { Projection } from './projection.js';

/**
 * The document writes one event causes across the projections: load each targeted document, skip those
 * already at or past the event (a replay), evolve the rest, keep what changed. The caller commits the result.
 */
export const decideWrites = async (
  store: ReadModelStore,
  projections: readonly Projection[],
  event: RecordedEvent,
  collectionOf: (projection: Projection) => string = (projection) => projection.name,
): Promise<DocumentWrite[]> => {
  const writes: DocumentWrite[] = [];
  for (const projection of projections) {
    const target = projection.target(event);
    if (!target) continue;
    const name = collectionOf(projection);
    const collection = store.collection(name);
    const docs: [string, ReadModelDoc | null][] =
      'ids' in target
        ? await Promise.all([...new Set(target.ids)].map(async (id) => [id, await collection.findOne({ _id: id })] as [string, ReadModelDoc | null]))
        : (await collection.find(target.filter)).map((doc) => [doc._id, doc]);
    for (const [id, doc] of docs) {
      if (isAtOrPast(doc, event.position)) continue;
      const next = projection.evolve(doc, event, id);
      if (next === doc || (next === null && doc === null)) continue;
      writes.push({ collection: name, _id: id, doc: next });
    }
  }
  return writes;
};
