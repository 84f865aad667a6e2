/**
 * Every environment variable the service reads, declared once: its type, default and meaning.
 * Readers take their values through `environment(env).get(NAME)`, whose NAME is one of these keys, so a
 * variable read anywhere must be declared here; `validateEnvironment` checks them all at start.
 *
 * An empty (or blank) value counts as unset: its default applies.
 */
import { byteSize, connectionString, decimal, durationMs, flag, integer, jsonObject, oneOf, text, url, type VariableType } from './variable-types.js';

export type Env = Readonly<Record<string, string | undefined>>;

export const GROUPS = ['service', 'logging', 'stores', 'read models', 'identity', 'single sign-on', 'documents', 'demo', 'tools'] as const;
export type Group = (typeof GROUPS)[number];

export interface Variable<T, V> {
  readonly group: Group;
  /** One sentence. */
  readonly meaning: string;
  readonly type: VariableType<T>;
  /** A value, or one computed from the rest of the environment. */
  readonly default?: T | ((env: Env) => T);
  /** How the README states a default that is not a plain value (or why there is none). */
  readonly defaultText?: string;
  /** Never echoed in a message. */
  readonly secret?: boolean;
  /** Surrounding spaces are part of the value (secrets); others are trimmed. */
  readonly keepSpaces?: boolean;
  /** Carries the value's type (with or without undefined) to `ConfigurationValues`. */
  readonly _value?: { readonly of: V };
}

type Spec<T> = Omit<Variable<T, unknown>, '_value' | 'default'>;

function variable<T>(spec: Spec<T> & { readonly default: NoInfer<T> | ((env: Env) => NoInfer<T>) }): Variable<T, T>;
function variable<T>(spec: Spec<T>): Variable<T, T | undefined>;
function variable<T>(spec: Spec<T>): Variable<T, unknown> {
  return spec;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const CONFIGURATION_SCHEMA = {
  // service
  HOST: variable({ group: 'service', type: text(), default: '127.0.0.1', meaning: 'The address the service listens on; beyond loopback only with an administrator or an identity provider.' }),
  PORT: variable({ group: 'service', type: integer({ min: 0, max: 65535 }), default: 3000, meaning: 'The HTTP port the service listens on.' }),
  PUBLIC_URL: variable({ group: 'service', type: url(['http:', 'https:']), defaultText: '`http://HOST:PORT`', meaning: 'Where clients reach the service (behind a proxy), as the OpenAPI document names it.' }),
  TRUST_PROXY: variable({ group: 'service', type: text(), default: 'loopback', meaning: "The proxies whose X-Forwarded-* headers are believed (Express's trust proxy)." }),
  BODY_LIMIT: variable({ group: 'service', type: byteSize(), default: '1mb', meaning: 'The largest request body the service accepts.' }),
  TZ: variable({ group: 'service', type: text(), defaultText: "the machine's", meaning: 'The secretariat\'s time zone, which decides what "today" is.' }),
  NODE_ENV: variable({ group: 'service', type: text(), meaning: 'production selects JSON logs by default.' }),
  SHUTDOWN_TIMEOUT_MS: variable({ group: 'service', type: integer({ min: 1 }), default: 10000, meaning: 'How long a SIGTERM may take to finish in-flight requests and close the stores before the process exits anyway.' }),
  READINESS_MAX_LAG_EVENTS: variable({ group: 'service', type: integer({ min: 0 }), default: 1000, meaning: 'How many events the projections may lag behind the log before the service reports itself not ready.' }),

  SMTP_URL: variable({ group: 'service', type: url(['smtp:', 'smtps:']), secret: true, meaning: 'The mail server the depositary notifications are sent through (smtp://user:password@host:587); no mail without it.' }),
  // The document languages (#libs/documents DOCUMENT_LANGUAGES, which cannot be imported here without a cycle; a spec keeps them equal).
  MAIL_LANGUAGE: variable({ group: 'service', type: oneOf(['en', 'fr', 'es', 'nl'], { ignoreCase: true }), default: 'en', meaning: 'The language of the notification mails to accounts that prefer none (en, fr, es or nl).' }),
  MAIL_FROM: variable({ group: 'service', type: text(), default: 'depositary@localhost', meaning: 'The sender of the notification mails.' }),
  DELIVERY_RETRY_BASE_MS: variable({ group: 'service', type: durationMs(), default: 30_000, meaning: 'The wait before the first retry of a failed webhook or mail delivery; each further retry waits twice as long (at most an hour).' }),
  DELIVERY_MAX_ATTEMPTS: variable({ group: 'service', type: integer({ min: 1, max: 100 }), default: 12, meaning: 'Attempts of one delivery before it is left as failed in the delivery log.' }),

  // logging
  LOG_FORMAT: variable({
    group: 'logging',
    type: oneOf(['json', 'pretty'], { ignoreCase: true }),
    default: (env: Env) => (env['NODE_ENV']?.trim() === 'production' ? 'json' : 'pretty'),
    defaultText: '`json` with `NODE_ENV=production`, else `pretty`',
    meaning: 'How log lines are written: one JSON object a line, or coloured text for a terminal.',
  }),
  LOG_LEVEL: variable({ group: 'logging', type: oneOf(LOG_LEVELS, { ignoreCase: true }), default: 'info', meaning: 'The least severe level that is logged.' }),
  LOG_FILE: variable({ group: 'logging', type: text(), defaultText: 'standard output', meaning: 'A file the log lines are appended to instead of standard output.' }),

  // stores
  DATA_DIR: variable({ group: 'stores', type: text(), default: './data', meaning: 'Where the embedded store, the accounts and the session secret are kept.' }),
  EVENT_STORE: variable({ group: 'stores', type: oneOf(['embedded', 'eventstoredb'], { ignoreCase: true }), default: 'embedded', meaning: 'The event log: embedded (SQLite in DATA_DIR) or eventstoredb.' }),
  EVENTSTORE_CONNECTION_STRING: variable({ group: 'stores', type: connectionString(['esdb:', 'esdb+discover:']), meaning: 'The EventStoreDB to use, required with EVENT_STORE=eventstoredb.' }),
  INTEGRITY_SIGNING_KEY: variable({
    group: 'stores',
    type: text(),
    secret: true,
    defaultText: 'generated, kept in `DATA_DIR/integrity-signing-key.pem`',
    meaning: "The secretariat's Ed25519 private key (PEM PKCS#8, or the base64 of its DER) that signs the log's tree heads.",
  }),
  INTEGRITY_HEAD_INTERVAL_MS: variable({ group: 'stores', type: durationMs(), default: 1_000, meaning: 'How often, at most, a new tree head is signed while the log grows (a checkpoint asked for signs one at once).' }),
  SQLITE_GROUP_COMMIT: variable({ group: 'stores', type: flag(), default: true, meaning: 'Commit concurrent appends together (one fsync); false commits each on its own.' }),

  // read models
  READ_MODEL_STORE: variable({ group: 'read models', type: oneOf(['embedded', 'mongodb'], { ignoreCase: true }), default: 'embedded', meaning: 'Where the read models live: embedded (SQLite in DATA_DIR, kept with their checkpoint across restarts) or mongodb.' }),
  MONGODB_URL: variable({ group: 'read models', type: connectionString(['mongodb:', 'mongodb+srv:']), meaning: 'The read-model database, required with READ_MODEL_STORE=mongodb.' }),
  MONGODB_DATABASE: variable({ group: 'read models', type: text(), meaning: "The database's name, when the URL does not give it." }),
  PROJECTOR_LEASE: variable({ group: 'read models', type: flag(), defaultText: 'on with MongoDB', meaning: 'Only the holder of the lease projects; another process takes over when it lapses.' }),
  PROJECTOR_LEASE_TTL_MS: variable({ group: 'read models', type: durationMs(), default: 15_000, meaning: 'How long a projector lease lasts without renewal.' }),
  COMMAND_STATE_CACHE_SIZE: variable({ group: 'read models', type: integer({ min: 0 }), default: 2000, meaning: 'How many streams keep their folded state for the next command (0: every command reads its whole stream).' }),
  READ_YOUR_WRITES_TIMEOUT_MS: variable({ group: 'read models', type: durationMs(), default: 2_000, meaning: 'How long a query given X-Min-Position waits for the projections.' }),

  // identity
  INITIAL_ADMIN_USERNAME: variable({ group: 'identity', type: text(), meaning: 'The first administrator, opened at start when that account does not exist.' }),
  INITIAL_ADMIN_PASSWORD: variable({ group: 'identity', type: text(), secret: true, keepSpaces: true, meaning: "The first administrator's password." }),
  ANONYMOUS_READ: variable({ group: 'identity', type: oneOf(['published', 'off']), default: 'published', meaning: 'published: anyone may read adopted instruments; off: reading needs an account.' }),
  SESSION_TTL_HOURS: variable({ group: 'identity', type: decimal({ above: 0, max: 720, unit: 'hours' }), default: 12, meaning: 'How long a browser session lasts.' }),
  SESSION_SECRET: variable({
    group: 'identity',
    type: text({ minLength: 32 }),
    secret: true,
    keepSpaces: true,
    defaultText: 'generated, kept in `DATA_DIR/session-secret`',
    meaning: 'Signs the session cookie.',
  }),
  SECURE_COOKIES: variable({ group: 'identity', type: oneOf(['auto', 'true', 'false']), default: 'auto', meaning: 'auto: cookies are Secure when the request came over TLS; true or false forces it.' }),

  // single sign-on
  OIDC_ISSUER: variable({ group: 'single sign-on', type: url(['https:', 'http:']), meaning: 'The OpenID provider; single sign-on is off without it.' }),
  OIDC_CLIENT_ID: variable({ group: 'single sign-on', type: text(), meaning: "The service's client id at the provider, required with OIDC_ISSUER." }),
  OIDC_CLIENT_SECRET: variable({ group: 'single sign-on', type: text(), secret: true, meaning: "The client's secret; without it a public client, protected by PKCE alone." }),
  OIDC_REDIRECT_URI: variable({ group: 'single sign-on', type: url(['https:', 'http:']), meaning: "The service's callback as registered at the provider, required with OIDC_ISSUER." }),
  OIDC_SCOPES: variable({ group: 'single sign-on', type: text(), default: 'openid profile email', meaning: 'The scopes asked for, separated by spaces (openid among them).' }),
  OIDC_ROLES_CLAIM: variable({ group: 'single sign-on', type: text(), default: 'roles', meaning: 'The claim that carries the roles.' }),
  OIDC_PARTIES_CLAIM: variable({ group: 'single sign-on', type: text(), default: 'parties', meaning: 'The claim that carries the parties a member state acts for.' }),
  OIDC_ROLE_MAP: variable({ group: 'single sign-on', type: jsonObject('{"treaty-depositary":"depositary"}'), default: {}, meaning: 'Claim values mapped to roles.' }),
  OIDC_DEFAULT_ROLE: variable({ group: 'single sign-on', type: text(), meaning: 'The role given when no claim maps to one; unset refuses such a user.' }),
  OIDC_AFTER_SIGN_IN: variable({ group: 'single sign-on', type: text(), default: '/auth/session', meaning: 'Where the browser goes once signed in.' }),

  // documents
  TEMPLATES_DIR: variable({ group: 'documents', type: text(), meaning: "The organisation's own templates, overriding built-in ones by file name." }),
  ORGANISATION_NAME: variable({ group: 'documents', type: text(), default: 'Caribbean Customs Law Enforcement Council', meaning: 'The organisation named on the letterhead of every document.' }),
  ORGANISATION_ADDRESS: variable({ group: 'documents', type: text(), meaning: 'Its address, printed on the letterhead under the name.' }),
  CHROMIUM_PATH: variable({ group: 'documents', type: text(), default: '/usr/bin/chromium', meaning: 'The headless Chromium that prints documents as PDF; without it the PDF links answer 503.' }),

  // demo
  DEMO_DATA: variable({ group: 'demo', type: oneOf(['auto', 'off'], { ignoreCase: true }), default: 'auto', meaning: 'auto loads the demonstration data on the first start of an empty embedded store; off starts empty.' }),

  // tools
  API_TOKEN: variable({ group: 'tools', type: text(), secret: true, keepSpaces: true, meaning: "An administrator's token, for npm run projections:rebuild against a running service." }),
} as const;

export type ConfigKey = keyof typeof CONFIGURATION_SCHEMA;
export type ConfigurationValues = {
  readonly [K in ConfigKey]: NonNullable<(typeof CONFIGURATION_SCHEMA)[K]['_value']>['of'];
};

/**
 * Names that look like ours: a variable beginning with one of these that the schema lacks is a mistake.
 * Generic words (DATA_, PUBLIC_, API_) are left out: other software uses them.
 */
export const OUR_PREFIXES = [
  'OIDC_', 'MONGODB_', 'EVENTSTORE_', 'EVENT_STORE', 'SQLITE_', 'SESSION_', 'INITIAL_ADMIN_', 'ORGANISATION_', 'READ_MODEL', 'READ_YOUR_WRITES',
  'PROJECTOR_', 'LOG_', 'READINESS_', 'DEMO_', 'TEMPLATES_', 'ANONYMOUS_', 'SECURE_COOKIE', 'TRUST_PROXY', 'BODY_LIMIT',
] as const;

/** Rules across variables: each answers a sentence when broken. */
export const CONFIGURATION_RULES: readonly ((values: ConfigurationValues) => string | null)[] = [
  (v) => (v.EVENT_STORE === 'eventstoredb' && !v.EVENTSTORE_CONNECTION_STRING ? 'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING, e.g. esdb://localhost:2113?tls=false.' : null),
  (v) => (v.READ_MODEL_STORE === 'mongodb' && !v.MONGODB_URL ? 'READ_MODEL_STORE=mongodb needs MONGODB_URL, e.g. mongodb://localhost:27017/treaty_read_models.' : null),
  (v) => (!v.INITIAL_ADMIN_USERNAME !== !v.INITIAL_ADMIN_PASSWORD ? 'Give both INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, or neither.' : null),
  (v) => (v.OIDC_ISSUER && !v.OIDC_CLIENT_ID ? 'OIDC_ISSUER needs OIDC_CLIENT_ID.' : null),
  (v) => (v.OIDC_ISSUER && !v.OIDC_REDIRECT_URI ? 'OIDC_ISSUER needs OIDC_REDIRECT_URI, e.g. https://treaties.example.org/auth/oidc/callback.' : null),
];
