/**
 * Pages benchmark: the time the service takes to answer the dashboard and the instrument page (today and "as at"
 * a past date) on the demonstration data, beside the API's status route, and the bytes each answer carries.
 * Requests are sequential over loopback to the built service in its own process, after a warm-up; the last line
 * is one JSON object with every figure (target: the pages under 50 ms at p50).
 *
 *   npm run bench:pages            (BENCH_REQUESTS=200 per route by default)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_INSTRUMENTS } from '../apps/api/src/demo/cclec-story.js';
import { demoInstrumentId } from '../apps/api/src/demo/demo-loader.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARM_UP = 20;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const measure = async (url: string) => {
  let bytes = 0;
  const once = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(url);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    bytes = body.length;
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) times.push(await once());
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), mean: round(times.reduce((a, b) => a + b, 0) / times.length), bytes };
};

const main = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'treaty-bench-pages-'));
  const port = await freePort();
  const entry = join(dirname(fileURLToPath(import.meta.url)), '../apps/api/src/main.js');
  const child = spawn(process.execPath, [entry], { env: { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'auto', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${base}/health/ready`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const treaty = demoInstrumentId(DEMO_INSTRUMENTS.treaty);
    const routes = {
      'GET /api/instruments/:id/status': `/api/instruments/${treaty}/status`,
      'GET / (dashboard)': '/',
      'GET /instruments/:id': `/instruments/${treaty}`,
      'GET /?asOf=2019-12-31': '/?asOf=2019-12-31',
      'GET /instruments/:id?asOf=2019-12-31': `/instruments/${treaty}?asOf=2019-12-31`,
    };
    const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
    console.log(`${'route'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'mean ms'.padStart(8)} ${'bytes'.padStart(9)}`);
    for (const [name, path] of Object.entries(routes)) {
      const r = (results[name] = await measure(base + path));
      console.log(`${name.padEnd(40)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.mean).padStart(8)} ${String(r.bytes).padStart(9)}`);
    }
    const pagesUnderTarget = ['GET / (dashboard)', 'GET /instruments/:id'].every((name) => results[name]!.p50 < 50);
    console.log(JSON.stringify({ bench: 'pages', requests: REQUESTS, targetMs: 50, pagesUnderTarget, results }));
  } finally {
    await new Promise<void>((resolve) => child.once('exit', () => resolve()).kill('SIGTERM'));
    rmSync(dataDir, { recursive: true, force: true });
  }
};

await main();
