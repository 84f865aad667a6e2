import { evaluateEntryIntoForce, type InstrumentFacts, type PartyFacts } from './entry-into-force.evaluate.js';
import type { InstrumentsRule } from './entry-into-force.rule.js';

const deposit = (code: string, depositedOn: string, kind: 'ratification' | 'accession' = 'ratification'): PartyFacts => ({ code, kind: 'state', consent: { kind, depositedOn } });
const tenThenThirty: InstrumentsRule = { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 }, laterParties: { timing: { kind: 'days-after', days: 60 } } };

describe('why this date', () => {
  const facts: InstrumentFacts = {
    eligibleParties: [deposit('CUB', '2019-11-01'), deposit('NLD', '2019-12-02'), deposit('LCA', '2019-11-15'), deposit('JAM', '2020-03-01', 'accession')],
  };
  const a = evaluateEntryIntoForce(tenThenThirty, facts);

  it('names the act that met the condition, its place in the count, and the arithmetic', () => {
    expect(a.explanation).toEqual({
      date: '2019-12-15',
      basis: 'condition-met',
      act: { party: 'LCA', act: 'deposit', kind: 'ratification', on: '2019-11-15', position: 2 },
      required: 2,
      steps: [{ op: 'add-days', days: 30, result: '2019-12-15' }],
      text: 'The condition on the number of instruments: deposit of the second instrument (ratification) by LCA on 15 November 2019 (2 of the 2 required) + 30 days = 15 December 2019.',
    });
  });

  it('explains each party’s own date: the general date for those bound by then, its own count for a later one', () => {
    const of = (code: string) => a.parties.find((p) => p.code === code)!.entryIntoForceExplanation!;
    expect(of('CUB')).toMatchObject({ basis: 'general-date', date: '2019-12-15' });
    expect(of('CUB').text).toBe('Bound by its deposit of the instrument of ratification on 1 November 2019, the party shares the general date of entry into force: 15 December 2019.');
    expect(of('JAM')).toMatchObject({ basis: 'own-act', date: '2020-04-30', steps: [{ op: 'add-days', days: 60, result: '2020-04-30' }] });
    // deposited after the condition was met, but its own sixty days end after the general thirty: its own date
    expect(of('NLD')).toMatchObject({ basis: 'own-act', date: '2020-01-31' });
  });

  it('shows a floor and a stated date as steps', () => {
    const floor = evaluateEntryIntoForce({ ...tenThenThirty, notBefore: { yearsAfterOpening: 2 } }, { ...facts, openedForSignatureOn: '2019-05-22' });
    expect(floor.explanation!.steps).toEqual([
      { op: 'add-days', days: 30, result: '2019-12-15' },
      { op: 'not-earlier-than', floor: '2021-05-22', yearsAfterOpening: 2, result: '2021-05-22' },
    ]);
    expect(floor.explanation!.text).toContain('+ 30 days = 15 December 2019; but not earlier than 22 May 2021 (2 years after the opening for signature) = 22 May 2021.');
    const stated = evaluateEntryIntoForce({ ...tenThenThirty, onDateIfMetBy: '2020-01-01' }, facts);
    expect(stated.explanation!.steps).toEqual([{ op: 'stated-date', result: '2020-01-01' }]);
  });

  it('has no explanation while there is no date, and says so for a fixed date', () => {
    expect(evaluateEntryIntoForce(tenThenThirty, { eligibleParties: [deposit('CUB', '2019-11-01')] }).explanation).toBeNull();
    expect(evaluateEntryIntoForce({ type: 'fixed-date', date: '2025-01-01' }, facts).explanation).toMatchObject({ basis: 'fixed-date', text: 'The final clauses fix the date: 1 January 2025.' });
  });
});
