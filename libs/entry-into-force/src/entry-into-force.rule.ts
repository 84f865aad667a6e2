/**
 * The final clauses as data: a JSON-serialisable rule on entry into force (one shape per kind of clause
 * in the domain primer, each in its own module under rules/), plus withdrawal terms and an MOU's term.
 * Validation answers with the field path, so the HTTP edge can reply 400 naming the field.
 */
import { RULE_SHAPES, isRuleType, shapeOf, type EntryIntoForceRule, type EntryIntoForceRuleType } from './rules/rule-shapes.js';
import { validateProvisionalApplicationTerms, type ProvisionalApplicationTerms } from './provisional-application.terms.js';
import { validateTermTerms, type TermTerms } from './term.terms.js';
import { checkKnownFields, checkOneOf, fail, isObject, startValidation, type RuleValidationOptions, type ValidationProblem } from './validation.js';
import { validateWithdrawalTerms, type WithdrawalTerms } from './withdrawal.terms.js';

export { CONSENT_KINDS, PARTY_CODE_PATTERN, PARTY_KINDS, type ConsentKind, type PartyKind } from './vocabulary.js';
export type { Timing } from './timing.js';
export type { LaterParties } from './later-parties.js';
export type { OrganisationMembers } from './organisation-members.js';
export type { InstrumentsRule, Qualifier, Weight } from './rules/instruments.rule.js';
export type { AllNamedRule } from './rules/all-named.rule.js';
export type { BilateralRule } from './rules/bilateral.rule.js';
export type { DefinitiveSignatureByAllRule } from './rules/definitive-signature-by-all.rule.js';
export type { FixedDateRule } from './rules/fixed-date.rule.js';
export type { AcceptanceShare, AcceptanceShareRule } from './rules/acceptance-share.rule.js';
export type { EntryIntoForceRule, EntryIntoForceRuleType } from './rules/rule-shapes.js';
export { defaultWithdrawalTerms, validateWithdrawalTerms, type WithdrawalTerms } from './withdrawal.terms.js';
export { validateTermTerms, type TermTerms } from './term.terms.js';
export { validateProvisionalApplicationTerms, type ProvisionalApplicationTerms } from './provisional-application.terms.js';
export type { RuleValidationOptions, ValidationProblem } from './validation.js';

/** Every rule type, in the registry's order. */
export const ENTRY_INTO_FORCE_RULE_TYPES = Object.keys(RULE_SHAPES) as readonly EntryIntoForceRuleType[];

/** The final clauses of one instrument. */
export interface InstrumentTerms {
  readonly entryIntoForce: EntryIntoForceRule;
  /** Default: VCLT 56(2), twelve months' notice. */
  readonly withdrawal?: WithdrawalTerms;
  readonly term?: TermTerms;
  /** Absent: the final clauses foresee no provisional application (a party may still declare it, VCLT 25(1)(b)). */
  readonly provisionalApplication?: ProvisionalApplicationTerms;
}

/** Art. 24(2)-style default for MOUs and anything created without a rule. */
export const defaultRule: EntryIntoForceRule = { type: 'definitive-signature-by-all' };

/**
 * Every problem with a proposed rule, each naming its field (`path` starts with `path`, default
 * "entryIntoForce"). An empty array means the value is a valid EntryIntoForceRule. Every party code the
 * rule names must have the registry's shape and, given `options.eligibleParties`, be one of them.
 */
export const validateEntryIntoForceRule = (value: unknown, path = 'entryIntoForce', options: RuleValidationOptions = {}): ValidationProblem[] => {
  const v = startValidation(options);
  if (!isObject(value)) {
    fail(v, path, `must be an object with a "type" (one of: ${ENTRY_INTO_FORCE_RULE_TYPES.join(', ')})`);
    return v.problems;
  }
  if (!isRuleType(value.type)) {
    checkOneOf(v, value.type, `${path}.type`, ENTRY_INTO_FORCE_RULE_TYPES, true);
    return v.problems;
  }
  const shape = shapeOf(value.type);
  checkKnownFields(v, value, path, Object.keys(shape.fields));
  shape.validate(value, path, v);
  return v.problems;
};

/**
 * Validates { entryIntoForce, withdrawal?, term?, provisionalApplication? } with paths "entryIntoForce.…", "withdrawal.…",
 * "term.…", "provisionalApplication.…".
 * Given `options.eligibleParties`, a party code the rule names outside them is a problem naming the code.
 */
export const validateInstrumentTerms = (value: unknown, options: RuleValidationOptions = {}): ValidationProblem[] => {
  if (!isObject(value)) return [{ path: '', message: 'the final clauses must be an object { entryIntoForce, withdrawal?, term?, provisionalApplication? }' }];
  const v = startValidation(options);
  checkKnownFields(v, value, 'terms', ['entryIntoForce', 'withdrawal', 'term', 'provisionalApplication']);
  v.problems.push(...validateEntryIntoForceRule(value.entryIntoForce, 'entryIntoForce', options));
  if (value.withdrawal !== undefined) v.problems.push(...validateWithdrawalTerms(value.withdrawal));
  if (value.term !== undefined) v.problems.push(...validateTermTerms(value.term));
  if (value.provisionalApplication !== undefined) v.problems.push(...validateProvisionalApplicationTerms(value.provisionalApplication));
  return v.problems;
};
