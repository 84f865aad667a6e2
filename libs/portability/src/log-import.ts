/**
 * Loads an export into an empty store. The whole file is checked first — each line's JSON and fields, the hash
 * chain, each stream's revisions (0, 1, 2… with no gap), positions rising, the closing line's count — and a
 * damaged file is refused naming its first wrong line, before anything is written. Then the events are
 * appended in the file's order, keeping their ids, types, data and metadata (each stream's consecutive events
 * in one append, at the revision the file gives).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { START, type EventStore, type EventToAppend } from '#libs/event-store';
import { CHAIN_START, chainHash, EXPORT_FORMAT, type ExportedEvent } from './log-export.js';

export class ImportRefusedError extends Error {
  constructor(
    readonly line: number | null,
    reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
    this.name = 'ImportRefusedError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One line read back, checked on its own; throws the reason it is wrong. */
const parseEvent = (text: string): ExportedEvent => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON');
  }
  if (!isObject(value)) throw new Error('not a JSON object');
  const e = value as Partial<ExportedEvent>;
  if (typeof e.stream !== 'string' || e.stream.length === 0) throw new Error('stream must be a non-empty string');
  if (!Number.isSafeInteger(e.revision) || e.revision! < 0) throw new Error('revision must be a whole number from 0');
  if (typeof e.position !== 'string' || !/^\d+$/.test(e.position)) throw new Error('position must be a whole number as a string');
  if (typeof e.id !== 'string' || !UUID.test(e.id)) throw new Error('id must be a lower-case UUID');
  if (typeof e.type !== 'string' || e.type.length === 0) throw new Error('type must be a non-empty string');
  if (!isObject(e.data)) throw new Error('data must be a JSON object');
  if (!isObject(e.metadata)) throw new Error('metadata must be a JSON object');
  if (typeof e.hash !== 'string' || !/^[0-9a-f]{64}$/.test(e.hash)) throw new Error('hash must be 64 hex digits');
  return e as ExportedEvent;
};

export interface ImportSummary {
  readonly events: number;
  readonly streams: number;
}

/** Reads the file line by line; `onEvent` for each checked event (null for the closing line). */
async function readChecked(file: string, onEvent: (event: ExportedEvent, line: number) => Promise<void> | void): Promise<ImportSummary> {
  const revisions = new Map<string, number>();
  let previous = CHAIN_START;
  let lastPosition = -1n;
  let events = 0;
  let line = 0;
  let closed = false;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const text of lines) {
    line += 1;
    if (closed) throw new ImportRefusedError(line, 'a line after the closing line');
    if (text.length === 0) throw new ImportRefusedError(line, 'an empty line');
    let event: ExportedEvent;
    try {
      const value = JSON.parse(text) as { end?: unknown };
      if (isObject(value) && value.end === EXPORT_FORMAT) {
        const trailer = value as { events?: unknown; lastHash?: unknown };
        if (trailer.events !== events) throw new ImportRefusedError(line, `the closing line counts ${String(trailer.events)} events, the file has ${events}`);
        if (trailer.lastHash !== previous) throw new ImportRefusedError(line, 'the closing line names another last hash than the chain’s');
        closed = true;
        continue;
      }
      event = parseEvent(text);
    } catch (error) {
      if (error instanceof ImportRefusedError) throw error;
      if (error instanceof SyntaxError) throw new ImportRefusedError(line, 'not valid JSON');
      throw new ImportRefusedError(line, (error as Error).message);
    }
    const position = BigInt(event.position);
    if (position <= lastPosition) throw new ImportRefusedError(line, `position ${position} does not follow ${lastPosition}: the lines are out of order`);
    const expected = (revisions.get(event.stream) ?? -1) + 1;
    if (event.revision !== expected) throw new ImportRefusedError(line, `${event.stream} is at revision ${expected - 1}, this line gives revision ${event.revision}`);
    const hash = chainHash(previous, { ...event, revision: BigInt(event.revision) });
    if (hash !== event.hash) throw new ImportRefusedError(line, 'the hash chain breaks here: the line was changed, or one before it removed or moved');
    previous = hash;
    lastPosition = position;
    revisions.set(event.stream, event.revision);
    events += 1;
    await onEvent(event, line);
  }
  if (!closed) throw new ImportRefusedError(line + 1, 'the file ends without its closing line: it was cut short');
  return { events, streams: revisions.size };
}

/** Checks the file without writing anything. */
export const checkExport = (file: string): Promise<ImportSummary> => readChecked(file, () => undefined);

export interface ImportOptions {
  /** Appends in flight at once. The embedded store commits them in call order (group commit): 256; others: 1. */
  readonly window?: number;
  readonly onProgress?: (events: number) => void;
}

export async function importLog(store: EventStore, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  if ((await store.headPosition()) !== START) throw new ImportRefusedError(null, 'the store is not empty: an export is imported into an empty store only');
  const summary = await checkExport(file);
  const window = options.window ?? 1;
  const inFlight = new Set<Promise<unknown>>();
  let failure: unknown = null;
  let batch: { stream: string; revision: number; events: EventToAppend[] } | null = null;
  let appended = 0;
  const send = async () => {
    if (!batch) return;
    const { stream, revision, events } = batch;
    batch = null;
    const append = store.append(stream, events, revision === 0 ? 'no_stream' : BigInt(revision - 1)).then(
      () => {
        appended += events.length;
        options.onProgress?.(appended);
      },
      (error: unknown) => (failure ??= error),
    );
    inFlight.add(append);
    void append.finally(() => inFlight.delete(append));
    if (inFlight.size >= window) await Promise.race(inFlight);
    if (failure) throw failure;
  };
  await readChecked(file, async (event) => {
    const next = { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
    if (batch && batch.stream === event.stream && batch.events.length < 100) {
      batch.events.push(next);
      return;
    }
    await send();
    batch = { stream: event.stream, revision: event.revision, events: [next] };
  });
  await send();
  await Promise.all(inFlight);
  if (failure) throw failure;
  return summary;
}
