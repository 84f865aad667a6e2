/**
 * Raw appends per second on the embedded SQLite store (WAL, synchronous=FULL, on a temp file), with group
 * commit on and off: one appender in sequence, 32 concurrent appenders on their own streams, and 32 contending
 * for one stream with exact expected revisions (conflicts retried with the revision the error reports).
 * fsync latency on a shared machine is noisy, so every configuration runs BENCH_ROUNDS times (default 3),
 * interleaved, and the table shows the median round; BENCH_DURATION_MS is one run's length (default 1500).
 * A script, not a test: `npm run bench:store` (about 35 s).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// relative, not '#libs/event-store': this file also runs from a temporary tsc outDir
import {
  WrongExpectedRevisionError,
  type EventToAppend,
  type ExpectedRevision,
} from '../libs/event-store/src/event-store.port.js';
import { SqliteEventStore } from '../libs/event-store/src/sqlite/sqlite-event-store.js';

const DURATION_MS = Number(process.env['BENCH_DURATION_MS'] ?? 1500);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const WARM_UP_MS = 200;
const CONCURRENCY = 32;

type Scenario = 'sequential' | 'concurrent, own streams' | 'concurrent, one stream';

interface Result {
  readonly scenario: Scenario;
  readonly groupCommit: boolean;
  readonly appendsPerSecond: number;
  readonly conflictsPerSecond: number;
  readonly appendsPerCommit: number;
  readonly p50: number;
  readonly p99: number;
}

const anEvent = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'SignatureRecorded.v1',
  data: {
    instrumentId: randomUUID(),
    party: 'FRA',
    signedOn: '2025-03-14',
    signatory: { name: 'A. Signatory', title: 'Minister for Foreign Affairs' },
    definitive: false,
    place: 'Geneva',
    sequence: i,
  },
  metadata: { actor: 'bench', recordedAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID() },
});

async function run(scenario: Scenario, groupCommit: boolean): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), groupCommit });
  try {
    const contended = scenario === 'concurrent, one stream';
    if (contended) await store.append('bench-shared', [anEvent(0)], 'no_stream');
    const appenders = scenario === 'sequential' ? 1 : CONCURRENCY;

    let measuring = false;
    let appends = 0;
    let conflicts = 0;
    const latencies: number[] = [];
    const start = performance.now();
    const measureFrom = start + WARM_UP_MS;
    const end = measureFrom + DURATION_MS;
    let commitsAtStart = 0;

    const appender = async (n: number): Promise<void> => {
      const stream = contended ? 'bench-shared' : `bench-${n}-${randomUUID()}`;
      let expected: ExpectedRevision = contended ? 0n : 'no_stream';
      for (let i = 0; ; i++) {
        const now = performance.now();
        if (now >= end) return;
        if (!measuring && now >= measureFrom) {
          measuring = true;
          commitsAtStart = store.stats.commits;
        }
        try {
          const result = await store.append(stream, [anEvent(i)], expected);
          expected = result.nextRevision;
          if (measuring) {
            appends++;
            latencies.push(performance.now() - now);
          }
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          expected = error.actual;
          if (measuring) conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: appenders }, (_, n) => appender(n)));
    const seconds = (performance.now() - measureFrom) / 1000;
    const commits = store.stats.commits - commitsAtStart;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? Number.NaN;
    return {
      scenario,
      groupCommit,
      appendsPerSecond: appends / seconds,
      conflictsPerSecond: conflicts / seconds,
      appendsPerCommit: commits > 0 ? appends / commits : Number.NaN, // successful appends per fsync
      p50: pct(0.5),
      p99: pct(0.99),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function printTable(results: readonly Result[]): void {
  const header = ['scenario', 'group commit', 'appends/s', 'conflicts/s', 'appends/commit', 'p50 ms', 'p99 ms'];
  const rows = results.map((r) => [
    r.scenario,
    r.groupCommit ? 'on' : 'off',
    fmt(r.appendsPerSecond),
    fmt(r.conflictsPerSecond),
    fmt(r.appendsPerCommit, 1),
    fmt(r.p50, 2),
    fmt(r.p99, 2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

async function main(): Promise<void> {
  console.log(
    `SQLite event store, WAL + synchronous=FULL, temp file under ${tmpdir()}; ` +
      `node ${process.version}, ${cpus().length} CPU(s); ${DURATION_MS} ms per run, ${ROUNDS} rounds, ` +
      `${CONCURRENCY} concurrent appenders\n`,
  );
  const scenarios: Scenario[] = ['sequential', 'concurrent, own streams', 'concurrent, one stream'];
  const rounds: Result[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const results: Result[] = [];
    for (const scenario of scenarios) {
      // alternate which mode goes first, so that a slow spell of the disk does not always hit the same one
      const modes = round % 2 === 0 ? [true, false] : [false, true];
      for (const groupCommit of modes) results.push(await run(scenario, groupCommit));
    }
    rounds.push(results);
  }
  const results = scenarios.flatMap((scenario) =>
    [true, false].map((groupCommit) => {
      const runs = rounds
        .map((r) => r.find((x) => x.scenario === scenario && x.groupCommit === groupCommit)!)
        .sort((a, b) => a.appendsPerSecond - b.appendsPerSecond);
      return runs[Math.floor(runs.length / 2)]!;
    }),
  );
  printTable(results);
  const perRound = (scenario: Scenario, groupCommit: boolean) =>
    rounds
      .map((r) => fmt(r.find((x) => x.scenario === scenario && x.groupCommit === groupCommit)!.appendsPerSecond))
      .join(' / ');
  console.log(`\nmedian of ${ROUNDS} rounds; every round, appends/s:`);
  for (const scenario of scenarios) {
    for (const groupCommit of [true, false]) {
      console.log(`  ${scenario.padEnd(24)} ${groupCommit ? 'on ' : 'off'}  ${perRound(scenario, groupCommit)}`);
    }
  }
  console.log('\ngroup commit on / off, appends/s:');
  for (const scenario of scenarios) {
    const on = results.find((r) => r.scenario === scenario && r.groupCommit)!;
    const off = results.find((r) => r.scenario === scenario && !r.groupCommit)!;
    console.log(`  ${scenario.padEnd(24)} x${fmt(on.appendsPerSecond / off.appendsPerSecond, 2)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
