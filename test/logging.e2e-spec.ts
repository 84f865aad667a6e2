/**
 * One structured line per request (method, route, status, duration, principal, correlation id), the correlation
 * id answered to the client and carried by the events the request recorded; no secret in any line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startTestApp, type TestApp } from './support/test-app.js';

describe('request logs', () => {
  let app: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'treaty-tracker-logs-'));
  const file = join(dir, 'service.log');
  const PASSWORD = 'a password that must never be logged';

  beforeAll(async () => {
    app = await startTestApp({ env: { LOG_FILE: file, LOG_LEVEL: 'info', LOG_FORMAT: 'json' } });
  });
  afterAll(async () => {
    await app.close();
    delete process.env.LOG_FILE;
    delete process.env.LOG_FORMAT;
    rmSync(dir, { recursive: true, force: true });
  });

  const lines = () =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
  /** Lines are written asynchronously, just after the answer: the first that matches, once it is there. */
  const lineWith = async (matches: (line: Record<string, any>) => boolean): Promise<Record<string, any> | undefined> => {
    for (let waited = 0; ; waited += 20) {
      const found = lines().find(matches);
      if (found || waited >= 2_000) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('writes one line per request, whose correlation id the answer and the recorded event carry', async () => {
    const http = api(app.url);
    const created = await http.post('/api/parties', { code: 'ABW', name: 'Aruba', kind: 'territory' }, { 'X-Correlation-Id': 'walkthrough-42' });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-correlation-id')).toBe('walkthrough-42');
    const generated = await http.post('/api/parties', { code: 'CUW', name: 'Curaçao', kind: 'territory' });
    const id = generated.headers.get('x-correlation-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await http.post('/api/parties', { code: 'abw', name: 'x', kind: 'territory' });
    expect(refused.status).toBe(400);

    const line = (await lineWith((l) => l.correlationId === 'walkthrough-42'))!;
    expect(line).toMatchObject({ req: { method: 'POST', url: '/api/parties' }, res: { statusCode: 201 }, route: '/api/parties', principal: 'secretariat' });
    expect(line.responseTime).toEqual(expect.any(Number));
    expect(await lineWith((l) => l.correlationId === id)).toMatchObject({ res: { statusCode: 201 } });
    expect(await lineWith((l) => l.res?.statusCode === 400)).toMatchObject({ level: 40, route: '/api/parties' });
    // The request without an id of its own: its events carry the id its line and its answer do.
    const instrument = await http.post('/api/instruments', { kind: 'treaty', title: 'T', eligibleParties: ['ABW'] });
    const history = (await http.get(`/api/instruments/${instrument.body.id}/events`)).body.events as { metadata: { correlationId: string } }[];
    expect(history[0]!.metadata.correlationId).toBe(instrument.headers.get('x-correlation-id'));
    expect(await lineWith((l) => l.correlationId === instrument.headers.get('x-correlation-id') && l.route === '/api/instruments')).toBeDefined();
  });

  it('never writes a password, a token, a session cookie or a CSRF token', async () => {
    const http = api(app.url);
    expect((await http.post('/api/admin/accounts', { username: 'logged', displayName: 'Logged', roles: ['legal-officer'], password: PASSWORD })).status).toBe(201);
    const login = await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'logged', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const issued = (await (
      await fetch(`${app.url}/api/account/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify({ label: 'x' }) })
    ).json()) as { token: string; tokenId: string };
    const last = await fetch(`${app.url}/auth/session`, { headers: { authorization: `Bearer ${issued.token}` } });
    await lineWith((l) => l.correlationId === last.headers.get('x-correlation-id'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('/auth/login');
    for (const secret of [PASSWORD, issued.token, issued.token.slice(`tt_${issued.tokenId}_`.length), cookie.split('=')[1]!, csrfToken, app.token]) {
      expect(text.includes(secret)).toBe(false);
    }
    // Headers are not logged at all (the serializer keeps method and path only), and the redaction covers them anyway.
    expect(text).not.toMatch(/authorization|"cookie"|set-cookie/i);
  });
});
