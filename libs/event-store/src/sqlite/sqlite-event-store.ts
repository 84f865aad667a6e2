/**
 * Embedded event store on SQLite (better-sqlite3): the default, zero-setup store.
 *
 * Durability: WAL with synchronous=FULL, so a commit is fsync'd before append() resolves. Because each fsync
 * blocks the (synchronous) driver, concurrent appends are group-committed by default: every append queued in
 * the same tick goes into one transaction, each inside its own SAVEPOINT so that one conflicting append is
 * rolled back and refused alone. `groupCommit: false` commits each append on its own (for measurement).
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { assertIdempotencyKey, assertReadOptions, decodeJson, encodeAppend, type EncodedAppend } from '../event-store.codec.js';
import {
  IdempotencyKeyTakenError,
  START,
  WrongExpectedRevisionError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type LogPosition,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';

export interface SqliteEventStoreOptions {
  /** Database file, or ':memory:' for a private in-memory store. Missing directories are created. */
  readonly file: string;
  /** Commit the appends queued in one tick in one transaction (one fsync). Default: true. */
  readonly groupCommit?: boolean;
  /** How often an idle subscription looks for appends made by another process on the same file. Default: 1000. */
  readonly pollIntervalMs?: number;
  /** Events read per page while a subscription catches up. Default: 500. */
  readonly pageSize?: number;
  /** How many of the events this process appended last are kept for readers of the log's tail. Default: 5000. */
  readonly tailSize?: number;
}

export interface SqliteEventStoreStats {
  /** Transactions committed that wrote events, i.e. fsyncs (a group counts once). */
  readonly commits: number;
  /** Appends that succeeded (idempotent retries included). */
  readonly appends: number;
}

/** One transaction's appends, told to the observers of observeCommits (metrics; not part of the port). */
export interface SqliteCommitObservation {
  /** Appends committed (or refused) together: the group's size, 1 without group commit. */
  readonly appends: number;
  /** For each append, the seconds from append() to its answer: the wait for the group, then the commit. */
  readonly appendSeconds: readonly number[];
}

export type SqliteCommitObserver = (observation: SqliteCommitObservation) => void;

interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: string;
  metadata: string;
  created_at: string;
}

interface PendingAppend {
  readonly request: EncodedAppend;
  /** performance.now() when append() was called */
  readonly queuedAt: number;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

interface Applied {
  readonly result: AppendResult;
  /** false for an idempotent retry or an empty batch: nothing new to fsync or announce */
  readonly wrote: boolean;
  /** The events written, as readers will see them (empty when nothing was written). */
  readonly recorded: readonly RecordedEvent[];
}

type Outcome = ({ readonly ok: true } & Applied) | { readonly ok: false; readonly error: unknown };

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position   INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: never reuses a position, even after a rollback
    stream     TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    id         TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    data       TEXT    NOT NULL,
    metadata   TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
  -- idempotency checks for expectedRevision 'any' look events up by id
  CREATE INDEX IF NOT EXISTS events_by_id ON events (id);
  -- an Idempotency-Key belongs to the stream of the append that first used it; written in that append's
  -- transaction, outside the log, so a refused request leaves no trace
  CREATE TABLE IF NOT EXISTS idempotency_keys (
    key    TEXT PRIMARY KEY,
    stream TEXT NOT NULL
  );
`;

export class SqliteEventStore implements EventStore {
  readonly file: string;
  readonly groupCommit: boolean;
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly statements;
  private readonly appendInTransaction: Database.Transaction<(request: EncodedAppend) => Applied>;
  private readonly commitGroupTransaction: Database.Transaction<(group: readonly PendingAppend[]) => Outcome[]>;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private counters = { commits: 0, appends: 0 };
  private readonly observers = new Set<SqliteCommitObserver>();
  /**
   * The events this process committed last, a run of consecutive positions: subscribers following the log (the
   * projector, the tree sequencer, the deliveries) read them from here instead of each reading and decoding them
   * from the file. A position that does not follow (another process appended between) starts a new run; what
   * lies before the run, or after it, is read from the file.
   */
  private tail: RecordedEvent[] = [];
  private readonly tailSize: number;

  constructor(options: SqliteEventStoreOptions) {
    const memory = options.file === ':memory:';
    this.file = memory ? options.file : resolve(options.file);
    this.groupCommit = options.groupCommit ?? true;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pageSize = options.pageSize ?? 500;
    this.tailSize = options.tailSize ?? 5000;
    if (!memory) mkdirSync(dirname(this.file), { recursive: true });

    this.db = new Database(this.file);
    this.db.defaultSafeIntegers(true); // revisions and positions come back as bigint, never rounded
    if (!memory) this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL'); // fsync the WAL on every commit: durable when append() resolves
    this.db.pragma('busy_timeout = 5000'); // another process may hold the write lock for a moment
    this.db.exec(SCHEMA);

    this.statements = {
      last: this.db.prepare<[string], Pick<EventRow, 'revision' | 'position'>>(
        'SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      at: this.db.prepare<[string, bigint], Pick<EventRow, 'id' | 'position'>>(
        'SELECT id, position FROM events WHERE stream = ? AND revision = ?',
      ),
      byId: this.db.prepare<[string, string], Pick<EventRow, 'revision' | 'position'>>(
        'SELECT revision, position FROM events WHERE id = ? AND stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare<[string, bigint, string, string, string, string, string]>(
        'INSERT INTO events (stream, revision, id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      readStream: this.db.prepare<[string, bigint], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
      ),
      readAll: this.db.prepare<[bigint, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { position: bigint | null }>('SELECT MAX(position) AS position FROM events'),
      keyOwner: this.db.prepare<[string], { stream: string }>('SELECT stream FROM idempotency_keys WHERE key = ?'),
      claimKey: this.db.prepare<[string, string]>('INSERT INTO idempotency_keys (key, stream) VALUES (?, ?)'),
      // Before keys had a table, each was reserved by a one-event stream in the log; those still count.
      legacyKeyOwner: this.db.prepare<[string], { data: string }>(
        'SELECT data FROM events WHERE stream = ? AND revision = 0',
      ),
    };

    // A transaction function called inside another one runs in a SAVEPOINT (better-sqlite3 semantics):
    // when it throws, only its own writes are rolled back.
    this.appendInTransaction = this.db.transaction((request: EncodedAppend) => this.applyAppend(request));
    this.commitGroupTransaction = this.db.transaction((group: readonly PendingAppend[]) =>
      group.map(({ request }): Outcome => {
        try {
          return { ok: true, ...this.appendInTransaction(request) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  get stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  /** Tells `observer` about every transaction of appends (its size and each append's latency); answers the way to stop. */
  observeCommits(observer: SqliteCommitObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  async append(
    stream: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const request = encodeAppend(stream, events, expectedRevision, options);
    if (!this.groupCommit) {
      const queuedAt = performance.now();
      try {
        const { result, wrote, recorded } = this.appendInTransaction.immediate(request);
        this.counters.appends += 1;
        if (wrote) {
          this.counters.commits += 1;
          this.keepInTail(recorded);
          this.notifySubscribers();
        }
        return result;
      } finally {
        this.notifyObservers([queuedAt]);
      }
    }
    const queuedAt = performance.now();
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ request, queuedAt, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: it also gathers appends from callbacks of the same event-loop turn
        setImmediate(() => this.flush());
      }
    });
  }

  async readStream(stream: string, options: { fromRevision?: bigint } = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadOptions(options);
    return this.statements.readStream.all(stream, options.fromRevision ?? 0n).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadOptions(options);
    return this.readAllNow(options);
  }

  async idempotencyKeyOwner(key: string): Promise<string | null> {
    this.assertOpen();
    assertIdempotencyKey(key);
    return this.keyOwnerNow(key);
  }

  private keyOwnerNow(key: string): string | null {
    const owner = this.statements.keyOwner.get(key)?.stream;
    if (owner !== undefined) return owner;
    const legacy = this.statements.legacyKeyOwner.get(`idempotency-${createHash('sha256').update(key).digest('hex')}`);
    return legacy ? String((decodeJson(legacy.data) as { stream?: unknown }).stream) : null;
  }

  async headPosition(): Promise<LogPosition> {
    this.assertOpen();
    return this.statements.head.get()?.position ?? START;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const subscription = new SqliteSubscription(
      {
        readPage: (after) => this.readAllNow({ after, limit: this.pageSize }),
        pageSize: this.pageSize,
        pollIntervalMs: this.pollIntervalMs,
        detach: (s) => this.subscriptions.delete(s),
      },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush(); // appends already accepted are committed, not dropped
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`SqliteEventStore(${this.file}) is closed`);
  }

  private readAllNow({ after = START, limit }: ReadAllOptions): RecordedEvent[] {
    const from = after === START ? 0n : after;
    const tail = this.tail;
    const first = tail[0]?.position;
    if (first === undefined || from < first - 1n || from >= tail[tail.length - 1]!.position) {
      return this.statements.readAll.all(from, limit ?? -1).map(toRecordedEvent);
    }
    const start = Number(from - (first - 1n));
    const page = tail.slice(start, limit === undefined ? undefined : start + limit);
    // Past the run: whatever another process may have appended since.
    if (limit === undefined || page.length < limit) {
      const more = this.statements.readAll.all(page[page.length - 1]!.position, limit === undefined ? -1 : limit - page.length);
      for (const row of more) page.push(toRecordedEvent(row));
    }
    return page;
  }

  /** Keeps the events just committed, in position order (see `tail`). */
  private keepInTail(recorded: readonly RecordedEvent[]): void {
    for (const event of recorded) {
      const last = this.tail[this.tail.length - 1];
      if (last && event.position !== last.position + 1n) this.tail = [];
      this.tail.push(event);
    }
    // Trimmed in steps, not one shift per event.
    if (this.tail.length > this.tailSize * 1.25) this.tail = this.tail.slice(this.tail.length - this.tailSize);
  }

  /** Commits every queued append in one transaction, then answers each caller. */
  private flush(): void {
    this.flushScheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitGroupTransaction.immediate(group);
    } catch (error) {
      // BEGIN or COMMIT failed (disk full, lock timeout): nothing of the group was written
      for (const pending of group) pending.reject(error);
      this.notifyObservers(group.map((pending) => pending.queuedAt));
      return;
    }
    let wrote = false;
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        this.counters.appends += 1;
        wrote ||= outcome.wrote;
        this.keepInTail(outcome.recorded);
        group[i]!.resolve(outcome.result);
      } else {
        group[i]!.reject(outcome.error);
      }
    });
    if (wrote) {
      this.counters.commits += 1;
      this.notifySubscribers();
    }
    this.notifyObservers(group.map((pending) => pending.queuedAt));
  }

  private notifyObservers(queuedAt: readonly number[]): void {
    if (this.observers.size === 0) return;
    const now = performance.now();
    const observation: SqliteCommitObservation = { appends: queuedAt.length, appendSeconds: queuedAt.map((t) => (now - t) / 1000) };
    for (const observer of this.observers) {
      try {
        observer(observation);
      } catch {
        // an observer's failure must not fail the appends it was told about
      }
    }
  }

  private notifySubscribers(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }

  /** Runs inside a write transaction: the reads below see the latest committed state and nobody else writes. */
  private applyAppend({ stream, events, expectedRevision, idempotencyKey }: EncodedAppend): Applied {
    const last = this.statements.last.get(stream);
    const current = last?.revision ?? -1n;
    const currentResult: AppendResult = { nextRevision: current, position: last?.position ?? -1n };
    const conflict = () =>
      new WrongExpectedRevisionError(stream, expectedRevision, current === -1n ? 'no_stream' : current);

    if (events.length === 0) {
      // an empty batch only checks the expected revision
      if (expectedRevision === 'any') return { result: currentResult, wrote: false, recorded: [] };
      if ((expectedRevision === 'no_stream' ? -1n : expectedRevision) !== current) throw conflict();
      return { result: currentResult, wrote: false, recorded: [] };
    }

    if (expectedRevision === 'any') {
      const previous = this.findByIds(stream, events.map((e) => e.id));
      if (previous === 'partial') throw conflict(); // EventStoreDB: "corrupted idempotency"
      if (previous) return { result: previous, wrote: false, recorded: [] };
    } else {
      const expected = expectedRevision === 'no_stream' ? -1n : expectedRevision;
      if (expected !== current) {
        const previous = expected < current ? this.matchAt(stream, expected, events.map((e) => e.id)) : undefined;
        if (previous) return { result: previous, wrote: false, recorded: [] };
        throw conflict();
      }
    }

    if (idempotencyKey !== null) {
      const owner = this.keyOwnerNow(idempotencyKey);
      if (owner !== null && owner !== stream) throw new IdempotencyKeyTakenError(idempotencyKey, owner);
      if (owner === null) this.statements.claimKey.run(idempotencyKey, stream);
    }
    const createdAt = new Date().toISOString();
    let revision = current;
    let position = -1n;
    const recorded: RecordedEvent[] = [];
    for (const event of events) {
      revision += 1n;
      const info = this.statements.insert.run(stream, revision, event.id, event.type, event.data, event.metadata, createdAt);
      position = BigInt(info.lastInsertRowid);
      // Shared by every reader of the tail: frozen, so that none can change what another reads.
      recorded.push(
        deepFreeze(toRecordedEvent({ position, stream, revision, id: event.id, type: event.type, data: event.data, metadata: event.metadata, created_at: createdAt })),
      );
    }
    return { result: { nextRevision: revision, position }, wrote: true, recorded };
  }

  /** Idempotent retry with an exact revision: the same ids already follow `expected`. */
  private matchAt(stream: string, expected: bigint, ids: readonly string[]): AppendResult | undefined {
    let position = -1n;
    for (const [i, id] of ids.entries()) {
      const row = this.statements.at.get(stream, expected + 1n + BigInt(i));
      if (row?.id !== id) return undefined;
      position = row.position;
    }
    return { nextRevision: expected + BigInt(ids.length), position };
  }

  /** Idempotent retry with 'any': every id is already in the stream (undefined: none is; 'partial': some are). */
  private findByIds(stream: string, ids: readonly string[]): AppendResult | 'partial' | undefined {
    let found: Pick<EventRow, 'revision' | 'position'> | undefined;
    for (const [i, id] of ids.entries()) {
      const row = this.statements.byId.get(id, stream);
      if (!row) return i === 0 ? undefined : 'partial';
      found = row;
    }
    return found && { nextRevision: found.revision, position: found.position };
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value as object)) deepFreeze(child);
  return value;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: decodeJson(row.data),
    metadata: decodeJson(row.metadata),
    createdAt: row.created_at,
  };
}

interface SubscriptionSource {
  readPage(after: LogPosition): RecordedEvent[];
  readonly pageSize: number;
  readonly pollIntervalMs: number;
  detach(subscription: SqliteSubscription): void;
}

/** Reads pages from the checkpoint; when caught up, sleeps until an in-process commit or the next poll. */
class SqliteSubscription implements Subscription {
  private stopped = false;
  private dirty = false;
  private wakeUp: (() => void) | undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeOptions,
  ) {
    this.done = this.run();
  }

  wake(): void {
    this.dirty = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.done;
  }

  private async run(): Promise<void> {
    await Promise.resolve(); // never call the handler before subscribe() has returned
    let checkpoint: LogPosition = this.options.after ?? START;
    let announced = false;
    try {
      while (!this.stopped) {
        this.dirty = false;
        const page = this.source.readPage(checkpoint);
        for (const event of page) {
          if (this.stopped) return;
          await this.options.onEvent(event);
          checkpoint = event.position;
          announced = false;
        }
        if (page.length < this.source.pageSize) {
          if (!announced && !this.stopped) {
            announced = true;
            this.options.onCaughtUp?.(checkpoint);
          }
          await this.idle();
        }
      }
    } catch (error) {
      if (!this.stopped) (this.options.onError ?? reportUnhandled)(error);
    } finally {
      this.stopped = true;
      this.source.detach(this);
    }
  }

  private idle(): Promise<void> {
    if (this.dirty || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.source.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}

function reportUnhandled(error: unknown): void {
  console.error('Event store subscription stopped (no onError handler):', error);
}
