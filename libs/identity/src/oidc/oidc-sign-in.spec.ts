/**
 * Sign-in against a real OpenID provider on loopback: its own login and consent pages, tokens, userinfo.
 */
import { oidcConfigFromEnv, type OidcConfig } from './oidc.config.js';
import { OidcSignIn, OidcSignInRefused, usernameFor } from './oidc-sign-in.js';
import { startTestProvider, TREATY_SCOPE, type TestProvider } from './oidc-test-provider.js';

const REDIRECT_URI = 'http://127.0.0.1:3000/auth/oidc/callback';
const ROLE_MAP = '{"treaty-depositary":"depositary","cclec-legal":"legal-officer"}';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider(
    {
      'depositary-1': { name: 'Dana Depositary', email: 'dana@example.org', roles: ['depositary'] },
      'cuba-delegate': { name: 'Carmen Delegate', roles: 'member-state', parties: 'cub,C-U-B X' },
      'two-party-delegate': { roles: ['member-state', 'reviewer', 'member-state'], parties: ['bhs', 'BHS', 'CUB'] },
      'nested-1': { realm_access: { roles: ['treaty-depositary'] } },
      'legal-1': { roles: ['cclec-legal', 'treaty-depositary', 'kitchen-staff'], parties: ['CUB'] },
      'member-without-party': { roles: ['member-state'] },
      'no-role': { name: 'Nora Nobody', roles: ['kitchen-staff'] },
    },
    REDIRECT_URI,
  );
});
afterAll(() => provider?.close());

const configFor = (extra: Record<string, string> = {}): OidcConfig =>
  oidcConfigFromEnv({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.confidential.clientId,
    OIDC_CLIENT_SECRET: provider.confidential.clientSecret,
    OIDC_REDIRECT_URI: REDIRECT_URI,
    OIDC_SCOPES: `openid profile email ${TREATY_SCOPE}`,
    OIDC_ROLE_MAP: ROLE_MAP,
    ...extra,
  })!;

/** The whole round trip: start, the provider's pages, finish. */
async function signInAs(signIn: OidcSignIn, accountId: string) {
  const { url, pending } = signIn.start();
  return signIn.finish(await provider.signIn(url, accountId), pending);
}

async function refusal(promise: Promise<unknown>): Promise<OidcSignInRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OidcSignInRefused);
  return error as OidcSignInRefused;
}

describe('OidcSignIn against a real OpenID provider', () => {
  let signIn: OidcSignIn;
  beforeAll(async () => {
    signIn = await OidcSignIn.discover(configFor());
  });

  it('asks for the code flow with PKCE (S256), state and nonce, at the discovered authorization endpoint', () => {
    const { url, pending } = signIn.start();
    const params = new URL(url).searchParams;
    expect(url.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    expect(Object.fromEntries(params)).toMatchObject({
      response_type: 'code',
      client_id: provider.confidential.clientId,
      redirect_uri: REDIRECT_URI,
      scope: `openid profile email ${TREATY_SCOPE}`,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge_method: 'S256',
    });
    expect(params.get('code_challenge')).not.toBe(pending.codeVerifier);
    expect(signIn.start().pending.state).not.toBe(pending.state);
  });

  it('signs a depositary in with the depositary role and the profile from userinfo', async () => {
    const identity = await signInAs(signIn, 'depositary-1');
    expect(identity).toEqual({
      issuer: provider.issuer,
      subject: 'depositary-1',
      username: usernameFor(provider.issuer, 'depositary-1'),
      displayName: 'Dana Depositary',
      email: 'dana@example.org',
      roles: ['depositary'],
      parties: [],
    });
    expect(identity.username).toMatch(/^oidc\.[0-9a-f]{8}\.depositary-1$/);
  });

  it('binds a member state to its valid party codes, upper-cased', async () => {
    const identity = await signInAs(signIn, 'cuba-delegate');
    expect(identity.roles).toEqual(['member-state']);
    expect(identity.parties).toEqual(['CUB']);
    expect(identity.email).toBeNull();
  });

  it('reads the parties claim as an array too, and deduplicates roles and parties', async () => {
    const identity = await signInAs(signIn, 'two-party-delegate');
    expect(identity.roles).toEqual(['member-state', 'reviewer']);
    expect(identity.parties).toEqual(['BHS', 'CUB']);
  });

  it('reads a roles claim nested in another (OIDC_ROLES_CLAIM=realm_access.roles)', async () => {
    const nested = await OidcSignIn.discover(configFor({ OIDC_ROLES_CLAIM: 'realm_access.roles' }));
    expect((await signInAs(nested, 'nested-1')).roles).toEqual(['depositary']);
    expect((await refusal(signInAs(signIn, 'nested-1'))).reason).toBe('no-role');
  });

  it('maps claim values through OIDC_ROLE_MAP and ignores values it does not know', async () => {
    const identity = await signInAs(signIn, 'legal-1');
    expect(identity.roles).toEqual(['legal-officer', 'depositary']);
    expect(identity.parties).toEqual([]); // parties bind the member-state role only
    expect(identity.displayName).toBe('legal-1');
  });

  it('refuses a person the provider grants no role, in words a person understands', async () => {
    const refused = await refusal(signInAs(signIn, 'no-role'));
    expect(refused.reason).toBe('no-role');
    expect(refused.message).toBe('Your identity provider grants you no role in this service.');
  });

  it('does not grant the member-state role without a party code', async () => {
    expect((await refusal(signInAs(signIn, 'member-without-party'))).reason).toBe('no-role');
  });

  it('gives OIDC_DEFAULT_ROLE to a person no claim maps, and only to them', async () => {
    const withDefault = await OidcSignIn.discover(configFor({ OIDC_DEFAULT_ROLE: 'donor' }));
    expect((await signInAs(withDefault, 'no-role')).roles).toEqual(['donor']);
    expect((await signInAs(withDefault, 'depositary-1')).roles).toEqual(['depositary']);
    // A member-state claim without a party code maps to nothing, so the default applies.
    expect((await signInAs(withDefault, 'member-without-party')).roles).toEqual(['donor']);
  });

  it('refuses a callback whose state is not the pending sign-in’s', async () => {
    const first = signIn.start();
    const other = signIn.start();
    const callback = await provider.signIn(first.url, 'depositary-1');
    const refused = await refusal(signIn.finish(callback, other.pending));
    expect(refused.reason).toBe('invalid-response');
    expect(refused.message).toBe('The sign-in could not be completed. Please sign in again.');
    // The same callback with its own pending sign-in still goes through: the refusal was the state's.
    expect((await signIn.finish(callback, first.pending)).roles).toEqual(['depositary']);
  });

  it('refuses an ID token whose nonce is not the pending sign-in’s', async () => {
    const { url, pending } = signIn.start();
    const callback = await provider.signIn(url, 'depositary-1');
    const refused = await refusal(signIn.finish(callback, { ...pending, nonce: signIn.start().pending.nonce }));
    expect(refused.reason).toBe('invalid-response');
  });

  it('refuses a replayed code, and says nothing of the code or tokens', async () => {
    const { url, pending } = signIn.start();
    const callback = await provider.signIn(url, 'depositary-1');
    await signIn.finish(callback, pending);
    const refused = await refusal(signIn.finish(callback, pending));
    expect(refused).toMatchObject({ reason: 'exchange-failed', providerError: 'invalid_grant' });
    const code = new URL(callback).searchParams.get('code')!;
    expect(`${refused.message} ${JSON.stringify(refused)} ${String(refused.cause)}`).not.toContain(code);
  });

  it('refuses a code exchanged with another PKCE verifier (the provider checks it)', async () => {
    const { url, pending } = signIn.start();
    const callback = await provider.signIn(url, 'depositary-1');
    const refused = await refusal(signIn.finish(callback, { ...pending, codeVerifier: signIn.start().pending.codeVerifier }));
    expect(refused).toMatchObject({ reason: 'exchange-failed', providerError: 'invalid_grant' });
  });

  it('takes the callback as the path and query the request saw', async () => {
    const { url, pending } = signIn.start();
    const callback = new URL(await provider.signIn(url, 'cuba-delegate'));
    expect((await signIn.finish(callback.pathname + callback.search, pending)).parties).toEqual(['CUB']);
  });

  it('refuses a pending sign-in older than ten minutes, and accepts one just younger', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const clocked = await OidcSignIn.discover(configFor(), { clock: () => now });

    const young = clocked.start();
    const youngCallback = await provider.signIn(young.url, 'depositary-1');
    now = new Date('2026-12-01T09:09:59Z');
    expect((await clocked.finish(youngCallback, young.pending)).roles).toEqual(['depositary']);

    const old = clocked.start();
    expect(old.pending.createdAt).toBe('2026-12-01T09:09:59.000Z');
    const oldCallback = await provider.signIn(old.url, 'depositary-1');
    now = new Date('2026-12-01T09:20:00Z');
    const refused = await refusal(clocked.finish(oldCallback, old.pending));
    expect(refused.reason).toBe('expired');
    expect(refused.message).toBe('The sign-in took too long. Please sign in again.');
  });

  it('signs in as a public client (no secret) with PKCE alone', async () => {
    const publicSignIn = await OidcSignIn.discover(configFor({ OIDC_CLIENT_ID: provider.public.clientId, OIDC_CLIENT_SECRET: '' }));
    expect((await signInAs(publicSignIn, 'depositary-1')).roles).toEqual(['depositary']);
  });

  it('refuses when the provider sends the person back with an error instead of a code', async () => {
    const { pending } = signIn.start();
    const refused = await refusal(signIn.finish(`${REDIRECT_URI}?error=access_denied&state=${pending.state}&iss=${encodeURIComponent(provider.issuer)}`, pending));
    expect(refused).toMatchObject({ reason: 'provider-denied', providerError: 'access_denied' });
  });
});

describe('OidcSignIn when the provider is away', () => {
  it('fails discovery with a sentence naming OIDC_ISSUER', async () => {
    const away = await startTestProvider({}, REDIRECT_URI);
    await away.close();
    await expect(OidcSignIn.discover(configFor({ OIDC_ISSUER: away.issuer }))).rejects.toThrow(
      `OIDC_ISSUER: the OpenID provider at ${away.issuer}/ could not be discovered`,
    );
  });

  it('refuses a sign-in the provider can no longer complete, as unavailable', async () => {
    const leaving = await startTestProvider({ 'depositary-1': { roles: ['depositary'] } }, REDIRECT_URI);
    const signIn = await OidcSignIn.discover(
      oidcConfigFromEnv({ OIDC_ISSUER: leaving.issuer, OIDC_CLIENT_ID: leaving.public.clientId, OIDC_REDIRECT_URI: REDIRECT_URI })!,
    );
    const { url, pending } = signIn.start();
    const callback = await leaving.signIn(url, 'depositary-1');
    await leaving.close();
    expect((await refusal(signIn.finish(callback, pending))).reason).toBe('provider-unavailable');
  });
});

describe('usernameFor', () => {
  const issuer = 'https://login.example.org/realms/cclec';

  it('is stable, and keeps a subject that is already a valid name', () => {
    expect(usernameFor(issuer, 'ana.lopez')).toBe(usernameFor(issuer, 'ana.lopez'));
    expect(usernameFor(issuer, 'ana.lopez')).toMatch(/^oidc\.[0-9a-f]{8}\.ana\.lopez$/);
    expect(usernameFor('https://other.example.org', 'ana.lopez')).not.toBe(usernameFor(issuer, 'ana.lopez'));
  });

  it('sanitises other subjects into [a-z0-9._-], at most 64 characters, without merging distinct subjects', () => {
    const names = ['Ana.Lopez', 'ana.lopez', 'Ana Lopez@CU', 'x'.repeat(300), `${'x'.repeat(300)}y`, '€€€'].map((s) => usernameFor(issuer, s));
    for (const name of names) expect(name).toMatch(/^[a-z0-9._-]{1,64}$/);
    expect(new Set(names).size).toBe(names.length);
  });
});
