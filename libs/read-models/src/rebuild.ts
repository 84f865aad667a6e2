/**
 * Rebuild without downtime: replay the whole log into fresh collections (`<name>__rebuild_<stamp>`) while the
 * live ones keep answering, then swap them in (MongoDB: rename with dropTarget; embedded: replace the map) and
 * set the checkpoint to where the rebuild stopped. A projector still writing to the old collections sees its
 * next commit refused as stale and resumes from the new checkpoint (see Projector).
 */
import { START, type EventStore, type LogPosition } from '#libs/event-store';
import { ALL_PROJECTIONS } from './projections/index.js';
import { lookupIndexes, type Projection } from './projections/projection.js';
import { INSTRUMENT_STATUS } from './projections/instrument-status/instrument-status.projection.js';
import { PARTICIPATION } from './projections/participation/participation.projection.js';
import { ANSWER_FUNCTIONS, deriveAnswers, INSTRUMENT_ANSWERS } from './projector/instrument-answers.js';
import { fingerprintOf, READ_MODEL_META } from './projector/read-models-version.js';
import { ProjectionBatch } from './projector/projection-batch.js';
import { PROJECTOR_CHECKPOINT } from './projector/projector.js';
import type { ReadModelStore } from './read-model-store.port.js';
import { todayUtc } from './time-travel.js';

export interface RebuildProgress {
  readonly events: number;
  readonly position: LogPosition;
  /** The log's head when the rebuild started (it may grow meanwhile; the rebuild follows it). */
  readonly head: LogPosition;
  readonly eventsPerSecond: number;
  readonly elapsedMs: number;
}

export interface RebuildOptions {
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  readonly projections?: readonly Projection[];
  readonly checkpoint?: string;
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Minimum time between two progress calls. Default: 200 ms. */
  readonly progressIntervalMs?: number;
  /** Events read from the log per page, applied in memory and committed together. Default: 5000. */
  readonly pageSize?: number;
  /** Called right after the swap (in process: the projector's checkGeneration, so it resumes at once). */
  readonly afterSwap?: () => Promise<void>;
  /** Stops the rebuild before the swap (checked between pages): its collections are dropped, the live ones stay. */
  readonly signal?: AbortSignal;
  /** Today's legal date, for the stored answers of the status and participants routes. Default: todayUtc. */
  readonly today?: () => string;
}

export interface RebuildResult extends RebuildProgress {
  readonly collections: readonly string[];
}

export const REBUILD_MARK = '__rebuild_';

export const rebuildReadModels = async (options: RebuildOptions): Promise<RebuildResult> => {
  const { eventStore, store } = options;
  const projections = options.projections ?? ALL_PROJECTIONS;
  const checkpoint = options.checkpoint ?? PROJECTOR_CHECKPOINT;
  const pageSize = options.pageSize ?? 5000;
  const interval = options.progressIntervalMs ?? 200;
  const started = Date.now();

  // A rebuild that died half-way left its collections behind: they are of no use to this one.
  for (const name of await store.listCollections()) if (name.includes(REBUILD_MARK)) await store.dropCollection(name);
  const suffix = `${REBUILD_MARK}${started.toString(36)}`;
  const fresh = (projection: Projection) => `${projection.name}${suffix}`;
  // The indexes the projections' own lookups use now; those of the queries after the replay (see IndexSpec).
  for (const projection of projections) await store.ensureIndexes(fresh(projection), lookupIndexes(projection));
  // The stored answers of the status and participants routes are rebuilt with the status documents.
  const answers = projections.some((p) => p.name === INSTRUMENT_STATUS)
    ? { status: `${INSTRUMENT_STATUS}${suffix}`, participation: `${PARTICIPATION}${suffix}`, answers: `${INSTRUMENT_ANSWERS}${suffix}` }
    : null;
  if (answers) await store.ensureIndexes(answers.answers, [{ keys: { validUntil: 1 } }]);
  const today = options.today ?? todayUtc;
  const live = [...projections.map((p) => p.name), ...(answers ? [INSTRUMENT_ANSWERS] : [])];
  const freshNames = [...projections.map(fresh), ...(answers ? [answers.answers] : [])];

  const head = await eventStore.headPosition();
  let position: LogPosition = START;
  let events = 0;
  let lastReport = 0;
  const progress = (): RebuildProgress => {
    const elapsedMs = Date.now() - started;
    return { events, position, head, elapsedMs, eventsPerSecond: elapsedMs > 0 ? Math.round((events * 1000) / elapsedMs) : 0 };
  };
  const dropFresh = async () => {
    for (const name of freshNames) await store.dropCollection(name);
  };
  for (;;) {
    if (options.signal?.aborted) {
      await dropFresh();
      throw options.signal.reason instanceof Error ? options.signal.reason : new Error('The rebuild was stopped before the swap.');
    }
    const page = await eventStore.readAll({ after: position, limit: pageSize });
    if (page.length > 0) {
      // The projector's path: the page in memory, then documents and checkpoint in one commit.
      const batch = new ProjectionBatch(store, projections, fresh);
      await batch.prefetch(page);
      for (const event of page) await batch.apply(event);
      if (answers) await deriveAnswers(batch, today(), answers);
      const last = page[page.length - 1]!.position;
      await store.commit({ checkpoint: `${checkpoint}${suffix}`, position: last, generation: 0, writes: batch.writes() });
      position = last;
      events += page.length;
    }
    if (options.onProgress && Date.now() - lastReport >= interval) {
      lastReport = Date.now();
      options.onProgress(progress());
    }
    if (page.length < pageSize) break; // caught up with the log as it is now
    // In process (embedded stores), every await above may resolve without I/O: let the service answer between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const projection of projections) await store.ensureIndexes(fresh(projection), projection.indexes);
  await store.swapCollections(
    freshNames.map((from, i) => ({ from, to: live[i]! })),
    { name: checkpoint, position },
  );
  // The read models are now those of these projections (a projector starting on them keeps them).
  const fingerprint = fingerprintOf(projections, answers ? ANSWER_FUNCTIONS : []);
  await store.collection(READ_MODEL_META).replaceOne({ _id: checkpoint }, { _id: checkpoint, fingerprint }, { upsert: true });
  await options.afterSwap?.();
  const result = { ...progress(), collections: live };
  options.onProgress?.(result);
  return result;
};
