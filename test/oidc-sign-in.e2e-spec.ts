/**
 * Single sign-on end to end: the service's own routes (/auth/oidc/start, /auth/oidc/callback) against a real
 * OpenID provider (oidc-provider) started here on loopback, the browser played by fetch with a cookie jar.
 */
import { createServer } from 'node:net';
import { startTestProvider, TREATY_SCOPE, type TestProvider } from '../libs/identity/src/oidc/oidc-test-provider.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('single sign-on with OpenID Connect, through the service', () => {
  let provider: TestProvider;
  let app: TestApp;
  let url: string;
  const saved: Record<string, string | undefined> = {};

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(
      {
        'cuba-focal': { name: 'Focal point of Cuba', roles: ['treaty-member'], parties: ['CUB'] },
        'no-role': { name: 'Someone without a role' },
      },
      `${url}/auth/oidc/callback`,
    );
    const env = {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.confidential.clientId,
      OIDC_CLIENT_SECRET: provider.confidential.clientSecret,
      OIDC_REDIRECT_URI: `${url}/auth/oidc/callback`,
      OIDC_SCOPES: `openid profile email ${TREATY_SCOPE}`,
      OIDC_ROLE_MAP: JSON.stringify({ 'treaty-member': 'member-state' }),
    };
    for (const key of Object.keys(env)) saved[key] = process.env[key];
    app = await startTestApp({ env, port });
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await provider.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  /** Start at the service, sign in at the provider, come back to the callback with the service's cookie. */
  const signIn = async (accountId: string) => {
    const start = await fetch(`${url}/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
    const back = await provider.signIn(start.headers.get('location')!, accountId);
    expect(back.startsWith(`${url}/auth/oidc/callback?`)).toBe(true);
    const callback = await fetch(back, { headers: { cookie }, redirect: 'manual' });
    const signedInCookie = callback.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return { callback, cookie: signedInCookie };
  };

  it('signs a member state in, opens its account from the claims, and lets it act for its own party only', async () => {
    const { callback, cookie } = await signIn('cuba-focal');
    expect(callback.status).toBe(302);
    const session = (await (await fetch(`${url}/auth/session`, { headers: { cookie } })).json()) as { accountId: string; roles: string[]; parties: string[]; csrfToken: string };
    expect(session).toMatchObject({ roles: ['member-state'], parties: ['CUB'] });
    expect(session.accountId).toMatch(/^oidc\./);
    const history = (await api(app.url).get(`/api/admin/accounts/${session.accountId}/history`)).body;
    expect(history.events.map((e: { type: string; data: { source?: string } }) => [e.type, e.data.source])).toEqual([['AccountOpened.v1', 'oidc']]);
    // The session writes with its CSRF token; another party's act is refused.
    const refused = await fetch(`${url}/api/instruments/5a1c3e9e-0000-4000-8000-000000000001/parties/KNA/signature`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ signedOn: '2019-05-22', signatory: { name: 'x', title: 'y' } }),
    });
    expect(refused.status).toBe(403);
  });

  it('refuses a person the provider grants no role, and a callback with no sign-in under way', async () => {
    const { callback } = await signIn('no-role');
    expect(callback.status).toBe(401);
    expect(((await callback.json()) as { code: string }).code).toBe('SIGN_IN_REFUSED');
    const stray = await fetch(`${url}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    expect(stray.status).toBe(400);
  });
});
