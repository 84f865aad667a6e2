/** Shape 8: withdrawal (denunciation) terms and their validation; withdrawal.evaluate.ts computes their effect. */
import { checkInteger, checkKnownFields, checkOneOf, fail, isObject, MAX_DAYS, MAX_MONTHS, startValidation, type ValidationProblem } from './validation.js';

/** Withdrawal takes effect a period after the notice, or on a later date it names. */
export interface WithdrawalTerms {
  /** 'days' / 'months': notice date plus the period; 'first-day-of-month-after-months': the first day of the month following notice + period months. */
  readonly notice: 'days' | 'months' | 'first-day-of-month-after-months';
  readonly period: number;
  /** No notice may be given during this many years after entry into force. */
  readonly lockInYears?: number;
  /** Whose entry into force starts the lock-in; default 'party' (the withdrawing party's own date). */
  readonly lockInFrom?: 'party' | 'instrument';
}

/** VCLT 56(2): "not less than twelve months' notice". */
export const defaultWithdrawalTerms: WithdrawalTerms = { notice: 'months', period: 12 };

export const validateWithdrawalTerms = (value: unknown, path = 'withdrawal'): ValidationProblem[] => {
  const v = startValidation();
  if (!isObject(value)) {
    fail(v, path, 'must be an object { notice, period, lockInYears?, lockInFrom? }');
    return v.problems;
  }
  checkKnownFields(v, value, path, ['notice', 'period', 'lockInYears', 'lockInFrom']);
  checkOneOf(v, value.notice, `${path}.notice`, ['days', 'months', 'first-day-of-month-after-months'], true);
  checkInteger(v, value.period, `${path}.period`, 0, value.notice === 'days' ? MAX_DAYS : MAX_MONTHS, true);
  checkInteger(v, value.lockInYears, `${path}.lockInYears`, 1, 100, false);
  checkOneOf(v, value.lockInFrom, `${path}.lockInFrom`, ['party', 'instrument'], false);
  if (value.lockInFrom !== undefined && value.lockInYears === undefined) fail(v, `${path}.lockInFrom`, 'needs lockInYears');
  return v.problems;
};
