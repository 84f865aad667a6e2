/**
 * Read-model benchmark: synthetic events (BENCH_EVENTS, default 1M) written straight into a temporary embedded
 * (SQLite) event store, then:
 * - projector catch-up from empty into the embedded read models on disk (DATA_DIR/read-models.sqlite), in batches;
 * - a rebuild with swap through the same path, its time and peak memory;
 * - the service restarted on that data (read models at their checkpoint): time to answer /health and its RSS;
 * - GET /api/instruments/:id/status at 64 clients beside a bare Nest GET returning the same JSON, in the same run,
 *   on this log and on the demonstration log;
 * - start-up time and RSS at 20,000 events too; the same catch-up and rebuild on MongoDB when MONGODB_URL is set.
 * The last line is one JSON object of the figures.
 *
 *   npm run bench:read-models          BENCH_EVENTS=1000000 BENCH_SECONDS=10 BENCH_HTTP=1 (0: skip the HTTP parts)
 *                                      BENCH_PROJECTION=1 (0: skip catch-up and rebuild, for the HTTP figures alone)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { type EventToAppend } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { createReadModelStore, EmbeddedReadModelStore, Projector, rebuildReadModels, type MongoReadModelStore, type ReadModelStore } from '#libs/read-models';
import { load, mb as toMb, ratio, rssOf, startBare, startService, type Load } from './bench-support.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const HTTP = process.env.BENCH_HTTP !== '0';
// BENCH_PROJECTION=0 skips the catch-up and rebuild figures (the service's first start projects the log itself).
const PROJECTION = process.env.BENCH_PROJECTION !== '0';
const SMALL = 20_000;
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

const generate = async (file: string, events: number): Promise<string[]> => {
  const store = new SqliteEventStore({ file });
  const started = process.hrtime.bigint();
  for (const p of parties) {
    await store.append(`party-${p.code}`, [{ id: randomUUID(), type: 'PartyRegistered.v1', data: p, metadata: meta('2024-01-01', 0) }], 'no_stream');
  }
  const instruments = Math.ceil((events - PARTY_POOL) / PER_INSTRUMENT);
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

const statusRoute = async (url: string, ids: readonly string[], label: string): Promise<{ route: Load; baseline: Load; ratio: number | null; p99Ratio: number | null }> => {
  const sample = await fetch(`${url}/api/instruments/${ids[0]}/status`);
  if (!sample.ok) throw new Error(`GET status: ${sample.status}`);
  const file = join(tmpdir(), `bench-status-${process.pid}.json`);
  writeFileSync(file, await sample.text());
  let next = 0;
  const route = await load({
    url,
    connections: 64,
    duration: SECONDS,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: `/api/instruments/${ids[(next++ * 7919) % ids.length]}/status` }) }],
  });
  const bare = await startBare({ BARE_STATUS_FILE: file });
  let baseline: Load;
  try {
    baseline = await load({ url: bare.url, connections: 64, duration: SECONDS, requests: [{ method: 'GET', path: '/bare/status' }] });
  } finally {
    await bare.stop();
    rmSync(file, { force: true });
  }
  const r = { route, baseline, ratio: ratio(route.rps, baseline.rps), p99Ratio: ratio(route.p99, baseline.p99) };
  console.log(`GET /api/instruments/:id/status (${label}), 64 clients, ${SECONDS} s: ${route.rps} req/s, p50 ${route.p50} ms, p99 ${route.p99} ms`);
  console.log(`  baseline bare Nest GET of the same JSON: ${baseline.rps} req/s, p50 ${baseline.p50} ms, p99 ${baseline.p99} ms; throughput ratio ${r.ratio}, p99 ratio ${r.p99Ratio}`);
  return r;
};

/**
 * A first start on a data directory the bench wrote itself: the service seals the log into its tree (integrity)
 * and is stopped once the tree holds every event, so that what follows is a restart, not a first start.
 */
const settle = async (dataDir: string, events: number) => {
  const first = await startService({ DATA_DIR: dataDir }, ['--max-old-space-size=8192']);
  const started = process.hrtime.bigint();
  try {
    for (;;) {
      const answer = await fetch(`${first.url}/api/integrity/checkpoint`);
      if (!answer.ok && answer.status !== 404) throw new Error(`GET /api/integrity/checkpoint: ${answer.status}`);
      const head = (answer.ok ? await answer.json() : {}) as { treeSize?: number };
      if ((head.treeSize ?? 0) >= events) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await first.stop();
  }
  console.log(`  first start on the bench's own log: /health in ${first.startSeconds.toFixed(1)} s; the tree sealed ${events} events ${seconds(started).toFixed(1)} s later`);
};

/** The service restarted on a data directory whose read models are at their checkpoint: time to /health, RSS; beside a bare Nest start. */
const restart = async (dataDir: string) => {
  const service = await startService({ DATA_DIR: dataDir }, ['--max-old-space-size=8192']);
  const rss = rssOf(service.process.pid!);
  const bare = await startBare({});
  await bare.stop();
  console.log(
    `service restarted on persisted read models: /health answered in ${service.startSeconds.toFixed(2)} s, rss ${rss} MB; ` +
      `baseline: a bare Nest application answers in ${bare.startSeconds.toFixed(2)} s`,
  );
  return { service, startSeconds: Math.round(service.startSeconds * 100) / 100, bareStartSeconds: Math.round(bare.startSeconds * 100) / 100, rssMb: rss };
};

/** Catch-up from empty, then a rebuild, on one read-model store; memory sampled during the rebuild. */
const projectAndRebuild = async (eventStore: SqliteEventStore, store: ReadModelStore, label: string) => {
  const projector = new Projector({ eventStore, store });
  let started = process.hrtime.bigint();
  await projector.start();
  const catchUp = seconds(started);
  const catchUpRate = Math.round(projector.eventsApplied / catchUp);
  console.log(`${label}: projector catch-up from empty: ${projector.eventsApplied} events in ${catchUp.toFixed(1)} s = ${catchUpRate} events/s; ${memory()}`);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  started = process.hrtime.bigint();
  const rebuilt = await rebuildReadModels({ eventStore, store, afterSwap: () => projector.checkGeneration(), onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)) });
  clearInterval(sampler);
  const rebuildSeconds = seconds(started);
  console.log(`${label}: rebuild into fresh collections + swap: ${rebuilt.events} events in ${rebuildSeconds.toFixed(1)} s = ${rebuilt.eventsPerSecond} events/s; peak rss during the rebuild ${toMb(peakRss)} MB`);
  for (const name of rebuilt.collections) console.log(`  ${name}: ${await store.collection(name).count()} documents`);
  await projector.stop();
  return { catchUpEventsPerSecond: catchUpRate, catchUpSeconds: Math.round(catchUp * 10) / 10, rebuildSeconds: Math.round(rebuildSeconds * 10) / 10, rebuildEventsPerSecond: rebuilt.eventsPerSecond, rebuildPeakRssMb: toMb(peakRss) };
};

/** A data directory with `events` synthetic events and its read models projected (the service's own start does it). */
const prepared = async (events: number) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'read-models-bench-'));
  const ids = await generate(join(dataDir, 'events.sqlite'), events);
  // The first start projects the whole log into DATA_DIR/read-models.sqlite and seals it into the tree.
  await settle(dataDir, ids.length * PER_INSTRUMENT + PARTY_POOL);
  return { dataDir, ids };
};

const main = async () => {
  const figures: Record<string, unknown> = { bench: 'read-models', events: EVENTS, seconds: SECONDS, node: process.version };
  const dataDir = mkdtempSync(join(tmpdir(), 'read-models-bench-'));
  const file = join(dataDir, 'events.sqlite');
  const cleanup: string[] = [dataDir];
  try {
    console.log(`Read-model benchmark: ${EVENTS} synthetic events, embedded SQLite event store, embedded read models (SQLite); node ${process.version}`);
    const ids = await generate(file, EVENTS);
    const eventStore = new SqliteEventStore({ file, pageSize: 5000 });
    if (PROJECTION) {
      const store = new EmbeddedReadModelStore({ file: join(dataDir, 'read-models.sqlite') });
      figures['embedded'] = await projectAndRebuild(eventStore, store, 'embedded');
      await store.close();
    } else {
      console.log('catch-up and rebuild: SKIPPED (BENCH_PROJECTION=0)');
      figures['embedded'] = 'skipped';
    }
    const url = process.env['MONGODB_URL'];
    if (!PROJECTION) figures['mongodb'] = 'skipped';
    else if (url) {
      const mongo = (await createReadModelStore({ kind: 'mongodb', url, database: `rm_bench_${process.pid}` })) as MongoReadModelStore;
      try {
        figures['mongodb'] = await projectAndRebuild(eventStore, mongo, 'mongodb');
      } finally {
        await mongo.dropDatabase();
        await mongo.close();
      }
    } else {
      console.log('MongoDB: SKIPPED (set MONGODB_URL to run the catch-up and the rebuild there too)');
      figures['mongodb'] = 'skipped';
    }
    const logLength = Number(await eventStore.headPosition());
    await eventStore.close();

    await settle(dataDir, logLength);
    const big = await restart(dataDir);
    figures['restart'] = { events: EVENTS, startSeconds: big.startSeconds, bareStartSeconds: big.bareStartSeconds, rssMb: big.rssMb };
    try {
      if (HTTP) figures['status'] = await statusRoute(big.service.url, ids, `${EVENTS} events`);
      figures['restart'] = { ...(figures['restart'] as object), rssAfterLoadMb: rssOf(big.service.process.pid!) };
    } finally {
      await big.service.stop();
    }

    if (EVENTS !== SMALL) {
      console.log(`Start-up at ${SMALL} events:`);
      const small = await prepared(SMALL);
      cleanup.push(small.dataDir);
      const again = await restart(small.dataDir);
      figures['restartSmall'] = { events: SMALL, startSeconds: again.startSeconds, bareStartSeconds: again.bareStartSeconds, rssMb: again.rssMb };
      await again.service.stop();
    }

    if (HTTP) {
      const demoDir = mkdtempSync(join(tmpdir(), 'read-models-bench-demo-'));
      cleanup.push(demoDir);
      const demo = await startService({ DATA_DIR: demoDir, DEMO_DATA: 'auto' });
      try {
        const list = (await (await fetch(`${demo.url}/api/instruments?pageSize=200`)).json()) as { items: { id: string }[] };
        figures['statusDemo'] = await statusRoute(demo.url, list.items.map((i) => i.id), `demonstration log, ${list.items.length} instruments`);
      } finally {
        await demo.stop();
      }
    }
    console.log(`peak rss of the bench process: ${mb(resourceUsage().maxRSS * 1024)}`);
  } finally {
    if (process.env['BENCH_KEEP'] === '1') console.log(`kept: ${cleanup.join(' ')}`);
    else for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures));
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
