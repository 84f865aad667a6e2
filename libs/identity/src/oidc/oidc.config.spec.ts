import { OidcConfigError, oidcConfigFromEnv } from './oidc.config.js';

const minimal = {
  OIDC_ISSUER: 'https://login.example.org/realms/cclec',
  OIDC_CLIENT_ID: 'treaty-tracker',
  OIDC_REDIRECT_URI: 'https://treaties.example.org/auth/oidc/callback',
};

/** The variable a bad environment is refused for. */
function refusedVariable(env: Record<string, string>): string {
  try {
    oidcConfigFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(OidcConfigError);
    expect((error as Error).message.startsWith(`${(error as OidcConfigError).variable}: `)).toBe(true);
    return (error as OidcConfigError).variable;
  }
  throw new Error('the environment was accepted');
}

describe('oidcConfigFromEnv', () => {
  it('is off (null) without OIDC_ISSUER, or with an empty one', () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(oidcConfigFromEnv({ OIDC_ISSUER: '  ', OIDC_CLIENT_ID: 'x' })).toBeNull();
  });

  it('fills the defaults: the usual scopes, roles and parties claims, no secret, no default role', () => {
    const config = oidcConfigFromEnv(minimal)!;
    expect(config).toMatchObject({
      clientId: 'treaty-tracker',
      clientSecret: null,
      scopes: ['openid', 'profile', 'email'],
      rolesClaim: 'roles',
      partiesClaim: 'parties',
      defaultRole: null,
    });
    expect(config.issuer.href).toBe('https://login.example.org/realms/cclec');
    expect(config.redirectUri.href).toBe(minimal.OIDC_REDIRECT_URI);
    expect(config.roleMap.size).toBe(0);
  });

  it('reads every variable', () => {
    const config = oidcConfigFromEnv({
      ...minimal,
      OIDC_CLIENT_SECRET: 's3cret',
      OIDC_SCOPES: ' openid  groups ',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_PARTIES_CLAIM: 'party_codes',
      OIDC_ROLE_MAP: '{"treaty-depositary":"depositary","cclec-legal":"legal-officer","__proto__":"admin"}',
      OIDC_DEFAULT_ROLE: 'donor',
    })!;
    expect(config).toMatchObject({
      clientSecret: 's3cret',
      scopes: ['openid', 'groups'],
      rolesClaim: 'realm_access.roles',
      partiesClaim: 'party_codes',
      defaultRole: 'donor',
    });
    expect([...config.roleMap]).toEqual([
      ['treaty-depositary', 'depositary'],
      ['cclec-legal', 'legal-officer'],
      ['__proto__', 'admin'],
    ]);
  });

  it('accepts plain http on loopback only', () => {
    expect(oidcConfigFromEnv({ ...minimal, OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_REDIRECT_URI: 'http://localhost:3000/cb' })).not.toBeNull();
    expect(refusedVariable({ ...minimal, OIDC_ISSUER: 'http://login.example.org' })).toBe('OIDC_ISSUER');
    expect(refusedVariable({ ...minimal, OIDC_REDIRECT_URI: 'http://treaties.example.org/cb' })).toBe('OIDC_REDIRECT_URI');
  });

  it.each([
    [{ OIDC_ISSUER: 'login.example.org' }, 'OIDC_ISSUER'],
    [{ OIDC_ISSUER: 'https://login.example.org/?tenant=1' }, 'OIDC_ISSUER'],
    [{ OIDC_CLIENT_ID: '' }, 'OIDC_CLIENT_ID'],
    [{ OIDC_REDIRECT_URI: '' }, 'OIDC_REDIRECT_URI'],
    [{ OIDC_REDIRECT_URI: 'https://treaties.example.org/cb#x' }, 'OIDC_REDIRECT_URI'],
    [{ OIDC_SCOPES: 'profile email' }, 'OIDC_SCOPES'],
    [{ OIDC_SCOPES: 'openid "quoted"' }, 'OIDC_SCOPES'],
    [{ OIDC_ROLE_MAP: '{not json' }, 'OIDC_ROLE_MAP'],
    [{ OIDC_ROLE_MAP: '["depositary"]' }, 'OIDC_ROLE_MAP'],
    [{ OIDC_ROLE_MAP: '{"treaty-boss":"secretary-general"}' }, 'OIDC_ROLE_MAP'],
    [{ OIDC_ROLE_MAP: '{"treaty-depositary":1}' }, 'OIDC_ROLE_MAP'],
    [{ OIDC_DEFAULT_ROLE: 'guest' }, 'OIDC_DEFAULT_ROLE'],
    [{ OIDC_DEFAULT_ROLE: 'admin' }, 'OIDC_DEFAULT_ROLE'],
  ])('refuses %j, naming %s', (bad, variable) => {
    expect(refusedVariable({ ...minimal, ...bad })).toBe(variable);
  });

  it('says what is wrong with a role map in words', () => {
    expect(() => oidcConfigFromEnv({ ...minimal, OIDC_ROLE_MAP: '{"treaty-boss":"secretary-general"}' })).toThrow(
      'OIDC_ROLE_MAP: "treaty-boss" maps to "secretary-general", which is not a role (admin, legal-officer, depositary, member-state, reviewer, donor)',
    );
  });
});
