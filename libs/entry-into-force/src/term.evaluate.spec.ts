import type { TermTerms } from './entry-into-force.rule.js';
import { evaluateTerm } from './term.evaluate.js';

// Signed by both participants on 2017-05-23 (the CCLEC-CPU MOU of the seed story; the term is illustrative).
const signed = '2017-05-23';

describe('MOU term', () => {
  describe('a two-year MOU that expires', () => {
    const term: TermTerms = { termYears: 2, autoRenew: false };
    it.each([
      ['2017-05-22', 'not-yet-in-effect', null],
      ['2017-05-23', 'in-effect', 1],
      ['2019-05-22', 'in-effect', 1],
      ['2019-05-23', 'expired', 1],
      ['2030-01-01', 'expired', 1],
    ])('given asOf %s, when evaluated, then it is %s (term %p)', (asOf, status, number) => {
      const a = evaluateTerm(term, { entryIntoForceOn: signed }, { asOf });
      expect(a.status).toBe(status);
      expect(a.currentTerm?.number ?? null).toBe(number);
      expect(a).toMatchObject({ startsOn: signed, ceasesOn: '2019-05-23', lastDayInEffect: '2019-05-22', endsBy: 'expiry', renews: false });
    });
  });

  describe('a one-year MOU that renews automatically', () => {
    const term: TermTerms = { termYears: 1, autoRenew: true };
    it.each([
      ['2018-05-22', 1, '2017-05-23', '2018-05-22', 0],
      ['2018-05-23', 2, '2018-05-23', '2019-05-22', 1],
      ['2020-06-01', 4, '2020-05-23', '2021-05-22', 3],
    ])('given asOf %s, when evaluated, then the current term is number %d (%s to %s) after %d renewals', (asOf, number, startsOn, lastDay, renewals) => {
      const a = evaluateTerm(term, { entryIntoForceOn: signed }, { asOf });
      expect(a).toMatchObject({ status: 'in-effect', renews: true, ceasesOn: null, renewals, currentTerm: { number, startsOn, lastDay } });
    });

    it('given a notice without a termination clause, then the term running at the notice is the last', () => {
      const a = evaluateTerm(term, { entryIntoForceOn: signed, termination: { notifiedOn: '2019-09-01' } }, { asOf: '2020-05-23' });
      expect(a).toMatchObject({ status: 'terminated', ceasesOn: '2020-05-23', lastDayInEffect: '2020-05-22', endsBy: 'termination', renewals: 2, currentTerm: { number: 3 } });
    });
  });

  it('given renewals limited to two six-month periods, then it expires after the second renewal', () => {
    const a = evaluateTerm({ termYears: 1, autoRenew: true, renewalMonths: 6, maxRenewals: 2 }, { entryIntoForceOn: signed }, { asOf: '2019-06-01' });
    expect(a).toMatchObject({ status: 'expired', ceasesOn: '2019-05-23', endsBy: 'expiry', renewals: 2, currentTerm: { number: 3, startsOn: '2018-11-23', lastDay: '2019-05-22' } });
  });

  it('given one month\'s notice of termination, then it ends a month after the notice, within the term', () => {
    const term: TermTerms = { termYears: 2, autoRenew: true, terminationNoticeMonths: 1 };
    const facts = { entryIntoForceOn: signed, termination: { notifiedOn: '2020-01-31', by: 'CPU' } };
    expect(evaluateTerm(term, facts, { asOf: '2020-02-28' })).toMatchObject({ status: 'in-effect', terminationEffectiveOn: '2020-02-29', lastDayInEffect: '2020-02-28' });
    expect(evaluateTerm(term, facts, { asOf: '2020-02-29' })).toMatchObject({ status: 'terminated', endsBy: 'termination', renews: true });
    // Before the notice was given, nothing was known of it.
    expect(evaluateTerm(term, facts, { asOf: '2020-01-30' })).toMatchObject({ status: 'in-effect', terminationEffectiveOn: null, ceasesOn: null });
  });

  it('given a later date named in the termination notice, then it wins', () => {
    const a = evaluateTerm({ autoRenew: false, terminationNoticeMonths: 3 }, { entryIntoForceOn: signed, termination: { notifiedOn: '2020-01-15', namedEffectiveOn: '2020-12-31' } });
    expect(a).toMatchObject({ terminationEffectiveOn: '2020-12-31', ceasesOn: '2020-12-31', endsBy: 'termination' });
  });

  it('given an open-ended MOU silent on notice, then termination takes effect twelve months after the notice', () => {
    const a = evaluateTerm({ autoRenew: false }, { entryIntoForceOn: signed, termination: { notifiedOn: '2024-02-29' } });
    expect(a).toMatchObject({ initialTerm: { number: 1, startsOn: signed, lastDay: '2025-02-27' }, ceasesOn: '2025-02-28' });
  });

  it('given monthly terms from the 31st, then the boundaries are counted from the start and do not drift', () => {
    const term: TermTerms = { effectiveOn: '2024-01-31', termMonths: 1, autoRenew: true };
    const current = (asOf: string) => evaluateTerm(term, { entryIntoForceOn: null }, { asOf }).currentTerm;
    expect(current('2024-02-28')).toEqual({ number: 1, startsOn: '2024-01-31', lastDay: '2024-02-28' });
    expect(current('2024-02-29')).toEqual({ number: 2, startsOn: '2024-02-29', lastDay: '2024-03-30' });
    expect(current('2024-03-31')).toEqual({ number: 3, startsOn: '2024-03-31', lastDay: '2024-04-29' });
  });

  it('given a fixed term that does not renew, then a notice without a termination clause is flagged and changes nothing', () => {
    const a = evaluateTerm({ termYears: 2, autoRenew: false }, { entryIntoForceOn: signed, termination: { notifiedOn: '2018-01-01' } });
    expect(a.ceasesOn).toBe('2019-05-23');
    expect(a.flags.map((f) => f.code)).toEqual(['TERMINATION_NOTICE_HAS_NO_EFFECT']);
  });

  it('given the MOU is not yet in effect, then there is no term', () => {
    expect(evaluateTerm({ termYears: 2, autoRenew: false }, { entryIntoForceOn: null }, { asOf: '2020-01-01' })).toMatchObject({ status: 'not-yet-in-effect', startsOn: null, currentTerm: null });
  });
});
