/**
 * The checks every part of the final clauses is validated with. Each problem names its field by a dotted
 * path, so the HTTP edge can reply 400 naming it. Party codes are checked against the registry's pattern
 * and, when the caller knows them, against the instrument's eligible parties.
 */
import { CONSENT_KINDS, PARTY_CODE_PATTERN, PARTY_KINDS } from './vocabulary.js';

export interface ValidationProblem {
  /** Dotted path of the field, e.g. "entryIntoForce.qualifier.atLeast". */
  readonly path: string;
  /** A sentence that names the field, e.g. "entryIntoForce.count must be a positive integer". */
  readonly message: string;
}

export interface RuleValidationOptions {
  /** The instrument's eligible parties: when given, every party code the rule names must be one of them. */
  readonly eligibleParties?: readonly string[];
}

/** One validation run: the problems found so far and what the party codes are checked against. */
export interface Validation {
  readonly problems: ValidationProblem[];
  /** Null when the caller did not say which parties are eligible. */
  readonly eligible: ReadonlySet<string> | null;
}

export const startValidation = (options: RuleValidationOptions = {}): Validation => ({
  problems: [],
  eligible: options.eligibleParties ? new Set(options.eligibleParties) : null,
});

export type Json = Record<string, unknown>;

/** Periods beyond these are certainly typing errors (and keep number words short). */
export const MAX_DAYS = 36_600;
export const MAX_MONTHS = 1_200;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export const fail = (v: Validation, path: string, rest: string): void => {
  v.problems.push({ path, message: `${path} ${rest}` });
};

export const checkKnownFields = (v: Validation, value: Json, path: string, allowed: readonly string[]): void => {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(v, `${path}.${key}`, `is not a recognised field (allowed: ${allowed.join(', ')})`);
  }
};

export const checkInteger = (v: Validation, value: unknown, path: string, min: number, max: number, required: boolean): void => {
  if (value === undefined) {
    if (required) fail(v, path, `is required`);
    return;
  }
  const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : `an integer of at least ${min}`;
  if (!isInteger(value) || value < min) fail(v, path, `must be ${what}`);
  else if (value > max) fail(v, path, `must be at most ${max}`);
};

export const checkBoolean = (v: Validation, value: unknown, path: string, required: boolean): void => {
  if (value === undefined) {
    if (required) fail(v, path, 'is required');
  } else if (typeof value !== 'boolean') fail(v, path, 'must be true or false');
};

export const checkString = (v: Validation, value: unknown, path: string): void => {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) fail(v, path, 'must be a non-empty string');
};

export const checkOneOf = (v: Validation, value: unknown, path: string, allowed: readonly string[], required: boolean): void => {
  if (value === undefined) {
    if (required) fail(v, path, `is required (one of: ${allowed.join(', ')})`);
  } else if (typeof value !== 'string' || !allowed.includes(value)) fail(v, path, `must be one of: ${allowed.join(', ')}`);
};

/**
 * One party code, wherever the rule names it (a list item or an object key): it must have the registry's
 * shape and, when the eligible parties are known, be one of them. A code that is neither can never act.
 */
export const checkPartyCode = (v: Validation, code: string, path: string): void => {
  if (!PARTY_CODE_PATTERN.test(code)) fail(v, path, `must be a party code of 2 to 12 upper-case letters or digits (got ${JSON.stringify(code)})`);
  else if (v.eligible && !v.eligible.has(code)) fail(v, path, `must name an eligible party: ${code} is not among the eligible parties`);
};

/** A list of party codes; answers the distinct strings it holds (whatever their shape), for checks on its size. */
export const checkPartyCodes = (v: Validation, value: unknown, path: string, required: boolean, exactly?: number): readonly string[] => {
  if (value === undefined) {
    if (required) fail(v, path, 'is required');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    fail(v, path, 'must be a non-empty array of party codes');
    return [];
  }
  if (exactly !== undefined && value.length !== exactly) fail(v, path, `must name exactly ${exactly} parties`);
  const seen = new Set<string>();
  value.forEach((code, i) => {
    if (typeof code !== 'string' || code.trim() === '') fail(v, `${path}.${i}`, 'must be a party code');
    else if (seen.has(code)) fail(v, `${path}.${i}`, `repeats party ${code}`);
    else {
      seen.add(code);
      checkPartyCode(v, code, `${path}.${i}`);
    }
  });
  return [...seen];
};

export const checkConsents = (v: Validation, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    fail(v, path, `must be a non-empty array of: ${CONSENT_KINDS.join(', ')}`);
    return;
  }
  const seen = new Set<unknown>();
  value.forEach((kind, i) => {
    if (!CONSENT_KINDS.includes(kind)) fail(v, `${path}.${i}`, `must be one of: ${CONSENT_KINDS.join(', ')}`);
    else if (seen.has(kind)) fail(v, `${path}.${i}`, `repeats ${String(kind)}`);
    seen.add(kind);
  });
};

export const checkPartyKinds = (v: Validation, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0 || value.some((k) => !PARTY_KINDS.includes(k))) {
    fail(v, path, `must be a non-empty array of: ${PARTY_KINDS.join(', ')}`);
  }
};
