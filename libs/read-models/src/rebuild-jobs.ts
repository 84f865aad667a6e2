/**
 * Rebuilds run inside the service (POST /api/admin/projections/rebuild): the embedded read models live in the
 * service's memory, so that is the only place they can be rebuilt without a restart. One rebuild at a time: in
 * this process (a flag), and across processes on one MongoDB database (a lease in the read-model store, which
 * the CLI takes too). A job replays the log into fresh collections, swaps them in, and tells the projector to
 * resume from the new checkpoint; queries keep answering from the live collections meanwhile.
 */
import { randomUUID } from 'node:crypto';
import { START, type EventStore, type LogPosition } from '#libs/event-store';
import type { Projection } from './projections/projection.js';
import type { ReadModelStore } from './read-model-store.port.js';
import { rebuildReadModels, type RebuildProgress } from './rebuild.js';

export const REBUILD_LEASE = 'read-models-rebuild';
export const DEFAULT_REBUILD_LEASE_TTL_MS = 60_000;
export const DEFAULT_REBUILD_PAGE_SIZE = 250;

export type RebuildJobState = 'running' | 'succeeded' | 'failed';

export interface RebuildJobView {
  readonly jobId: string;
  readonly state: RebuildJobState;
  /** The read-model store rebuilt ('embedded' | 'mongodb'). */
  readonly store: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  /** Events replayed so far. */
  readonly events: number;
  /**
   * The log's head position when the job started: the number of events to replay where the log numbers its
   * events 1, 2, 3... (the embedded store); the rebuild also replays what is appended meanwhile.
   */
  readonly total: number;
  /** The last log position replayed. */
  readonly position: number;
  /** position / total, at most 100 while running; 100 once swapped. */
  readonly percent: number;
  readonly eventsPerSecond: number;
  readonly elapsedMs: number;
  /** The read models swapped in, once succeeded. */
  readonly collections: readonly string[];
  readonly error: string | null;
}

export class RebuildAlreadyRunningError extends Error {
  readonly code = 'REBUILD_RUNNING';
  constructor(
    /** The running job (this process), or the lease holder (another process or the CLI). */
    readonly runningJobId: string,
    readonly inThisProcess: boolean,
  ) {
    super(
      inThisProcess
        ? `A rebuild of the read models is already running (job ${runningJobId}); follow it, or start another once it has finished.`
        : `A rebuild of the read models is already running elsewhere (${runningJobId} holds the rebuild lease); start another once it has finished.`,
    );
    this.name = 'RebuildAlreadyRunningError';
  }
}

export interface RebuildLogger {
  log(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface RebuildJobsOptions {
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  /** Called right after the swap: the projector's checkGeneration, so it resumes from the new checkpoint at once. */
  readonly afterSwap?: () => Promise<void>;
  readonly projections?: readonly Projection[];
  readonly checkpoint?: string;
  /**
   * Events per page of the log. Default: 250: with the embedded stores a page is replayed without yielding, so
   * a small page keeps the service's answers prompt during a rebuild.
   */
  readonly pageSize?: number;
  /** How often the job's progress is refreshed. Default: 100 ms. */
  readonly progressIntervalMs?: number;
  readonly leaseTtlMs?: number;
  /** Finished jobs kept for GET (oldest forgotten first). Default: 20. */
  readonly keep?: number;
  readonly logger?: RebuildLogger;
}

interface Job {
  readonly id: string;
  state: RebuildJobState;
  readonly startedAt: Date;
  finishedAt: Date | null;
  progress: RebuildProgress;
  collections: readonly string[];
  error: string | null;
  readonly done: Promise<void>;
}

const asNumber = (position: LogPosition): number => (position === START ? 0 : Number(position));

const silent: RebuildLogger = { log: () => undefined, error: () => undefined };

export class RebuildJobs {
  private readonly jobs = new Map<string, Job>();
  private running: Job | null = null;
  private starting = false;
  private readonly abort = new AbortController();
  private readonly logger: RebuildLogger;

  constructor(private readonly options: RebuildJobsOptions) {
    this.logger = options.logger ?? silent;
  }

  /**
   * Starts a rebuild and answers at once with the job (running). Rejects with RebuildAlreadyRunningError while
   * one runs here or another process holds the rebuild lease.
   */
  async start(): Promise<RebuildJobView> {
    if (this.abort.signal.aborted) throw new Error('The service is shutting down; no rebuild can start.');
    if (this.running) throw new RebuildAlreadyRunningError(this.running.id, true);
    if (this.starting) throw new RebuildAlreadyRunningError('(starting)', true);
    this.starting = true;
    try {
      const id = randomUUID();
      const ttl = this.options.leaseTtlMs ?? DEFAULT_REBUILD_LEASE_TTL_MS;
      const lease = await this.options.store.acquireLease(REBUILD_LEASE, id, ttl);
      if (!lease) {
        const holder = await this.options.store.currentLease(REBUILD_LEASE);
        throw new RebuildAlreadyRunningError(holder?.owner ?? 'another process', false);
      }
      const head = await this.options.eventStore.headPosition().catch(async (error: unknown) => {
        await this.options.store.releaseLease(REBUILD_LEASE, id).catch(() => undefined);
        throw error;
      });
      let resolveDone!: () => void;
      const job: Job = {
        id,
        state: 'running',
        startedAt: new Date(),
        finishedAt: null,
        progress: { events: 0, position: START, head, eventsPerSecond: 0, elapsedMs: 0 },
        collections: [],
        error: null,
        done: new Promise<void>((resolve) => (resolveDone = resolve)),
      };
      this.remember(job);
      this.running = job;
      this.logger.log(`Rebuilding the read models (${this.options.store.kind}) as job ${id}, from ${asNumber(head)} log positions.`);
      void this.run(job, ttl).finally(resolveDone);
      return this.view(job);
    } finally {
      this.starting = false;
    }
  }

  get(jobId: string): RebuildJobView | null {
    const job = this.jobs.get(jobId);
    return job ? this.view(job) : null;
  }

  /** The running job, if any. */
  current(): RebuildJobView | null {
    return this.running && this.view(this.running);
  }

  /** Resolves with the job once it has finished (null for an unknown job). */
  async whenDone(jobId: string): Promise<RebuildJobView | null> {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    await job.done;
    return this.view(job);
  }

  /** Stops a running rebuild before its swap (the live read models stay) and waits for it. */
  async close(): Promise<void> {
    this.abort.abort(new Error('The service is shutting down: the rebuild was stopped before the swap; the read models are unchanged.'));
    await this.running?.done;
  }

  private async run(job: Job, ttl: number): Promise<void> {
    const { store } = this.options;
    const lost = new AbortController();
    const renewal = setInterval(() => {
      void store.renewLease(REBUILD_LEASE, job.id, ttl).then(
        (held) => {
          if (!held) lost.abort(new Error('The rebuild lease was lost (another rebuild took it); this one stopped before the swap.'));
        },
        () => undefined,
      );
    }, Math.max(50, Math.floor(ttl / 3)));
    renewal.unref?.();
    try {
      const result = await rebuildReadModels({
        eventStore: this.options.eventStore,
        store,
        ...(this.options.projections ? { projections: this.options.projections } : {}),
        ...(this.options.checkpoint ? { checkpoint: this.options.checkpoint } : {}),
        pageSize: this.options.pageSize ?? DEFAULT_REBUILD_PAGE_SIZE,
        progressIntervalMs: this.options.progressIntervalMs ?? 100,
        onProgress: (progress) => (job.progress = progress),
        ...(this.options.afterSwap ? { afterSwap: this.options.afterSwap } : {}),
        signal: AbortSignal.any([this.abort.signal, lost.signal]),
      });
      job.progress = result;
      job.collections = result.collections;
      job.state = 'succeeded';
      this.logger.log(`Rebuild ${job.id} swapped in ${result.collections.length} read models: ${result.events} events in ${result.elapsedMs} ms (${result.eventsPerSecond} events/s).`);
    } catch (error) {
      job.state = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
      this.logger.error(`Rebuild ${job.id} failed; the live read models are unchanged.`, error);
    } finally {
      clearInterval(renewal);
      await store.releaseLease(REBUILD_LEASE, job.id).catch(() => undefined);
      job.finishedAt = new Date();
      this.running = null;
    }
  }

  private remember(job: Job): void {
    this.jobs.set(job.id, job);
    const keep = this.options.keep ?? 20;
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= keep) break;
      if (old.state !== 'running') this.jobs.delete(id);
    }
  }

  private view(job: Job): RebuildJobView {
    const { progress } = job;
    const total = asNumber(progress.head);
    const position = asNumber(progress.position);
    const percent = job.state === 'succeeded' ? 100 : total === 0 ? 0 : Math.min(100, Math.floor((position / total) * 1000) / 10);
    return {
      jobId: job.id,
      state: job.state,
      store: this.options.store.kind,
      startedAt: job.startedAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
      events: progress.events,
      total,
      position,
      percent,
      eventsPerSecond: progress.eventsPerSecond,
      elapsedMs: job.finishedAt ? job.finishedAt.getTime() - job.startedAt.getTime() : Date.now() - job.startedAt.getTime(),
      collections: job.collections,
      error: job.error,
    };
  }
}
