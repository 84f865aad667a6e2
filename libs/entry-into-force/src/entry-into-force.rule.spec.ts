import { ENTRY_INTO_FORCE_RULE_EXAMPLES, TERM_EXAMPLES, WITHDRAWAL_TERMS_EXAMPLES } from './entry-into-force.examples.js';
import {
  defaultRule,
  defaultWithdrawalTerms,
  validateEntryIntoForceRule,
  validateInstrumentTerms,
  validateTermTerms,
  validateWithdrawalTerms,
} from './entry-into-force.rule.js';

describe('validating a rule on entry into force', () => {
  it.each(Object.entries(ENTRY_INTO_FORCE_RULE_EXAMPLES))('given the OpenAPI example "%s", then it is valid', (_, example) => {
    expect(validateEntryIntoForceRule(example.value)).toEqual([]);
  });

  it('given the examples, then they cover every shape', () => {
    const types = new Set(Object.values(ENTRY_INTO_FORCE_RULE_EXAMPLES).map((e) => e.value.type));
    expect([...types].sort()).toEqual(['acceptance-share', 'all-named', 'bilateral', 'definitive-signature-by-all', 'fixed-date', 'instruments']);
  });

  it('given the default rule, then it is definitive signature by all and valid', () => {
    expect(defaultRule).toEqual({ type: 'definitive-signature-by-all' });
    expect(validateEntryIntoForceRule(defaultRule)).toEqual([]);
  });

  it('given a JSON round trip, then a rule is unchanged (plain data)', () => {
    for (const { value } of Object.values(ENTRY_INTO_FORCE_RULE_EXAMPLES)) expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  const instruments = { type: 'instruments', count: 3, timing: { kind: 'days-after', days: 30 } };
  const invalidRules: [name: string, value: unknown, path: string, message: string][] = [
    ['not an object', 'ten', 'entryIntoForce', 'entryIntoForce must be an object with a "type"'],
    ['an unknown type', { type: 'when-ready' }, 'entryIntoForce.type', 'entryIntoForce.type must be one of: instruments, all-named'],
    ['a count of zero', { ...instruments, count: 0 }, 'entryIntoForce.count', 'entryIntoForce.count must be a positive integer'],
    ['a fractional count', { ...instruments, count: 2.5 }, 'entryIntoForce.count', 'entryIntoForce.count must be a positive integer'],
    ['a missing count', { type: 'instruments', timing: { kind: 'days-after', days: 30 } }, 'entryIntoForce.count', 'entryIntoForce.count is required'],
    ['a missing timing', { type: 'instruments', count: 3 }, 'entryIntoForce.timing', 'entryIntoForce.timing is required'],
    ['an unknown timing', { ...instruments, timing: { kind: 'weeks-after', weeks: 2 } }, 'entryIntoForce.timing.kind', 'entryIntoForce.timing.kind must be one of: days-after, first-day-of-month-after'],
    ['negative days', { ...instruments, timing: { kind: 'days-after', days: -1 } }, 'entryIntoForce.timing.days', 'entryIntoForce.timing.days must be a non-negative integer'],
    ['absurd days', { ...instruments, timing: { kind: 'days-after', days: 1e9 } }, 'entryIntoForce.timing.days', 'entryIntoForce.timing.days must be at most 36600'],
    ['months missing', { ...instruments, timing: { kind: 'first-day-of-month-after' } }, 'entryIntoForce.timing.months', 'entryIntoForce.timing.months is required'],
    ['an unknown consent kind', { ...instruments, countedConsents: ['ratification', 'signature'] }, 'entryIntoForce.countedConsents.1', 'entryIntoForce.countedConsents.1 must be one of: ratification'],
    ['an empty consent list', { ...instruments, countedConsents: [] }, 'entryIntoForce.countedConsents', 'entryIntoForce.countedConsents must be a non-empty array'],
    ['a repeated consent kind', { ...instruments, countedConsents: ['accession', 'accession'] }, 'entryIntoForce.countedConsents.1', 'entryIntoForce.countedConsents.1 repeats accession'],
    ['a qualifier above the count', { ...instruments, qualifier: { atLeast: 4, ofParties: ['A1', 'A2', 'A3', 'A4'] } }, 'entryIntoForce.qualifier.atLeast', 'entryIntoForce.qualifier.atLeast cannot exceed the number of instruments required (3)'],
    ['a qualifier above its group', { ...instruments, qualifier: { atLeast: 2, ofParties: ['A1'] } }, 'entryIntoForce.qualifier.atLeast', 'entryIntoForce.qualifier.atLeast cannot exceed the number of parties in ofParties (1)'],
    ['a qualifier without parties', { ...instruments, qualifier: { atLeast: 2 } }, 'entryIntoForce.qualifier.ofParties', 'entryIntoForce.qualifier.ofParties is required'],
    ['a negative share', { ...instruments, weight: { shares: { A1: -5 }, minimumPercent: 55 } }, 'entryIntoForce.weight.shares.A1', 'entryIntoForce.weight.shares.A1 must be a non-negative number'],
    ['a percentage above 100', { ...instruments, weight: { shares: { A1: 5 }, minimumPercent: 155 } }, 'entryIntoForce.weight.minimumPercent', 'entryIntoForce.weight.minimumPercent must be a number greater than 0 and at most 100'],
    ['an organisation among its members', { ...instruments, organisationMembers: { EU: ['EU', 'FRA'] } }, 'entryIntoForce.organisationMembers.EU', 'entryIntoForce.organisationMembers.EU cannot list the organisation among its own members'],
    ['a misspelt field', { ...instruments, cont: 3 }, 'entryIntoForce.cont', 'entryIntoForce.cont is not a recognised field'],
    ['a later-parties rule of the wrong kind', { ...instruments, laterParties: { after: 'signature' } }, 'entryIntoForce.laterParties.after', 'entryIntoForce.laterParties.after must be one of: trigger, entry-into-force'],
    ['all-named without parties', { type: 'all-named', parties: [] }, 'entryIntoForce.parties', 'entryIntoForce.parties must be a non-empty array of party codes'],
    ['all-named with a repeated party', { type: 'all-named', parties: ['BRB', 'BRB'] }, 'entryIntoForce.parties.1', 'entryIntoForce.parties.1 repeats party BRB'],
    ['bilateral with three parties', { type: 'bilateral', parties: ['A1', 'A2', 'A3'] }, 'entryIntoForce.parties', 'entryIntoForce.parties must name exactly 2 parties'],
    ['a fixed date that does not exist', { type: 'fixed-date', date: '2025-02-29' }, 'entryIntoForce.date', 'entryIntoForce.date must be a calendar date in the form YYYY-MM-DD'],
    ['a share above one', { type: 'acceptance-share', share: { numerator: 5, denominator: 4 }, denominator: 'current' }, 'entryIntoForce.share.numerator', 'entryIntoForce.share.numerator cannot exceed the denominator'],
    ['a share without denominator kind', { type: 'acceptance-share', share: { percent: 75 } }, 'entryIntoForce.denominator', 'entryIntoForce.denominator is required (one of: fixed-at-adoption, current)'],
    ['a share of zero per cent', { type: 'acceptance-share', share: { percent: 0 }, denominator: 'current' }, 'entryIntoForce.share.percent', 'entryIntoForce.share.percent must be a number greater than 0 and at most 100'],
  ];
  it.each(invalidRules.map(([name, value, path, message]): [string, string, unknown, string] => [name, path, value, message]))('given %s, when validated, then the answer names %s', (_, path, value, message) => {
    const problems = validateEntryIntoForceRule(value);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)?.message).toContain(message);
  });

  it('given another prefix, then paths use it', () => {
    expect(validateEntryIntoForceRule({ type: 'instruments', count: -1, timing: { kind: 'days-after', days: 1 } }, 'body.rule')).toEqual([
      { path: 'body.rule.count', message: 'body.rule.count must be a positive integer' },
    ]);
  });
});

describe('validating withdrawal and term terms', () => {
  it.each(Object.entries(WITHDRAWAL_TERMS_EXAMPLES))('given the withdrawal example "%s", then it is valid', (_, example) => {
    expect(validateWithdrawalTerms(example.value)).toEqual([]);
  });
  it.each(Object.entries(TERM_EXAMPLES))('given the term example "%s", then it is valid', (_, example) => {
    expect(validateTermTerms(example.value)).toEqual([]);
  });
  it('given the VCLT default, then it is twelve months and valid', () => {
    expect(defaultWithdrawalTerms).toEqual({ notice: 'months', period: 12 });
    expect(validateWithdrawalTerms(defaultWithdrawalTerms)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown notice', { notice: 'weeks', period: 2 }, 'withdrawal.notice'],
    ['a negative period', { notice: 'months', period: -12 }, 'withdrawal.period'],
    ['a zero lock-in', { notice: 'months', period: 12, lockInYears: 0 }, 'withdrawal.lockInYears'],
    ['a lock-in start without years', { notice: 'months', period: 12, lockInFrom: 'party' }, 'withdrawal.lockInFrom'],
  ])('given a withdrawal with %s, then %s is named', (_, value, path) => {
    expect(validateWithdrawalTerms(value).map((p) => p.path)).toContain(path);
  });

  it.each<[string, unknown, string]>([
    ['no autoRenew', { termYears: 2 }, 'term.autoRenew'],
    ['renewal without a term', { autoRenew: true }, 'term.autoRenew'],
    ['renewal months without renewal', { termYears: 2, autoRenew: false, renewalMonths: 6 }, 'term.renewalMonths'],
    ['a bad start', { effectiveOn: 'on signature', termYears: 2, autoRenew: false }, 'term.effectiveOn'],
    ['negative notice', { autoRenew: false, terminationNoticeMonths: -1 }, 'term.terminationNoticeMonths'],
  ])('given a term with %s, then %s is named', (_, value, path) => {
    expect(validateTermTerms(value).map((p) => p.path)).toContain(path);
  });

  it('given whole terms, then each part is validated under its own name', () => {
    expect(validateInstrumentTerms({ entryIntoForce: { type: 'fixed-date' }, withdrawal: { notice: 'months' }, term: { autoRenew: 'yes' } }).map((p) => p.path)).toEqual([
      'entryIntoForce.date',
      'withdrawal.period',
      'term.autoRenew',
    ]);
  });
});
