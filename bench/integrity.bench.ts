/**
 * The verifiable log and the export at scale: a log of BENCH_EVENTS events (default 1,000,000) on the
 * embedded store, then, in the same run and on the same file, the raw store baseline (reading every event
 * through the port, nothing else) beside sequencing the tree, `verify` (every leaf, node and head recomputed)
 * and `export` (NDJSON with the hash chain, to a file). Ends with one JSON line.
 * A script, not a test: `npm run bench:integrity` (a few minutes at 1M events).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { START, type EventToAppend, type LogPosition } from '#libs/event-store';
import { SqliteEventStore } from '#libs/event-store/adapters';
import { eventLeafHash, MerkleTreeStore, TreeHeadSigner, verifyLog } from '#libs/integrity';
import { exportLines } from '#libs/portability';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 1_000_000);
const BATCH = 500;
const PAGE = 5000;

const anEvent = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'InstrumentSigned.v1',
  data: { instrumentId: randomUUID(), party: 'CUB', signedOn: '2019-05-22', signatory: { name: 'A. Signatory', title: 'Minister for Foreign Affairs' }, definitive: false, place: 'Havana', sequence: i },
  metadata: { actor: 'bench', recordedAt: new Date().toISOString(), correlationId: randomUUID(), causationId: randomUUID(), legalDate: '2019-05-22' },
});

const timed = async <T>(label: string, work: () => Promise<T>): Promise<{ seconds: number; perSecond: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(EVENTS / seconds);
  console.log(`${label.padEnd(44)} ${seconds.toFixed(1).padStart(7)} s ${perSecond.toLocaleString('en').padStart(12)} events/s`);
  return { seconds, perSecond, value };
};

const dir = mkdtempSync(join(tmpdir(), 'integrity-bench-'));
try {
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  console.log(`${EVENTS.toLocaleString('en')} events on the embedded store (${dir})`);
  const fill = await timed('fill the log (appends of 500, 16 in flight)', async () => {
    const inFlight = new Set<Promise<unknown>>();
    for (let b = 0; b * BATCH < EVENTS; b++) {
      const count = Math.min(BATCH, EVENTS - b * BATCH);
      const append = store.append(`bench-${b}`, Array.from({ length: count }, (_, i) => anEvent(b * BATCH + i)), 'no_stream');
      inFlight.add(append);
      void append.finally(() => inFlight.delete(append));
      if (inFlight.size >= 16) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  });
  const raw = await timed('baseline: read every event (raw store)', async () => {
    let after: LogPosition = START;
    let n = 0;
    for (;;) {
      const page = await store.readAll({ after, limit: PAGE });
      if (page.length === 0) return n;
      n += page.length;
      after = page[page.length - 1]!.position;
    }
  });
  const tree = new MerkleTreeStore({ file: join(dir, 'integrity.sqlite') });
  const signer = TreeHeadSigner.fromFile(join(dir, 'key.pem'));
  const sequence = await timed('sequence: leaves and nodes into the tree', async () => {
    let after: LogPosition = START;
    for (let page = 0; ; page++) {
      const events = await store.readAll({ after, limit: PAGE });
      if (events.length === 0) break;
      tree.append(events.map((e) => ({ position: e.position, eventId: e.id, hash: eventLeafHash(e) })));
      after = events[events.length - 1]!.position;
      if (page % 20 === 0) tree.saveHead(signer.sign(tree.size, tree.root(), new Date().toISOString()));
    }
    tree.saveHead(signer.sign(tree.size, tree.root(), new Date().toISOString()));
  });
  tree.close();
  const readonlyTree = new MerkleTreeStore({ file: join(dir, 'integrity.sqlite'), readonly: true });
  const verify = await timed('verify: every leaf, node and signed head', () => verifyLog({ store, tree: readonlyTree }));
  if (!verify.value.ok) throw new Error(`verify found a mismatch: ${JSON.stringify(verify.value.mismatch)}`);
  readonlyTree.close();
  const file = join(dir, 'log.ndjson');
  const exported = await timed('export: NDJSON with the hash chain', async () => {
    const out = createWriteStream(file);
    for await (const chunk of exportLines(store)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  });
  await store.close();
  const summary = {
    bench: 'integrity',
    events: EVENTS,
    fillPerSecond: fill.perSecond,
    rawReadPerSecond: raw.perSecond,
    sequencePerSecond: sequence.perSecond,
    verifyPerSecond: verify.perSecond,
    exportPerSecond: exported.perSecond,
    verifySeconds: Number(verify.seconds.toFixed(1)),
    exportSeconds: Number(exported.seconds.toFixed(1)),
    headsChecked: verify.value.headsChecked,
    storeMb: Math.round(statSync(join(dir, 'events.sqlite')).size / 1e6),
    treeMb: Math.round(statSync(join(dir, 'integrity.sqlite')).size / 1e6),
    exportMb: Math.round(statSync(file).size / 1e6),
  };
  console.log(JSON.stringify(summary));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
