/**
 * Input checks and JSON encoding shared by both adapters, so that the embedded store refuses exactly what
 * EventStoreDB would refuse (and a bug shows up in development, not on the production server).
 */
import type { AppendOptions, EventToAppend, ExpectedRevision } from './event-store.port.js';

export interface EncodedEvent {
  /** Lower-cased: EventStoreDB hands ids back in lower case, so the embedded store does too. */
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export interface EncodedAppend {
  readonly stream: string;
  readonly events: readonly EncodedEvent[];
  readonly expectedRevision: ExpectedRevision;
  readonly idempotencyKey: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `$`-prefixed streams and event types belong to EventStoreDB itself and are left out of the global log. */
export const isSystemName = (name: string): boolean => name.startsWith('$');

/** JSON.stringify that writes bigints as decimal strings instead of throwing. */
export function encodeJson(value: unknown, what: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${what} must be a JSON object`);
  }
  return JSON.stringify(value, (_key, member: unknown) => (typeof member === 'bigint' ? member.toString() : member));
}

export function decodeJson(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

export function assertStreamName(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string' || stream.length === 0) throw new TypeError('stream must be a non-empty string');
  if (isSystemName(stream)) throw new TypeError(`stream ${stream}: names starting with $ are reserved`);
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'no_stream' || expected === 'any') return;
  if (typeof expected === 'bigint' && expected >= 0n) return;
  throw new TypeError(`expectedRevision must be 'no_stream', 'any' or a bigint >= 0n, got ${String(expected)}`);
}

/** Read options are checked the same way by both adapters (SQLite would read a negative LIMIT as "all"). */
export function assertReadOptions(options: { limit?: number; fromRevision?: bigint }): void {
  const { limit, fromRevision } = options;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new TypeError(`limit must be a whole number >= 0, got ${String(limit)}`);
  }
  if (fromRevision !== undefined && !(typeof fromRevision === 'bigint' && fromRevision >= 0n)) {
    throw new TypeError(`fromRevision must be a bigint >= 0n, got ${String(fromRevision)}`);
  }
}

/** Validates an append and encodes its events; throws TypeError on a programming error. */
export function encodeAppend(
  stream: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision,
  options: AppendOptions = {},
): EncodedAppend {
  assertStreamName(stream);
  assertExpectedRevision(expectedRevision);
  if (!Array.isArray(events)) throw new TypeError('events must be an array');
  const encoded = events.map((event: EventToAppend, index): EncodedEvent => {
    const where = `event ${index} of the append to ${stream}`;
    if (typeof event?.id !== 'string' || !UUID.test(event.id)) throw new TypeError(`${where}: id must be a UUID`);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`${where}: type is required`);
    if (isSystemName(event.type)) throw new TypeError(`${where}: types starting with $ are reserved`);
    return {
      id: event.id.toLowerCase(),
      type: event.type,
      data: encodeJson(event.data, `${where}: data`),
      metadata: encodeJson(event.metadata ?? {}, `${where}: metadata`),
    };
  });
  const key = options.idempotencyKey ?? null;
  if (key !== null) assertIdempotencyKey(key);
  return { stream, events: encoded, expectedRevision, idempotencyKey: key };
}

/** Keys are what an HTTP client may send: 1 to 200 visible ASCII characters. */
export function assertIdempotencyKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) throw new TypeError('an idempotency key is 1 to 200 visible ASCII characters');
}
