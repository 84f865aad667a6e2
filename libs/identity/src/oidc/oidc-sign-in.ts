/**
 * Sign-in through an organisation's identity provider: the authorization code flow with PKCE, then the
 * person's roles and party codes read from the ID token and userinfo claims as configured.
 * openid-client checks state, nonce, issuer, the ID token's signature and PKCE; this class adds the age of
 * the pending sign-in and the mapping to the service's roles.
 */
import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { isLoopback, isOidcRole, PARTY_CODE, type OidcConfig, type OidcRole, OIDC_ROLES } from './oidc.config.js';

/** What the caller keeps in the browser's session between `start` and the callback, and then discards. */
export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** ISO timestamp: JSON-safe, so any session store can hold it. */
  readonly createdAt: string;
}

export interface ExternalIdentity {
  readonly issuer: string;
  readonly subject: string;
  /** Stable for one issuer and subject, usable as an account name: `[a-z0-9._-]`, at most 64 characters. */
  readonly username: string;
  readonly displayName: string;
  /** Null when absent or when the provider says it is not verified. */
  readonly email: string | null;
  /** Deduplicated, in the order of `OIDC_ROLES`; never empty. */
  readonly roles: readonly OidcRole[];
  /** The party codes the `member-state` role is bound to; empty without that role. */
  readonly parties: readonly string[];
}

export type OidcRefusalReason =
  | 'expired'
  | 'invalid-response'
  | 'provider-denied'
  | 'exchange-failed'
  | 'provider-unavailable'
  | 'no-role';

const MESSAGES: Record<OidcRefusalReason, string> = {
  expired: 'The sign-in took too long. Please sign in again.',
  'invalid-response': 'The sign-in could not be completed. Please sign in again.',
  'provider-denied': 'Your identity provider did not complete the sign-in.',
  'exchange-failed': 'The sign-in could not be completed. Please sign in again.',
  'provider-unavailable': 'The identity provider could not be reached. Please try again later.',
  'no-role': 'Your identity provider grants you no role in this service.',
};

/**
 * A sign-in that does not let the person in. The message is for the person; `reason` and `providerError`
 * (an OAuth error code such as `invalid_grant`, when the provider gave one) are for logs. Neither ever
 * carries a token or a code, and the library's error is not attached as a cause for the same reason.
 */
export class OidcSignInRefused extends Error {
  override readonly name = 'OidcSignInRefused';
  constructor(
    readonly reason: OidcRefusalReason,
    readonly providerError: string | null = null,
  ) {
    super(MESSAGES[reason]);
  }
}

/** How long the provider's round trip may take, from `start` to `finish`. */
export const PENDING_SIGN_IN_TTL_MS = 10 * 60 * 1000;

export interface OidcSignInOptions {
  /** The clock for the age of a pending sign-in; tests inject one. */
  readonly clock?: () => Date;
}

export class OidcSignIn {
  private constructor(
    private readonly config: OidcConfig,
    private readonly client: client.Configuration,
    private readonly clock: () => Date,
  ) {}

  /** Reads the provider's discovery document; fails if the provider cannot be reached or disagrees on its issuer. */
  static async discover(config: OidcConfig, options: OidcSignInOptions = {}): Promise<OidcSignIn> {
    const auth = config.clientSecret === null ? client.None() : client.ClientSecretBasic(config.clientSecret);
    let configuration: client.Configuration;
    try {
      configuration = await client.discovery(
        config.issuer,
        config.clientId,
        { redirect_uris: [config.redirectUri.href], response_types: ['code'] },
        auth,
        // Plain http is accepted for a provider on loopback only (the configuration refuses it elsewhere).
        { execute: isLoopback(config.issuer) ? [client.allowInsecureRequests] : [], timeout: 10 },
      );
    } catch (error) {
      // Said at start-up, where the operator fixes OIDC_ISSUER; discovery carries no secret.
      throw new Error(`OIDC_ISSUER: the OpenID provider at ${config.issuer.href} could not be discovered (${(error as Error).message})`, {
        cause: error,
      });
    }
    return new OidcSignIn(config, configuration, options.clock ?? (() => new Date()));
  }

  /** The provider's URL to send the browser to, and what to keep in its session until it comes back. */
  start(): { url: string; pending: PendingSignIn } {
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      createdAt: this.clock().toISOString(),
    };
    const url = client.buildAuthorizationUrl(this.client, {
      redirect_uri: this.config.redirectUri.href,
      response_type: 'code',
      scope: this.config.scopes.join(' '),
      state: pending.state,
      nonce: pending.nonce,
      // The S256 challenge, computed here because the library's calculatePKCECodeChallenge is async.
      code_challenge: s256(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /**
   * Completes the sign-in from the URL the provider redirected the browser to (absolute, or the path and
   * query as the request saw them). Refuses with `OidcSignInRefused`; the pending sign-in must not be used again.
   */
  async finish(callbackUrl: URL | string, pending: PendingSignIn): Promise<ExternalIdentity> {
    const createdAt = Date.parse(pending.createdAt);
    const age = this.clock().getTime() - createdAt;
    // A little room for clocks that differ between the instances of the service.
    if (Number.isNaN(createdAt) || age > PENDING_SIGN_IN_TTL_MS || age < -60_000) throw new OidcSignInRefused('expired');

    const claims = await this.exchange(callbackUrl, pending);
    return this.identityFrom(claims);
  }

  private async exchange(callbackUrl: URL | string, pending: PendingSignIn): Promise<Record<string, unknown>> {
    // The token request names the configured redirect URI, whatever host or proxy the callback came through.
    const received = new URL(callbackUrl, this.config.redirectUri);
    const current = new URL(this.config.redirectUri);
    current.search = received.search;
    try {
      const tokens = await client.authorizationCodeGrant(this.client, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcSignInRefused('invalid-response');
      const hasUserInfo = !!this.client.serverMetadata().userinfo_endpoint;
      const userInfo = hasUserInfo ? await client.fetchUserInfo(this.client, tokens.access_token, idClaims.sub) : {};
      // The signed ID token wins; userinfo fills what it leaves out (many providers put profile claims only there).
      return { ...userInfo, ...idClaims };
    } catch (error) {
      throw refusalFor(error);
    }
  }

  private identityFrom(claims: Record<string, unknown>): ExternalIdentity {
    const issuer = String(claims['iss']);
    const subject = String(claims['sub']);
    const parties = [...new Set(claimValues(claims, this.config.partiesClaim).map((code) => code.toUpperCase()))].filter((code) =>
      PARTY_CODE.test(code),
    );
    // A member state acts for the parties it is bound to; without one the role means nothing.
    const holds = (role: OidcRole) => role !== 'member-state' || parties.length > 0;
    const mapped = new Set<OidcRole>();
    for (const value of claimValues(claims, this.config.rolesClaim)) {
      const role = this.config.roleMap.get(value) ?? (isOidcRole(value) ? value : undefined);
      if (role && holds(role)) mapped.add(role);
    }
    const fallback = this.config.defaultRole;
    if (mapped.size === 0 && fallback && holds(fallback)) mapped.add(fallback);
    if (mapped.size === 0) throw new OidcSignInRefused('no-role');

    const roles = OIDC_ROLES.filter((role) => mapped.has(role));
    const email = typeof claims['email'] === 'string' && claims['email_verified'] !== false ? claims['email'] : null;
    return {
      issuer,
      subject,
      username: usernameFor(issuer, subject),
      displayName: displayNameFrom(claims) ?? email ?? subject,
      email,
      roles,
      parties: roles.includes('member-state') ? parties : [],
    };
  }
}

/**
 * `oidc.<8 hex of the issuer's hash>.<subject>`: the subject as it is when it is already lower-case
 * `[a-z0-9._-]` and short enough, else a readable part of it and a hash of the whole, so that two subjects
 * never share a name through case folding or truncation.
 */
export function usernameFor(issuer: string, subject: string): string {
  const prefix = `oidc.${hash(issuer).slice(0, 8)}.`;
  const room = 64 - prefix.length;
  if (/^[a-z0-9._-]+$/.test(subject) && subject.length <= room) return prefix + subject;
  const readable = subject
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, room - 11);
  return `${prefix}${readable}${readable ? '-' : ''}${hash(subject).slice(0, 10)}`;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/**
 * A claim's values: an array of strings, or one string separated by spaces or commas. A name not found as
 * such is read as a dotted path (`realm_access.roles`), so namespaced claim names with dots still work.
 */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  let value: unknown = claims[name];
  if (value === undefined && name.includes('.')) {
    value = name.split('.').reduce<unknown>((node, key) => (isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined), claims);
  }
  const values = Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return values.map((item) => item.trim()).filter(Boolean);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function displayNameFrom(claims: Record<string, unknown>): string | null {
  const text = (key: string) => (typeof claims[key] === 'string' && (claims[key] as string).trim()) || null;
  const given = [text('given_name'), text('family_name')].filter(Boolean).join(' ');
  return text('name') ?? (given || null) ?? text('preferred_username');
}

/** The library's errors, reduced to a reason and at most an OAuth error code. */
function refusalFor(error: unknown): OidcSignInRefused {
  if (error instanceof OidcSignInRefused) return error;
  if (error instanceof client.AuthorizationResponseError) return new OidcSignInRefused('provider-denied', oauthErrorCode(error.error));
  if (error instanceof client.ResponseBodyError) {
    return new OidcSignInRefused(error.status >= 500 ? 'provider-unavailable' : 'exchange-failed', oauthErrorCode(error.error));
  }
  if (error instanceof client.WWWAuthenticateChallengeError) return new OidcSignInRefused('exchange-failed');
  if (error instanceof client.ClientError && (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM')) {
    return new OidcSignInRefused('provider-unavailable');
  }
  if (isFetchFailure(error) || (error instanceof client.ClientError && isFetchFailure(error.cause))) {
    return new OidcSignInRefused('provider-unavailable');
  }
  return new OidcSignInRefused('invalid-response');
}

/**
 * fetch's own failure (connection refused, DNS): a TypeError without the library's argument codes. Known by
 * name, since it may come from another realm than ours, and then the library wraps it.
 */
const isFetchFailure = (error: unknown) => isRecord(error) && error['name'] === 'TypeError' && !('code' in error);

const oauthErrorCode = (code: unknown) => (typeof code === 'string' && /^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,64}$/.test(code) ? code : null);
