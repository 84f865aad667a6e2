/**
 * Signing in as a browser does (session cookie, CSRF token), API tokens, throttling, and what disabling an
 * account or changing its roles does to its sessions and tokens: at once.
 */
import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { api, startTestApp, type TestApp } from './support/test-app.js';

const PASSWORD = 'correct horse battery staple';

describe('identity: sessions, tokens, throttling', () => {
  let app: TestApp;
  const admin = () => api(app.url);

  beforeAll(async () => {
    app = await startTestApp();
    for (const [username, roles, parties] of [
      ['officer', ['legal-officer'], []],
      ['cuba', ['member-state'], ['CUB']],
      ['victim', ['donor'], []],
    ] as const) {
      expect((await admin().post('/api/admin/accounts', { username, displayName: `Test ${username}`, roles, parties, password: PASSWORD })).status).toBe(201);
    }
  });
  afterAll(() => app.close());

  /** A browser: the cookie it was given, and the CSRF token the sign-in answered. */
  const signIn = async (username: string, password = PASSWORD) => {
    const response = await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = (await response.json()) as any;
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    return { response, body, cookie, setCookie: response.headers.get('set-cookie') ?? '' };
  };
  const asBrowser = (cookie: string, csrf?: string) => ({
    get: (path: string) => fetch(app.url + path, { headers: { cookie } }),
    post: (path: string, body: unknown) =>
      fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) }, body: JSON.stringify(body) }),
  });

  it('signs in with a session cookie (HttpOnly, SameSite), rotated at each sign-in, and requires its CSRF token on writes', async () => {
    const first = await signIn('officer');
    expect(first.response.status).toBe(200);
    expect(first.body).toMatchObject({ accountId: 'officer', roles: ['legal-officer'], via: 'session', csrfToken: expect.any(String) });
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    const second = await signIn('officer');
    expect(second.cookie).not.toBe(first.cookie);

    const browser = asBrowser(second.cookie, second.body.csrfToken);
    expect(((await (await browser.get('/auth/session')).json()) as any).accountId).toBe('officer');
    const party = { code: 'SXM', name: 'Sint Maarten', kind: 'territory' };
    const withoutToken = await asBrowser(second.cookie).post('/api/parties', party);
    expect(withoutToken.status).toBe(403);
    expect(((await withoutToken.json()) as any).code).toBe('CSRF_TOKEN_INVALID');
    expect((await browser.post('/api/parties', party)).status).toBe(201);

    expect((await browser.post('/auth/logout', {})).status).toBe(204);
    expect((await browser.get('/auth/session')).status).toBe(401);
  });

  it('reads the session on an API request that sends its cookie (among others too), and none on one that does not', async () => {
    const { cookie, body } = await signIn('officer');
    const issued = await asBrowser(`theme=dark; ${cookie}`, body.csrfToken).post('/api/account/tokens', { label: 'from the browser' });
    expect(issued.status).toBe(201);
    const without = await asBrowser('theme=dark', body.csrfToken).post('/api/account/tokens', { label: 'no session' });
    expect(without.status).toBe(401);
    expect(without.headers.get('set-cookie')).toBeNull();
    const read = await fetch(`${app.url}/api/parties`);
    expect(read.status).toBe(200);
    expect(read.headers.get('set-cookie')).toBeNull();
    expect((await asBrowser(cookie, body.csrfToken).post('/auth/logout', {})).status).toBe(204);
    expect((await asBrowser(cookie, body.csrfToken).post('/api/account/tokens', { label: 'after sign-out' })).status).toBe(401);
  });

  it('answers a wrong password and an unknown account alike, and throttles with 429 and Retry-After', async () => {
    const wrong = await signIn('cuba', 'not the password');
    const unknown = await signIn('nobody.here', 'not the password');
    expect([wrong.response.status, unknown.response.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
    for (let i = 0; i < 4; i++) await signIn('cuba', 'still wrong');
    const throttled = await signIn('cuba', PASSWORD);
    expect(throttled.response.status).toBe(429);
    expect(Number(throttled.response.headers.get('retry-after'))).toBeGreaterThan(0);
    const audit = (await admin().get('/api/admin/audit?username=cuba')).body as { kind: string }[];
    expect(audit.map((a) => a.kind)).toEqual(expect.arrayContaining(['sign-in-failed', 'throttled']));
  });

  it('issues a token shown once, with a subset of roles, and revokes it', async () => {
    const officer = await signIn('officer');
    const browser = asBrowser(officer.cookie, officer.body.csrfToken);
    const issued = (await (await browser.post("/api/account/tokens", { label: "script", expiresInDays: 7 })).json()) as any;
    expect(issued).toMatchObject({ tokenId: expect.any(String), token: expect.stringMatching(/^tt_/), roles: ['legal-officer'] });
    const script = api(app.url, { token: issued.token });
    expect((await script.get('/auth/session')).body).toMatchObject({ accountId: 'officer', via: 'token' });
    const tooWide = await browser.post('/api/account/tokens', { label: 'x', roles: ['admin'] });
    expect(tooWide.status).toBe(400);
    // The account's history shows the token, never its secret.
    const history = JSON.stringify((await admin().get('/api/admin/accounts/officer/history')).body);
    expect(history).toContain(issued.tokenId);
    // The secret is base64url and may itself contain '_': take everything after `tt_<tokenId>_`.
    const secret = issued.token.slice(`tt_${issued.tokenId}_`.length);
    expect(secret).toHaveLength(43);
    expect(history).not.toContain(secret);
    expect((await browser.post(`/api/account/tokens/${issued.tokenId}/revocation`, {})).status).toBe(204);
    expect((await script.get('/auth/session')).status).toBe(401);
    expect((await script.get('/auth/session')).status).toBe(401);
  });

  it('answers a token with its account as it is now: a role revoked or granted counts from the next request', async () => {
    const officer = await signIn('officer');
    const issued = (await (await asBrowser(officer.cookie, officer.body.csrfToken).post('/api/account/tokens', { label: 'roles' })).json()) as any;
    const script = api(app.url, { token: issued.token });
    for (let i = 0; i < 3; i++) expect((await script.get('/auth/session')).body).toMatchObject({ roles: ['legal-officer'] });
    expect((await admin().post('/api/admin/accounts/officer/grants', { roles: ['reviewer'] })).status).toBe(200);
    // The token keeps the roles it was issued with, as long as the account holds them.
    expect((await script.get('/auth/session')).body).toMatchObject({ roles: ['legal-officer'] });
    expect((await admin().post('/api/admin/accounts/officer/revocations', { roles: ['legal-officer'] })).status).toBe(200);
    expect((await script.get('/auth/session')).status).toBe(401);
    expect((await admin().post('/api/admin/accounts/officer/grants', { roles: ['legal-officer'] })).status).toBe(200);
    expect((await script.get('/auth/session')).body).toMatchObject({ roles: ['legal-officer'] });
  });

  it('ends a disabled account’s sessions and tokens at once, and a role change its sessions', async () => {
    const victim = await signIn('victim');
    const browser = asBrowser(victim.cookie, victim.body.csrfToken);
    const token = ((await (await browser.post('/api/account/tokens', { label: 'reader' })).json()) as any).token as string;
    expect((await browser.get('/auth/session')).status).toBe(200);
    expect((await api(app.url, { token }).get('/auth/session')).status).toBe(200);
    expect((await admin().post('/api/admin/accounts/victim/grants', { roles: ['reviewer'] })).status).toBe(200);
    expect((await browser.get('/auth/session')).status).toBe(401); // the roles changed: sign in again
    const again = await signIn('victim');
    expect(again.body.roles).toEqual(['donor', 'reviewer']);
    expect((await admin().post('/api/admin/accounts/victim/disabling', { reason: 'Left.' })).status).toBe(200);
    expect((await asBrowser(again.cookie).get('/auth/session')).status).toBe(401);
    expect((await api(app.url, { token }).get('/auth/session')).status).toBe(401);
    expect((await signIn('victim')).response.status).toBe(401);
    const grants = (await admin().get('/api/admin/accounts/victim/history')).body.events.map((e: { type: string }) => e.type);
    expect(grants).toEqual(['AccountOpened.v1', 'ApiTokenIssued.v1', 'RolesGranted.v1', 'AccountDisabled.v1']);
  });

  it('keeps passwords, their hashes and token secrets out of the event log', async () => {
    const officer = await signIn('officer');
    const issued = (await (await asBrowser(officer.cookie, officer.body.csrfToken).post('/api/account/tokens', { label: 'scan' })).json()) as { token: string; tokenId: string };
    const log = JSON.stringify((await app.app.get<EventStore>(EVENT_STORE).readAll()).map(({ type, data, metadata }) => ({ type, data, metadata })));
    expect(log).toContain('ApiTokenIssued.v1');
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(issued.token.slice(`tt_${issued.tokenId}_`.length));
    expect(log).not.toMatch(/scrypt\$/);
  });

  it('refuses writes without credentials with 401, and sets security headers on every answer', async () => {
    const anonymous = api(app.url, { token: null });
    const write = await anonymous.post('/api/parties', { code: 'ABW', name: 'Aruba', kind: 'territory' });
    expect(write.status).toBe(401);
    expect(write.body.code).toBe('UNAUTHENTICATED');
    const read = await anonymous.get('/api/instruments');
    expect(read.status).toBe(200);
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(read.headers.get('x-frame-options')).toBeTruthy();
    expect(write.headers.get('content-security-policy')).toBeTruthy();
  });
});
