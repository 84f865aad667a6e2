/**
 * Durable single-event commands per second over HTTP on the embedded store, sequential and with 32 concurrent
 * clients, with group commit on and off. Each client works on its own instrument (a comment in an open review
 * round is one event), so the figure is the store's, not one stream's lock.
 *
 *   npm run bench:commands            (BENCH_SECONDS=5 by default)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 32;
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 300);

const TEXT = { preamble: 'Bench', articles: [{ number: '1', heading: 'One', body: 'Body' }] };
const post = async (url: string, body: unknown) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<{ id: string }>;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The service in its own process, as deployed, so the load generator does not share its event loop. */
const startServer = async (env: Record<string, string>) => {
  const port = await freePort();
  const main = join(dirname(fileURLToPath(import.meta.url)), '../apps/api/src/main.js');
  const child = spawn(process.execPath, [main], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: () => new Promise<void>((resolve) => child.once('exit', () => resolve()).kill('SIGTERM')),
  };
};

const run = async (groupCommit: boolean) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'treaty-bench-'));
  const server = await startServer({ DATA_DIR: dataDir, SQLITE_GROUP_COMMIT: String(groupCommit), DEMO_DATA: 'off' });
  const base = server.url;
  try {
    await post(`${base}/api/parties`, { code: 'NLD', name: 'Netherlands', kind: 'state' });
    const instruments: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const { id } = await post(`${base}/api/instruments`, { kind: 'treaty', title: `Bench ${i}`, eligibleParties: ['NLD'], text: TEXT });
      await post(`${base}/api/instruments/${id}/reviews`, { reviewers: ['Bench'] });
      instruments.push(id);
    }
    const comment = JSON.stringify({ author: 'Bench', text: 'A comment.' });

    const started = process.hrtime.bigint();
    for (let i = 0; i < SEQUENTIAL; i++) await post(`${base}/api/instruments/${instruments[0]}/reviews/comments`, JSON.parse(comment));
    const sequential = SEQUENTIAL / (Number(process.hrtime.bigint() - started) / 1e9);

    let next = 0;
    const result = await autocannon({
      url: base,
      connections: CLIENTS,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: comment,
          // Round-robin over the instruments: each connection mostly writes to a different stream.
          setupRequest: (request) => ({ ...request, path: `/api/instruments/${instruments[next++ % CLIENTS]}/reviews/comments` }),
        },
      ],
    });
    const ok = result['2xx'];
    if (result.non2xx > 0 || result.errors > 0) console.warn(`  ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    return { sequential, concurrent: ok / SECONDS, p50: result.latency.p50, p99: result.latency.p99 };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const main = async () => {
  console.log(`Durable single-event commands over HTTP (embedded SQLite, synchronous=FULL), ${SECONDS}s at ${CLIENTS} clients`);
  const on = await run(true);
  const off = await run(false);
  const row = (name: string, r: typeof on) =>
    `${name.padEnd(24)} ${r.sequential.toFixed(0).padStart(10)} ${r.concurrent.toFixed(0).padStart(14)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}`;
  console.log(`${'store'.padEnd(24)} ${'seq cmd/s'.padStart(10)} ${'32-client cmd/s'.padStart(14)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  console.log(row('group commit', on));
  console.log(row('commit per append', off));
  console.log(`ratio group/per-append at ${CLIENTS} clients: ${(on.concurrent / off.concurrent).toFixed(2)}x; sequential: ${(on.sequential / off.sequential).toFixed(2)}x`);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
