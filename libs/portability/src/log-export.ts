/**
 * The log as NDJSON: one event a line (stream, revision, position, id, type, data, metadata, createdAt, hash),
 * then one closing line with the count, so that a file cut short is refused. `hash` chains the lines:
 * SHA-256(previous line's hash || the event's canonical encoding), hex, from 32 zero bytes; a changed byte,
 * a line removed or two lines swapped all break the chain at the line where it happened.
 */
import { createHash } from 'node:crypto';
import { START, type EventStore, type LogPosition, type RecordedEvent } from '#libs/event-store';
import { canonicalEvent } from '#libs/integrity';

export const EXPORT_FORMAT = 'treaty-tracker event log';
export const EXPORT_VERSION = 1;
export const CHAIN_START = '0'.repeat(64);

export interface ExportedEvent {
  readonly stream: string;
  readonly revision: number;
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
  readonly createdAt: string;
  readonly hash: string;
}

export interface ExportTrailer {
  readonly end: typeof EXPORT_FORMAT;
  readonly version: number;
  readonly events: number;
  readonly lastHash: string;
}

export const chainHash = (previous: string, event: Pick<RecordedEvent, 'id' | 'stream' | 'revision' | 'type' | 'data' | 'metadata'>): string =>
  createHash('sha256').update(Buffer.from(previous, 'hex')).update(canonicalEvent(event)).digest('hex');

/** The file's lines, a page of the log at a time; `onProgress` after each page. */
export async function* exportLines(store: EventStore, options: { pageSize?: number; onProgress?: (events: number) => void } = {}): AsyncGenerator<string> {
  const pageSize = options.pageSize ?? 5000;
  let after: LogPosition = START;
  let previous = CHAIN_START;
  let count = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) break;
    let chunk = '';
    for (const event of page) {
      previous = chainHash(previous, event);
      const line: ExportedEvent = {
        stream: event.stream,
        revision: Number(event.revision),
        position: event.position.toString(),
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata as Record<string, unknown>,
        createdAt: event.createdAt,
        hash: previous,
      };
      chunk += `${JSON.stringify(line)}\n`;
      after = event.position;
    }
    count += page.length;
    yield chunk;
    options.onProgress?.(count);
  }
  const trailer: ExportTrailer = { end: EXPORT_FORMAT, version: EXPORT_VERSION, events: count, lastHash: previous };
  yield `${JSON.stringify(trailer)}\n`;
}
