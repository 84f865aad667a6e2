import { CONFIGURATION_RULES, CONFIGURATION_SCHEMA, OUR_PREFIXES, type ConfigKey, type ConfigurationValues, type Env } from './configuration.schema.js';
import { VariableProblem } from './variable-types.js';

export interface ConfigurationProblem {
  /** The variable at fault, or the first one a broken rule names. */
  readonly variable: string;
  readonly sentence: string;
  /** The sentence without the variable's name in front, for callers that name it themselves. */
  readonly detail: string;
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  constructor(readonly problems: readonly ConfigurationProblem[]) {
    super(
      problems.length === 1
        ? problems[0]!.sentence
        : `The environment has ${problems.length} problems:\n${problems.map((p) => `  ${p.sentence}`).join('\n')}`,
    );
  }
}

const KEYS = Object.keys(CONFIGURATION_SCHEMA) as ConfigKey[];

type Parsed<K extends ConfigKey> = { readonly value: ConfigurationValues[K] } | { readonly problem: ConfigurationProblem };

const parse = <K extends ConfigKey>(key: K, env: Env): Parsed<K> => {
  const spec = CONFIGURATION_SCHEMA[key] as (typeof CONFIGURATION_SCHEMA)[ConfigKey];
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') {
    const fallback = 'default' in spec ? spec.default : undefined;
    return { value: (typeof fallback === 'function' ? fallback(env) : fallback) as ConfigurationValues[K] };
  }
  const text = 'keepSpaces' in spec && spec.keepSpaces ? raw : raw.trim();
  try {
    return { value: (spec.type.parse as (text: string) => unknown)(text) as ConfigurationValues[K] };
  } catch (error) {
    if (!(error instanceof VariableProblem)) throw error;
    // A secret is never repeated, not even in an error.
    const got = 'secret' in spec && spec.secret ? `got ${text.length} characters` : `got ${JSON.stringify(text)}`;
    const detail = `must be ${error.message} (${got})`;
    return { problem: { variable: key, sentence: `${key} ${detail}.`, detail } };
  }
};

/** Typed access to the environment: each value parsed by the schema, or its default. */
export interface Environment {
  /** Throws a ConfigurationError naming the variable when its value does not fit. */
  get<K extends ConfigKey>(key: K): ConfigurationValues[K];
}

export const environment = (env: Env = process.env): Environment => ({
  get: (key) => {
    const parsed = parse(key, env);
    if ('problem' in parsed) throw new ConfigurationError([parsed.problem]);
    return parsed.value;
  },
});

/** Other software's variables, never taken for ours however close their names. */
const IGNORED = new Set(['PATH', 'HOME', 'PWD', 'OLDPWD', 'USER', 'SHELL', 'TERM', 'LANG', 'HOSTNAME', 'TMPDIR', 'CI', 'NODE_OPTIONS', 'NODE_PATH', '_']);
const IGNORED_PREFIXES = ['npm_', 'JEST_', 'GITHUB_', 'RUNNER_', 'LC_', 'XDG_'];

/** Optimal string alignment distance (a swap of neighbours counts one), ignoring case. */
export const editDistance = (a: string, b: string): number => {
  const s = a.toUpperCase();
  const t = b.toUpperCase();
  const d = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
};

/** How far a name may be from one of ours and still be taken for a misspelling of it: short names must be close. */
const tolerance = (known: string): number => (known.length <= 2 ? 0 : known.length <= 4 ? 1 : known.length <= 12 ? 2 : 3);

const nearest = (name: string): { key: ConfigKey; distance: number } =>
  KEYS.map((key) => ({ key, distance: editDistance(name, key) })).reduce((best, next) => (next.distance < best.distance ? next : best));

const unknown = (name: string, detail: string): ConfigurationProblem => ({ variable: name, sentence: `Unknown variable ${name} — ${detail}`, detail });

/** A variable that is not ours but looks as if it were meant to be, with the sentence that says so. */
export const unknownVariableProblem = (name: string): ConfigurationProblem | null => {
  if (name in CONFIGURATION_SCHEMA || IGNORED.has(name) || IGNORED_PREFIXES.some((prefix) => name.startsWith(prefix))) return null;
  const close = nearest(name);
  if (close.distance <= tolerance(close.key)) return unknown(name, `did you mean ${close.key}?`);
  const prefix = OUR_PREFIXES.find((p) => name.toUpperCase().startsWith(p));
  if (prefix === undefined) return null;
  if (close.distance <= Math.max(3, Math.floor(name.length / 3))) return unknown(name, `did you mean ${close.key}?`);
  const family = KEYS.filter((key) => key.startsWith(prefix));
  return unknown(name, `no setting has that name${family.length ? ` (the ${prefix}… ones are ${family.join(', ')})` : ''}.`);
};

/**
 * The whole configuration, checked once at start: every value against its type, the rules across variables,
 * and any variable that looks like ours but is not. Throws one ConfigurationError naming every problem.
 */
export const validateEnvironment = (env: Env = process.env): ConfigurationValues => {
  const problems: ConfigurationProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const key of KEYS) {
    const parsed = parse(key, env);
    if ('problem' in parsed) problems.push(parsed.problem);
    else values[key] = parsed.value;
  }
  // Rules are judged only on values that parsed, so one mistake is not reported twice.
  if (problems.length === 0) {
    for (const rule of CONFIGURATION_RULES) {
      const sentence = rule(values as ConfigurationValues);
      if (sentence) problems.push({ variable: /[A-Z][A-Z0-9_]+/.exec(sentence)![0], sentence, detail: sentence });
    }
  }
  for (const name of Object.keys(env).sort()) {
    const problem = unknownVariableProblem(name);
    if (problem) problems.push(problem);
  }
  if (problems.length) throw new ConfigurationError(problems);
  return Object.freeze(values) as ConfigurationValues;
};
