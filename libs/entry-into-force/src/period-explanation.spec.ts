import { evaluateEntryIntoForce } from './entry-into-force.evaluate.js';
import type { InstrumentFacts } from './entry-into-force.assessment.js';
import { explainWithdrawalDate } from './period-explanation.js';
import { evaluateTerm } from './term.evaluate.js';

describe('why this date: withdrawal', () => {
  it.each([
    ['months', { notice: 'months', period: 12 } as const, '2020-03-01', null, '2021-03-01', 'Withdrawal takes effect: notice of withdrawal by NLD on 1 March 2020 + 12 months = 1 March 2021.'],
    ['days', { notice: 'days', period: 90 } as const, '2023-12-01', null, '2024-02-29', 'Withdrawal takes effect: notice of withdrawal by NLD on 1 December 2023 + 90 days = 29 February 2024.'],
    [
      'the first day of a month',
      { notice: 'first-day-of-month-after-months', period: 12 } as const,
      '2024-12-31',
      null,
      '2026-01-01',
      'Withdrawal takes effect: notice of withdrawal by NLD on 31 December 2024 + 12 months = 31 December 2025; the first day of the following month = 1 January 2026.',
    ],
    [
      'a later named date',
      { notice: 'months', period: 6 } as const,
      '2020-03-01',
      '2021-01-01',
      '2021-01-01',
      'Withdrawal takes effect: notice of withdrawal by NLD on 1 March 2020 + 6 months = 1 September 2020; the later date named in the notice = 1 January 2021.',
    ],
  ])('given notice by %s, then the arithmetic reaches the effective date', (_, terms, notifiedOn, named, effectiveOn, text) => {
    const e = explainWithdrawalDate(terms, { notifiedOn, namedEffectiveOn: named }, effectiveOn, 'NLD');
    expect(e.text).toBe(text);
    expect(e.date).toBe(effectiveOn);
    expect(e.steps.at(-1)?.result).toBe(effectiveOn);
  });

  it('given a party withdrawing under the default terms, then its assessment explains the date in its name', () => {
    const facts: InstrumentFacts = {
      eligibleParties: [
        { code: 'NLD', kind: 'state', consent: { kind: 'ratification', depositedOn: '2019-01-10' }, withdrawal: { notifiedOn: '2022-05-31' } },
        { code: 'SUR', kind: 'state', consent: { kind: 'ratification', depositedOn: '2019-01-12' } },
      ],
    };
    const a = evaluateEntryIntoForce({ type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } }, facts, { partyNames: { NLD: 'the Netherlands' } });
    const nld = a.parties.find((p) => p.code === 'NLD')!;
    expect(nld.withdrawalEffectiveOn).toBe('2023-05-31');
    expect(nld.withdrawalExplanation?.text).toBe('Withdrawal takes effect: notice of withdrawal by the Netherlands on 31 May 2022 + 12 months = 31 May 2023.');
    expect(a.parties.find((p) => p.code === 'SUR')!.withdrawalExplanation).toBeNull();
  });

  it('given a revoked notice, then there is no date to explain', () => {
    const facts: InstrumentFacts = {
      eligibleParties: [{ code: 'NLD', kind: 'state', consent: { kind: 'ratification', depositedOn: '2019-01-10' }, withdrawal: { notifiedOn: '2022-05-31', revokedOn: '2022-06-30' } }],
    };
    expect(evaluateEntryIntoForce({ type: 'instruments', count: 1, timing: { kind: 'days-after', days: 30 } }, facts).parties[0]!.withdrawalExplanation).toBeNull();
  });
});

describe('why this date: an MOU term', () => {
  it('given a fixed term, then its expiry is the start plus the term', () => {
    const a = evaluateTerm({ termYears: 5, autoRenew: false }, { entryIntoForceOn: '2017-05-10' });
    expect(a.explanations.expiry?.text).toBe('The term expires: coming into effect on 10 May 2017 + 60 months = 10 May 2022.');
    expect(a.explanations.renewal).toBeNull();
    expect(a.nextRenewalOn).toBeNull();
  });

  it('given a renewing term with a limit, then the next renewal and the expiry count renewals from the start', () => {
    const a = evaluateTerm({ termYears: 2, autoRenew: true, renewalMonths: 12, maxRenewals: 2 }, { entryIntoForceOn: '2024-01-31' }, { asOf: '2026-03-01' });
    expect(a.nextRenewalOn).toBe('2027-01-31');
    expect(a.explanations.renewal?.text).toBe('The next period begins: coming into effect on 31 January 2024 + 24 months = 31 January 2026 + 1 renewal of 12 months = 31 January 2027.');
    expect(a.explanations.expiry?.text).toBe('The term expires: coming into effect on 31 January 2024 + 24 months = 31 January 2026 + 2 renewals of 12 months = 31 January 2028.');
  });

  it('given termination on notice, then the notice period is counted from the notice, by the participant that gave it', () => {
    const a = evaluateTerm(
      { termYears: 2, autoRenew: true, terminationNoticeMonths: 1 },
      { entryIntoForceOn: '2017-05-24', termination: { notifiedOn: '2020-02-10', by: 'CPU' } },
      { partyNames: { CPU: 'the Caribbean Postal Union' } },
    );
    expect(a.terminationEffectiveOn).toBe('2020-03-10');
    expect(a.explanations.termination?.text).toBe('Termination takes effect: notice of termination by the Caribbean Postal Union on 10 February 2020 + 1 month = 10 March 2020.');
    expect(a.explanations.expiry).toBeNull();
  });

  it('given a notice where the term has no termination clause, then it ends the period then running', () => {
    const a = evaluateTerm({ termYears: 1, autoRenew: true }, { entryIntoForceOn: '2020-01-01', termination: { notifiedOn: '2021-06-01', by: 'CPU' } });
    expect(a.terminationEffectiveOn).toBe('2022-01-01');
    expect(a.explanations.termination).toMatchObject({ basis: 'termination', stoppedBy: { party: 'CPU', on: '2021-06-01' } });
    expect(a.explanations.termination?.text).toBe(
      'Termination takes effect: the notice by CPU on 1 June 2021 ends the period then running; coming into effect on 1 January 2020 + 12 months = 1 January 2021 + 1 renewal of 12 months = 1 January 2022.',
    );
  });

  it('given a term not yet started, then nothing is explained', () => {
    expect(evaluateTerm({ termYears: 1, autoRenew: true }, { entryIntoForceOn: null }).explanations).toEqual({ expiry: null, renewal: null, termination: null });
  });
});
