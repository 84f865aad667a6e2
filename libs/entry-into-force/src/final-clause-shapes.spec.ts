/**
 * The final clauses the rule schema could not say before: days then the first day of the following month, a floor
 * (years after the opening for signature, or a date), and a stated date that applies only if the condition is met
 * by then; each with its sentence and its validation.
 */
import { evaluateEntryIntoForce, type InstrumentFacts, type PartyFacts } from './entry-into-force.evaluate.js';
import { validateEntryIntoForceRule, type InstrumentsRule } from './entry-into-force.rule.js';
import { finalClauseText } from './final-clause.text.js';

const deposit = (code: string, depositedOn: string): PartyFacts => ({ code, kind: 'state', consent: { kind: 'ratification', depositedOn } });
const facts = (dates: readonly string[], openedForSignatureOn: string | null = null): InstrumentFacts => ({
  eligibleParties: dates.map((d, i) => deposit(`P${i}`, d)),
  openedForSignatureOn,
});
const rule = (extra: Partial<InstrumentsRule>): InstrumentsRule => ({ type: 'instruments', count: 3, timing: { kind: 'days-after', days: 30 }, ...extra });

describe('the first day of the month after a number of days', () => {
  const sixty = rule({ timing: { kind: 'first-day-of-month-after-days', days: 60 } });

  it.each([
    // 10 January + 60 days = 11 March (2023), the first day of the month after it is 1 April
    ['a common year', ['2022-11-01', '2022-12-01', '2023-01-10'], '2023-04-01'],
    // 10 January + 60 days = 10 March (2024, a leap year): 1 April
    ['a leap year', ['2023-11-01', '2023-12-01', '2024-01-10'], '2024-04-01'],
    // 1 December + 60 days = 30 January: 1 February
    ['across the year end', ['2023-10-01', '2023-11-01', '2023-12-01'], '2024-02-01'],
    // 2 March 2023 + 60 days = 1 May: the first day of the month *after* the sixtieth day is 1 June
    ['a sixtieth day that is itself the first of a month', ['2023-01-01', '2023-02-01', '2023-03-02'], '2023-06-01'],
  ])('counts the days, then takes the first day of the next month: %s', (_, dates, expected) => {
    expect(evaluateEntryIntoForce(sixty, facts(dates)).date).toBe(expected);
  });

  it('gives a later party its own date by the same count', () => {
    const later = rule({ timing: { kind: 'first-day-of-month-after-days', days: 60 }, laterParties: {} });
    const a = evaluateEntryIntoForce(later, facts(['2023-01-01', '2023-02-01', '2023-03-02', '2023-07-15']));
    // 15 July + 60 days = 13 September: 1 October
    expect(a.parties.find((p) => p.code === 'P3')!.entryIntoForceOn).toBe('2023-10-01');
  });

  it('reads as the clause says it', () => {
    expect(finalClauseText(sixty, { instrumentNoun: 'Convention' })).toContain(
      'This Convention shall enter into force on the first day of the month following the sixtieth day after the date on which three Parties have expressed their consent to be bound by it.',
    );
  });

  it('refuses a count of days that is not a positive integer, naming the field', () => {
    expect(validateEntryIntoForceRule(rule({ timing: { kind: 'first-day-of-month-after-days', days: 0 } }))).toEqual([
      expect.objectContaining({ path: 'entryIntoForce.timing.days' }),
    ]);
  });
});

describe('a floor: "but in no case earlier than …"', () => {
  // Chemical Weapons Convention, Article XXI(1): 180 days after the deposit of the 65th instrument, but in no case
  // earlier than two years after its opening for signature (13 January 1993). The 65th (Hungary) was deposited on
  // 31 October 1996; the Convention entered into force on 29 April 1997.
  it('the Chemical Weapons Convention: the computed date, the floor being long past', () => {
    const cwc = rule({ count: 65, timing: { kind: 'days-after', days: 180 }, notBefore: { yearsAfterOpening: 2 } });
    const dates = Array.from({ length: 64 }, (_, i) => `1995-${String((i % 12) + 1).padStart(2, '0')}-01`);
    expect(evaluateEntryIntoForce(cwc, facts([...dates, '1996-10-31'], '1993-01-13')).date).toBe('1997-04-29');
  });

  it('the floor when the condition is met early: two years after the opening, or the stated date', () => {
    const early = facts(['1993-02-01', '1993-03-01', '1993-04-01'], '1993-01-13');
    expect(evaluateEntryIntoForce(rule({ notBefore: { yearsAfterOpening: 2 } }), early).date).toBe('1995-01-13');
    expect(evaluateEntryIntoForce(rule({ notBefore: { date: '1994-01-01' } }), early).date).toBe('1994-01-01');
  });

  it('reads as the clause says it, and refuses a floor that is neither a number of years nor a date', () => {
    expect(finalClauseText(rule({ notBefore: { yearsAfterOpening: 2 } }), { instrumentNoun: 'Convention' })).toContain(
      'on the thirtieth day following the date on which three Parties have expressed their consent to be bound by it, but in no case earlier than two years after the date on which it was opened for signature.',
    );
    expect(finalClauseText(rule({ notBefore: { date: '2025-01-01' } }), { instrumentNoun: 'Convention' })).toContain('but in no case earlier than 1 January 2025.');
    expect(validateEntryIntoForceRule({ ...rule({}), notBefore: { years: 2 } }).map((p) => p.path)).toEqual(['entryIntoForce.notBefore']);
    expect(validateEntryIntoForceRule({ ...rule({}), notBefore: { date: '2025-02-30' } }).map((p) => p.path)).toEqual(['entryIntoForce.notBefore.date']);
  });
});

describe('a stated date that applies only if the condition is met by then', () => {
  const stated = rule({ onDateIfMetBy: '2025-01-01' });

  it('the stated date when the condition is met by it; the timing when it is met later', () => {
    expect(evaluateEntryIntoForce(stated, facts(['2024-03-01', '2024-05-01', '2024-12-20'])).date).toBe('2025-01-01');
    expect(evaluateEntryIntoForce(stated, facts(['2024-03-01', '2024-05-01', '2025-01-02'])).date).toBe('2025-02-01');
  });

  it('reads as the clause says it, and refuses a date that is not one', () => {
    expect(finalClauseText({ ...stated, countedConsents: ['ratification', 'acceptance'] }, { instrumentNoun: 'Agreement' })).toContain(
      'This Agreement shall enter into force on 1 January 2025, provided that the third instrument of ratification or acceptance has been deposited by that date; otherwise, it shall enter into force on the thirtieth day following the date of deposit of the third instrument of ratification or acceptance.',
    );
    expect(validateEntryIntoForceRule({ ...rule({}), onDateIfMetBy: 'soon' }).map((p) => p.path)).toEqual(['entryIntoForce.onDateIfMetBy']);
  });
});
