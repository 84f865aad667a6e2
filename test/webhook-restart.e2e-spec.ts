import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildService, killHard, ROOT, startBuilt, tokenFor, type Running } from './support/built-service.js';
import { api } from './support/test-app.js';

/**
 * The built service, a webhook receiver that fails the first three deliveries, and a SIGKILL of the service
 * right after the third failure: after the restart, every event is still delivered, and the receiver (which
 * de-duplicates by webhook-id, as the convention asks) processes each exactly once. Then `npm run verify`'s
 * script, on the data the killed service left, finds the log and its tree in agreement.
 */
const ADMIN = { username: 'hook.admin', password: 'a-long-password-for-the-webhook-test' };

describe('webhook deliveries across a crash of the service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'treaty-tracker-webhooks-'));
  let running: Running | null = null;
  const env = { DATA_DIR: dataDir, INITIAL_ADMIN_USERNAME: ADMIN.username, INITIAL_ADMIN_PASSWORD: ADMIN.password, DELIVERY_RETRY_BASE_MS: '200' };

  beforeAll(() => buildService(), 120_000);
  afterAll(async () => {
    if (running) await killHard(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every event exactly once to a receiver that failed the first three, with a kill -9 in between', async () => {
    let secret = '';
    let requests = 0;
    const processed = new Map<string, number>();
    let duplicates = 0;
    let killed: Promise<void> | null = null;
    // Requests wait until the writes are done, so that the kill finds every write acknowledged.
    let held: (() => void)[] | null = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (c: Buffer) => (body += c.toString()));
      request.on('end', () => (held ? held.push(answer) : answer()));
      const answer = () => {
        requests += 1;
        if (requests <= 3) {
          response.writeHead(503).end();
          if (requests === 3 && running) killed = killHard(running); // the service dies with deliveries pending
          return;
        }
        const id = String(request.headers['webhook-id']);
        const timestamp = String(request.headers['webhook-timestamp']);
        const mac = createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${id}.${timestamp}.${body}`).digest('base64');
        if (request.headers['webhook-signature'] !== `v1,${mac}`) return response.writeHead(401).end();
        if (processed.has(id)) duplicates += 1;
        else processed.set(id, JSON.parse(body).position);
        response.writeHead(200).end();
      };
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      running = await startBuilt(env);
      let client = api(running.url, { token: await tokenFor(running.url, ADMIN.username, ADMIN.password) });
      const registered = await client.post('/api/admin/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, eventTypes: ['PartyRegistered.v1'] });
      expect(registered.status).toBe(201);
      secret = registered.body.secret;
      const written: string[] = [];
      const register = async (code: string) => {
        const answer = await client.post('/api/parties', { code, name: `Party ${code}`, kind: 'state' });
        expect(answer.status).toBe(201);
        written.push(answer.body.eventIds[0]);
      };
      for (const code of ['AAA', 'BBB', 'CCC', 'DDD', 'EEE']) await register(code);
      const waiting = held!;
      held = null;
      for (const answer of waiting) answer();
      const deadline = Date.now() + 10_000;
      while (!killed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(killed).not.toBeNull();
      await killed;
      expect(processed.size).toBeLessThan(written.length); // some were still pending when it died

      running = await startBuilt(env);
      client = api(running.url, { token: await tokenFor(running.url, ADMIN.username, ADMIN.password) });
      for (const code of ['FFF', 'GGG', 'HHH']) await register(code);
      const until = Date.now() + 15_000;
      while (processed.size < written.length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect([...processed.keys()].sort()).toEqual([...written].sort());
      expect(requests).toBe(3 + written.length + duplicates);

      const log = (await client.get(`/api/admin/webhooks/${registered.body.id}/deliveries`)).body as { eventId: string; status: string; attempts: number }[];
      expect(log.map((d) => d.eventId).sort()).toEqual([...written].sort());
      expect(log.every((d) => d.status === 'delivered')).toBe(true);
      // attempts the killed process was making when it died are not in its log; every other one is
      const attempts = log.reduce((sum, d) => sum + d.attempts, 0);
      expect(attempts).toBeGreaterThanOrEqual(written.length);
      expect(attempts).toBeLessThanOrEqual(requests);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
    await killHard(running!);
    running = null;
    const verify = spawnSync(process.execPath, ['dist/apps/api/src/integrity/verify.cli.js'], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, EVENT_STORE: 'embedded' } });
    expect([verify.status, verify.stdout]).toEqual([0, expect.stringMatching(/^OK: \d+ events match their leaves/m)]);
  }, 90_000);
});
