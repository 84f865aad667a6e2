/**
 * Embedded read-model store: documents as JSON rows in SQLite (better-sqlite3), one table per collection, with
 * MongoDB's query, sort and update meaning (filters translated to SQL where they can be, mingo for the rest).
 * Kept in a file (`DATA_DIR/read-models.sqlite`) with its checkpoint, so a restart resumes from where the
 * projector stopped; memory holds SQLite's page cache and a bounded cache of recently read documents, not the
 * read models. `':memory:'` (the default) keeps a private store for tests and tools.
 *
 * A commit writes its documents and the checkpoint in one transaction. Collections are named tables through a
 * catalogue (`rm_collections`), so a rebuild's swap is one transaction that points the live name at the fresh
 * table. Documents handed out are deep-frozen (a cached one is shared between readers).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Query } from 'mingo';
import { update as applyUpdate } from 'mingo/updater';
import { START, type LogPosition } from '#libs/event-store';
import {
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
import { arrayPathsOf, isScalarPath, orderOf, whereOf } from './sql-filter.js';

const deepFreeze = <T>(value: T): T => {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
};

const isPrimitive = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The document an upsert starts from: the filter's plain equalities (MongoDB does the same). */
const seedFromFilter = (filter: Filter): Record<string, unknown> =>
  Object.fromEntries(Object.entries(filter).filter(([k, v]) => !k.startsWith('$') && !k.includes('.') && isPrimitive(v)));

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface EmbeddedReadModelStoreOptions {
  /** Database file, or ':memory:' (default) for a private store. Missing directories are created. */
  readonly file?: string;
  /** Clock for lease expiry (tests move it forward instead of waiting). */
  readonly now?: () => number;
  /** How many parsed documents stay cached for lookups by id. Default: 20,000. */
  readonly cachedDocuments?: number;
  /** SQLite's page cache in MiB. Default: 64. */
  readonly pageCacheMiB?: number;
}

interface Table {
  readonly name: string;
  readonly table: string;
  /** Paths that held an array in some document (they match by element in MongoDB). */
  readonly arrayPaths: Set<string>;
}

type Row = { id: string; pos: string | null; doc: string };

/** A small LRU of parsed, frozen documents by table and id. */
class DocumentCache {
  private readonly entries = new Map<string, ReadModelDoc | null>();
  constructor(private readonly capacity: number) {}
  get(key: string): ReadModelDoc | null | undefined {
    const doc = this.entries.get(key);
    if (doc === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, doc);
    return doc;
  }
  set(key: string, doc: ReadModelDoc | null): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, doc);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
}

export class EmbeddedReadModelStore implements ReadModelStore {
  readonly kind = 'embedded';
  readonly file: string;
  private readonly db: Database.Database;
  private readonly tables = new Map<string, Table>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly leases = new Map<string, Lease>();
  private readonly cache: DocumentCache;
  private readonly now: () => number;
  private closed = false;

  constructor(options: EmbeddedReadModelStoreOptions = {}) {
    this.file = options.file ?? ':memory:';
    this.now = options.now ?? Date.now;
    this.cache = new DocumentCache(options.cachedDocuments ?? 20_000);
    if (this.file !== ':memory:') mkdirSync(dirname(this.file), { recursive: true });
    this.db = new Database(this.file);
    if (this.file !== ':memory:') this.db.pragma('journal_mode = WAL');
    // A lost last commit after a power cut only moves the checkpoint back: the projector applies those events again.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`cache_size = -${(options.pageCacheMiB ?? 64) * 1024}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rm_collections (name TEXT PRIMARY KEY, tbl TEXT NOT NULL UNIQUE);
      CREATE TABLE IF NOT EXISTS rm_array_paths (tbl TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (tbl, path));
      CREATE TABLE IF NOT EXISTS rm_checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL, generation INTEGER NOT NULL);
    `);
    const paths = this.db.prepare('SELECT tbl, path FROM rm_array_paths').all() as { tbl: string; path: string }[];
    for (const { name, tbl } of this.db.prepare('SELECT name, tbl FROM rm_collections').all() as { name: string; tbl: string }[]) {
      this.tables.set(name, { name, table: tbl, arrayPaths: new Set(paths.filter((p) => p.tbl === tbl).map((p) => p.path)) });
    }
  }

  collection<D extends ReadModelDoc = ReadModelDoc>(name: string): ReadModelCollection<D> {
    // The handle looks its table up by name on every call, so a swap is seen at once.
    return new EmbeddedCollection<D>(this, name);
  }

  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    const { table } = this.tableOf(collection);
    for (const index of indexes) {
      const fields = Object.entries(index.keys);
      if (!fields.every(([path]) => isScalarPath(path, new Set()))) continue;
      const name = `${table}:${fields.map(([path, dir]) => `${path}${dir === -1 ? '-' : '+'}`).join(',')}`;
      const columns = fields.map(([path, dir]) => `json_extract(doc, '$.${path}') ${dir === -1 ? 'DESC' : 'ASC'}`).join(', ');
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${quote(name)} ON ${quote(table)} (${columns})`);
    }
  }

  async listCollections(): Promise<string[]> {
    return [...this.tables.keys()];
  }

  async dropCollection(name: string): Promise<void> {
    const table = this.tables.get(name);
    if (!table) return;
    this.db.transaction(() => this.dropTable(table))();
    this.tables.delete(name);
    this.cache.clear();
  }

  async getCheckpoint(name: string): Promise<Checkpoint | null> {
    const row = this.statement('SELECT position, generation FROM rm_checkpoints WHERE name = ?').get(name) as { position: string; generation: number } | undefined;
    return row ? { name, position: positionFromKey(row.position), generation: row.generation } : null;
  }

  /** One transaction: the generation check, every guarded write, the checkpoint. */
  async commit(commit: ProjectionCommit): Promise<CommitOutcome> {
    try {
      return this.commitNow(commit);
    } catch (error) {
      this.cache.clear(); // rolled back: documents cached as written were not
      throw error;
    }
  }

  private commitNow({ checkpoint, position, generation, writes }: ProjectionCommit): CommitOutcome {
    return this.db.transaction((): CommitOutcome => {
      const current = this.statement('SELECT generation FROM rm_checkpoints WHERE name = ?').get(checkpoint) as { generation: number } | undefined;
      if (current && current.generation !== generation) return 'stale';
      let table: Table | null = null;
      for (const write of writes) {
        if (table?.name !== write.collection) table = this.tableOf(write.collection);
        const key = positionKey(write.position ?? position);
        const cacheKey = `${table.table}\u0000${write._id}`;
        // The guard in the statement itself: a document at or past this position is left alone.
        if (write.doc === null) {
          this.cache.delete(cacheKey);
          this.statement(`DELETE FROM ${quote(table.table)} WHERE id = ? AND (pos IS NULL OR pos < ?)`, table.table).run(write._id, key);
          continue;
        }
        const doc = write.doc[POSITION_FIELD] === key && write.doc._id === write._id ? write.doc : { ...write.doc, _id: write._id, [POSITION_FIELD]: key };
        this.notePaths(table, doc);
        const { changes } = this.statement(
          `INSERT INTO ${quote(table.table)} (id, pos, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET pos = excluded.pos, doc = excluded.doc WHERE pos IS NULL OR pos < excluded.pos`,
          table.table,
        ).run(write._id, key, JSON.stringify(doc));
        // The document just written is the one the next lookup wants (the projector's next event on the same
        // instrument reads it back): keep it parsed. One the guard refused is read from the table instead.
        if (changes > 0) this.cache.set(cacheKey, deepFreeze(doc));
        else this.cache.delete(cacheKey);
      }
      this.statement('INSERT INTO rm_checkpoints (name, position, generation) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position')
        .run(checkpoint, position.toString(), generation);
      return 'committed';
    })();
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
    this.db.transaction(() => {
      for (const { from, to } of swaps) {
        const fresh = this.tableOf(from);
        const live = this.tables.get(to);
        if (live) this.dropTable(live);
        this.statement('DELETE FROM rm_collections WHERE name = ?').run(from);
        this.statement('INSERT INTO rm_collections (name, tbl) VALUES (?, ?)').run(to, fresh.table);
      }
      const previous = this.statement('SELECT generation FROM rm_checkpoints WHERE name = ?').get(checkpoint.name) as { generation: number } | undefined;
      const position = checkpoint.position === START ? '' : checkpoint.position.toString();
      this.statement('INSERT OR REPLACE INTO rm_checkpoints (name, position, generation) VALUES (?, ?, ?)').run(checkpoint.name, position, (previous?.generation ?? 0) + 1);
    })();
    for (const { from, to } of swaps) {
      const fresh = this.tables.get(from)!;
      this.tables.delete(from);
      this.tables.set(to, { ...fresh, name: to });
    }
    this.cache.clear();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  // ---- used by the collections ----

  tableOf(name: string): Table {
    let table = this.tables.get(name);
    if (!table) {
      const tbl = `rm_${randomUUID().replace(/-/g, '')}`;
      this.db.transaction(() => {
        this.db.exec(`CREATE TABLE ${quote(tbl)} (id TEXT PRIMARY KEY, pos TEXT, doc TEXT NOT NULL)`);
        this.statement('INSERT INTO rm_collections (name, tbl) VALUES (?, ?)').run(name, tbl);
      })();
      this.tables.set(name, (table = { name, table: tbl, arrayPaths: new Set() }));
    }
    return table;
  }

  /** Rows narrowed by SQL (ordered by it when it can), checked against the whole filter by mingo when needed. */
  select(name: string, filter: Filter, options: FindOptions = {}): ReadModelDoc[] {
    const table = this.tables.get(name);
    if (!table) return [];
    if (typeof filter._id === 'string' && Object.keys(filter).length === 1) {
      const doc = this.byId(table, filter._id);
      return doc ? [doc] : [];
    }
    const where = whereOf(filter, table.arrayPaths);
    const order = orderOf(options.sort, table.arrayPaths);
    const skip = options.skip ?? 0;
    const limit = options.limit ?? 0;
    const pushLimit = where.exact && order !== null;
    const sql = `SELECT id, pos, doc FROM ${quote(table.table)} WHERE ${where.sql}${order ?? ''}${pushLimit && (limit || skip) ? ` LIMIT ${limit || -1} OFFSET ${skip}` : ''}`;
    const statement = this.statement(sql, table.table);
    const query = where.exact ? null : new Query(filter as Record<string, unknown>, {});
    let docs: ReadModelDoc[] = [];
    if (order !== null && !pushLimit && limit) {
      // ordered by SQLite, filtered here: stop once the page is full
      let skipped = 0;
      for (const row of statement.iterate(...where.params) as IterableIterator<Row>) {
        const doc = this.parse(table, row);
        if (query && !query.test(doc)) continue;
        if (skipped++ < skip) continue;
        docs.push(doc);
        if (docs.length === limit) break;
      }
      return docs;
    }
    for (const row of statement.all(...where.params) as Row[]) {
      const doc = this.parse(table, row);
      if (!query || query.test(doc)) docs.push(doc);
    }
    if (order === null) docs = new Query({}, {}).find<ReadModelDoc>(docs).sort(options.sort as Record<string, 1 | -1>).all();
    if (pushLimit) return docs;
    return docs.slice(skip, limit ? skip + limit : undefined);
  }

  countOf(name: string, filter: Filter): number {
    const table = this.tables.get(name);
    if (!table) return 0;
    const where = whereOf(filter, table.arrayPaths);
    if (where.exact) return (this.statement(`SELECT COUNT(*) AS n FROM ${quote(table.table)} WHERE ${where.sql}`, table.table).get(...where.params) as { n: number }).n;
    return this.select(name, filter).length;
  }

  write(name: string, doc: ReadModelDoc): void {
    this.putRow(this.tableOf(name), doc);
  }

  remove(name: string, id: string): boolean {
    const table = this.tables.get(name);
    return table ? this.deleteRow(table, id) : false;
  }

  private byId(table: Table, id: string): ReadModelDoc | null {
    const key = `${table.table}\u0000${id}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const row = this.statement(`SELECT id, pos, doc FROM ${quote(table.table)} WHERE id = ?`, table.table).get(id) as Row | undefined;
    const doc = row ? this.parse(table, row) : null;
    this.cache.set(key, doc);
    return doc;
  }

  private parse(table: Table, row: Row): ReadModelDoc {
    const key = `${table.table}\u0000${row.id}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const doc = deepFreeze(JSON.parse(row.doc) as ReadModelDoc);
    this.cache.set(key, doc);
    return doc;
  }

  /** Remembers the paths of this document that hold arrays (filters on them are left to mingo). */
  private notePaths(table: Table, doc: ReadModelDoc): void {
    for (const path of arrayPathsOf(doc)) {
      if (table.arrayPaths.has(path)) continue;
      table.arrayPaths.add(path);
      this.statement('INSERT OR IGNORE INTO rm_array_paths (tbl, path) VALUES (?, ?)').run(table.table, path);
    }
  }

  private putRow(table: Table, doc: ReadModelDoc): void {
    this.notePaths(table, doc);
    const position = doc[POSITION_FIELD];
    this.statement(`INSERT OR REPLACE INTO ${quote(table.table)} (id, pos, doc) VALUES (?, ?, ?)`, table.table).run(
      doc._id,
      typeof position === 'string' ? position : null,
      JSON.stringify(doc),
    );
    this.cache.delete(`${table.table}\u0000${doc._id}`);
  }

  private deleteRow(table: Table, id: string): boolean {
    this.cache.delete(`${table.table}\u0000${id}`);
    return this.statement(`DELETE FROM ${quote(table.table)} WHERE id = ?`, table.table).run(id).changes > 0;
  }

  private dropTable(table: Table): void {
    this.db.exec(`DROP TABLE IF EXISTS ${quote(table.table)}`);
    this.statement('DELETE FROM rm_collections WHERE tbl = ?').run(table.table);
    this.statement('DELETE FROM rm_array_paths WHERE tbl = ?').run(table.table);
    for (const key of [...this.statements.keys()]) if (key.startsWith(`${table.table}\u0000`)) this.statements.delete(key);
  }

  private statement(sql: string, table = ''): Database.Statement {
    const key = `${table}\u0000${sql}`;
    let statement = this.statements.get(key);
    if (!statement) this.statements.set(key, (statement = this.db.prepare(sql)));
    return statement;
  }
}

class EmbeddedCollection<D extends ReadModelDoc> implements ReadModelCollection<D> {
  constructor(
    private readonly store: EmbeddedReadModelStore,
    readonly name: string,
  ) {}

  async find(filter: Filter = {}, options: FindOptions = {}): Promise<D[]> {
    return this.store.select(this.name, filter, options) as D[];
  }

  async findOne(filter: Filter): Promise<D | null> {
    return (this.store.select(this.name, filter, { limit: 1 })[0] as D | undefined) ?? null;
  }

  async count(filter: Filter = {}): Promise<number> {
    return this.store.countOf(this.name, filter);
  }

  async replaceOne(filter: Filter, doc: D, options: { upsert?: boolean } = {}): Promise<WriteResult> {
    const [existing] = this.store.select(this.name, filter, { limit: 1 });
    if (existing) {
      if (doc._id !== undefined && doc._id !== existing._id) throw new Error(`replaceOne in ${this.name} may not change _id`);
      this.store.write(this.name, { ...doc, _id: existing._id });
      return { matched: 1, modified: 1, upsertedId: null };
    }
    if (!options.upsert) return { matched: 0, modified: 0, upsertedId: null };
    const id = doc._id ?? (typeof filter._id === 'string' ? filter._id : randomUUID());
    this.store.write(this.name, { ...doc, _id: id });
    return { matched: 0, modified: 0, upsertedId: id };
  }

  async updateOne(filter: Filter, update: UpdateOperators, options: { upsert?: boolean } = {}): Promise<WriteResult> {
    const [existing] = this.store.select(this.name, filter, { limit: 1 });
    if (existing) {
      const next = structuredClone(existing) as Record<string, unknown>;
      const changed = applyUpdate(next, update as never);
      if (changed.length === 0) return { matched: 1, modified: 0, upsertedId: null };
      this.store.write(this.name, { ...next, _id: existing._id } as ReadModelDoc);
      return { matched: 1, modified: 1, upsertedId: null };
    }
    if (!options.upsert) return { matched: 0, modified: 0, upsertedId: null };
    const seed = seedFromFilter(filter);
    const id = typeof seed._id === 'string' ? seed._id : randomUUID();
    const next: Record<string, unknown> = { ...seed, _id: id };
    applyUpdate(next, update as never);
    this.store.write(this.name, next as ReadModelDoc);
    return { matched: 0, modified: 0, upsertedId: id };
  }

  async deleteMany(filter: Filter): Promise<number> {
    const doomed = this.store.select(this.name, filter);
    for (const doc of doomed) this.store.remove(this.name, doc._id);
    return doomed.length;
  }
}
