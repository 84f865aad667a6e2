/**
 * Builds recorded events for projection tests (test helper; not exported from the index): contiguous
 * positions and revisions, complete metadata, legal dates as the command handler writes them.
 */
import { randomUUID } from 'node:crypto';
import { type RecordedEvent } from '#libs/event-store';
import { instrumentStream, legalDateOf, partyStream, type EventMetadata, type InstrumentEvent, type PartyEvent } from '#libs/lifecycle';
import { EmbeddedReadModelStore } from '../embedded/embedded-read-model-store.js';
import { INSTRUMENT_STATUS } from '../projections/instrument-status/instrument-status.projection.js';
import { deriveAnswers } from '../projector/instrument-answers.js';
import { ProjectionBatch } from '../projector/projection-batch.js';
import { READ_MODEL_META } from '../projector/read-models-version.js';
import { todayUtc } from '../time-travel.js';
import { ALL_PROJECTIONS } from '../projections/index.js';
import type { Projection } from '../projections/projection.js';
import type { ReadModelStore } from '../read-model-store.port.js';

export class EventLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, bigint>();
  private clock = Date.UTC(2024, 0, 1);

  instrument(instrumentId: string, event: InstrumentEvent, options: { id?: string; metadata?: Partial<EventMetadata> } = {}): RecordedEvent {
    const recordedAt = options.metadata?.recordedAt ?? this.tick();
    return this.push(instrumentStream(instrumentId), event, options.id, {
      legalDate: legalDateOf(event, recordedAt.slice(0, 10)),
      ...options.metadata,
      recordedAt,
    });
  }

  party(event: PartyEvent): RecordedEvent {
    return this.push(partyStream(event.data.code), event, undefined, {});
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private push(stream: string, event: { type: string; data: object }, id: string | undefined, metadata: Partial<EventMetadata>): RecordedEvent {
    const revision = (this.revisions.get(stream) ?? -1n) + 1n;
    this.revisions.set(stream, revision);
    const recordedAt = metadata.recordedAt ?? this.tick();
    const recorded: RecordedEvent = {
      id: id ?? randomUUID(),
      stream,
      revision,
      position: BigInt(this.events.length + 1),
      type: event.type,
      data: structuredClone(event.data) as Record<string, unknown>,
      metadata: {
        actor: 'officer',
        legalDate: recordedAt.slice(0, 10),
        correlationId: 'c',
        causationId: 'c',
        ...metadata,
        recordedAt,
      },
      createdAt: recordedAt,
    };
    this.events.push(recorded);
    return recorded;
  }
}

/** Applies events the way the projector does: in one batch, then one guarded commit. */
export const project = async (
  events: readonly RecordedEvent[],
  projections: readonly Projection[] = ALL_PROJECTIONS,
  store: ReadModelStore = new EmbeddedReadModelStore(),
): Promise<ReadModelStore> => {
  if (events.length === 0) return store;
  const batch = new ProjectionBatch(store, projections);
  for (const event of events) await batch.apply(event);
  if (projections.some((p) => p.name === INSTRUMENT_STATUS)) await deriveAnswers(batch, todayUtc());
  await store.commit({ checkpoint: 'test', position: events[events.length - 1]!.position, generation: 0, writes: batch.writes() });
  return store;
};

/**
 * Every document of every collection, for "replaying changes nothing" comparisons. An empty collection counts
 * as none (a rebuild creates every projection's collection; a projection from scratch only those it wrote to).
 */
export const snapshot = async (store: ReadModelStore): Promise<Record<string, unknown[]>> => {
  const out: Record<string, unknown[]> = {};
  for (const name of (await store.listCollections()).sort()) {
    if (name === READ_MODEL_META) continue; // bookkeeping, as the checkpoints are
    const docs = await store.collection(name).find({}, { sort: { _id: 1 } });
    if (docs.length) out[name] = docs;
  }
  return out;
};

/** Evolves one projection's documents directly (no guard): for checking evolve's own idempotence. */
export const evolveAll = <D extends { _id: string }>(projection: Projection, events: readonly RecordedEvent[], twice = false): Map<string, D> => {
  const docs = new Map<string, D>();
  for (const event of events) {
    for (let pass = 0; pass < (twice ? 2 : 1); pass++) {
      const target = projection.target(event);
      if (!target) continue;
      const ids = 'ids' in target ? target.ids : [...docs.keys()].filter((id) => matchesFilter(docs.get(id)!, target.filter));
      for (const id of ids) {
        const next = projection.evolve((docs.get(id) ?? null) as never, event, id);
        if (next === null) docs.delete(id);
        else docs.set(id, next as unknown as D);
      }
    }
  }
  return docs;
};

// Enough of MongoDB's equality semantics for the filters projections target with (dotted paths into arrays).
const matchesFilter = (doc: object, filter: Readonly<Record<string, unknown>>): boolean =>
  Object.entries(filter).every(([path, value]) => valuesAt(doc, path.split('.')).includes(value));
const valuesAt = (value: unknown, path: readonly string[]): unknown[] => {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
};

/** Appends built events to a real event store, in order, each to its own stream. */
export const appendAll = async (store: import('#libs/event-store').EventStore, events: readonly RecordedEvent[]): Promise<bigint> => {
  let position = 0n;
  for (const e of events) {
    ({ position } = await store.append(e.stream, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], 'any'));
  }
  return position;
};
