/**
 * OpenID Connect sign-in, configured from the environment. No Nest here, so scripts and tests can use it.
 * Anything unexpected fails at start-up with a sentence that names the variable to fix.
 */

import { ConfigurationError, environment, type ConfigKey, type ConfigurationValues, type Env } from '#libs/config';
import { PARTY_CODE_PATTERN } from '#libs/entry-into-force';
import { ROLES, type Role } from '../roles.js';

/** The service's roles, as an identity provider may grant them (declared once, in roles.ts). */
export const OIDC_ROLES = ROLES;
export type OidcRole = Role;

/** A party code as the register knows it (`CUB`, `BHS`, `WCO`). */
export const PARTY_CODE = PARTY_CODE_PATTERN;

export interface OidcConfig {
  readonly issuer: URL;
  readonly clientId: string;
  /** Absent: a public client, protected by PKCE alone. */
  readonly clientSecret: string | null;
  readonly redirectUri: URL;
  readonly scopes: readonly string[];
  readonly rolesClaim: string;
  readonly partiesClaim: string;
  /** Claim value → role. Values that are already role names map to themselves without an entry. */
  readonly roleMap: ReadonlyMap<string, OidcRole>;
  /** Given when no claim maps to a role; null refuses such a user. */
  readonly defaultRole: OidcRole | null;
}

export class OidcConfigError extends Error {
  override readonly name = 'OidcConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

export const isOidcRole = (value: string): value is OidcRole => (OIDC_ROLES as readonly string[]).includes(value);

/** OIDC_ISSUER absent or empty: sign-in by OpenID Connect is off, and null is returned. */
export function oidcConfigFromEnv(env: Env = process.env): OidcConfig | null {
  const config = environment(env);
  // The schema's refusals are this reader's too, so callers see one kind of error naming the variable.
  const read = <K extends ConfigKey & `OIDC_${string}`>(name: K): ConfigurationValues[K] => {
    try {
      return config.get(name);
    } catch (error) {
      if (error instanceof ConfigurationError) throw new OidcConfigError(name, error.problems[0]!.detail);
      throw error;
    }
  };
  const issuerText = read('OIDC_ISSUER');
  if (!issuerText) return null;

  const issuer = parseUrl('OIDC_ISSUER', issuerText);
  if (issuer.search || issuer.hash) throw new OidcConfigError('OIDC_ISSUER', 'an issuer has no query or fragment');

  const clientId = read('OIDC_CLIENT_ID');
  if (!clientId) throw new OidcConfigError('OIDC_CLIENT_ID', 'required when OIDC_ISSUER is set');

  const redirectText = read('OIDC_REDIRECT_URI');
  if (!redirectText) {
    throw new OidcConfigError('OIDC_REDIRECT_URI', 'required when OIDC_ISSUER is set, e.g. https://treaties.example.org/auth/oidc/callback');
  }
  const redirectUri = parseUrl('OIDC_REDIRECT_URI', redirectText);
  if (redirectUri.hash) throw new OidcConfigError('OIDC_REDIRECT_URI', 'a redirect URI has no fragment');

  const scopes = read('OIDC_SCOPES').split(/\s+/);
  // RFC 6749 §3.3 scope-token characters.
  const badScope = scopes.find((scope) => !/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(scope));
  if (badScope !== undefined) throw new OidcConfigError('OIDC_SCOPES', `"${badScope}" is not a valid scope`);
  if (!scopes.includes('openid')) throw new OidcConfigError('OIDC_SCOPES', 'must include "openid"');

  const defaultText = read('OIDC_DEFAULT_ROLE');
  if (defaultText !== undefined && !isOidcRole(defaultText)) {
    throw new OidcConfigError('OIDC_DEFAULT_ROLE', `"${defaultText}" is not a role (${OIDC_ROLES.join(', ')})`);
  }
  // Everyone the provider knows would administer the service.
  if (defaultText === 'admin') throw new OidcConfigError('OIDC_DEFAULT_ROLE', 'admin cannot be given by default');

  return {
    issuer,
    clientId,
    clientSecret: read('OIDC_CLIENT_SECRET') ?? null,
    redirectUri,
    scopes: [...new Set(scopes)],
    rolesClaim: read('OIDC_ROLES_CLAIM'),
    partiesClaim: read('OIDC_PARTIES_CLAIM'),
    roleMap: parseRoleMap(read('OIDC_ROLE_MAP')),
    defaultRole: defaultText ?? null,
  };
}

/** https, or plain http on loopback only (a provider on the same machine, as in tests). */
function parseUrl(variable: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new OidcConfigError(variable, `"${text}" is not a URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopback(url)) return url;
  throw new OidcConfigError(variable, `must be an https URL (plain http only on loopback), got "${text}"`);
}

export function isLoopback(url: URL): boolean {
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The schema has already checked that it is a JSON object. */
function parseRoleMap(parsed: Readonly<Record<string, unknown>>): ReadonlyMap<string, OidcRole> {
  const map = new Map<string, OidcRole>();
  // Object.entries reads own keys only, so a "__proto__" key is an ordinary claim value here.
  for (const [claimValue, role] of Object.entries(parsed)) {
    if (claimValue === '') throw new OidcConfigError('OIDC_ROLE_MAP', 'a claim value cannot be empty');
    if (typeof role !== 'string' || !isOidcRole(role)) {
      throw new OidcConfigError('OIDC_ROLE_MAP', `"${claimValue}" maps to ${JSON.stringify(role)}, which is not a role (${OIDC_ROLES.join(', ')})`);
    }
    map.set(claimValue, role);
  }
  return map;
}
