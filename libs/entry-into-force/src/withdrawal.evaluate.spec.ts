import { evaluateWithdrawal, withdrawalAllowedFrom, withdrawalPeriodEnd } from './withdrawal.evaluate.js';

describe('withdrawal', () => {
  it.each([
    ['days', 365, '2024-03-01', '2025-03-01'],
    ['days', 90, '2023-12-01', '2024-02-29'],
    ['months', 12, '2023-02-28', '2024-02-28'],
    ['months', 1, '2024-01-31', '2024-02-29'],
    ['first-day-of-month-after-months', 12, '2024-12-31', '2026-01-01'],
    ['first-day-of-month-after-months', 6, '2024-08-31', '2025-03-01'],
  ] as const)('given notice by %s of %d from %s, then the period ends on %s', (notice, period, notifiedOn, expected) => {
    expect(withdrawalPeriodEnd({ notice, period }, notifiedOn)).toBe(expected);
  });

  it.each([
    ['party', '2021-07-01', '2025-07-01'],
    ['instrument', '2020-03-01', '2024-03-01'],
  ] as const)('given a four-year lock-in from the %s\'s entry into force, then notice is allowed from %s + 4 years', (lockInFrom, _start, expected) => {
    const terms = { notice: 'months', period: 12, lockInYears: 4, lockInFrom } as const;
    expect(withdrawalAllowedFrom(terms, { partyEntryIntoForceOn: '2021-07-01', instrumentEntryIntoForceOn: '2020-03-01' })).toBe(expected);
  });

  it('given a lock-in and an instrument not yet in force, then a notice is refused', () => {
    const a = evaluateWithdrawal({ notice: 'months', period: 12, lockInYears: 2 }, { notifiedOn: '2024-01-01' }, { partyEntryIntoForceOn: null }, 'BRB');
    expect(a).toMatchObject({ outcome: 'refused-lock-in', effectiveOn: null, allowedFrom: null });
    expect(a.flags).toEqual([expect.objectContaining({ code: 'WITHDRAWAL_DURING_LOCK_IN', party: 'BRB' })]);
  });

  it('given no lock-in, then allowedFrom is null', () => {
    expect(evaluateWithdrawal(undefined, { notifiedOn: '2024-01-01' }).allowedFrom).toBeNull();
  });

  it('given a revocation dated before the notice, then it is disregarded and flagged', () => {
    const a = evaluateWithdrawal(undefined, { notifiedOn: '2024-01-15', revokedOn: '2024-01-01' });
    expect(a).toMatchObject({ outcome: 'takes-effect', effectiveOn: '2025-01-15' });
    expect(a.flags.map((f) => f.code)).toEqual(['WITHDRAWAL_REVOKED_BEFORE_NOTICE']);
  });

  it('given a revocation the day before the withdrawal takes effect, then it is revoked', () => {
    expect(evaluateWithdrawal({ notice: 'days', period: 90 }, { notifiedOn: '2024-01-15', revokedOn: '2024-04-13' }).outcome).toBe('revoked');
  });
});
