/**
 * Copies one log into another store (embedded → EventStoreDB), in the source's order, keeping event ids,
 * types, data and metadata; each stream's events at the revisions they had. Resumable: the last source
 * position copied is kept in a checkpoint file after each page, and a page copied again after an interruption
 * appends nothing new (both stores treat a re-sent batch at its exact revision as the same append).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { START, type EventStore, type LogPosition } from '#libs/event-store';
import { eventLeafHash, nodeHash, EMPTY_ROOT } from '#libs/integrity';

export interface MigrationOptions {
  readonly source: EventStore;
  readonly target: EventStore;
  /** Where the last source position copied is kept between runs. */
  readonly checkpointFile: string;
  readonly pageSize?: number;
  readonly onProgress?: (copied: number) => void;
  /** Stops after this many events (to test an interruption). */
  readonly stopAfter?: number;
}

export interface MigrationSummary {
  /** Events copied by this run. */
  readonly copied: number;
  readonly resumedAfter: string | null;
  readonly done: boolean;
}

export async function migrateLog({ source, target, checkpointFile, pageSize = 1000, onProgress, stopAfter }: MigrationOptions): Promise<MigrationSummary> {
  const saved = existsSync(checkpointFile) ? (JSON.parse(readFileSync(checkpointFile, 'utf8')) as { after: string }).after : null;
  let after: LogPosition = saved === null ? START : BigInt(saved);
  let copied = 0;
  for (;;) {
    const page = await source.readAll({ after, limit: pageSize });
    if (page.length === 0) return { copied, resumedAfter: saved, done: true };
    // consecutive events of one stream go in one append
    for (let i = 0; i < page.length; ) {
      let j = i + 1;
      while (j < page.length && page[j]!.stream === page[i]!.stream && j - i < 100) j++;
      const run = page.slice(i, j);
      const first = run[0]!;
      await target.append(
        first.stream,
        run.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })),
        first.revision === 0n ? 'no_stream' : first.revision - 1n,
      );
      i = j;
    }
    after = page[page.length - 1]!.position;
    copied += page.length;
    writeFileSync(checkpointFile, JSON.stringify({ after: after.toString() }));
    onProgress?.(copied);
    if (stopAfter !== undefined && copied >= stopAfter) return { copied, resumedAfter: saved, done: false };
  }
}

/** The tree head of a whole log, recomputed from its events: the same on both sides of a faithful copy. */
export async function logRoot(store: EventStore, pageSize = 5000): Promise<{ readonly size: number; readonly root: Buffer }> {
  const edge: { level: number; hash: Buffer }[] = [];
  let size = 0;
  let after: LogPosition = START;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) break;
    for (const event of page) {
      edge.push({ level: 0, hash: eventLeafHash(event) });
      while (edge.length >= 2 && edge[edge.length - 1]!.level === edge[edge.length - 2]!.level) {
        const right = edge.pop()!;
        const left = edge.pop()!;
        edge.push({ level: right.level + 1, hash: nodeHash(left.hash, right.hash) });
      }
      size += 1;
      after = event.position;
    }
  }
  if (edge.length === 0) return { size, root: EMPTY_ROOT };
  let root = edge[edge.length - 1]!.hash;
  for (let i = edge.length - 2; i >= 0; i--) root = nodeHash(edge[i]!.hash, root);
  return { size, root };
}
