import { CONFIGURATION_SCHEMA, GROUPS } from './configuration.schema.js';
import { ConfigurationError, editDistance, environment, unknownVariableProblem, validateEnvironment } from './validate-environment.js';

/** The sentences a refused environment is refused with. */
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    validateEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems.map((p) => p.sentence);
  }
  throw new Error('the environment was accepted');
};

describe('the configuration schema', () => {
  it('gives every variable a group, a one-sentence meaning, and a default or a reason for none where it says so', () => {
    for (const [name, spec] of Object.entries(CONFIGURATION_SCHEMA)) {
      expect([name, GROUPS.includes(spec.group)]).toEqual([name, true]);
      expect([name, /^\S.*\.$/.test(spec.meaning)]).toEqual([name, true]);
      expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('answers the defaults for an empty environment', () => {
    const config = validateEnvironment({});
    expect(config).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 3000,
      TRUST_PROXY: 'loopback',
      BODY_LIMIT: '1mb',
      DATA_DIR: './data',
      EVENT_STORE: 'embedded',
      SQLITE_GROUP_COMMIT: true,
      READ_MODEL_STORE: 'embedded',
      PROJECTOR_LEASE_TTL_MS: 15_000,
      READ_YOUR_WRITES_TIMEOUT_MS: 2_000,
      ANONYMOUS_READ: 'published',
      SESSION_TTL_HOURS: 12,
      SECURE_COOKIES: 'auto',
      OIDC_SCOPES: 'openid profile email',
      OIDC_ROLES_CLAIM: 'roles',
      OIDC_PARTIES_CLAIM: 'parties',
      OIDC_ROLE_MAP: {},
      OIDC_AFTER_SIGN_IN: '/auth/session',
      ORGANISATION_NAME: 'Caribbean Customs Law Enforcement Council',
      DEMO_DATA: 'auto',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'pretty',
      READINESS_MAX_LAG_EVENTS: 1000,
    });
    expect(config.PROJECTOR_LEASE).toBeUndefined();
    expect(config.MONGODB_URL).toBeUndefined();
    expect(config.SESSION_SECRET).toBeUndefined();
  });

  it('writes JSON logs by default in production only', () => {
    expect(validateEnvironment({ NODE_ENV: 'production' }).LOG_FORMAT).toBe('json');
    expect(validateEnvironment({ NODE_ENV: 'test' }).LOG_FORMAT).toBe('pretty');
    expect(validateEnvironment({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
  });

  it('parses each type: integers, flags, enumerations, numbers, JSON, trimmed text, untouched secrets', () => {
    const config = validateEnvironment({
      PORT: ' 8080 ',
      SQLITE_GROUP_COMMIT: 'OFF',
      PROJECTOR_LEASE: 'yes',
      EVENT_STORE: 'EventStoreDB',
      EVENTSTORE_CONNECTION_STRING: 'esdb://a:2113,b:2113?tls=false',
      SESSION_TTL_HOURS: '0.5',
      OIDC_ROLE_MAP: '{"treaty-depositary":"depositary"}',
      ORGANISATION_NAME: '  Customs Council  ',
      INITIAL_ADMIN_USERNAME: ' root ',
      INITIAL_ADMIN_PASSWORD: ' spaced password ',
      LOG_LEVEL: 'DEBUG',
      READINESS_MAX_LAG_EVENTS: '0',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      SQLITE_GROUP_COMMIT: false,
      PROJECTOR_LEASE: true,
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://a:2113,b:2113?tls=false',
      SESSION_TTL_HOURS: 0.5,
      OIDC_ROLE_MAP: { 'treaty-depositary': 'depositary' },
      ORGANISATION_NAME: 'Customs Council',
      INITIAL_ADMIN_USERNAME: 'root',
      INITIAL_ADMIN_PASSWORD: ' spaced password ',
      LOG_LEVEL: 'debug',
      READINESS_MAX_LAG_EVENTS: 0,
    });
  });

  it('takes an empty value for unset: the default applies', () => {
    expect(validateEnvironment({ PORT: '', DEMO_DATA: '  ', INITIAL_ADMIN_USERNAME: '', INITIAL_ADMIN_PASSWORD: '' })).toMatchObject({ PORT: 3000, DEMO_DATA: 'auto' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535 (got "abc").'],
    [{ PORT: '65536' }, 'PORT must be an integer from 0 to 65535 (got "65536").'],
    [{ PORT: '-1' }, 'PORT must be an integer from 0 to 65535 (got "-1").'],
    [{ PORT: '80.5' }, 'PORT must be an integer from 0 to 65535 (got "80.5").'],
    [{ READINESS_MAX_LAG_EVENTS: '-5' }, 'READINESS_MAX_LAG_EVENTS must be an integer of at least 0 (got "-5").'],
    [{ READ_YOUR_WRITES_TIMEOUT_MS: '0' }, 'READ_YOUR_WRITES_TIMEOUT_MS must be a whole number of milliseconds of at least 1 (got "0").'],
    [{ PROJECTOR_LEASE_TTL_MS: 'soon' }, 'PROJECTOR_LEASE_TTL_MS must be a whole number of milliseconds of at least 1 (got "soon").'],
    [{ SESSION_TTL_HOURS: '721' }, 'SESSION_TTL_HOURS must be a number of hours greater than 0 and at most 720 (got "721").'],
    [{ SESSION_TTL_HOURS: '0' }, 'SESSION_TTL_HOURS must be a number of hours greater than 0 and at most 720 (got "0").'],
    [{ SQLITE_GROUP_COMMIT: 'maybe' }, 'SQLITE_GROUP_COMMIT must be true or false (got "maybe").'],
    [{ EVENT_STORE: 'postgres' }, 'EVENT_STORE must be "embedded" or "eventstoredb" (got "postgres").'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT must be "json" or "pretty" (got "xml").'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be "fatal", "error", "warn", "info", "debug", "trace" or "silent" (got "verbose").'],
    [{ ANONYMOUS_READ: 'Published' }, 'ANONYMOUS_READ must be "published" or "off" (got "Published").'],
    [{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be "auto" or "off" (got "yes").'],
    [{ BODY_LIMIT: 'large' }, 'BODY_LIMIT must be a size such as 500kb or 1mb (got "large").'],
    [{ PUBLIC_URL: 'treaties.example.org' }, 'PUBLIC_URL must be a URL (http://… or https://…) (got "treaties.example.org").'],
    [{ MONGODB_URL: 'localhost:27017' }, 'MONGODB_URL must be a connection string beginning mongodb:// or mongodb+srv:// (got "localhost:27017").'],
    [{ OIDC_ROLE_MAP: '["depositary"]' }, 'OIDC_ROLE_MAP must be a JSON object, e.g. {"treaty-depositary":"depositary"} (got "[\\"depositary\\"]").'],
  ])('refuses %j: %s', (env, sentence) => {
    expect(problemsOf(env)).toEqual([sentence]);
  });

  it('never repeats a secret in a message', () => {
    const [sentence] = problemsOf({ SESSION_SECRET: 'short-secret' });
    expect(sentence).toBe('SESSION_SECRET must be at least 32 characters long (got 12 characters).');
    expect(sentence).not.toContain('short-secret');
  });

  it.each([
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false.'],
    [{ READ_MODEL_STORE: 'mongodb' }, 'READ_MODEL_STORE=mongodb needs MONGODB_URL, e.g. mongodb://localhost:27017/treaty_read_models.'],
    [{ INITIAL_ADMIN_USERNAME: 'root' }, 'Give both INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, or neither.'],
    [{ OIDC_ISSUER: 'https://login.example.org', OIDC_REDIRECT_URI: 'https://t.example.org/cb' }, 'OIDC_ISSUER needs OIDC_CLIENT_ID.'],
  ])('applies the rules across variables: %j', (env, sentence) => {
    expect(problemsOf(env)).toEqual([sentence]);
  });

  it('names every problem in one message, one sentence each', () => {
    const env = { PORT: 'abc', DEMO_DATA: 'sometimes', POTR: '3000', EVENTSTORE_CONECTION_STRING: 'esdb://x', OIDC_FOO: 'bar' };
    expect(() => validateEnvironment(env)).toThrow(
      [
        'The environment has 5 problems:',
        '  PORT must be an integer from 0 to 65535 (got "abc").',
        '  DEMO_DATA must be "auto" or "off" (got "sometimes").',
        '  Unknown variable EVENTSTORE_CONECTION_STRING — did you mean EVENTSTORE_CONNECTION_STRING?',
        '  Unknown variable OIDC_FOO — no setting has that name (the OIDC_… ones are OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI, OIDC_SCOPES, OIDC_ROLES_CLAIM, OIDC_PARTIES_CLAIM, OIDC_ROLE_MAP, OIDC_DEFAULT_ROLE, OIDC_AFTER_SIGN_IN).',
        '  Unknown variable POTR — did you mean PORT?',
      ].join('\n'),
    );
  });
});

describe('unknown variables', () => {
  it.each([
    ['EVENTSTORE_CONECTION_STRING', 'EVENTSTORE_CONNECTION_STRING'],
    ['DEMODATA', 'DEMO_DATA'],
    ['POTR', 'PORT'],
    ['port', 'PORT'],
    ['MONGO_URL', 'MONGODB_URL'],
    ['LOGLEVEL', 'LOG_LEVEL'],
    ['READ_MODELS_STORE', 'READ_MODEL_STORE'],
    ['OIDC_CLIENTID', 'OIDC_CLIENT_ID'],
    ['SESION_SECRET', 'SESSION_SECRET'],
  ])('takes %s for a misspelling of %s', (name, meant) => {
    expect(unknownVariableProblem(name)?.sentence).toBe(`Unknown variable ${name} — did you mean ${meant}?`);
  });

  it('refuses a name with one of our prefixes that no setting has', () => {
    expect(unknownVariableProblem('READINESS_PROBE_PATH')?.sentence).toBe(
      'Unknown variable READINESS_PROBE_PATH — no setting has that name (the READINESS_… ones are READINESS_MAX_LAG_EVENTS).',
    );
    expect(unknownVariableProblem('SESSION_TTL')?.sentence).toBe('Unknown variable SESSION_TTL — no setting has that name (the SESSION_… ones are SESSION_TTL_HOURS, SESSION_SECRET).');
    expect(unknownVariableProblem('PROJECTOR_WORKERS')?.variable).toBe('PROJECTOR_WORKERS');
  });

  it.each(['PATH', 'HOME', 'NODE_OPTIONS', 'CI', 'npm_config_cache', 'npm_lifecycle_event', 'JEST_WORKER_ID', 'HOSTNAME', 'PWD', 'SHELL', 'LANG', 'TERM', 'USER', 'TMPDIR', 'LOGNAME', 'HTTP_PROXY', 'DATABASE_URL', 'TZDIR', 'GITHUB_ACTIONS', '_'])(
    'ignores %s, which is not ours',
    (name) => {
      expect(unknownVariableProblem(name)).toBeNull();
    },
  );

  it('accepts every variable of the schema', () => {
    for (const name of Object.keys(CONFIGURATION_SCHEMA)) expect(unknownVariableProblem(name)).toBeNull();
  });

  it('counts a swap of neighbours as one edit, and ignores case', () => {
    expect(editDistance('POTR', 'PORT')).toBe(1);
    expect(editDistance('demo_data', 'DEMO_DATA')).toBe(0);
    expect(editDistance('HOME', 'HOST')).toBe(2);
    expect(editDistance('', 'TZ')).toBe(2);
  });
});

describe('environment(env).get', () => {
  it('answers one parsed value, or its default', () => {
    expect(environment({ PORT: '4000' }).get('PORT')).toBe(4000);
    expect(environment({}).get('OIDC_AFTER_SIGN_IN')).toBe('/auth/session');
    expect(environment({}).get('TEMPLATES_DIR')).toBeUndefined();
  });

  it('refuses a bad value with the sentence naming the variable, and ignores the rest of the environment', () => {
    expect(() => environment({ PORT: 'x', POTR: '1' }).get('PORT')).toThrow(ConfigurationError);
    expect(() => environment({ PORT: 'x' }).get('PORT')).toThrow('PORT must be an integer from 0 to 65535 (got "x").');
    expect(environment({ PORT: 'x', POTR: '1' }).get('HOST')).toBe('127.0.0.1');
  });
});
