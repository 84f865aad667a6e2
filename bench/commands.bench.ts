/**
 * Durable single-event commands over HTTP on the embedded store at 32 clients, on streams of about 40 events and
 * again once they hold about 2,000, each beside its baseline from the same run: a bare Nest endpoint doing one
 * durable append on the same store (bare-nest.server.ts). Each client mostly writes to its own instrument (a
 * comment in an open review round is one event), so the figure is the command path's, not one stream's lock.
 * The streams are grown between the two phases by appending copies of a stored comment straight to the file.
 *
 *   npm run bench:commands            (BENCH_SECONDS=5, BENCH_LONG_STREAM=2000; 0 skips the long-stream phase)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventToAppend } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { benchToken, load, ratio, startBare, startService, type Load } from './bench-support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 32;
const SHORT = 40;
const LONG = Number(process.env.BENCH_LONG_STREAM ?? 2000);

const TEXT = { preamble: 'Bench', articles: [{ number: '1', heading: 'One', body: 'Body' }] };
let token = '';
const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
};

/** Appends copies of the stream's last event (a review comment) until each stream holds `length` events. */
const growTo = async (file: string, instruments: readonly string[], length: number) => {
  const store = new SqliteEventStore({ file });
  try {
    for (const id of instruments) {
      const stream = `instrument-${id}`;
      const events = await store.readStream(stream);
      const last = events[events.length - 1]!;
      let revision = last.revision;
      while (revision + 1n < BigInt(length)) {
        const count = Math.min(500, length - Number(revision + 1n));
        const batch: EventToAppend[] = Array.from({ length: count }, () => ({ id: randomUUID(), type: last.type, data: last.data, metadata: { ...last.metadata, correlationId: 'bench-grow' } }));
        revision = (await store.append(stream, batch, revision)).nextRevision;
      }
    }
  } finally {
    await store.close();
  }
};

const streamLengths = async (file: string, instruments: readonly string[]) => {
  const store = new SqliteEventStore({ file });
  try {
    const lengths = await Promise.all(instruments.map(async (id) => (await store.readStream(`instrument-${id}`)).length));
    return { min: Math.min(...lengths), max: Math.max(...lengths) };
  } finally {
    await store.close();
  }
};

const comments = async (url: string, instruments: readonly string[]): Promise<Load> => {
  let next = 0;
  return load({
    url,
    connections: CLIENTS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ author: 'Bench', text: 'A comment.' }),
        // Round-robin over the instruments: each connection mostly writes to a different stream.
        setupRequest: (request) => ({ ...request, path: `/api/instruments/${instruments[next++ % instruments.length]}/reviews/comments` }),
      },
    ],
  });
};

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'treaty-bench-'));
  const file = join(dataDir, 'events.sqlite');
  const figures: Record<string, unknown> = { bench: 'commands', clients: CLIENTS, seconds: SECONDS, node: process.version };
  console.log(`Durable single-event commands over HTTP (embedded SQLite, group commit, synchronous=FULL), ${SECONDS} s at ${CLIENTS} clients`);
  try {
    token = benchToken(dataDir);
    let service = await startService({ DATA_DIR: dataDir });
    const instruments: string[] = [];
    try {
      await post(`${service.url}/api/parties`, { code: 'NLD', name: 'Netherlands', kind: 'state' });
      for (let i = 0; i < CLIENTS; i++) {
        const { id } = await post(`${service.url}/api/instruments`, { kind: 'treaty', title: `Bench ${i}`, eligibleParties: ['NLD'], text: TEXT });
        await post(`${service.url}/api/instruments/${id}/reviews`, { reviewers: ['Bench'] });
        await post(`${service.url}/api/instruments/${id}/reviews/comments`, { author: 'Bench', text: 'A comment.' });
        instruments.push(id);
      }
    } finally {
      await service.stop();
    }

    const phase = async (length: number) => {
      await growTo(file, instruments, length);
      const before = await streamLengths(file, instruments);
      service = await startService({ DATA_DIR: dataDir });
      let result: Load;
      try {
        result = await comments(service.url, instruments);
      } finally {
        await service.stop();
      }
      const after = await streamLengths(file, instruments);
      console.log(
        `POST …/reviews/comments, streams of ${before.min}-${before.max} events (${after.min}-${after.max} after): ` +
          `${result.rps} cmd/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
      );
      return { ...result, streamEvents: [before.min, after.max] };
    };
    const short = await phase(SHORT);
    const long = LONG > 0 ? await phase(LONG) : null;

    const bare = await startBare({ BARE_EVENTS_FILE: file });
    let baseline: Load;
    try {
      let n = 0;
      baseline = await load({ url: bare.url, connections: CLIENTS, duration: SECONDS, requests: [{ method: 'POST', setupRequest: (r) => ({ ...r, path: `/bare/append?n=${n++}` }) }] });
    } finally {
      await bare.stop();
    }
    console.log(`baseline: bare Nest POST doing one durable append on the same store: ${baseline.rps} appends/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);
    const shortRatio = ratio(short.rps, baseline.rps);
    const longRatio = long ? ratio(long.rps, baseline.rps) : null;
    const flat = long ? ratio(long.rps, short.rps) : null;
    console.log(`ratio to baseline: ${shortRatio} (about ${SHORT} events a stream), ${longRatio} (about ${LONG}); ${LONG}-event / ${SHORT}-event: ${flat}`);
    Object.assign(figures, {
      shortStream: short,
      longStream: long,
      baseline,
      ratioShortToBaseline: shortRatio,
      ratioLongToBaseline: longRatio,
      ratioLongToShort: flat,
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures));
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
