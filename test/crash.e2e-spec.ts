import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService, killHard as kill, ROOT, startBuilt, type Running } from './support/built-service.js';
import { api } from './support/test-app.js';

/**
 * The service as deployed (`npm start`: built, then node on dist) on the embedded store, killed with SIGKILL
 * while 16 clients write, then started again on the same data: every write it acknowledged is there, and no
 * stream has a revision gap. Three cycles.
 */

const CLIENTS = 16;
const WRITING_MS = 1_000;
const CYCLES = 3;

const ADMIN = { username: 'crash.admin', password: 'a-long-password-for-the-crash-test' };

const start = (dataDir: string, env: Record<string, string> = {}): Promise<Running> =>
  startBuilt({ DATA_DIR: dataDir, INITIAL_ADMIN_USERNAME: ADMIN.username, INITIAL_ADMIN_PASSWORD: ADMIN.password, ...env });

/** Signs in (session cookie and CSRF token), opens a writer account, and answers that account's API token. */
const writerToken = async (url: string): Promise<string> => {
  const signIn = async (username: string, password: string) => {
    const response = await fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return (path: string, body: unknown) =>
      fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
  };
  const asAdmin = await signIn(ADMIN.username, ADMIN.password);
  const writer = { username: 'crash.writer', password: 'another-long-password-for-writing' };
  expect((await asAdmin('/api/admin/accounts', { ...writer, displayName: 'Crash test writer', roles: ['legal-officer', 'depositary'] })).status).toBe(201);
  const asWriter = await signIn(writer.username, writer.password);
  const issued = await asWriter('/api/account/tokens', { label: 'crash test' });
  expect(issued.status).toBe(201);
  return ((await issued.json()) as { token: string }).token;
};

describe('a crash while writing (kill -9, then restart on the same data)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'treaty-tracker-crash-'));
  let running: Running | undefined;

  beforeAll(() => buildService(), 60_000);
  afterAll(async () => {
    if (running) await kill(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops on SIGTERM under load: in-flight writes finish, every acknowledged one is there, the checkpoint is the last applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-tracker-sigterm-'));
    try {
      // Request lines go to a file, written asynchronously: the exit flushes them, the last one included.
      const logFile = join(dir, 'service.log');
      const service = await start(dir, { LOG_FILE: logFile, LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
      const token = await writerToken(service.url);
      const http = api(service.url, { token });
      const acknowledged: string[] = [];
      let writing = true;
      const client = async (n: number) => {
        for (let i = 0; writing; i++) {
          const code = `T${String(n).padStart(2, '0')}${String(i).padStart(5, '0')}`;
          try {
            if ((await http.post('/api/parties', { code, name: `Party ${code}`, kind: 'state' }, { 'X-Correlation-Id': code })).status === 201) acknowledged.push(code);
          } catch {
            return; // refused once the service stopped accepting: not acknowledged
          }
        }
      };
      const writers = Array.from({ length: CLIENTS }, (_, n) => client(n));
      await new Promise((r) => setTimeout(r, 600));
      const exited = new Promise<number | null>((resolve) => service.child.once('exit', (code) => resolve(code)));
      service.child.kill('SIGTERM'); // under load: requests are in flight
      const code = await exited;
      writing = false;
      await Promise.all(writers);
      expect(code).toBe(0);
      const log = readFileSync(logFile, 'utf8');
      const stopped = /Stopped: log head (\d+), read models applied (\d+), checkpoint (\d+)\./.exec(log);
      expect(stopped).not.toBeNull();
      const [, head, applied, checkpoint] = stopped!.map(Number);
      expect(applied).toBe(head);
      expect(checkpoint).toBe(applied);
      // Read the store as it was left: every acknowledged registration, and nothing after the head reported.
      const db = new Database(join(dir, 'events.sqlite'), { readonly: true });
      const streams = new Set((db.prepare("SELECT stream FROM events WHERE stream LIKE 'party-T%'").all() as { stream: string }[]).map((r) => r.stream));
      const max = Number((db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number }).p);
      db.close();
      expect(acknowledged.length).toBeGreaterThan(20);
      expect(acknowledged.filter((c) => !streams.has(`party-${c}`))).toEqual([]);
      expect(max).toBe(head);
      // Every acknowledged write has its request line.
      const logged = new Set(log.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { correlationId?: string; res?: { statusCode: number } }).filter((l) => l.res?.statusCode === 201).map((l) => l.correlationId));
      expect(acknowledged.filter((c) => !logged.has(c))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('manages accounts from the command line: add, grant, token, list, disable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'treaty-tracker-users-'));
    const users = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/apps/api/src/identity/users.cli.js', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dir, EVENT_STORE: 'embedded', DEMO_DATA: 'off' },
      });
    try {
      const added = users('add', 'cub.focal', '--name', 'Focal point of Cuba', '--role', 'member-state', '--party', 'CUB', '--generate');
      expect([added.status, added.stdout]).toEqual([0, expect.stringContaining('Opened cub.focal (member-state for CUB)')]);
      expect(added.stdout).toMatch(/Password \(shown once\): \S{24}/);
      expect(users('grant', 'cub.focal', '--role', 'member-state', '--party', 'KNA').stdout).toContain('member-state for CUB, KNA');
      const token = users('token', 'cub.focal', '--label', 'script', '--days', '7');
      expect(token.stdout.trim().split('\n').at(-1)).toMatch(/^tt_[0-9a-f]{32}_/);
      expect(users('list').stdout).toContain('cub.focal');
      expect(users('disable', 'cub.focal', '--reason', 'Left.').status).toBe(0);
      expect(users('list').stdout).toMatch(/cub\.focal\s+disabled/);
      expect(users('add', 'x', '--role', 'king').status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses to listen beyond loopback while nobody can administer it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'treaty-tracker-open-door-'));
    try {
      // It stops before binding: no socket is opened on the address.
      const run = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: empty, EVENT_STORE: 'embedded', DEMO_DATA: 'off', HOST: '0.0.0.0', PORT: '0', INITIAL_ADMIN_USERNAME: '', INITIAL_ADMIN_PASSWORD: '', OIDC_ISSUER: '' },
      });
      expect(run.status).toBe(1);
      expect(`${run.stdout}${run.stderr}`).toContain('HOST=0.0.0.0 would open the service to the network with nobody to administer it');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 40_000);

  it('refuses to start on a misspelt variable or a bad value, naming each, before it loads anything else', () => {
    const empty = mkdtempSync(join(tmpdir(), 'treaty-tracker-config-'));
    try {
      const run = spawnSync(process.execPath, ['dist/apps/api/src/main.js'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: empty, DEMO_DATA: 'off', PORT: '0', EVENTSTORE_CONECTION_STRING: 'esdb://localhost:2113', SESSION_TTL_HOURS: 'forever' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Unknown variable EVENTSTORE_CONECTION_STRING — did you mean EVENTSTORE_CONNECTION_STRING?');
      expect(run.stderr).toContain('SESSION_TTL_HOURS must be a number of hours greater than 0 and at most 720 (got "forever").');
      // Stopped before Nest started: nothing was logged and nothing written to the data directory.
      expect(run.stdout).toBe('');
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 40_000);

  it('keeps every acknowledged write, with no revision gap, over three cycles', async () => {
    running = await start(dataDir);
    // As a client would: sign in as the first administrator, open the writers' account, and take its token.
    const token = await writerToken(running.url);
    let http = api(running.url, { token });
    expect((await http.post('/api/parties', { code: 'CRASH', name: 'Crash test party', kind: 'state' })).status).toBe(201);
    const created = await http.post('/api/instruments', { kind: 'treaty', title: 'Written through crashes', eligibleParties: ['CRASH'] });
    expect(created.status).toBe(201);
    const instrument = created.body.id as string;

    const parties = new Set<string>(['CRASH']);
    const drafts = new Map<string, number>(); // event id → revision it was acknowledged at
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const until = Date.now() + WRITING_MS;
      // Half the clients register parties (a new stream each), half record drafts on one instrument (one stream).
      const client = async (n: number) => {
        for (let i = 0; Date.now() < until; i++) {
          try {
            if (n % 2 === 0) {
              const code = `P${cycle}${String(n).padStart(2, '0')}${String(i).padStart(5, '0')}`;
              const response = await http.post('/api/parties', { code, name: `Party ${code}`, kind: 'state' });
              if (response.status === 201) parties.add(code);
            } else {
              const response = await http.post(`/api/instruments/${instrument}/drafts`, { text: { preamble: `Cycle ${cycle}, client ${n}, draft ${i}`, articles: [] }, summary: 's' });
              if (response.status === 201) drafts.set(response.body.eventIds[0], response.body.revision);
            }
          } catch {
            return; // the service is gone: this write was not acknowledged
          }
        }
      };
      const writers = Array.from({ length: CLIENTS }, (_, n) => client(n));
      await new Promise((r) => setTimeout(r, WRITING_MS * 0.8));
      await kill(running); // mid-write: some requests are in flight
      await Promise.all(writers);

      running = await start(dataDir);
      http = api(running.url, { token });
      const events = (await http.get(`/api/instruments/${instrument}/events`)).body.events as { id: string; revision: number }[];
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      const recorded = new Map(events.map((e) => [e.id, e.revision]));
      const lostDrafts = [...drafts].filter(([id, revision]) => recorded.get(id) !== revision);
      expect(lostDrafts).toEqual([]);
      const lostParties: string[] = [];
      for (const code of parties) {
        const party = await http.get(`/api/parties/${code}`);
        if (party.status !== 200 || party.headers.get('etag') !== '"0"') lostParties.push(code);
      }
      expect(lostParties).toEqual([]);
    }
    console.log(`crash test: ${CYCLES} kill -9 cycles, ${parties.size} party registrations and ${drafts.size} drafts acknowledged, all there after restart`);
    expect(parties.size).toBeGreaterThan(CYCLES * 10);
    expect(drafts.size).toBeGreaterThan(CYCLES * 10);
  }, 60_000);
});
