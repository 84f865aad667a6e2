/**
 * In-process read-model store: documents in Maps, MongoDB query, sort and update semantics from mingo.
 * Nothing is persisted: the projector fills it from the event log at start-up (see the benchmark for how long).
 *
 * Stored documents are deep-frozen and handed out as they are (no copy on read): a caller that tries to
 * mutate one gets a TypeError instead of silently corrupting the store.
 */
import { randomUUID } from 'node:crypto';
import { Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import { type LogPosition } from '#libs/event-store';
import {
  isAtOrPast,
  POSITION_FIELD,
  positionKey,
  type Checkpoint,
  type CollectionSwap,
  type CommitOutcome,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type Lease,
  type ProjectionCommit,
  type ReadModelCollection,
  type ReadModelDoc,
  type ReadModelStore,
  type UpdateOperators,
  type WriteResult,
} from '../read-model-store.port.js';

type Primitive = string | number | boolean;
const isPrimitive = (v: unknown): v is Primitive => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

const deepFreeze = <T>(value: T): T => {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
};

/** Every value at a dotted path, arrays flattened (what a MongoDB multikey index holds). */
const valuesAt = (doc: unknown, path: readonly string[], i = 0): unknown[] => {
  if (Array.isArray(doc)) return doc.flatMap((item) => valuesAt(item, path, i));
  if (i === path.length) return [doc];
  if (doc === null || typeof doc !== 'object') return [];
  return valuesAt((doc as Record<string, unknown>)[path[i]!], path, i + 1);
};

/**
 * One collection: documents by _id plus single-field secondary indexes used to narrow equality filters.
 * An index declared by ensureIndexes is built the first time an equality query uses its field, and kept up
 * to date from then on: indexes MongoDB needs for sorting (dates, positions) cost nothing here.
 */
class CollectionData {
  readonly docs = new Map<string, ReadModelDoc>();
  private readonly declared = new Set<string>();
  private readonly indexes = new Map<string, Map<Primitive, Set<string>>>();

  declareIndex(field: string): void {
    this.declared.add(field);
  }

  put(doc: ReadModelDoc): void {
    const previous = this.docs.get(doc._id);
    for (const [field, index] of this.indexes) {
      if (previous) indexDoc(field, index, previous, false);
      indexDoc(field, index, doc, true);
    }
    this.docs.set(doc._id, doc);
  }

  remove(id: string): boolean {
    const previous = this.docs.get(id);
    if (!previous) return false;
    for (const [field, index] of this.indexes) indexDoc(field, index, previous, false);
    return this.docs.delete(id);
  }

  /** Documents that may match: narrowed by _id or an indexed equality/$in, else all of them. */
  candidates(filter: Filter): Iterable<ReadModelDoc> {
    const id = filter._id;
    if (typeof id === 'string') {
      const doc = this.docs.get(id);
      return doc ? [doc] : [];
    }
    const ids = id && typeof id === 'object' && Array.isArray((id as { $in?: unknown }).$in) ? (id as { $in: unknown[] }).$in : null;
    if (ids?.every((v) => typeof v === 'string')) return ids.flatMap((v) => this.docs.get(v as string) ?? []);
    for (const [field, value] of Object.entries(filter)) {
      if (!this.declared.has(field)) continue;
      const wanted = isPrimitive(value)
        ? [value]
        : value && typeof value === 'object' && Object.keys(value).length === 1 && Array.isArray((value as { $in?: unknown }).$in) &&
            (value as { $in: unknown[] }).$in.every(isPrimitive)
          ? (value as { $in: Primitive[] }).$in
          : null;
      if (!wanted) continue;
      const index = this.index(field);
      const found = new Set<string>();
      for (const v of wanted) for (const docId of index.get(v) ?? []) found.add(docId);
      return [...found].map((docId) => this.docs.get(docId)!);
    }
    return this.docs.values();
  }

  private index(field: string): Map<Primitive, Set<string>> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      this.indexes.set(field, index);
      for (const doc of this.docs.values()) indexDoc(field, index, doc, true);
    }
    return index;
  }
}

const indexDoc = (field: string, index: Map<Primitive, Set<string>>, doc: ReadModelDoc, add: boolean): void => {
  for (const value of new Set(valuesAt(doc, field.split('.')))) {
    if (!isPrimitive(value)) continue;
    let ids = index.get(value);
    if (add) {
      if (!ids) index.set(value, (ids = new Set()));
      ids.add(doc._id);
    } else {
      ids?.delete(doc._id);
      if (ids?.size === 0) index.delete(value);
    }
  }
};

/** `{ a: 'x', 'b.c': 2 }` with plain values only: MongoDB equality (arrays match on any element), without mingo. */
const plainEquality = (filter: Filter): [string[], Primitive][] | null => {
  const out: [string[], Primitive][] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') || !isPrimitive(value)) return null;
    out.push([key.split('.'), value]);
  }
  return out;
};

const match = (data: CollectionData, filter: Filter): ReadModelDoc[] => {
  const candidates = data.candidates(filter);
  const keys = Object.keys(filter);
  const exactIds = keys.length === 1 && (typeof filter._id === 'string' || (filter._id as { $in?: unknown[] } | undefined)?.$in?.every((v) => typeof v === 'string'));
  if (keys.length === 0 || exactIds) return [...candidates];
  const out: ReadModelDoc[] = [];
  const plain = plainEquality(filter);
  if (plain) {
    for (const doc of candidates) if (plain.every(([path, value]) => valuesAt(doc, path).includes(value))) out.push(doc);
    return out;
  }
  const query = new Query(filter as Record<string, unknown>, {});
  for (const doc of candidates) if (query.test(doc)) out.push(doc);
  return out;
};

/** The document an upsert starts from: the filter's plain equalities (MongoDB does the same). */
const seedFromFilter = (filter: Filter): Record<string, unknown> =>
  Object.fromEntries(Object.entries(filter).filter(([k, v]) => !k.startsWith('$') && !k.includes('.') && isPrimitive(v)));

export interface EmbeddedReadModelStoreOptions {
  /** Clock for lease expiry (tests move it forward instead of waiting). */
  readonly now?: () => number;
}

export class EmbeddedReadModelStore implements ReadModelStore {
  readonly kind = 'embedded';
  private readonly data = new Map<string, CollectionData>();
  private readonly checkpoints = new Map<string, { position: LogPosition; generation: number }>();
  private readonly leases = new Map<string, Lease>();
  private readonly now: () => number;

  constructor(options: EmbeddedReadModelStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  collection<D extends ReadModelDoc = ReadModelDoc>(name: string): ReadModelCollection<D> {
    // The handle looks its data up by name on every call, so a swap is seen at once.
    return new EmbeddedCollection<D>(name, () => this.dataOf(name));
  }

  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    const data = this.dataOf(collection);
    for (const index of indexes) data.declareIndex(Object.keys(index.keys)[0]!);
  }

  async listCollections(): Promise<string[]> {
    return [...this.data.keys()];
  }

  async dropCollection(name: string): Promise<void> {
    this.data.delete(name);
  }

  async getCheckpoint(name: string): Promise<Checkpoint | null> {
    const checkpoint = this.checkpoints.get(name);
    return checkpoint ? { name, ...checkpoint } : null;
  }

  /** Synchronous from the generation check to the checkpoint: documents and checkpoint change together. */
  async commit({ checkpoint, position, generation, writes }: ProjectionCommit): Promise<CommitOutcome> {
    const current = this.checkpoints.get(checkpoint);
    if (current && current.generation !== generation) return 'stale';
    const key = positionKey(position);
    for (const write of writes) {
      const data = this.dataOf(write.collection);
      if (isAtOrPast(data.docs.get(write._id), position)) continue;
      if (write.doc === null) data.remove(write._id);
      else data.put(deepFreeze({ ...write.doc, _id: write._id, [POSITION_FIELD]: key }));
    }
    this.checkpoints.set(checkpoint, { position, generation });
    return 'committed';
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<Lease | null> {
    const now = this.now();
    const lease = this.leases.get(name);
    if (lease && lease.owner !== owner && lease.expiresAt.getTime() > now) return null;
    const taken = { name, owner, expiresAt: new Date(now + ttlMs) };
    this.leases.set(name, taken);
    return taken;
  }

  async renewLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(name);
    if (!lease || lease.owner !== owner) return false;
    // An expired lease nobody took yet may still be renewed by its owner (MongoDB adapter: same rule).
    this.leases.set(name, { name, owner, expiresAt: new Date(this.now() + ttlMs) });
    return true;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    if (this.leases.get(name)?.owner === owner) this.leases.delete(name);
  }

  async currentLease(name: string): Promise<Lease | null> {
    const lease = this.leases.get(name);
    return lease && lease.expiresAt.getTime() > this.now() ? lease : null;
  }

  async swapCollections(swaps: readonly CollectionSwap[], checkpoint: { name: string; position: LogPosition }): Promise<void> {
    for (const { from, to } of swaps) {
      this.data.set(to, this.dataOf(from));
      this.data.delete(from);
    }
    const previous = this.checkpoints.get(checkpoint.name);
    this.checkpoints.set(checkpoint.name, { position: checkpoint.position, generation: (previous?.generation ?? 0) + 1 });
  }

  async close(): Promise<void> {
    // nothing to release: the data lives as long as the process
  }

  private dataOf(name: string): CollectionData {
    let data = this.data.get(name);
    if (!data) this.data.set(name, (data = new CollectionData()));
    return data;
  }
}

class EmbeddedCollection<D extends ReadModelDoc> implements ReadModelCollection<D> {
  constructor(
    readonly name: string,
    private readonly data: () => CollectionData,
  ) {}

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<D[]> {
    let docs = match(this.data(), filter);
    if (options.sort && Object.keys(options.sort).length) {
      docs = new Query({}, {}).find<ReadModelDoc>(docs).sort(options.sort as Record<string, 1 | -1>).all();
    }
    const skip = options.skip ?? 0;
    const end = options.limit ? skip + options.limit : undefined;
    return docs.slice(skip, end) as D[];
  }

  async findOne(filter: Filter): Promise<D | null> {
    return (match(this.data(), filter)[0] as D | undefined) ?? null;
  }

  async count(filter: Filter = {}): Promise<number> {
    return Object.keys(filter).length === 0 ? this.data().docs.size : match(this.data(), filter).length;
  }

  async replaceOne(filter: Filter, doc: D, options: { upsert?: boolean } = {}): Promise<WriteResult> {
    const data = this.data();
    const [existing] = match(data, filter);
    if (existing) {
      if (doc._id !== undefined && doc._id !== existing._id) throw new Error(`replaceOne in ${this.name} may not change _id`);
      data.put(deepFreeze(structuredClone({ ...doc, _id: existing._id })));
      return { matched: 1, modified: 1, upsertedId: null };
    }
    if (!options.upsert) return { matched: 0, modified: 0, upsertedId: null };
    const id = doc._id ?? (typeof filter._id === 'string' ? filter._id : randomUUID());
    data.put(deepFreeze(structuredClone({ ...doc, _id: id })));
    return { matched: 0, modified: 0, upsertedId: id };
  }

  async updateOne(filter: Filter, update: UpdateOperators, options: { upsert?: boolean } = {}): Promise<WriteResult> {
    const data = this.data();
    const [existing] = match(data, filter);
    if (existing) {
      const next = structuredClone(existing) as Record<string, unknown>;
      const changed = applyUpdate(next, update as never);
      if (changed.length === 0) return { matched: 1, modified: 0, upsertedId: null };
      data.put(deepFreeze({ ...next, _id: existing._id } as ReadModelDoc));
      return { matched: 1, modified: 1, upsertedId: null };
    }
    if (!options.upsert) return { matched: 0, modified: 0, upsertedId: null };
    const seed = seedFromFilter(filter);
    const id = typeof seed._id === 'string' ? seed._id : randomUUID();
    const next: Record<string, unknown> = { ...seed, _id: id };
    applyUpdate(next, update as never);
    data.put(deepFreeze(next as ReadModelDoc));
    return { matched: 0, modified: 0, upsertedId: id };
  }

  async deleteMany(filter: Filter): Promise<number> {
    const data = this.data();
    const doomed = match(data, filter);
    for (const doc of doomed) data.remove(doc._id);
    return doomed.length;
  }
}

