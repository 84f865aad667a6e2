/**
 * The Merkle tree over the global log, kept in its own SQLite file beside the log (DATA_DIR/integrity.sqlite)
 * so that it works over either store and the store itself is not touched: leaf i is the i-th event of the
 * log in order; every complete subtree is stored once it is complete (about 2n rows for n events), so roots
 * and proofs for any earlier size are O(log n) lookups. The signed tree heads are kept here too.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { nodeHash } from './merkle-hash.js';
import { consistencyPath, inclusionPath, rootHash, type SubtreeLookup } from './merkle-proofs.js';

export interface LeafToAppend {
  readonly position: bigint;
  readonly eventId: string;
  readonly hash: Buffer;
}

export interface StoredLeaf extends LeafToAppend {
  readonly index: number;
}

export interface StoredHead {
  readonly treeSize: number;
  readonly rootHash: Buffer;
  readonly timestamp: string;
  readonly signature: Buffer;
  /** Ed25519 public key, raw 32 bytes. */
  readonly publicKey: Buffer;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS leaves (
    idx      INTEGER PRIMARY KEY,          -- 0-based place in the log
    position INTEGER NOT NULL UNIQUE,      -- the store's global position
    event_id TEXT    NOT NULL,
    hash     BLOB    NOT NULL              -- SHA-256(0x00 || canonical encoding)
  );
  CREATE INDEX IF NOT EXISTS leaves_by_event ON leaves (event_id);
  CREATE TABLE IF NOT EXISTS nodes (        -- complete subtrees above the leaves
    level INTEGER NOT NULL,
    idx   INTEGER NOT NULL,                 -- covers leaves [idx * 2^level, (idx + 1) * 2^level)
    hash  BLOB    NOT NULL,
    PRIMARY KEY (level, idx)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS heads (
    tree_size  INTEGER PRIMARY KEY,
    root_hash  BLOB NOT NULL,
    timestamp  TEXT NOT NULL,
    signature  BLOB NOT NULL,
    public_key BLOB NOT NULL
  );
`;

interface LeafRow {
  idx: bigint;
  position: bigint;
  event_id: string;
  hash: Buffer;
}

interface HeadRow {
  tree_size: bigint;
  root_hash: Buffer;
  timestamp: string;
  signature: Buffer;
  public_key: Buffer;
}

const toHead = (row: HeadRow): StoredHead => ({
  treeSize: Number(row.tree_size),
  rootHash: row.root_hash,
  timestamp: row.timestamp,
  signature: row.signature,
  publicKey: row.public_key,
});

const toLeaf = (row: LeafRow): StoredLeaf => ({ index: Number(row.idx), position: row.position, eventId: row.event_id, hash: row.hash });

export class MerkleTreeStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements;
  /** The right edge: the complete subtrees the tree's size decomposes into, largest first. */
  private edge: { level: number; hash: Buffer }[] = [];
  private treeSize = 0;
  private lastPosition: bigint | null = null;
  private readonly appendTransaction: Database.Transaction<(leaves: readonly LeafToAppend[]) => void>;

  constructor(options: { readonly file: string; readonly readonly?: boolean }) {
    const memory = options.file === ':memory:';
    this.file = memory ? options.file : resolve(options.file);
    if (!memory && !options.readonly) mkdirSync(dirname(this.file), { recursive: true });
    this.db = new Database(this.file, options.readonly ? { readonly: true, fileMustExist: true } : {});
    this.db.defaultSafeIntegers(true);
    if (!options.readonly) {
      if (!memory) this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL'); // the tree is derived from the log: a lost tail is rebuilt from it
      this.db.exec(SCHEMA);
    }
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('cache_size = -65536'); // 64 MB: the index by event id is random-access while a large log is sequenced
    this.statements = {
      // Leaves are numbered 0, 1, 2... in log order: the last one gives the size and position without counting rows.
      size: this.db.prepare<[], { n: bigint; position: bigint | null }>('SELECT idx + 1 AS n, position FROM leaves ORDER BY idx DESC LIMIT 1'),
      leaf: this.db.prepare<[number], LeafRow>('SELECT * FROM leaves WHERE idx = ?'),
      leafByEvent: this.db.prepare<[string], LeafRow>('SELECT * FROM leaves WHERE event_id = ? ORDER BY idx LIMIT 1'),
      sizeAtPosition: this.db.prepare<[bigint], { n: bigint }>('SELECT idx + 1 AS n FROM leaves WHERE position <= ? ORDER BY position DESC LIMIT 1'),
      leaves: this.db.prepare<[number, number], LeafRow>('SELECT * FROM leaves WHERE idx >= ? ORDER BY idx LIMIT ?'),
      node: this.db.prepare<[number, number], { hash: Buffer }>('SELECT hash FROM nodes WHERE level = ? AND idx = ?'),
      nodes: this.db.prepare<[number, number, number], { idx: bigint; hash: Buffer }>('SELECT idx, hash FROM nodes WHERE level = ? AND idx >= ? ORDER BY idx LIMIT ?'),
      insertLeaf: this.db.prepare<[number, bigint, string, Buffer]>('INSERT INTO leaves (idx, position, event_id, hash) VALUES (?, ?, ?, ?)'),
      insertNode: this.db.prepare<[number, number, Buffer]>('INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)'),
      latestHead: this.db.prepare<[], HeadRow>('SELECT * FROM heads ORDER BY tree_size DESC LIMIT 1'),
      head: this.db.prepare<[number], HeadRow>('SELECT * FROM heads WHERE tree_size = ?'),
      heads: this.db.prepare<[], HeadRow>('SELECT * FROM heads ORDER BY tree_size'),
      insertHead: this.db.prepare<[number, Buffer, string, Buffer, Buffer]>(
        'INSERT OR REPLACE INTO heads (tree_size, root_hash, timestamp, signature, public_key) VALUES (?, ?, ?, ?, ?)',
      ),
    };
    this.appendTransaction = this.db.transaction((leaves: readonly LeafToAppend[]) => {
      for (const leaf of leaves) this.appendOne(leaf);
    });
    this.loadEdge();
  }

  get size(): number {
    return this.treeSize;
  }

  /** The store position of the last leaf (null: empty tree): where the sequencer resumes. */
  get lastSequencedPosition(): bigint | null {
    return this.lastPosition;
  }

  /** Appends leaves in log order, in one transaction. */
  append(leaves: readonly LeafToAppend[]): void {
    if (leaves.length === 0) return;
    const before = { edge: this.edge.slice(), size: this.treeSize, position: this.lastPosition };
    try {
      this.appendTransaction(leaves);
    } catch (error) {
      Object.assign(this, { edge: before.edge, treeSize: before.size, lastPosition: before.position });
      throw error;
    }
  }

  readonly lookup: SubtreeLookup = (level, start) => {
    const hash = level === 0 ? this.statements.leaf.get(start)?.hash : this.statements.node.get(level, Math.floor(start / 2 ** level))?.hash;
    if (!hash) throw new Error(`the tree has no subtree of level ${level} at leaf ${start}`);
    return hash;
  };

  root(size = this.treeSize): Buffer {
    this.assertSize(size);
    return size === this.treeSize ? this.edgeRoot() : rootHash(this.lookup, size);
  }

  inclusionProof(index: number, size: number): Buffer[] {
    this.assertSize(size);
    return inclusionPath(this.lookup, index, size);
  }

  consistencyProof(from: number, to: number): Buffer[] {
    this.assertSize(to);
    return consistencyPath(this.lookup, from, to);
  }

  leafOfEvent(eventId: string): StoredLeaf | null {
    const row = this.statements.leafByEvent.get(eventId.toLowerCase());
    return row ? toLeaf(row) : null;
  }

  leaf(index: number): StoredLeaf | null {
    const row = this.statements.leaf.get(index);
    return row ? toLeaf(row) : null;
  }

  /** Leaves from `from` in order, a page at a time. */
  leaves(from: number, limit: number): StoredLeaf[] {
    return this.statements.leaves.all(from, limit).map(toLeaf);
  }

  /** The number of leaves at or before a store position: the tree a document rendered at that position belongs to. */
  sizeAtPosition(position: bigint): number {
    return Number(this.statements.sizeAtPosition.get(position)?.n ?? 0);
  }

  /** The stored hash of a complete subtree above the leaves, or null. */
  node(level: number, index: number): Buffer | null {
    return this.statements.node.get(level, index)?.hash ?? null;
  }

  /** Stored nodes of one level from `fromIndex` in order, a page at a time (for a walk of the whole tree). */
  nodes(level: number, fromIndex: number, limit: number): { readonly index: number; readonly hash: Buffer }[] {
    return this.statements.nodes.all(level, fromIndex, limit).map((r) => ({ index: Number(r.idx), hash: r.hash }));
  }

  saveHead(head: StoredHead): void {
    this.statements.insertHead.run(head.treeSize, head.rootHash, head.timestamp, head.signature, head.publicKey);
  }

  latestHead(): StoredHead | null {
    const row = this.statements.latestHead.get();
    return row ? toHead(row) : null;
  }

  head(size: number): StoredHead | null {
    const row = this.statements.head.get(size);
    return row ? toHead(row) : null;
  }

  *heads(): IterableIterator<StoredHead> {
    for (const row of this.statements.heads.iterate()) yield toHead(row);
  }

  /** A consistent copy of the tree file while it is in use (SQLite's online backup). */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private assertSize(size: number): void {
    if (!(Number.isSafeInteger(size) && size >= 0 && size <= this.treeSize)) {
      throw new RangeError(`the tree has ${this.treeSize} leaves, not ${size}`);
    }
  }

  private appendOne(leaf: LeafToAppend): void {
    const index = this.treeSize;
    this.statements.insertLeaf.run(index, leaf.position, leaf.eventId, leaf.hash);
    this.edge.push({ level: 0, hash: leaf.hash });
    // Each trailing 1 bit of the index completes one more subtree.
    while (this.edge.length >= 2 && this.edge[this.edge.length - 1]!.level === this.edge[this.edge.length - 2]!.level) {
      const right = this.edge.pop()!;
      const left = this.edge.pop()!;
      const level = right.level + 1;
      const hash = nodeHash(left.hash, right.hash);
      this.statements.insertNode.run(level, Math.floor(index / 2 ** level), hash);
      this.edge.push({ level, hash });
    }
    this.treeSize = index + 1;
    this.lastPosition = leaf.position;
  }

  private edgeRoot(): Buffer {
    if (this.edge.length === 0) return rootHash(this.lookup, 0);
    let hash = this.edge[this.edge.length - 1]!.hash;
    for (let i = this.edge.length - 2; i >= 0; i--) hash = nodeHash(this.edge[i]!.hash, hash);
    return hash;
  }

  private loadEdge(): void {
    const { n, position } = this.statements.size.get() ?? { n: 0n, position: null };
    this.treeSize = Number(n);
    this.lastPosition = position;
    this.edge = [];
    let start = 0;
    for (let level = 52; level >= 0; level--) {
      const width = 2 ** level;
      if (this.treeSize - start >= width) {
        this.edge.push({ level, hash: this.lookup(level, start) });
        start += width;
      }
    }
  }
}
