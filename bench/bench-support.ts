/** What the benches share: free ports, the service and the bare baseline as child processes, memory figures. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Resident memory of a process (Linux), in MB. */
export const rssOf = (pid: number): number | null => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null;
  } catch {
    return null;
  }
};

export interface Child {
  readonly url: string;
  readonly process: ChildProcess;
  /** From spawn to the first 200 on the ready path, in seconds. */
  readonly startSeconds: number;
  stop(): Promise<void>;
}

const start = async (script: string, env: Record<string, string>, readyPath: string, args: string[] = []): Promise<Child> => {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...args, script], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const startSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    url,
    process: child,
    startSeconds,
    stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve()).kill('SIGTERM'))),
  };
};

/** The service as deployed (dist, NODE_ENV=production as in the Dockerfile: JSON logs), in its own process. */
export const startService = (env: Record<string, string>, args: string[] = []) =>
  // BENCH_SERVICE_ARGS: extra node flags for the service, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it under load.
  start(join(here, '../apps/api/src/main.js'), { NODE_ENV: 'production', DEMO_DATA: 'off', EVENT_STORE: 'embedded', READ_MODEL_STORE: 'embedded', ...env }, '/health', [
    ...args,
    ...(process.env['BENCH_SERVICE_ARGS']?.split(' ').filter(Boolean) ?? []),
  ]);

/** The bare Nest baseline (bare-nest.server.ts). */
export const startBare = (env: { BARE_STATUS_FILE?: string; BARE_EVENTS_FILE?: string }) =>
  start(join(here, 'bare-nest.server.js'), Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as Record<string, string>, '/bare/status');

export interface Load {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
}

export const load = async (options: autocannon.Options): Promise<Load> => {
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) console.warn(`  ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: Math.round(result['2xx'] / ((options.duration as number) ?? 10)), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
};

export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/** Opens an account with these roles in DATA_DIR (the users command, service stopped) and answers an API token. */
export const benchToken = (dataDir: string, roles: readonly string[] = ['legal-officer', 'depositary', 'admin']): string => {
  const cli = join(here, '../apps/api/src/identity/users.cli.js');
  const env = { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'off' };
  execFileSync(process.execPath, [cli, 'add', 'bench', '--name', 'Bench', ...roles.flatMap((r) => ['--role', r]), '--generate'], { env, stdio: 'pipe' });
  const out = execFileSync(process.execPath, [cli, 'token', 'bench', '--label', 'bench'], { env, stdio: 'pipe' }).toString().trim().split('\n');
  return out[out.length - 1]!.trim();
};
