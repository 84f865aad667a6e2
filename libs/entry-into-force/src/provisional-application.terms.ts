/** VCLT 25(1)(a): the final clauses' provision for provisional application, and its validation. */
import { isLegalDate, type LegalDate } from './calendar.js';
import { checkKnownFields, checkOneOf, fail, isObject, startValidation, type ValidationProblem } from './validation.js';

/** Every signatory from its signature, or from a date (a later signatory from its signature). */
export type ProvisionalApplicationTerms = { readonly from: 'signature' } | { readonly from: 'date'; readonly date: LegalDate };

export const validateProvisionalApplicationTerms = (value: unknown, path = 'provisionalApplication'): ValidationProblem[] => {
  const v = startValidation();
  if (!isObject(value)) {
    fail(v, path, 'must be an object { from: "signature" } or { from: "date", date }');
    return v.problems;
  }
  checkKnownFields(v, value, path, ['from', 'date']);
  checkOneOf(v, value.from, `${path}.from`, ['signature', 'date'], true);
  if (value.from === 'signature' && value.date !== undefined) fail(v, `${path}.date`, 'is given only with from "date"; from "signature" applies from each signature');
  if (value.from === 'date' && !isLegalDate(value.date)) fail(v, `${path}.date`, 'must be a calendar date in the form YYYY-MM-DD');
  return v.problems;
};
