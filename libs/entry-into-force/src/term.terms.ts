/** Shape 9: an MOU's term and its validation; term.evaluate.ts computes its periods. */
import { isLegalDate, type LegalDate } from './calendar.js';
import { checkBoolean, checkInteger, checkKnownFields, fail, isInteger, isObject, MAX_MONTHS, startValidation, type ValidationProblem } from './validation.js';

/** Durations without a term = indefinite. */
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

export const validateTermTerms = (value: unknown, path = 'term'): ValidationProblem[] => {
  const v = startValidation();
  if (!isObject(value)) {
    fail(v, path, 'must be an object { effectiveOn?, termYears?, termMonths?, autoRenew, renewalMonths?, maxRenewals?, terminationNoticeMonths? }');
    return v.problems;
  }
  checkKnownFields(v, value, path, ['effectiveOn', 'termYears', 'termMonths', 'autoRenew', 'renewalMonths', 'maxRenewals', 'terminationNoticeMonths']);
  if (value.effectiveOn !== undefined && value.effectiveOn !== 'entry-into-force' && !isLegalDate(value.effectiveOn)) {
    fail(v, `${path}.effectiveOn`, 'must be "entry-into-force" or a calendar date in the form YYYY-MM-DD');
  }
  checkInteger(v, value.termYears, `${path}.termYears`, 0, 100, false);
  checkInteger(v, value.termMonths, `${path}.termMonths`, 0, MAX_MONTHS, false);
  checkBoolean(v, value.autoRenew, `${path}.autoRenew`, true);
  checkInteger(v, value.renewalMonths, `${path}.renewalMonths`, 1, MAX_MONTHS, false);
  checkInteger(v, value.maxRenewals, `${path}.maxRenewals`, 1, 1000, false);
  checkInteger(v, value.terminationNoticeMonths, `${path}.terminationNoticeMonths`, 0, MAX_MONTHS, false);
  const months = (isInteger(value.termYears) ? value.termYears * 12 : 0) + (isInteger(value.termMonths) ? value.termMonths : 0);
  if (value.autoRenew === true && months === 0) fail(v, `${path}.autoRenew`, 'needs a term (termYears or termMonths) to renew');
  if (value.autoRenew !== true && value.renewalMonths !== undefined) fail(v, `${path}.renewalMonths`, 'applies only when autoRenew is true');
  if (value.autoRenew !== true && value.maxRenewals !== undefined) fail(v, `${path}.maxRenewals`, 'applies only when autoRenew is true');
  return v.problems;
};
