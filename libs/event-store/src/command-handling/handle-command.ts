import { randomUUID } from 'node:crypto';
import {
  IdempotencyKeyTakenError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../event-store.port.js';
import type { CommandContext, CommandMetadata, Decider, DomainEvent } from './decider.js';

/** The stream's revision did not match the client's If-Match: answer 412, decide nothing. */
export class RevisionMismatchError extends Error {
  readonly code = 'REVISION_MISMATCH';
  constructor(
    readonly expected: ExpectedByClient,
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      actual === 'no_stream'
        ? expected === '*'
          ? 'You asked to change an existing record (If-Match: *), but none is recorded.'
          : `You sent revision ${expected} of a record that does not exist yet.`
        : `The record has changed: you sent revision ${String(expected)}, the current revision is ${actual}. Reload and try again.`,
    );
    this.name = 'RevisionMismatchError';
  }
}

/** Optimistic concurrency kept losing after several fresh decisions: answer 409. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(readonly stream: string, readonly attempts: number) {
    super(`Other changes to this record kept arriving; the command was tried ${attempts} times and not recorded. Try again.`);
    this.name = 'ConcurrencyConflictError';
  }
}

/** The same Idempotency-Key came with a different request, or for another record: answer 422, append nothing. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(
    readonly key: string,
    readonly otherRecord = false,
  ) {
    super(
      otherRecord
        ? `Idempotency-Key "${key}" was already used for another record; use a new key for each request.`
        : `Idempotency-Key "${key}" was already used for a different request.`,
    );
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** If-Match as the client sent it: one revision, or `*` (any existing revision, RFC 9110). */
export type ExpectedByClient = bigint | '*';

export interface CommittedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly revision: bigint;
}

export interface HandleCommandOptions<State, Command, Event extends DomainEvent> {
  readonly store: EventStore;
  readonly decider: Decider<State, Command, Event>;
  readonly stream: string;
  readonly command: Command;
  readonly context: CommandContext;
  /** From If-Match: the client's view of the stream; a mismatch is never retried. */
  readonly expectedRevision?: ExpectedByClient;
  readonly idempotency?: { readonly key: string; readonly requestHash: string };
  /** The legal date an event concerns, written to its metadata. */
  readonly legalDateOf?: (event: Event, today: string) => string;
  readonly maxAttempts?: number;
  /** Folded states of recently used streams: only the events after the cached revision are read. */
  readonly cache?: StreamStateCache;
}

export interface HandleCommandResult<State> {
  readonly state: State;
  /** The events this command appended (or, for a repeated Idempotency-Key, had appended the first time). */
  readonly events: readonly CommittedEvent[];
  /** The stream's revision after the command ('no_stream' only when nothing was ever appended). */
  readonly revision: bigint | 'no_stream';
  /** Global position of the last event the command appended; null when it appended nothing. */
  readonly position: bigint | null;
  readonly replayed: boolean;
}

/** Every stored event reaches evolve through the decider's decoder (which upcasts older shapes). */
export const fold = <State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  events: readonly RecordedEvent[],
): State => events.reduce((state, e) => decider.evolve(state, decider.decode(e)), decider.initialState());

/** Where an Idempotency-Key first appears in a stream, and the request it came with. */
interface KeyUse {
  readonly requestHash: unknown;
  readonly fromRevision: bigint;
}

interface CachedStream {
  readonly decider: unknown;
  readonly revision: bigint;
  readonly state: unknown;
  readonly keys: ReadonlyMap<string, KeyUse>;
}

/**
 * The folded state of recently used streams, by stream and revision, least recently used dropped first. An
 * entry is only a starting point: every command still reads the events after its revision (appended by another
 * process, or around this one), so it never decides on stale state.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, CachedStream>();
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(stream: string, decider: unknown): CachedStream | undefined {
    const entry = this.entries.get(stream);
    if (!entry || entry.decider !== decider) return undefined;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry;
  }

  /** Keeps the newer of the entry there and this one. */
  set(stream: string, entry: CachedStream): void {
    if (this.capacity <= 0) return;
    const there = this.entries.get(stream);
    if (there && there.decider === entry.decider && there.revision >= entry.revision) return;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}

const withKeys = (keys: ReadonlyMap<string, KeyUse>, events: readonly RecordedEvent[]): ReadonlyMap<string, KeyUse> => {
  let out: Map<string, KeyUse> | null = null;
  for (const e of events) {
    const key = e.metadata.idempotencyKey;
    if (typeof key !== 'string' || (out ?? keys).has(key)) continue;
    out ??= new Map(keys);
    out.set(key, { requestHash: e.metadata.requestHash, fromRevision: e.revision });
  }
  return out ?? keys;
};

interface Loaded<State> {
  readonly state: State;
  readonly current: bigint | 'no_stream';
  readonly keys: ReadonlyMap<string, KeyUse>;
}

/** The stream's state: from the cache and the events after its revision, else from all of the stream's events. */
const load = async <State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  stream: string,
  cache: StreamStateCache | undefined,
): Promise<Loaded<State>> => {
  const cached = cache?.get(stream, decider);
  if (cached) {
    const after = await store.readStream(stream, { fromRevision: cached.revision + 1n });
    if (after.length === 0 || after[0]!.revision === cached.revision + 1n) {
      const state = after.reduce((s, e) => decider.evolve(s, decider.decode(e)), cached.state as State);
      const revision = after.length ? after[after.length - 1]!.revision : cached.revision;
      const keys = withKeys(cached.keys, after);
      if (after.length) cache!.set(stream, { decider, revision, state, keys });
      return { state, current: revision, keys };
    }
  }
  const recorded = await store.readStream(stream);
  const state = fold(decider, recorded);
  const keys = withKeys(new Map(), recorded);
  if (recorded.length) cache?.set(stream, { decider, revision: recorded[recorded.length - 1]!.revision, state, keys });
  return { state, current: recorded.length ? recorded[recorded.length - 1]!.revision : 'no_stream', keys };
};

const matches = (expected: ExpectedByClient, current: bigint | 'no_stream'): boolean =>
  expected === '*' ? current !== 'no_stream' : current === expected;

/** A stream's folded state and revision, through the cache when one is given (only the newer events are read). */
export const currentState = async <State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  stream: string,
  cache?: StreamStateCache,
): Promise<{ readonly state: State; readonly revision: bigint | 'no_stream' }> => {
  const { state, current } = await load(store, decider, stream, cache);
  return { state, revision: current };
};

/**
 * Load → fold → decide → append with the expected revision. On a concurrent append the decision is taken
 * again on fresh state (the domain may now refuse it), unless the client pinned a revision with If-Match.
 * An Idempotency-Key is claimed by the append itself, so a refused command leaves no trace of it.
 */
export const handleCommand = async <State, Command, Event extends DomainEvent>(
  options: HandleCommandOptions<State, Command, Event>,
): Promise<HandleCommandResult<State>> => {
  const { store, decider, stream, command, context, idempotency, cache } = options;
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    const { state, current, keys } = await load(store, decider, stream, cache);

    if (idempotency) {
      const used = keys.get(idempotency.key);
      if (used) {
        if (used.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReusedError(idempotency.key);
        const earlier = (await store.readStream(stream, { fromRevision: used.fromRevision })).filter((e) => e.metadata.idempotencyKey === idempotency.key);
        const last = earlier[earlier.length - 1]!;
        return { state, events: earlier, revision: current, position: last.position, replayed: true };
      }
      const owner = await store.idempotencyKeyOwner(idempotency.key);
      if (owner !== null && owner !== stream) throw new IdempotencyKeyReusedError(idempotency.key, true);
    }
    if (options.expectedRevision !== undefined && !matches(options.expectedRevision, current)) {
      throw new RevisionMismatchError(options.expectedRevision, current);
    }

    const decided = decider.decide(command, state, context);
    if (decided.length === 0) return { state, events: [], revision: current, position: null, replayed: false };

    const toAppend = decided.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: {
        actor: context.actor,
        ...(context.principal ? { principal: context.principal } : {}),
        recordedAt: context.now,
        legalDate: options.legalDateOf?.(event, context.today) ?? context.today,
        correlationId: context.correlationId,
        causationId: context.commandId,
        ...(idempotency ? { idempotencyKey: idempotency.key, requestHash: idempotency.requestHash } : {}),
      } satisfies CommandMetadata,
    })) satisfies EventToAppend[];
    try {
      // The revision the decision was taken on, whatever If-Match said: a concurrent change is never overwritten.
      const result = await store.append(stream, toAppend, current, idempotency ? { idempotencyKey: idempotency.key } : {});
      const first = result.nextRevision - BigInt(toAppend.length - 1);
      const events = toAppend.map((e, i) => ({ id: e.id, type: e.type, data: e.data, revision: first + BigInt(i) }));
      const next = events.reduce(
        (s, e, i) => decider.evolve(s, { event: decided[i], id: e.id, revision: e.revision, metadata: toAppend[i].metadata }),
        state,
      );
      // Not cached from here: the next command folds these events as stored (decoded), like every other one.
      return { state: next, events, revision: result.nextRevision, position: result.position, replayed: false };
    } catch (error) {
      if (error instanceof IdempotencyKeyTakenError) throw new IdempotencyKeyReusedError(error.key, true);
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // A pinned revision was overtaken; `*` still holds (the record exists), so decide again like no If-Match.
      if (typeof options.expectedRevision === 'bigint') throw new RevisionMismatchError(options.expectedRevision, error.actual);
      if (attempt >= maxAttempts) throw new ConcurrencyConflictError(stream, attempt);
      // A little jitter spreads out writers that collided, so they do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
};
