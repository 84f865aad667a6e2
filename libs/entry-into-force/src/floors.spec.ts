/**
 * Floors and stated dates on the shapes other than `instruments` where final clauses use them: all named parties
 * and an acceptance share. Each with its date, its sentence, its validation and its explanation.
 */
import { evaluateEntryIntoForce, type InstrumentFacts, type PartyFacts } from './entry-into-force.evaluate.js';
import { validateEntryIntoForceRule, type AcceptanceShareRule, type AllNamedRule } from './entry-into-force.rule.js';
import { finalClauseText } from './final-clause.text.js';

const deposit = (code: string, depositedOn: string): PartyFacts => ({ code, kind: 'state', consent: { kind: 'ratification', depositedOn } });
const facts = (dates: readonly string[], openedForSignatureOn: string | null = null, partiesAtAdoption: number | null = null): InstrumentFacts => ({
  eligibleParties: dates.map((d, i) => deposit(`P${i}`, d)),
  openedForSignatureOn,
  ...(partiesAtAdoption !== null ? { partiesAtAdoption } : {}),
});

describe('all named parties, with a floor or a stated date', () => {
  const named = (extra: Partial<AllNamedRule>): AllNamedRule => ({ type: 'all-named', parties: ['P0', 'P1', 'P2'], countedConsents: ['ratification'], timing: { kind: 'days-after', days: 30 }, ...extra });
  const early = facts(['2023-01-10', '2023-02-10', '2023-03-01'], '2022-06-01');

  it('given a floor, then the later of the computed date and the floor', () => {
    // Last deposit 1 March 2023 + 30 days = 31 March 2023; two years after the opening: 1 June 2024.
    expect(evaluateEntryIntoForce(named({}), early).date).toBe('2023-03-31');
    expect(evaluateEntryIntoForce(named({ notBefore: { yearsAfterOpening: 2 } }), early).date).toBe('2024-06-01');
    expect(evaluateEntryIntoForce(named({ notBefore: { date: '2023-01-01' } }), early).date).toBe('2023-03-31');
  });

  it('given a floor, then a party bound before the condition was met shares the raised general date', () => {
    const parties = evaluateEntryIntoForce(named({ notBefore: { date: '2024-01-01' } }), early).parties;
    expect(parties.map((p) => p.entryIntoForceOn)).toEqual(['2024-01-01', '2024-01-01', '2024-01-01']);
  });

  it('given a stated date, then it applies if the last of them is bound by then, the timing otherwise', () => {
    expect(evaluateEntryIntoForce(named({ onDateIfMetBy: '2023-06-01' }), early).date).toBe('2023-06-01');
    expect(evaluateEntryIntoForce(named({ onDateIfMetBy: '2023-02-01' }), early).date).toBe('2023-03-31');
  });

  it('reads as the clause says it', () => {
    const names = { P0: 'Aruba', P1: 'Curaçao', P2: 'Sint Maarten' };
    expect(finalClauseText(named({ notBefore: { yearsAfterOpening: 2 } }), { instrumentNoun: 'Treaty', partyNames: names })).toBe(
      'This Treaty shall enter into force on the thirtieth day following the date of deposit of the last instrument of ratification by Aruba, Curaçao and Sint Maarten, but in no case earlier than two years after the date on which it was opened for signature.',
    );
    expect(finalClauseText(named({ onDateIfMetBy: '2025-01-01' }), { instrumentNoun: 'Treaty', partyNames: names })).toBe(
      'This Treaty shall enter into force on 1 January 2025, provided that the last instrument of ratification by Aruba, Curaçao and Sint Maarten has been deposited by that date; otherwise, it shall enter into force on the thirtieth day following the date of deposit of the last instrument of ratification by Aruba, Curaçao and Sint Maarten.',
    );
  });

  it('explains the floor', () => {
    const a = evaluateEntryIntoForce(named({ notBefore: { yearsAfterOpening: 2 } }), early);
    expect(a.explanation?.steps.at(-1)).toEqual({ op: 'not-earlier-than', floor: '2024-06-01', yearsAfterOpening: 2, result: '2024-06-01' });
  });

  it.each<[string, unknown, string[]]>([
    ['a floor of neither kind', { notBefore: { years: 2 } }, ['entryIntoForce.notBefore']],
    ['a floor date that is none', { notBefore: { date: '2025-02-30' } }, ['entryIntoForce.notBefore.date']],
    ['a stated date that is none', { onDateIfMetBy: 'soon' }, ['entryIntoForce.onDateIfMetBy']],
    ['both, valid', { notBefore: { date: '2025-01-01' }, onDateIfMetBy: '2024-01-01' }, []],
  ])('validates %s', (_, extra, paths) => {
    expect(validateEntryIntoForceRule({ ...named({}), ...(extra as object) }).map((p) => p.path)).toEqual(paths);
  });
});

describe('an acceptance share, with a floor or a stated date', () => {
  const share = (extra: Partial<AcceptanceShareRule>): AcceptanceShareRule => ({
    type: 'acceptance-share',
    share: { numerator: 2, denominator: 3 },
    denominator: 'fixed-at-adoption',
    timing: { kind: 'days-after', days: 90 },
    ...extra,
  });
  // Three parties at adoption: two acceptances are needed, the second on 1 April 2024 (+ 90 days = 30 June 2024).
  const accepted = facts(['2024-02-01', '2024-04-01'], null, 3);

  it('given a floor date, then the later of the computed date and the floor, for the accepting parties', () => {
    expect(evaluateEntryIntoForce(share({}), accepted).date).toBe('2024-06-30');
    const a = evaluateEntryIntoForce(share({ notBefore: { date: '2025-01-01' } }), accepted);
    expect(a.date).toBe('2025-01-01');
    expect(a.parties.map((p) => p.entryIntoForceOn)).toEqual(['2025-01-01', '2025-01-01']);
  });

  it('given a stated date, then it applies if the share is reached by then', () => {
    expect(evaluateEntryIntoForce(share({ onDateIfMetBy: '2024-05-01' }), accepted).date).toBe('2024-05-01');
    expect(evaluateEntryIntoForce(share({ onDateIfMetBy: '2024-03-01' }), accepted).date).toBe('2024-06-30');
    expect(evaluateEntryIntoForce(share({ onDateIfMetBy: '2024-05-01' }), accepted).explanation?.steps).toEqual([{ op: 'stated-date', result: '2024-05-01' }]);
  });

  it('reads as the clause says it', () => {
    expect(finalClauseText(share({ onDateIfMetBy: '2025-01-01', notBefore: { date: '2024-07-01' } }), { instrumentNoun: 'Amendment', parentNoun: 'the Convention' })).toBe(
      'This Amendment shall enter into force for the Parties that have accepted it on 1 January 2025, provided that by that date at least two thirds of the Parties to the Convention at the time of the adoption of this Amendment have accepted it; ' +
        'otherwise, it shall enter into force on the ninetieth day following the date on which at least two thirds of the Parties to the Convention at the time of the adoption of this Amendment have accepted it, but in no case earlier than 1 July 2024. ' +
        'Thereafter, it shall enter into force for any other Party on the ninetieth day following the date on which that Party deposits its instrument.',
    );
  });

  it('validates its floor and its stated date', () => {
    expect(validateEntryIntoForceRule({ ...share({}), notBefore: { yearsAfterOpening: 0 }, onDateIfMetBy: '2024-13-01' }).map((p) => p.path)).toEqual([
      'entryIntoForce.notBefore.yearsAfterOpening',
      'entryIntoForce.onDateIfMetBy',
    ]);
  });
});
