/**
 * The projector: subscribes to the event store's global log from the stored checkpoint and applies the events
 * in log order to every projection in batches (ProjectionBatch): the documents a batch touches are evolved in
 * memory, then committed with the checkpoint (one transaction embedded, one bulk write on MongoDB, guarded by
 * position, so a replay after a crash changes nothing). A batch ends when it is full, when the subscription has
 * caught up, or when no further event came in the same turn of the event loop. Read models come from here,
 * never from the EventBus.
 *
 * With a lease (MongoDB: several API processes on one database), only the holder projects; the others stand
 * by, follow the stored checkpoint for read-your-writes, and take over when the lease lapses.
 */
import { randomUUID } from 'node:crypto';
import { START, type EventStore, type LogPosition, type RecordedEvent, type Subscription } from '#libs/event-store';
import { ALL_PROJECTIONS } from '../projections/index.js';
import { lookupIndexes, type Projection } from '../projections/projection.js';
import { INSTRUMENT_STATUS } from '../projections/instrument-status/instrument-status.projection.js';
import type { ReadModelStore } from '../read-model-store.port.js';
import { todayUtc } from '../time-travel.js';
import { ANSWER_FUNCTIONS, answersDocOf, deriveAnswers, INSTRUMENT_ANSWERS, type InstrumentAnswersDoc } from './instrument-answers.js';
import { fingerprintOf, READ_MODEL_META } from './read-models-version.js';
import { ProjectionBatch } from './projection-batch.js';

export const PROJECTOR_CHECKPOINT = 'read-models';
export const PROJECTOR_LEASE = 'read-models-projector';

export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface ProjectorLeaseOptions {
  readonly name?: string;
  /** Identifies this process in the lease document. Default: a random id. */
  readonly owner?: string;
  readonly ttlMs?: number;
  /** How often the holder renews and a follower tries to take over. Default: ttlMs / 3. */
  readonly intervalMs?: number;
}

export interface ProjectorOptions {
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  readonly projections?: readonly Projection[];
  readonly checkpoint?: string;
  /** Only the lease holder projects. Off by default (the embedded store is private to its process). */
  readonly lease?: ProjectorLeaseOptions | false;
  readonly logger?: ProjectorLogger;
  /** Delay before resubscribing after a failure (doubles up to 30 s). Default: 500 ms. */
  readonly retryDelayMs?: number;
  /** How often an idle projector looks whether a rebuild swapped the collections. Default: 1000 ms. */
  readonly generationCheckMs?: number;
  /** Most events applied in memory before one commit. Default: 5000. */
  readonly batchSize?: number;
  /** Today's legal date, for the stored answers of the status and participants routes. Default: todayUtc. */
  readonly today?: () => string;
  /** How often the stored answers whose known date has passed are computed again. Default: 60,000 ms. */
  readonly answersRefreshMs?: number;
}

export type ProjectorRole = 'stopped' | 'leader' | 'standby';

class StaleGenerationError extends Error {
  constructor() {
    super('The read models were rebuilt meanwhile; resuming from the new checkpoint.');
  }
}

/** The server's clock at append (metadata.recordedAt), else the store's own timestamp. */
export const recordedAtOf = (event: RecordedEvent): string =>
  typeof event.metadata['recordedAt'] === 'string' ? event.metadata['recordedAt'] : event.createdAt;

const silent: ProjectorLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

export class Projector {
  readonly checkpointName: string;
  readonly leaseName: string;
  readonly owner: string;
  private readonly projections: readonly Projection[];
  private readonly logger: ProjectorLogger;
  private readonly leaseTtlMs: number;
  private readonly leaseIntervalMs: number;
  private readonly useLease: boolean;
  private currentPosition: LogPosition = START;
  private generation = 0;
  private subscription: Subscription | null = null;
  private leaseTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private generationTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private retryDelayMs: number;
  private currentRole: ProjectorRole = 'stopped';
  private caughtUp = false;
  private caughtUpWaiters: (() => void)[] = [];
  private positionWaiters = new Set<{ position: bigint; resolve: (reached: boolean) => void }>();
  private applied = 0;
  private appliedRecordedAt: string | null = null;
  private lastFailure: unknown = null;
  private subscriptionEpoch = 0;
  private readonly batchSize: number;
  private readonly today: () => string;
  /** The status and participants answers are stored when both their projections run here. */
  private readonly answers: boolean;
  private batch: ProjectionBatch | null = null;
  private applying = false;
  private flushing: Promise<void> | null = null;
  private flushScheduled = false;
  /** Projected from the start, the queries' indexes wait until the catch-up is done. */
  private queryIndexesPending = false;

  constructor(private readonly options: ProjectorOptions) {
    this.projections = options.projections ?? ALL_PROJECTIONS;
    this.checkpointName = options.checkpoint ?? PROJECTOR_CHECKPOINT;
    this.logger = options.logger ?? silent;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.batchSize = Math.max(1, options.batchSize ?? 5000);
    this.today = options.today ?? todayUtc;
    this.answers = this.projections.some((p) => p.name === INSTRUMENT_STATUS);
    this.useLease = !!options.lease;
    const lease = options.lease || {};
    this.leaseName = lease.name ?? PROJECTOR_LEASE;
    this.owner = lease.owner ?? `projector-${randomUUID()}`;
    this.leaseTtlMs = lease.ttlMs ?? 15_000;
    this.leaseIntervalMs = lease.intervalMs ?? Math.max(50, Math.floor(this.leaseTtlMs / 3));
  }

  /** The log position the read models reflect (for a standby: the leader's last stored checkpoint). */
  get position(): LogPosition {
    return this.currentPosition;
  }

  get role(): ProjectorRole {
    return this.currentRole;
  }

  /** Events this process applied since it started. */
  get eventsApplied(): number {
    return this.applied;
  }

  /** When the last event this process applied was recorded (its metadata's recordedAt), for the projection lag. */
  get lastAppliedRecordedAt(): string | null {
    return this.appliedRecordedAt;
  }

  get lastError(): unknown {
    return this.lastFailure;
  }

  /**
   * Creates the indexes, then projects (or stands by, under a lease). Resolves once this process has caught up
   * with the log as it was, or at once when another process holds the lease.
   */
  async start(): Promise<void> {
    if (this.currentRole !== 'stopped') return;
    // Alone on its store (no lease): read models made by other code, or from another log, are started again.
    if (!this.useLease) await this.startAgainIfOutdated();
    await this.refreshFromCheckpoint();
    // Read models projected from the start are loaded as a rebuild loads them: the queries' indexes come after.
    await this.ensureIndexes(this.currentPosition === START ? 'projection' : 'all');
    if (this.answers) {
      this.refreshTimer = setInterval(() => void this.refreshAnswers().catch(() => undefined), this.options.answersRefreshMs ?? 60_000);
      this.refreshTimer.unref?.();
    }
    this.generationTimer = setInterval(() => void this.checkGeneration().catch(() => undefined), this.options.generationCheckMs ?? 1000);
    this.generationTimer.unref?.();
    if (!this.useLease) {
      this.currentRole = 'leader';
      await this.subscribe();
      await this.whenCaughtUp();
      // Answers due since the last run are computed again in the background: the start does not wait for them.
      void this.refreshAnswers().catch(() => undefined);
      return;
    }
    this.currentRole = 'standby';
    await this.leaseTick();
    this.leaseTimer = setInterval(() => void this.leaseTick(), this.leaseIntervalMs);
    this.leaseTimer.unref?.();
    if ((this.currentRole as ProjectorRole) === 'leader') await this.whenCaughtUp();
  }

  async stop(): Promise<void> {
    if (this.leaseTimer) clearInterval(this.leaseTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.generationTimer) clearInterval(this.generationTimer);
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.leaseTimer = this.retryTimer = this.generationTimer = this.refreshTimer = null;
    const wasLeader = this.currentRole === 'leader';
    this.currentRole = 'stopped';
    await this.unsubscribe();
    // What was applied in memory is committed, not dropped (a stale batch is: the next start resumes from the checkpoint).
    if (wasLeader) await this.flush().catch(() => undefined);
    this.batch = null;
    if (this.useLease && wasLeader) await this.options.store.releaseLease(this.leaseName, this.owner).catch(() => undefined);
    for (const waiter of this.positionWaiters) waiter.resolve(false);
    this.positionWaiters.clear();
    this.releaseCaughtUpWaiters();
  }

  /**
   * Read your writes: resolves true once the read models reflect `position` (a command's global position),
   * false after `timeoutMs` (answer from what is there, and say it may be stale).
   */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return true;
    if (this.currentRole === 'standby') return this.pollCheckpointUntil(position, timeoutMs);
    return new Promise<boolean>((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.positionWaiters.delete(waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(this.reached(position)), timeoutMs);
      this.positionWaiters.add(waiter);
    });
  }

  /**
   * After a rebuild's swap: resume from the new checkpoint at once (events this projector applied to the old
   * collections after the rebuild's last page must be applied to the new ones). Runs on a timer too.
   */
  async checkGeneration(): Promise<void> {
    if (this.currentRole !== 'leader') return;
    const checkpoint = await this.options.store.getCheckpoint(this.checkpointName);
    if ((checkpoint?.generation ?? 0) === this.generation || this.currentRole !== 'leader') return;
    this.logger.log('The read models were rebuilt; resuming from the new checkpoint.');
    await this.unsubscribe();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.subscribe();
  }

  /**
   * Computes again the stored answers whose first known date has come (an entry into force, a withdrawal taking
   * effect, a term ending...), between batches. Answers of other days within their window need nothing: they are
   * re-dated when read. Returns how many it refreshed.
   */
  async refreshAnswers(): Promise<number> {
    if (!this.answers || this.currentRole !== 'leader') return 0;
    if (this.flushing) await this.flushing.catch(() => undefined);
    const { store } = this.options;
    const today = this.today();
    const run = async () => {
      let refreshed = 0;
      for (;;) {
        const due = await store.collection<InstrumentAnswersDoc>(INSTRUMENT_ANSWERS).find({ validUntil: { $lte: today } }, { limit: 500 });
        if (due.length === 0) return refreshed;
        const reader = new ProjectionBatch(store, []);
        for (const { _id } of due) {
          const answers = await answersDocOf(reader, _id, today);
          // Derived from documents already committed: writing them again changes no document's position.
          if (answers) await store.collection(INSTRUMENT_ANSWERS).replaceOne({ _id }, answers, { upsert: true });
          else await store.collection(INSTRUMENT_ANSWERS).deleteMany({ _id });
          refreshed += 1;
        }
      }
    };
    const refreshing = run();
    const settled = refreshing.then(() => undefined, () => undefined).finally(() => {
      if (this.flushing === settled) this.flushing = null;
    });
    this.flushing = settled;
    return refreshing;
  }

  /** Resolves when this process has caught up with the log (immediately when it is not projecting). */
  whenCaughtUp(): Promise<void> {
    if (this.caughtUp || this.currentRole !== 'leader') return Promise.resolve();
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  /**
   * Persisted read models are started again from the beginning of the log when the projections that made them
   * differ from these (their fingerprint), or when their checkpoint lies past the log's head (another log's).
   */
  private async startAgainIfOutdated(): Promise<void> {
    const { store, eventStore } = this.options;
    const fingerprint = fingerprintOf(this.projections, this.answers ? ANSWER_FUNCTIONS : []);
    const [checkpoint, meta, head] = await Promise.all([
      store.getCheckpoint(this.checkpointName),
      store.collection(READ_MODEL_META).findOne({ _id: this.checkpointName }),
      eventStore.headPosition(),
    ]);
    const position = checkpoint?.position ?? START;
    const ahead = position !== START && (head === START || position > head);
    const outdated = position !== START && meta?.['fingerprint'] !== fingerprint;
    if (ahead || outdated) {
      this.logger.warn(
        ahead
          ? `The read models are at position ${String(position)}, past the log's head (${String(head)}): projecting them again from the start.`
          : 'The read models were made by other projections: projecting them again from the start.',
      );
      const names = [...this.projections.map((p) => p.name), ...(this.answers ? [INSTRUMENT_ANSWERS] : [])];
      for (const name of names) await store.dropCollection(name);
      await store.swapCollections([], { name: this.checkpointName, position: START });
    }
    if (meta?.['fingerprint'] !== fingerprint) {
      await store.collection(READ_MODEL_META).replaceOne({ _id: this.checkpointName }, { _id: this.checkpointName, fingerprint }, { upsert: true });
    }
  }

  /** 'projection': the indexes the projections' own lookups use; 'all' adds the queries' (see IndexSpec). */
  private async ensureIndexes(which: 'projection' | 'all'): Promise<void> {
    for (const projection of this.projections) {
      await this.options.store.ensureIndexes(projection.name, which === 'all' ? projection.indexes : lookupIndexes(projection));
    }
    if (this.answers && which === 'all') await this.options.store.ensureIndexes(INSTRUMENT_ANSWERS, [{ keys: { validUntil: 1 } }]);
    this.queryIndexesPending = which !== 'all';
  }

  private reached(position: bigint): boolean {
    return this.currentPosition !== START && this.currentPosition >= position;
  }

  private async refreshFromCheckpoint(): Promise<void> {
    const checkpoint = await this.options.store.getCheckpoint(this.checkpointName);
    this.currentPosition = checkpoint?.position ?? START;
    this.generation = checkpoint?.generation ?? 0;
  }

  private async subscribe(): Promise<void> {
    if (this.flushing) await this.flushing.catch(() => undefined);
    this.batch = null; // not committed: the subscription delivers those events again from the checkpoint
    await this.refreshFromCheckpoint();
    const epoch = ++this.subscriptionEpoch;
    this.caughtUp = false;
    this.logger.log(`Projecting from ${String(this.currentPosition)} (generation ${this.generation}).`);
    try {
      await this.catchUpInPages(epoch);
    } catch (error) {
      if (epoch === this.subscriptionEpoch) this.resubscribeAfter(error);
      return;
    }
    if (epoch !== this.subscriptionEpoch) return;
    this.subscription = this.options.eventStore.subscribe({
      after: this.currentPosition,
      onEvent: (event) => this.apply(event, epoch),
      onCaughtUp: () => {
        if (epoch !== this.subscriptionEpoch) return;
        void this.flush().then(
          () => {
            if (epoch !== this.subscriptionEpoch) return;
            this.caughtUp = true;
            this.retryDelayMs = this.options.retryDelayMs ?? 500;
            this.releaseCaughtUpWaiters();
          },
          (error) => this.failFlush(error, epoch),
        );
      },
      onError: (error) => {
        if (epoch === this.subscriptionEpoch) this.resubscribeAfter(error);
      },
    });
  }

  /**
   * Catch-up in whole pages of the log (each read ahead in one query per collection, see ProjectionBatch.prefetch),
   * before the subscription takes over for what comes next.
   */
  private async catchUpInPages(epoch: number): Promise<void> {
    for (;;) {
      const page = await this.options.eventStore.readAll({ after: this.currentPosition, limit: this.batchSize });
      if (epoch !== this.subscriptionEpoch) return;
      if (page.length === 0) break;
      const batch = (this.batch = new ProjectionBatch(this.options.store, this.projections));
      this.applying = true;
      try {
        await batch.prefetch(page);
        for (const event of page) await batch.apply(event);
      } finally {
        this.applying = false;
      }
      await this.flush();
      if (page.length < this.batchSize) break;
      // The embedded stores answer without I/O: let the service answer between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.queryIndexesPending && epoch === this.subscriptionEpoch) await this.ensureIndexes('all');
  }

  private async apply(event: RecordedEvent, epoch: number): Promise<void> {
    if (this.flushing) await this.flushing;
    if (epoch !== this.subscriptionEpoch) return;
    this.applying = true;
    try {
      this.batch ??= new ProjectionBatch(this.options.store, this.projections);
      await this.batch.apply(event);
    } finally {
      this.applying = false;
    }
    if (this.batch.size >= this.batchSize) await this.flush();
    else this.scheduleFlush(epoch);
  }

  /** Live appends come a few at a time: commit them once the current turn of the event loop has delivered its events. */
  private scheduleFlush(epoch: number): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (this.applying || epoch !== this.subscriptionEpoch) return; // the event being applied schedules again
      void this.flush().catch((error) => this.failFlush(error, epoch));
    });
  }

  /** Commits the batch in memory, documents and checkpoint together; one flush at a time. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => this.flush());
    const batch = this.batch;
    this.batch = null;
    if (!batch || batch.size === 0) return Promise.resolve();
    const run = async () => {
      const last = batch.lastEvent!;
      if (this.answers) await deriveAnswers(batch, this.today());
      const outcome = await this.options.store.commit({
        checkpoint: this.checkpointName,
        position: last.position,
        generation: this.generation,
        writes: batch.writes(),
      });
      if (outcome === 'stale') throw new StaleGenerationError();
      this.currentPosition = last.position;
      this.applied += batch.size;
      this.appliedRecordedAt = recordedAtOf(last);
      this.notifyPosition();
    };
    const flushing = run().finally(() => {
      if (this.flushing === flushing) this.flushing = null;
    });
    this.flushing = flushing;
    return flushing;
  }

  /** A commit outside the subscription's handler failed: start again from the checkpoint. */
  private failFlush(error: unknown, epoch: number): void {
    if (epoch !== this.subscriptionEpoch) return;
    void this.unsubscribe().then(() => this.resubscribeAfter(error));
  }

  private resubscribeAfter(error: unknown): void {
    this.subscription = null;
    if (this.currentRole !== 'leader') return;
    const stale = error instanceof StaleGenerationError;
    const delay = stale ? 0 : this.retryDelayMs;
    if (stale) this.logger.log(error.message);
    else {
      this.lastFailure = error;
      this.logger.error(`Projection failed; retrying in ${delay} ms.`, error);
      this.retryDelayMs = Math.min(this.retryDelayMs * 2, 30_000);
    }
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.currentRole === 'leader' && !this.subscription) void this.subscribe().catch((e) => this.resubscribeAfter(e));
    }, delay);
  }

  private async unsubscribe(): Promise<void> {
    this.subscriptionEpoch += 1;
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
  }

  /** Holder: renew, or step down when the lease went to someone else. Others: try to take it. */
  private async leaseTick(): Promise<void> {
    const { store } = this.options;
    try {
      if (this.currentRole === 'leader') {
        if (await store.renewLease(this.leaseName, this.owner, this.leaseTtlMs)) return;
        this.logger.warn(`Lost the projector lease "${this.leaseName}"; standing by.`);
        this.currentRole = 'standby';
        await this.unsubscribe();
        return;
      }
      if (this.currentRole !== 'standby') return;
      const lease = await store.acquireLease(this.leaseName, this.owner, this.leaseTtlMs);
      if (!lease) {
        await this.refreshFromCheckpoint();
        this.notifyPosition();
        return;
      }
      this.logger.log(`Took the projector lease "${this.leaseName}" as ${this.owner}.`);
      this.currentRole = 'leader';
      await this.subscribe();
    } catch (error) {
      // Cannot tell whether we still hold the lease: stop projecting rather than risk two projectors.
      this.lastFailure = error;
      this.logger.error('Projector lease check failed; standing by.', error);
      if (this.currentRole === 'leader') {
        this.currentRole = 'standby';
        await this.unsubscribe();
      }
    }
  }

  private async pollCheckpointUntil(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.refreshFromCheckpoint();
      if (this.reached(position)) return true;
      const left = deadline - Date.now();
      if (left <= 0 || this.currentRole === 'stopped') return false;
      if (this.currentRole === 'leader') return this.waitFor(position, left);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, left)));
    }
  }

  private notifyPosition(): void {
    for (const waiter of this.positionWaiters) if (this.reached(waiter.position)) waiter.resolve(true);
  }

  private releaseCaughtUpWaiters(): void {
    const waiters = this.caughtUpWaiters;
    this.caughtUpWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
