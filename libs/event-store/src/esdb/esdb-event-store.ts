/**
 * EventStoreDB / KurrentDB adapter on @eventstore/db-client (gRPC).
 *
 * Positions are commit positions. Events appended over gRPC are written as self-committing prepares, so each
 * event's commit and prepare positions are equal and `{ commit: p, prepare: p }` addresses it exactly.
 * System events (`$`-prefixed streams or types: stream metadata, projections' links, statistics) never
 * reach callers.
 */
import { environment, type ConfigKey, type Env } from '#libs/config';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { assertIdempotencyKey, assertReadOptions, decodeJson, encodeAppend, isSystemName } from '../event-store.codec.js';
import { createHash, randomUUID } from 'node:crypto';
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

import { EVENTSTORE_CONNECTION_STRING } from '../event-store.config.js';

export { EVENTSTORE_CONNECTION_STRING };

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or `esdb+discover://…` for a cluster. */
  readonly connectionString: string;
  /** Events per read while catching up or scanning $all. Default: 500. */
  readonly pageSize?: number;
}

type EsdbRecordedEvent = NonNullable<ResolvedEvent['event']>;

const isSystemEvent = (event: { streamId: string; type: string }): boolean =>
  isSystemName(event.streamId) || isSystemName(event.type);

/** The stream that holds an Idempotency-Key's claim (the key hashed: keys may hold any visible character). */
const keyStream = (key: string): string => `idempotency-${createHash('sha256').update(key).digest('hex')}`;

const atPosition = (position: bigint): Position => ({ commit: position, prepare: position });

export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly pageSize: number;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.pageSize = options.pageSize ?? 500;
  }

  static fromEnvironment(env: Env = process.env): EsdbEventStore {
    const connectionString = environment(env).get(EVENTSTORE_CONNECTION_STRING);
    if (!connectionString) {
      throw new Error(
        `${EVENTSTORE_CONNECTION_STRING} is not set: give the EventStoreDB connection string, ` +
          'e.g. esdb://localhost:2113?tls=false',
      );
    }
    return new EsdbEventStore({ connectionString });
  }

  async append(
    stream: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const request = encodeAppend(stream, events, expectedRevision, options);
    // Asking the server would write an empty log record; the check needs only the stream's last event.
    if (request.events.length === 0) return this.checkOnly(stream, expectedRevision);
    const key = request.idempotencyKey;
    if (key !== null) {
      const owner = await this.idempotencyKeyOwner(key);
      if (owner !== null && owner !== stream) throw new IdempotencyKeyTakenError(key, owner);
    }
    const result = await this.appendEvents(stream, request.events, expectedRevision);
    // EventStoreDB 24 appends to one stream at a time: the key is claimed right after the events, in a stream
    // of its own appended once. A crash between the two leaves the key unclaimed (a repeat on the same stream
    // is still recognised from the events' metadata); a refused append never claims it.
    if (key !== null) await this.claimKey(key, stream);
    return result;
  }

  async idempotencyKeyOwner(key: string): Promise<string | null> {
    this.assertOpen();
    assertIdempotencyKey(key);
    const [claim] = await this.readStream(keyStream(key));
    return claim ? String(claim.data.stream) : null;
  }

  private async claimKey(key: string, stream: string): Promise<void> {
    try {
      await this.appendEvents(
        keyStream(key),
        [{ id: randomUUID(), type: 'IdempotencyKeyClaimed.v1', data: JSON.stringify({ stream }), metadata: '{}' }],
        'no_stream',
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error; // already claimed (by this stream: checked above)
    }
  }

  private async appendEvents(
    stream: string,
    events: readonly { id: string; type: string; data: string; metadata: string }[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const expected: AppendExpectedRevision =
      expectedRevision === 'no_stream' ? NO_STREAM : expectedRevision === 'any' ? ANY : expectedRevision;
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((e) =>
          jsonEvent({ id: e.id, type: e.type, data: decodeJson(e.data), metadata: decodeJson(e.metadata) }),
        ),
        { expectedRevision: expected },
      );
      const position = result.position?.commit ?? (await this.positionOf(stream, result.nextExpectedRevision));
      return { nextRevision: result.nextExpectedRevision, position };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion;
        throw new WrongExpectedRevisionError(stream, expectedRevision, actual === 'no_stream' ? actual : BigInt(actual));
      }
      throw error;
    }
  }

  async readStream(stream: string, options: { fromRevision?: bigint } = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadOptions(options);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, {
        fromRevision: options.fromRevision ?? ESDB_START,
        direction: FORWARDS,
      })) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll({ after = START, limit }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertReadOptions({ limit });
    const wanted = limit ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let from: ReadPosition = after === START ? ESDB_START : atPosition(after);
    let last: bigint | undefined = after === START ? undefined : after;
    // $all reads are inclusive and include system events: page until `wanted` user events are found.
    while (events.length < wanted) {
      let read = 0;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: this.pageSize, direction: FORWARDS })) {
        read += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = event.position.commit;
        if (last !== undefined && position <= last) continue; // `after` itself (exclusive), or the page's overlap
        last = position;
        if (!isSystemEvent(event) && events.length < wanted) events.push(toRecordedEvent(event));
      }
      if (read < this.pageSize || last === undefined) break;
      from = atPosition(last);
    }
    return events;
  }

  async headPosition(): Promise<LogPosition> {
    this.assertOpen();
    let from: ReadPosition = END;
    // Backwards from the end, skipping system events; a backward read from an event's position excludes it.
    for (;;) {
      let read = 0;
      let oldest: AllStreamRecordedEvent | undefined;
      const page = this.client.readAll({ fromPosition: from, maxCount: this.pageSize, direction: BACKWARDS });
      try {
        for await (const resolved of page) {
          read += 1;
          const event = resolved.event;
          if (!event) continue;
          if (!isSystemEvent(event)) return event.position.commit;
          oldest = event;
        }
      } finally {
        await cancelUnfinished(page);
      }
      if (read < this.pageSize || !oldest) return START;
      from = oldest.position;
    }
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const subscription = new EsdbSubscription(this.client, this, options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EsdbEventStore is closed');
  }

  /** The stream's last event, or undefined when the stream does not exist. */
  private async lastEvent(stream: string): Promise<RecordedEvent | undefined> {
    const read = this.client.readStream(stream, { fromRevision: END, direction: BACKWARDS, maxCount: 1 });
    try {
      for await (const resolved of read) {
        if (resolved.event) return toRecordedEvent(resolved.event, resolved.commitPosition);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    } finally {
      await cancelUnfinished(read);
    }
    return undefined;
  }

  private async checkOnly(stream: string, expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEvent(stream);
    const current = last?.revision ?? -1n;
    const expected = expectedRevision === 'any' ? current : expectedRevision === 'no_stream' ? -1n : expectedRevision;
    if (expected !== current) {
      throw new WrongExpectedRevisionError(stream, expectedRevision, last ? current : 'no_stream');
    }
    return { nextRevision: current, position: last?.position ?? -1n };
  }

  /** Servers may omit the position of an idempotent append: look the event up. */
  private async positionOf(stream: string, revision: bigint): Promise<bigint> {
    const read = this.client.readStream(stream, { fromRevision: revision, maxCount: 1 });
    try {
      for await (const resolved of read) {
        if (resolved.event) return toRecordedEvent(resolved.event, resolved.commitPosition).position;
      }
    } finally {
      await cancelUnfinished(read);
    }
    throw new Error(`EventStoreDB returned no position for ${stream}@${revision}`);
  }
}

/** Leaving a read early only drops the client-side stream: cancel the gRPC call too, or it stays open. */
async function cancelUnfinished(read: StreamingRead<unknown>): Promise<void> {
  if (!read.readableEnded) await read.cancel().catch(() => undefined);
}

function toRecordedEvent(event: EsdbRecordedEvent, commitPosition?: bigint): RecordedEvent {
  const position = event.position?.commit ?? commitPosition;
  if (position === undefined) {
    throw new Error(`EventStoreDB returned ${event.streamId}@${event.revision} without a position (server 21.10+ needed)`);
  }
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position,
    type: event.type,
    data: asObject(event.data),
    metadata: asObject(event.metadata),
    createdAt: event.created.toISOString(),
  };
}

/** Events written by other tools may carry binary or non-object payloads; callers always get an object. */
function asObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)) {
    return value as Record<string, unknown>;
  }
  return value === undefined ? {} : { value };
}

interface CatchUpSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
}

/**
 * Catches up with paged $all reads (so onCaughtUp is deterministic), then follows a server-side $all
 * subscription from the last delivered position, filtered to non-system events.
 */
class EsdbSubscription implements Subscription {
  private stopped = false;
  private live: AllStreamSubscription | undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly source: CatchUpSource,
    private readonly options: SubscribeOptions,
    private readonly detach: (s: EsdbSubscription) => void,
  ) {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.live?.unsubscribe();
    this.live?.destroy();
    await this.done;
  }

  private async run(): Promise<void> {
    await Promise.resolve(); // never call the handler before subscribe() has returned
    let checkpoint: LogPosition = this.options.after ?? START;
    try {
      const pageSize = 500;
      for (;;) {
        const page = await this.source.readAll({ after: checkpoint, limit: pageSize });
        for (const event of page) {
          if (this.stopped) return;
          await this.options.onEvent(event);
          checkpoint = event.position;
        }
        if (this.stopped) return;
        if (page.length < pageSize) break;
      }
      this.options.onCaughtUp?.(checkpoint);

      const live = this.client.subscribeToAll({
        fromPosition: checkpoint === START ? ESDB_START : atPosition(checkpoint),
        filter: excludeSystemEvents(),
      });
      this.live = live;
      if (this.stopped) return;
      // The server reports "caught up" / "fell behind" ahead of events still buffered here, so announce only
      // once the buffer is drained, and only when something was delivered since the last announcement.
      let serverLive = false;
      let announced = true;
      let busy = false;
      const announceIfCaughtUp = () => {
        if (announced || busy || !serverLive || live.readableLength > 0) return;
        announced = true;
        this.options.onCaughtUp?.(checkpoint);
      };
      live.on('caughtUp', () => {
        serverLive = true;
        announceIfCaughtUp();
      });
      live.on('fellBehind', () => {
        serverLive = false;
      });
      for await (const resolved of live) {
        if (this.stopped) return;
        const event = resolved.event;
        if (!event || isSystemEvent(event)) continue;
        const recorded = toRecordedEvent(event, resolved.commitPosition);
        if (checkpoint !== START && recorded.position <= checkpoint) continue; // a subscription may replay its start
        busy = true;
        await this.options.onEvent(recorded);
        busy = false;
        checkpoint = recorded.position;
        announced = false;
        announceIfCaughtUp();
      }
      if (!this.stopped) throw new Error('EventStoreDB subscription ended');
    } catch (error) {
      if (!this.stopped) (this.options.onError ?? reportUnhandled)(error);
    } finally {
      this.stopped = true;
      await this.live?.unsubscribe().catch(() => undefined);
      this.detach(this);
    }
  }
}

function reportUnhandled(error: unknown): void {
  console.error('Event store subscription stopped (no onError handler):', error);
}
