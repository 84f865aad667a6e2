/**
 * A real OpenID provider (oidc-provider) on loopback for the sign-in specs, with its built-in login and
 * consent pages, and a browser of sorts that goes through them: fetch, a cookie jar, redirects by hand.
 * Test-only: oidc-provider is a development dependency.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestAccount {
  readonly name?: string;
  readonly email?: string;
  readonly roles?: readonly string[] | string;
  readonly parties?: readonly string[] | string;
  /** Claims in other shapes, as some providers nest them (`realm_access: { roles }`). */
  readonly realm_access?: { readonly roles: readonly string[] };
}

export interface TestProvider {
  readonly issuer: string;
  readonly redirectUri: string;
  /** A confidential client (client_secret_basic) and a public one (none); PKCE is required of both. */
  readonly confidential: { readonly clientId: string; readonly clientSecret: string };
  readonly public: { readonly clientId: string };
  /** Signs `accountId` in from the authorization URL and answers the URL the browser is sent back to. */
  signIn(authorizationUrl: string, accountId: string): Promise<string>;
  close(): Promise<void>;
}

/** The scope that carries the service's claims, as an organisation's provider might name it. */
export const TREATY_SCOPE = 'treaty';

export async function startTestProvider(accounts: Readonly<Record<string, TestAccount>>, redirectUri: string): Promise<TestProvider> {
  const restoreConsole = quietProvider();
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const confidential = { clientId: 'treaty-tracker', clientSecret: randomBytes(24).toString('base64url') };
  const publicClient = { clientId: 'treaty-tracker-public' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: confidential.clientId,
        client_secret: confidential.clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      { client_id: publicClient.clientId, redirect_uris: [redirectUri], token_endpoint_auth_method: 'none' },
    ],
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', TREATY_SCOPE],
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'], [TREATY_SCOPE]: ['roles', 'parties', 'realm_access'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    async findAccount(_ctx, id) {
      const account = accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            name: account.name,
            email: account.email,
            email_verified: account.email ? true : undefined,
            roles: account.roles,
            parties: account.parties,
            realm_access: account.realm_access,
          };
        },
      };
    },
  });
  server.on('request', provider.callback());

  return {
    issuer,
    redirectUri,
    confidential,
    public: publicClient,
    signIn: (url, accountId) => signInThroughPages(url, accountId, redirectUri),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      restoreConsole();
    },
  };
}

/**
 * Authorization URL → login page → consent page → the client's redirect URI, as a browser would go:
 * each page's form is read from its HTML and posted with the cookies the provider set.
 */
async function signInThroughPages(authorizationUrl: string, accountId: string, redirectUri: string): Promise<string> {
  const jar = new Map<string, string>();
  let request: { url: string; body?: URLSearchParams } = { url: authorizationUrl };
  for (let step = 0; step < 12; step++) {
    const response = await fetch(request.url, {
      method: request.body ? 'POST' : 'GET',
      body: request.body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    keepCookies(jar, response.headers.getSetCookie());
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, request.url).href;
      if (next.startsWith(`${redirectUri}?`)) return next;
      request = { url: next };
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${html.slice(0, 300)}`);
    request = formOf(html, request.url, accountId);
  }
  throw new Error('the provider never sent the browser back to the client');
}

/** The page's form, filled in: the login page asks for any login (the account id) and any password. */
function formOf(html: string, pageUrl: string, accountId: string): { url: string; body: URLSearchParams } {
  const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html)?.[1];
  if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 300)}`);
  const body = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) body.set(name, value);
  if (/name="login"/.test(html)) {
    body.set('login', accountId);
    body.set('password', 'any');
  }
  return { url: new URL(action.replaceAll('&amp;', '&'), pageUrl).href, body };
}

function keepCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair, ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
    if (expired) jar.delete(name);
    else jar.set(name, value);
  }
}

/** The provider warns at start about its development defaults (interactions, keys, memory store, runtime). */
function quietProvider(): () => void {
  const { warn, info } = console;
  const quiet =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider ')) return;
      original.apply(console, args);
    };
  console.warn = quiet(warn);
  console.info = quiet(info);
  return () => {
    console.warn = warn;
    console.info = info;
  };
}
