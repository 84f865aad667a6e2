/**
 * Read-model benchmark: 1M synthetic events written straight into a temporary embedded (SQLite) event store,
 * then: projector catch-up from an empty embedded read-model store (= the embedded start-up fill time), a
 * rebuild with swap, peak memory, and p50/p99 of GET /api/instruments/:id/status at 64 clients against the
 * service started on the same data (its start-up includes filling the read models).
 *
 *   node --max-old-space-size=8192 dist/bench/read-models.bench.js
 *   BENCH_EVENTS=1000000 (default) BENCH_SECONDS=10 BENCH_HTTP=1 (set 0 to skip the HTTP part)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resourceUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { type EventToAppend } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { EmbeddedReadModelStore, Projector, rebuildReadModels } from '#libs/read-models';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HTTP = process.env.BENCH_HTTP !== '0';
const PER_INSTRUMENT = 50;
const PARTY_POOL = 40;
const ELIGIBLE = 10;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const memory = () => {
  const { heapUsed, rss } = process.memoryUsage();
  return `heap ${mb(heapUsed)}, rss ${mb(rss)}, peak rss ${mb(resourceUsage().maxRSS * 1024)}`;
};
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

const parties = Array.from({ length: PARTY_POOL }, (_, i) => ({ code: `P${String(i).padStart(3, '0')}`, name: `Party ${i}`, kind: i % 7 === 6 ? 'territory' : 'state' }));

const meta = (legalDate: string, i: number) => ({
  actor: 'bench',
  recordedAt: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
  legalDate,
  correlationId: 'bench',
  causationId: 'bench',
});

/** A plausible 50-event life: creation to signatures, consents, reservations, corrections and withdrawals. */
const instrumentEvents = (instrumentId: string, n: number): EventToAppend[] => {
  const eligible = Array.from({ length: ELIGIBLE }, (_, k) => parties[(n + k * 3) % PARTY_POOL]!);
  const e = (type: string, data: Record<string, unknown>, legalDate = '2024-01-01'): EventToAppend => ({ id: randomUUID(), type, data, metadata: meta(legalDate, n) });
  const events: EventToAppend[] = [
    e('InstrumentCreated.v1', {
      instrumentId, kind: n % 3 === 0 ? 'mou' : 'treaty', title: `Instrument ${n}`, parentId: null, languages: ['en'], depositary: null,
      eligibleParties: eligible, entryIntoForce: { type: 'definitive-signature-by-all' }, createdOn: '2016-01-01',
    }),
    e('DraftVersionRecorded.v1', { version: 1, text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Object', body: 'Cooperation.' }] }, summary: 'First draft.' }),
    e('ReviewRequested.v1', { round: 1, version: 1, reviewers: ['legal'], note: null }),
    e('ReviewCommentAdded.v1', { round: 1, author: 'legal', text: 'Fine.', article: '1' }),
    e('ReviewDecided.v1', { round: 1, decision: 'approve', comment: null }),
    e('TextAdopted.v1', { adoptedOn: '2017-05-10', place: 'Port of Spain', method: 'consensus', votes: null, version: 1 }, '2017-05-10'),
    e('SignatureOpened.v1', { opensOn: '2019-05-22', closesOn: null, place: 'Havana' }, '2019-05-22'),
  ];
  const signatures = eligible.map((p) => e('InstrumentSigned.v1', { party: p.code, signedOn: '2019-05-23', signatory: { name: 'S', title: 'Minister' }, definitive: false, place: null }, '2019-05-23'));
  events.push(...signatures);
  for (const p of eligible) events.push(e('ConsentDeposited.v1', { party: p.code, kind: 'ratification', depositedOn: '2020-01-15', domesticActOn: null }, '2020-01-15'));
  for (const p of eligible) events.push(e('ReservationMade.v1', { party: p.code, kind: 'declaration', text: 'Article 1 applies.', madeOn: '2020-01-15', madeAt: 'deposit' }, '2020-01-15'));
  for (const s of signatures.slice(0, 5)) {
    events.push(e('ActCorrected.v1', { correctedEventId: s.id, correctedType: 'InstrumentSigned.v1', reason: 'Date misread.', changes: { signedOn: '2019-05-22' } }));
  }
  for (const p of eligible.slice(0, 4)) events.push(e('WithdrawalNotified.v1', { party: p.code, notifiedOn: '2022-03-01', effectiveOn: '2023-03-01' }, '2022-03-01'));
  for (const p of eligible.slice(0, 2)) events.push(e('WithdrawalRevoked.v1', { party: p.code, revokedOn: '2022-06-01' }, '2022-06-01'));
  while (events.length < PER_INSTRUMENT) events.push(e('ReviewCommentAdded.v1', { round: 1, author: 'legal', text: 'Late note.', article: null }));
  return events.slice(0, PER_INSTRUMENT);
};

const generate = async (file: string): Promise<string[]> => {
  const store = new SqliteEventStore({ file });
  const started = process.hrtime.bigint();
  for (const p of parties) {
    await store.append(`party-${p.code}`, [{ id: randomUUID(), type: 'PartyRegistered.v1', data: p, metadata: meta('2024-01-01', 0) }], 'no_stream');
  }
  const instruments = Math.ceil((EVENTS - PARTY_POOL) / PER_INSTRUMENT);
  const ids: string[] = [];
  const CHUNK = 200; // appends queued in one tick share one group commit
  for (let first = 0; first < instruments; first += CHUNK) {
    const batch = [];
    for (let n = first; n < Math.min(first + CHUNK, instruments); n++) {
      const id = randomUUID();
      ids.push(id);
      batch.push(store.append(`instrument-${id}`, instrumentEvents(id, n), 'no_stream'));
    }
    await Promise.all(batch);
  }
  const head = await store.headPosition();
  console.log(`generated ${String(head)} events (${ids.length} instruments x ${PER_INSTRUMENT}, ${PARTY_POOL} parties) in ${seconds(started).toFixed(1)} s; ` +
    `${mb(statSync(file).size)} on disk`);
  await store.close();
  return ids;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const httpBench = async (dataDir: string, ids: readonly string[]) => {
  const port = await freePort();
  const main = join(dirname(fileURLToPath(import.meta.url)), '../apps/api/src/main.js');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--max-old-space-size=8192', main], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'off', EVENT_STORE: 'embedded', READ_MODEL_STORE: 'embedded' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${url}/health`)).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    console.log(`service ready (boot + embedded read models filled from the log) in ${seconds(started).toFixed(1)} s`);
    let next = 0;
    const result = await autocannon({
      url,
      connections: 64,
      duration: SECONDS,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/instruments/${ids[(next++ * 7919) % ids.length]}/status` }) }],
    });
    if (result.non2xx > 0 || result.errors > 0) console.warn(`  ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    console.log(`GET /api/instruments/:id/status, 64 clients, ${SECONDS} s: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  } finally {
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve()).kill('SIGTERM')));
  }
};

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'read-models-bench-'));
  const file = join(dataDir, 'events.sqlite');
  try {
    console.log(`Read-model benchmark: ${EVENTS} synthetic events, embedded SQLite event store, embedded (mingo) read models; node ${process.version}`);
    const ids = await generate(file);
    const eventStore = new SqliteEventStore({ file, pageSize: 2000 });
    const store = new EmbeddedReadModelStore();
    const projector = new Projector({ eventStore, store });
    let started = process.hrtime.bigint();
    await projector.start();
    const catchUp = seconds(started);
    console.log(`projector catch-up from empty (embedded start-up fill): ${projector.eventsApplied} events in ${catchUp.toFixed(1)} s = ${Math.round(projector.eventsApplied / catchUp)} events/s; ${memory()}`);

    started = process.hrtime.bigint();
    const rebuilt = await rebuildReadModels({ eventStore, store, pageSize: 2000, afterSwap: () => projector.checkGeneration() });
    console.log(`rebuild into fresh collections + swap: ${rebuilt.events} events in ${seconds(started).toFixed(1)} s = ${rebuilt.eventsPerSecond} events/s; ${memory()}`);
    for (const name of rebuilt.collections) console.log(`  ${name}: ${await store.collection(name).count()} documents`);
    await projector.stop();
    await eventStore.close();
    if (HTTP) await httpBench(dataDir, ids);
    console.log(`peak rss of the bench process: ${mb(resourceUsage().maxRSS * 1024)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
