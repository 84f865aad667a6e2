/**
 * The read-model store port: a small document store in MongoDB's vocabulary. Two adapters (embedded on mingo,
 * MongoDB on the official driver) pass one contract suite (read-model-store.contract.ts).
 *
 * Exactly-once projection without transactions: every document a projection writes carries `_position`, the
 * global log position of the last event applied to it (zero-padded so that it sorts as a string). A commit
 * leaves alone any document already at or past the event's position, so an event replayed after a crash
 * between the document writes and the checkpoint is never applied twice.
 */
import { START, type LogPosition } from '#libs/event-store';

export interface ReadModelDoc {
  readonly _id: string;
  readonly [field: string]: unknown;
}

/** A MongoDB query filter (`{ stage: 'in-force', 'consent.kind': { $in: [...] } }`). */
export type Filter = Readonly<Record<string, unknown>>;
export type Sort = Readonly<Record<string, 1 | -1>>;
/** MongoDB update operators ($set, $unset, $inc, $push, $pull, $addToSet, $min, $max...). */
export type UpdateOperators = Readonly<Record<`$${string}`, Readonly<Record<string, unknown>>>>;

export interface FindOptions {
  readonly sort?: Sort;
  readonly skip?: number;
  readonly limit?: number;
}

/** A secondary index (non-unique): `{ keys: { instrumentId: 1, party: 1 } }`. */
export interface IndexSpec {
  readonly keys: Readonly<Record<string, 1 | -1>>;
  /**
   * The projection's own lookups go through it (a filter target, the stored answers' rows): a rebuild builds it
   * before replaying the log. The others serve the queries only and are built once the replay is done, which
   * loads the documents faster than keeping every index up to date row by row.
   */
  readonly projection?: true;
}

export interface WriteResult {
  readonly matched: number;
  readonly modified: number;
  /** The _id of the document an upsert inserted, else null. */
  readonly upsertedId: string | null;
}

export interface ReadModelCollection<D extends ReadModelDoc = ReadModelDoc> {
  readonly name: string;
  find(filter?: Filter, options?: FindOptions): Promise<D[]>;
  findOne(filter: Filter): Promise<D | null>;
  count(filter?: Filter): Promise<number>;
  replaceOne(filter: Filter, doc: D, options?: { readonly upsert?: boolean }): Promise<WriteResult>;
  updateOne(filter: Filter, update: UpdateOperators, options?: { readonly upsert?: boolean }): Promise<WriteResult>;
  deleteMany(filter: Filter): Promise<number>;
}

/** One document change decided for one event: the whole new document, or null to delete it. */
export interface DocumentWrite {
  readonly collection: string;
  readonly _id: string;
  readonly doc: ReadModelDoc | null;
  /**
   * The position of the last event of a batch that changed this document (written as its `_position` and
   * guarded by it); the commit's own position when absent.
   */
  readonly position?: bigint;
}

export interface Checkpoint {
  readonly name: string;
  readonly position: LogPosition;
  /** Bumped by a rebuild's swap: a projector still writing for an older generation is told to re-read. */
  readonly generation: number;
}

export interface ProjectionCommit {
  /** Checkpoint name (one per projector). */
  readonly checkpoint: string;
  /** Position of the (last) event these writes come from: the checkpoint, and `_position` of writes without their own. */
  readonly position: bigint;
  /** The generation the projector started from; a commit for another generation is refused as stale. */
  readonly generation: number;
  readonly writes: readonly DocumentWrite[];
}

/** `stale`: a rebuild swapped the collections meanwhile; re-read the checkpoint and resume from it. */
export type CommitOutcome = 'committed' | 'stale';

export interface Lease {
  readonly name: string;
  readonly owner: string;
  readonly expiresAt: Date;
}

export interface CollectionSwap {
  /** Fresh collection holding the rebuilt documents. */
  readonly from: string;
  /** Live collection it replaces (dropped). */
  readonly to: string;
}

export interface ReadModelStore {
  /** 'embedded' | 'mongodb': shown in logs and health. */
  readonly kind: string;
  collection<D extends ReadModelDoc = ReadModelDoc>(name: string): ReadModelCollection<D>;
  /** Creates the collection if needed, and the indexes (idempotent). */
  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  listCollections(): Promise<string[]>;
  dropCollection(name: string): Promise<void>;

  getCheckpoint(name: string): Promise<Checkpoint | null>;
  /**
   * Writes the documents with the position guard and then the checkpoint. The embedded store does both at
   * once; MongoDB writes the documents first, so a crash in between replays the event, and the guard skips it.
   */
  commit(commit: ProjectionCommit): Promise<CommitOutcome>;

  /** Takes the lease when it is free or expired, or extends it for its owner; null while another owner holds it. */
  acquireLease(name: string, owner: string, ttlMs: number): Promise<Lease | null>;
  /** Extends the lease for its owner; false when it lapsed and someone else took it (stop projecting). */
  renewLease(name: string, owner: string, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, owner: string): Promise<void>;
  currentLease(name: string): Promise<Lease | null>;

  /**
   * Puts rebuilt collections in place of the live ones (each rename is atomic; readers see the old or the new
   * collection, never none), then sets the checkpoint to where the rebuild stopped and bumps its generation.
   */
  swapCollections(swaps: readonly CollectionSwap[], checkpoint: { readonly name: string; readonly position: LogPosition }): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the configured read-model store. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

export const CHECKPOINTS_COLLECTION = 'read_model_checkpoints';
export const LEASES_COLLECTION = 'read_model_leases';
export const POSITION_FIELD = '_position';

/** 20 digits hold any unsigned 64-bit position, so string order is numeric order (in mingo and MongoDB alike). */
export const positionKey = (position: bigint): string => position.toString().padStart(20, '0');

export const positionFromKey = (key: string | null | undefined): LogPosition =>
  key === null || key === undefined || key === '' ? START : BigInt(key);

/** True when the stored document already reflects the event at `position` (or a later one). */
export const isAtOrPast = (doc: ReadModelDoc | null | undefined, position: bigint): boolean => {
  const key = doc?.[POSITION_FIELD];
  return typeof key === 'string' && key >= positionKey(position);
};
