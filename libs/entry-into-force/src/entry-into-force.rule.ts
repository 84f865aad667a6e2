/**
 * The final clauses as data: a JSON-serialisable rule on entry into force (one shape per kind of clause
 * in the domain primer), plus withdrawal terms and an MOU's term. Validation answers with the field
 * path, so the HTTP edge can reply 400 naming the field.
 */
import { isLegalDate, type LegalDate } from './calendar.js';

export const CONSENT_KINDS = ['ratification', 'acceptance', 'approval', 'accession', 'succession', 'formal-confirmation'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const PARTY_KINDS = ['state', 'territory', 'organisation'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** When the instrument enters into force, counted from the act that met the condition. */
export type Timing =
  /** On the date plus `days` days ("the thirtieth day following"); 0 = on the date itself. */
  | { readonly kind: 'days-after'; readonly days: number }
  /** "The first day of the month following the expiration of a period of `months` months after" the date; 0 = first day of the next month. */
  | { readonly kind: 'first-day-of-month-after'; readonly months: number };

/**
 * For a party that consents once the condition is met: its own date. `after` says which parties that is:
 * those consenting after the act that met the condition ('trigger', the usual UN wording "after the deposit
 * of the tenth instrument"), or only those consenting on or after the general entry into force
 * ('entry-into-force'; earlier ones get the general date). A party's own date is never before the general date.
 */
export interface LaterParties {
  /** Default: the rule's general timing. */
  readonly timing?: Timing;
  /** Default 'trigger'. */
  readonly after?: 'trigger' | 'entry-into-force';
}

/** "Including at least three member States": of the counted instruments, at least `atLeast` from `ofParties`. */
export interface Qualifier {
  readonly atLeast: number;
  readonly ofParties: readonly string[];
  /** Plural noun phrase for the final clause, e.g. "member States". */
  readonly label?: string;
}

/**
 * The counted parties must also hold at least `minimumPercent` of the total of `shares` (e.g. 1990 CO2
 * emissions of Annex I parties). Parties without a share add nothing; the total is the sum of all shares.
 */
export interface Weight {
  readonly shares: Readonly<Record<string, number>>;
  readonly minimumPercent: number;
  /** Noun phrase for the final clause, e.g. "the total carbon dioxide emissions for 1990 of the Parties included in Annex I". */
  readonly label?: string;
}

/**
 * An organisation's instrument is not counted in addition to those of its members: it counts (for the
 * number, qualifier and weight) only while none of the listed members has an instrument that counts.
 */
export type OrganisationMembers = Readonly<Record<string, readonly string[]>>;

/** Shape 1-3: N qualifying instruments (optionally with a qualifier and a weight), then a day count or month rule. */
export interface InstrumentsRule {
  readonly type: 'instruments';
  readonly count: number;
  /** Which acts of consent count; default all kinds. */
  readonly countedConsents?: readonly ConsentKind[];
  /** Whether a signature without reservation of ratification counts as an instrument; default false. */
  readonly countDefinitiveSignatures?: boolean;
  /** Which kinds of party count ("three States"); default all kinds. Other parties still become bound. */
  readonly countedPartyKinds?: readonly PartyKind[];
  readonly qualifier?: Qualifier;
  readonly weight?: Weight;
  readonly organisationMembers?: OrganisationMembers;
  readonly timing: Timing;
  readonly laterParties?: LaterParties;
}

/** Shape 4: all named parties (VCLT 24(2) when the treaty is silent): the last deposit among them. */
export interface AllNamedRule {
  readonly type: 'all-named';
  readonly parties: readonly string[];
  /** Plural noun phrase for the final clause, e.g. "the States listed in Annex I". */
  readonly label?: string;
  readonly countedConsents?: readonly ConsentKind[];
  readonly countDefinitiveSignatures?: boolean;
  /** Default: on the date of the last deposit. */
  readonly timing?: Timing;
  readonly laterParties?: LaterParties;
}

/** Shape 5: the later of the two notifications that internal procedures are complete. */
export interface BilateralRule {
  readonly type: 'bilateral';
  /** The two parties; default the instrument's two eligible parties. */
  readonly parties?: readonly [string, string];
  /** Default: on the date of the later notification. */
  readonly timing?: Timing;
}

/** Shape 6a: in force once every (listed) party has signed definitively (typical of MOUs) or is otherwise bound. */
export interface DefinitiveSignatureByAllRule {
  readonly type: 'definitive-signature-by-all';
  /** Default: every eligible party. */
  readonly parties?: readonly string[];
  readonly timing?: Timing;
}

/** Shape 6b: in force on a stated date. */
export interface FixedDateRule {
  readonly type: 'fixed-date';
  readonly date: LegalDate;
}

export type AcceptanceShare = { readonly numerator: number; readonly denominator: number } | { readonly percent: number };

/**
 * Shape 7: amendments and protocols, in force for the accepting parties once a share of the parties
 * (fixed at adoption, or the parties at each moment) has accepted; for a party accepting later, its own date.
 */
export interface AcceptanceShareRule {
  readonly type: 'acceptance-share';
  readonly share: AcceptanceShare;
  readonly denominator: 'fixed-at-adoption' | 'current';
  /** Which acts count as acceptance; default all kinds of consent. */
  readonly countedConsents?: readonly ConsentKind[];
  readonly organisationMembers?: OrganisationMembers;
  /** Default: on the date the share is reached. */
  readonly timing?: Timing;
  readonly laterParties?: LaterParties;
}

export type EntryIntoForceRule =
  | InstrumentsRule
  | AllNamedRule
  | BilateralRule
  | DefinitiveSignatureByAllRule
  | FixedDateRule
  | AcceptanceShareRule;
export type EntryIntoForceRuleType = EntryIntoForceRule['type'];
export const ENTRY_INTO_FORCE_RULE_TYPES = [
  'instruments',
  'all-named',
  'bilateral',
  'definitive-signature-by-all',
  'fixed-date',
  'acceptance-share',
] as const satisfies readonly EntryIntoForceRuleType[];

/** Shape 8: withdrawal (denunciation) takes effect a period after the notice, or on a later date it names. */
export interface WithdrawalTerms {
  /** 'days' / 'months': notice date plus the period; 'first-day-of-month-after-months': the first day of the month following notice + period months. */
  readonly notice: 'days' | 'months' | 'first-day-of-month-after-months';
  readonly period: number;
  /** No notice may be given during this many years after entry into force. */
  readonly lockInYears?: number;
  /** Whose entry into force starts the lock-in; default 'party' (the withdrawing party's own date). */
  readonly lockInFrom?: 'party' | 'instrument';
}

/** Shape 9: an MOU's term. Durations without a term = indefinite. */
export interface TermTerms {
  /** When the term starts; default 'entry-into-force'. */
  readonly effectiveOn?: 'entry-into-force' | LegalDate;
  readonly termYears?: number;
  readonly termMonths?: number;
  readonly autoRenew: boolean;
  /** Length of each renewal; default the initial term. */
  readonly renewalMonths?: number;
  /** At most this many renewals; default unlimited. */
  readonly maxRenewals?: number;
  /**
   * Termination at any time, effective this many months after the notice. Without it a notice only
   * prevents renewal: the MOU ends at the end of the term running when the notice is given.
   */
  readonly terminationNoticeMonths?: number;
}

/** The final clauses of one instrument. */
export interface InstrumentTerms {
  readonly entryIntoForce: EntryIntoForceRule;
  /** Default: VCLT 56(2), twelve months' notice. */
  readonly withdrawal?: WithdrawalTerms;
  readonly term?: TermTerms;
}

/** Art. 24(2)-style default for MOUs and anything created without a rule. */
export const defaultRule: EntryIntoForceRule = { type: 'definitive-signature-by-all' };
/** VCLT 56(2): "not less than twelve months' notice". */
export const defaultWithdrawalTerms: WithdrawalTerms = { notice: 'months', period: 12 };

// ---- validation ----------------------------------------------------------------------------------------

export interface ValidationProblem {
  /** Dotted path of the field, e.g. "entryIntoForce.qualifier.atLeast". */
  readonly path: string;
  /** A sentence that names the field, e.g. "entryIntoForce.count must be a positive integer". */
  readonly message: string;
}

/** Periods beyond these are certainly typing errors (and keep number words short). */
const MAX_DAYS = 36_600;
const MAX_MONTHS = 1_200;

type Problems = ValidationProblem[];
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

const fail = (problems: Problems, path: string, rest: string): void => {
  problems.push({ path, message: `${path} ${rest}` });
};

const checkKnownFields = (problems: Problems, value: Json, path: string, allowed: readonly string[]): void => {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(problems, `${path}.${key}`, `is not a recognised field (allowed: ${allowed.join(', ')})`);
  }
};

const checkInteger = (problems: Problems, value: unknown, path: string, min: number, max: number, required: boolean): void => {
  if (value === undefined) {
    if (required) fail(problems, path, `is required`);
    return;
  }
  const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : `an integer of at least ${min}`;
  if (!isInteger(value) || value < min) fail(problems, path, `must be ${what}`);
  else if (value > max) fail(problems, path, `must be at most ${max}`);
};

const checkBoolean = (problems: Problems, value: unknown, path: string, required: boolean): void => {
  if (value === undefined) {
    if (required) fail(problems, path, 'is required');
  } else if (typeof value !== 'boolean') fail(problems, path, 'must be true or false');
};

const checkString = (problems: Problems, value: unknown, path: string): void => {
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) fail(problems, path, 'must be a non-empty string');
};

const checkOneOf = (problems: Problems, value: unknown, path: string, allowed: readonly string[], required: boolean): void => {
  if (value === undefined) {
    if (required) fail(problems, path, `is required (one of: ${allowed.join(', ')})`);
  } else if (typeof value !== 'string' || !allowed.includes(value)) fail(problems, path, `must be one of: ${allowed.join(', ')}`);
};

const checkPartyCodes = (problems: Problems, value: unknown, path: string, required: boolean, exactly?: number): readonly string[] => {
  if (value === undefined) {
    if (required) fail(problems, path, 'is required');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    fail(problems, path, 'must be a non-empty array of party codes');
    return [];
  }
  if (exactly !== undefined && value.length !== exactly) fail(problems, path, `must name exactly ${exactly} parties`);
  const seen = new Set<string>();
  value.forEach((code, i) => {
    if (typeof code !== 'string' || code.trim() === '') fail(problems, `${path}.${i}`, 'must be a party code');
    else if (seen.has(code)) fail(problems, `${path}.${i}`, `repeats party ${code}`);
    else seen.add(code);
  });
  return [...seen];
};

const checkConsents = (problems: Problems, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    fail(problems, path, `must be a non-empty array of: ${CONSENT_KINDS.join(', ')}`);
    return;
  }
  const seen = new Set<unknown>();
  value.forEach((kind, i) => {
    if (!CONSENT_KINDS.includes(kind)) fail(problems, `${path}.${i}`, `must be one of: ${CONSENT_KINDS.join(', ')}`);
    else if (seen.has(kind)) fail(problems, `${path}.${i}`, `repeats ${String(kind)}`);
    seen.add(kind);
  });
};

const checkPartyKinds = (problems: Problems, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0 || value.some((k) => !PARTY_KINDS.includes(k))) {
    fail(problems, path, `must be a non-empty array of: ${PARTY_KINDS.join(', ')}`);
  }
};

const checkTiming = (problems: Problems, value: unknown, path: string, required: boolean): void => {
  if (value === undefined) {
    if (required) fail(problems, path, 'is required');
    return;
  }
  if (!isObject(value)) {
    fail(problems, path, `must be an object such as { "kind": "days-after", "days": 30 }`);
    return;
  }
  if (value.kind === 'days-after') {
    checkKnownFields(problems, value, path, ['kind', 'days']);
    checkInteger(problems, value.days, `${path}.days`, 0, MAX_DAYS, true);
  } else if (value.kind === 'first-day-of-month-after') {
    checkKnownFields(problems, value, path, ['kind', 'months']);
    checkInteger(problems, value.months, `${path}.months`, 0, MAX_MONTHS, true);
  } else {
    checkOneOf(problems, value.kind, `${path}.kind`, ['days-after', 'first-day-of-month-after'], true);
  }
};

const checkLaterParties = (problems: Problems, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(problems, path, 'must be an object { timing?, after? }');
    return;
  }
  checkKnownFields(problems, value, path, ['timing', 'after']);
  checkTiming(problems, value.timing, `${path}.timing`, false);
  checkOneOf(problems, value.after, `${path}.after`, ['trigger', 'entry-into-force'], false);
};

const checkOrganisationMembers = (problems: Problems, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value) || Object.keys(value).length === 0) {
    fail(problems, path, 'must be an object mapping an organisation code to the codes of its members');
    return;
  }
  for (const [org, members] of Object.entries(value)) {
    const codes = checkPartyCodes(problems, members, `${path}.${org}`, true);
    if (codes.includes(org)) fail(problems, `${path}.${org}`, 'cannot list the organisation among its own members');
  }
};

const checkQualifier = (problems: Problems, value: unknown, path: string, count: unknown): void => {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(problems, path, 'must be an object { atLeast, ofParties, label? }');
    return;
  }
  checkKnownFields(problems, value, path, ['atLeast', 'ofParties', 'label']);
  checkInteger(problems, value.atLeast, `${path}.atLeast`, 1, MAX_DAYS, true);
  const parties = checkPartyCodes(problems, value.ofParties, `${path}.ofParties`, true);
  checkString(problems, value.label, `${path}.label`);
  if (isInteger(value.atLeast) && isInteger(count) && value.atLeast > count) {
    fail(problems, `${path}.atLeast`, `cannot exceed the number of instruments required (${count})`);
  }
  if (isInteger(value.atLeast) && parties.length > 0 && value.atLeast > parties.length) {
    fail(problems, `${path}.atLeast`, `cannot exceed the number of parties in ofParties (${parties.length})`);
  }
};

const checkWeight = (problems: Problems, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(problems, path, 'must be an object { shares, minimumPercent, label? }');
    return;
  }
  checkKnownFields(problems, value, path, ['shares', 'minimumPercent', 'label']);
  if (!isObject(value.shares) || Object.keys(value.shares).length === 0) {
    fail(problems, `${path}.shares`, 'must be an object mapping party codes to non-negative numbers');
  } else {
    let total = 0;
    for (const [code, share] of Object.entries(value.shares)) {
      if (typeof share !== 'number' || !Number.isFinite(share) || share < 0) fail(problems, `${path}.shares.${code}`, 'must be a non-negative number');
      else total += share;
    }
    if (total <= 0) fail(problems, `${path}.shares`, 'must add up to more than zero');
  }
  const p = value.minimumPercent;
  if (p === undefined) fail(problems, `${path}.minimumPercent`, 'is required');
  else if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 100) fail(problems, `${path}.minimumPercent`, 'must be a number greater than 0 and at most 100');
  checkString(problems, value.label, `${path}.label`);
};

const checkShare = (problems: Problems, value: unknown, path: string): void => {
  if (!isObject(value)) {
    fail(problems, path, value === undefined ? 'is required' : 'must be { numerator, denominator } or { percent }');
    return;
  }
  if ('percent' in value) {
    checkKnownFields(problems, value, path, ['percent']);
    const p = value.percent;
    if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 100) fail(problems, `${path}.percent`, 'must be a number greater than 0 and at most 100');
    return;
  }
  checkKnownFields(problems, value, path, ['numerator', 'denominator']);
  checkInteger(problems, value.numerator, `${path}.numerator`, 1, MAX_MONTHS, true);
  checkInteger(problems, value.denominator, `${path}.denominator`, 2, MAX_MONTHS, true);
  if (isInteger(value.numerator) && isInteger(value.denominator) && value.numerator > value.denominator) {
    fail(problems, `${path}.numerator`, 'cannot exceed the denominator');
  }
};

const RULE_FIELDS: Record<EntryIntoForceRuleType, readonly string[]> = {
  instruments: ['type', 'count', 'countedConsents', 'countDefinitiveSignatures', 'countedPartyKinds', 'qualifier', 'weight', 'organisationMembers', 'timing', 'laterParties'],
  'all-named': ['type', 'parties', 'label', 'countedConsents', 'countDefinitiveSignatures', 'timing', 'laterParties'],
  bilateral: ['type', 'parties', 'timing'],
  'definitive-signature-by-all': ['type', 'parties', 'timing'],
  'fixed-date': ['type', 'date'],
  'acceptance-share': ['type', 'share', 'denominator', 'countedConsents', 'organisationMembers', 'timing', 'laterParties'],
};

/**
 * Every problem with a proposed rule, each naming its field (`path` starts with `path`, default
 * "entryIntoForce"). An empty array means the value is a valid EntryIntoForceRule.
 */
export const validateEntryIntoForceRule = (value: unknown, path = 'entryIntoForce'): ValidationProblem[] => {
  const problems: Problems = [];
  if (!isObject(value)) {
    fail(problems, path, `must be an object with a "type" (one of: ${ENTRY_INTO_FORCE_RULE_TYPES.join(', ')})`);
    return problems;
  }
  const type = value.type as EntryIntoForceRuleType;
  if (!ENTRY_INTO_FORCE_RULE_TYPES.includes(type)) {
    checkOneOf(problems, value.type, `${path}.type`, ENTRY_INTO_FORCE_RULE_TYPES, true);
    return problems;
  }
  checkKnownFields(problems, value, path, RULE_FIELDS[type]);
  switch (type) {
    case 'instruments':
      checkInteger(problems, value.count, `${path}.count`, 1, MAX_DAYS, true);
      checkConsents(problems, value.countedConsents, `${path}.countedConsents`);
      checkBoolean(problems, value.countDefinitiveSignatures, `${path}.countDefinitiveSignatures`, false);
      checkPartyKinds(problems, value.countedPartyKinds, `${path}.countedPartyKinds`);
      checkQualifier(problems, value.qualifier, `${path}.qualifier`, value.count);
      checkWeight(problems, value.weight, `${path}.weight`);
      checkOrganisationMembers(problems, value.organisationMembers, `${path}.organisationMembers`);
      checkTiming(problems, value.timing, `${path}.timing`, true);
      checkLaterParties(problems, value.laterParties, `${path}.laterParties`);
      break;
    case 'all-named':
      checkPartyCodes(problems, value.parties, `${path}.parties`, true);
      checkString(problems, value.label, `${path}.label`);
      checkConsents(problems, value.countedConsents, `${path}.countedConsents`);
      checkBoolean(problems, value.countDefinitiveSignatures, `${path}.countDefinitiveSignatures`, false);
      checkTiming(problems, value.timing, `${path}.timing`, false);
      checkLaterParties(problems, value.laterParties, `${path}.laterParties`);
      break;
    case 'bilateral':
      checkPartyCodes(problems, value.parties, `${path}.parties`, false, 2);
      checkTiming(problems, value.timing, `${path}.timing`, false);
      break;
    case 'definitive-signature-by-all':
      checkPartyCodes(problems, value.parties, `${path}.parties`, false);
      checkTiming(problems, value.timing, `${path}.timing`, false);
      break;
    case 'fixed-date':
      if (value.date === undefined) fail(problems, `${path}.date`, 'is required');
      else if (!isLegalDate(value.date)) fail(problems, `${path}.date`, 'must be a calendar date in the form YYYY-MM-DD');
      break;
    case 'acceptance-share':
      checkShare(problems, value.share, `${path}.share`);
      checkOneOf(problems, value.denominator, `${path}.denominator`, ['fixed-at-adoption', 'current'], true);
      checkConsents(problems, value.countedConsents, `${path}.countedConsents`);
      checkOrganisationMembers(problems, value.organisationMembers, `${path}.organisationMembers`);
      checkTiming(problems, value.timing, `${path}.timing`, false);
      checkLaterParties(problems, value.laterParties, `${path}.laterParties`);
      break;
    default: {
      const unreachable: never = type;
      throw new Error(`Unhandled rule type ${String(unreachable)}`);
    }
  }
  return problems;
};

export const validateWithdrawalTerms = (value: unknown, path = 'withdrawal'): ValidationProblem[] => {
  const problems: Problems = [];
  if (!isObject(value)) {
    fail(problems, path, 'must be an object { notice, period, lockInYears?, lockInFrom? }');
    return problems;
  }
  checkKnownFields(problems, value, path, ['notice', 'period', 'lockInYears', 'lockInFrom']);
  checkOneOf(problems, value.notice, `${path}.notice`, ['days', 'months', 'first-day-of-month-after-months'], true);
  checkInteger(problems, value.period, `${path}.period`, 0, value.notice === 'days' ? MAX_DAYS : MAX_MONTHS, true);
  checkInteger(problems, value.lockInYears, `${path}.lockInYears`, 1, 100, false);
  checkOneOf(problems, value.lockInFrom, `${path}.lockInFrom`, ['party', 'instrument'], false);
  if (value.lockInFrom !== undefined && value.lockInYears === undefined) fail(problems, `${path}.lockInFrom`, 'needs lockInYears');
  return problems;
};

export const validateTermTerms = (value: unknown, path = 'term'): ValidationProblem[] => {
  const problems: Problems = [];
  if (!isObject(value)) {
    fail(problems, path, 'must be an object { effectiveOn?, termYears?, termMonths?, autoRenew, renewalMonths?, maxRenewals?, terminationNoticeMonths? }');
    return problems;
  }
  checkKnownFields(problems, value, path, ['effectiveOn', 'termYears', 'termMonths', 'autoRenew', 'renewalMonths', 'maxRenewals', 'terminationNoticeMonths']);
  if (value.effectiveOn !== undefined && value.effectiveOn !== 'entry-into-force' && !isLegalDate(value.effectiveOn)) {
    fail(problems, `${path}.effectiveOn`, 'must be "entry-into-force" or a calendar date in the form YYYY-MM-DD');
  }
  checkInteger(problems, value.termYears, `${path}.termYears`, 0, 100, false);
  checkInteger(problems, value.termMonths, `${path}.termMonths`, 0, MAX_MONTHS, false);
  checkBoolean(problems, value.autoRenew, `${path}.autoRenew`, true);
  checkInteger(problems, value.renewalMonths, `${path}.renewalMonths`, 1, MAX_MONTHS, false);
  checkInteger(problems, value.maxRenewals, `${path}.maxRenewals`, 1, 1000, false);
  checkInteger(problems, value.terminationNoticeMonths, `${path}.terminationNoticeMonths`, 0, MAX_MONTHS, false);
  const months = (isInteger(value.termYears) ? value.termYears * 12 : 0) + (isInteger(value.termMonths) ? value.termMonths : 0);
  if (value.autoRenew === true && months === 0) fail(problems, `${path}.autoRenew`, 'needs a term (termYears or termMonths) to renew');
  if (value.autoRenew !== true && value.renewalMonths !== undefined) fail(problems, `${path}.renewalMonths`, 'applies only when autoRenew is true');
  if (value.autoRenew !== true && value.maxRenewals !== undefined) fail(problems, `${path}.maxRenewals`, 'applies only when autoRenew is true');
  return problems;
};

/** Validates { entryIntoForce, withdrawal?, term? } with paths "entryIntoForce.…", "withdrawal.…", "term.…". */
export const validateInstrumentTerms = (value: unknown): ValidationProblem[] => {
  if (!isObject(value)) return [{ path: '', message: 'the final clauses must be an object { entryIntoForce, withdrawal?, term? }' }];
  const problems: Problems = [];
  checkKnownFields(problems, value, 'terms', ['entryIntoForce', 'withdrawal', 'term']);
  problems.push(...validateEntryIntoForceRule(value.entryIntoForce));
  if (value.withdrawal !== undefined) problems.push(...validateWithdrawalTerms(value.withdrawal));
  if (value.term !== undefined) problems.push(...validateTermTerms(value.term));
  return problems;
};
