/**
 * MongoDB read-model store (official driver). Connection string from MONGODB_URL; indexes are created at
 * start (ensureIndexes). No transactions (a standalone server has none): a batch's documents are written with a
 * position guard in one unordered bulk write per collection, then the checkpoint, so a crash in between replays
 * the batch and the guard skips what was already written.
 * The projector lease is a document with an expiry computed from the server's clock ($$NOW), so the clocks of
 * the API processes do not matter. Rebuilds rename fresh collections over the live ones (dropTarget).
 */
import { MongoClient, MongoServerError, type AnyBulkWriteOperation, type Collection, type Db, type Document } from 'mongodb';
import {
  CHECKPOINTS_COLLECTION,
  LEASES_COLLECTION,
  POSITION_FIELD,
  positionFromKey,
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
import { type LogPosition } from '#libs/event-store';

export const MONGODB_URL = 'MONGODB_URL';
export const DEFAULT_MONGODB_DATABASE = 'treaty_read_models';

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;

const isCode = (error: unknown, code: number): boolean => error instanceof MongoServerError && error.code === code;

type StoredDoc = { _id: string } & Document;
interface CheckpointDoc {
  _id: string;
  position: string;
  generation: number;
}
interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface MongoReadModelStoreOptions {
  readonly url: string;
  /** Default: the database named in the URL, else `treaty_read_models`. */
  readonly database?: string;
}

export class MongoReadModelStore implements ReadModelStore {
  readonly kind = 'mongodb';

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  static async connect(options: MongoReadModelStoreOptions): Promise<MongoReadModelStore> {
    const client = new MongoClient(options.url, { serverSelectionTimeoutMS: 10_000 });
    await client.connect();
    const named = client.options.dbName;
    const db = client.db(options.database ?? (named && named !== 'test' ? named : DEFAULT_MONGODB_DATABASE));
    return new MongoReadModelStore(client, db);
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  collection<D extends ReadModelDoc = ReadModelDoc>(name: string): ReadModelCollection<D> {
    return new MongoCollection<D>(name, this.db.collection<StoredDoc>(name));
  }

  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    await this.db.createCollection(collection).catch((error: unknown) => {
      if (!isCode(error, NAMESPACE_EXISTS)) throw error;
    });
    for (const index of indexes) await this.db.collection(collection).createIndex({ ...index.keys });
  }

  async listCollections(): Promise<string[]> {
    const all = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return all.map((c) => c.name).filter((name) => name !== CHECKPOINTS_COLLECTION && name !== LEASES_COLLECTION && !name.startsWith('system.'));
  }

  async dropCollection(name: string): Promise<void> {
    await this.db.collection(name).drop().catch((error: unknown) => {
      if (!isCode(error, NAMESPACE_NOT_FOUND)) throw error;
    });
  }

  async getCheckpoint(name: string): Promise<Checkpoint | null> {
    const doc = await this.checkpoints().findOne({ _id: name });
    return doc && { name, position: positionFromKey(doc.position), generation: doc.generation ?? 0 };
  }

  async commit({ checkpoint, position, generation, writes }: ProjectionCommit): Promise<CommitOutcome> {
    const byCollection = new Map<string, AnyBulkWriteOperation<StoredDoc>[]>();
    for (const write of writes) {
      // A batch's document carries the position of the last event that changed it; others the commit's.
      const key = positionKey(write.position ?? position);
      // Only documents not already at or past that event (or without a position at all) are written.
      const guard = { [POSITION_FIELD]: { $not: { $gte: key } } };
      const ops = byCollection.get(write.collection) ?? [];
      byCollection.set(write.collection, ops);
      ops.push(
        write.doc === null
          ? { deleteOne: { filter: { _id: write._id, ...guard } } }
          : {
              replaceOne: {
                filter: { _id: write._id, ...guard },
                replacement: { ...write.doc, _id: write._id, [POSITION_FIELD]: key } as StoredDoc,
                upsert: true,
              },
            },
      );
    }
    for (const [name, ops] of byCollection) {
      try {
        await this.db.collection<StoredDoc>(name).bulkWrite(ops, { ordered: false });
      } catch (error) {
        // A guarded upsert that found the document already further on tries to insert it again: that
        // duplicate key means "already applied", which is exactly what the guard is for.
        const writeErrors = (error as { writeErrors?: unknown }).writeErrors;
        const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        if (!(error instanceof MongoServerError) || list.length === 0 || !list.every((e: { code?: number }) => e.code === DUPLICATE_KEY)) throw error;
      }
    }
    try {
      await this.checkpoints().updateOne({ _id: checkpoint, generation }, { $set: { position: positionKey(position) } }, { upsert: true });
    } catch (error) {
      if (isCode(error, DUPLICATE_KEY)) return 'stale'; // the checkpoint exists with another generation
      throw error;
    }
    return 'committed';
  }

  async acquireLease(name: string, owner: string, ttlMs: number): Promise<Lease | null> {
    try {
      const doc = await this.leases().findOneAndUpdate(
        { _id: name, $expr: { $or: [{ $eq: ['$owner', owner] }, { $lte: ['$expiresAt', '$$NOW'] }] } },
        [{ $set: { owner, expiresAt: { $add: ['$$NOW', ttlMs] } } }],
        { upsert: true, returnDocument: 'after' },
      );
      return doc && { name, owner: doc.owner, expiresAt: doc.expiresAt };
    } catch (error) {
      if (isCode(error, DUPLICATE_KEY)) return null; // held by another owner and not expired
      throw error;
    }
  }

  async renewLease(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const result = await this.leases().updateOne({ _id: name, owner }, [{ $set: { expiresAt: { $add: ['$$NOW', ttlMs] } } }]);
    return result.matchedCount === 1;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.leases().deleteOne({ _id: name, owner });
  }

  async currentLease(name: string): Promise<Lease | null> {
    const doc = await this.leases().findOne({ _id: name, $expr: { $gt: ['$expiresAt', '$$NOW'] } });
    return doc && { name, owner: doc.owner, expiresAt: doc.expiresAt };
  }

  async swapCollections(swaps: readonly CollectionSwap[], checkpoint: { name: string; position: LogPosition }): Promise<void> {
    for (const { from, to } of swaps) {
      await this.ensureIndexes(from, []); // an empty rebuilt collection may not exist yet; rename needs it
      await this.db.renameCollection(from, to, { dropTarget: true });
    }
    const key = checkpoint.position === 'start' ? '' : positionKey(checkpoint.position);
    await this.checkpoints().updateOne({ _id: checkpoint.name }, { $set: { position: key }, $inc: { generation: 1 } }, { upsert: true });
  }

  /** For tests: drop the whole database. */
  async dropDatabase(): Promise<void> {
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private checkpoints(): Collection<CheckpointDoc> {
    return this.db.collection<CheckpointDoc>(CHECKPOINTS_COLLECTION);
  }

  private leases(): Collection<LeaseDoc> {
    return this.db.collection<LeaseDoc>(LEASES_COLLECTION);
  }
}

class MongoCollection<D extends ReadModelDoc> implements ReadModelCollection<D> {
  constructor(
    readonly name: string,
    private readonly collection: Collection<StoredDoc>,
  ) {}

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<D[]> {
    let cursor = this.collection.find(filter as Document);
    if (options.sort && Object.keys(options.sort).length) cursor = cursor.sort({ ...options.sort });
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as unknown as D[];
  }

  async findOne(filter: Filter): Promise<D | null> {
    return (await this.collection.findOne(filter as Document)) as D | null;
  }

  async count(filter: Filter = {}): Promise<number> {
    return this.collection.countDocuments(filter as Document);
  }

  async replaceOne(filter: Filter, doc: D, options: { upsert?: boolean } = {}): Promise<WriteResult> {
    const result = await this.collection.replaceOne(filter as Document, doc as unknown as StoredDoc, { upsert: !!options.upsert });
    return { matched: result.matchedCount, modified: result.modifiedCount, upsertedId: (result.upsertedId as string | null) ?? null };
  }

  async updateOne(filter: Filter, update: UpdateOperators, options: { upsert?: boolean } = {}): Promise<WriteResult> {
    const upsertId = typeof filter._id === 'string' ? filter._id : undefined;
    // Our documents have string ids: an upsert without one in the filter gets a UUID, not an ObjectId.
    const withId = options.upsert && !upsertId ? { ...update, $setOnInsert: { ...(update.$setOnInsert ?? {}), _id: crypto.randomUUID() } } : update;
    const result = await this.collection.updateOne(filter as Document, withId as Document, { upsert: !!options.upsert });
    return { matched: result.matchedCount, modified: result.modifiedCount, upsertedId: (result.upsertedId as string | null) ?? null };
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.collection.deleteMany(filter as Document)).deletedCount;
  }
}
