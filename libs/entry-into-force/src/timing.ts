/** When an instrument enters into force, counted from the act that met the condition: type, validation, date and words. */
import { addDaysTo, firstDayOfMonthAfterMonths, firstDayOfMonthFollowing, type LegalDate } from './calendar.js';
import { checkInteger, checkKnownFields, checkOneOf, fail, isObject, MAX_DAYS, MAX_MONTHS, type Validation } from './validation.js';
import { monthsInWords, ordinal } from './words.js';

export type Timing =
  /** On the date plus `days` days ("the thirtieth day following"); 0 = on the date itself. */
  | { readonly kind: 'days-after'; readonly days: number }
  /** "The first day of the month following the expiration of a period of `months` months after" the date; 0 = first day of the next month. */
  | { readonly kind: 'first-day-of-month-after'; readonly months: number }
  /** "The first day of the month after the `days`th day following" the date: count the days, then take the next month's first day. */
  | { readonly kind: 'first-day-of-month-after-days'; readonly days: number };

export const checkTiming = (v: Validation, value: unknown, path: string, required: boolean): void => {
  if (value === undefined) {
    if (required) fail(v, path, 'is required');
    return;
  }
  if (!isObject(value)) {
    fail(v, path, `must be an object such as { "kind": "days-after", "days": 30 }`);
    return;
  }
  if (value.kind === 'days-after') {
    checkKnownFields(v, value, path, ['kind', 'days']);
    checkInteger(v, value.days, `${path}.days`, 0, MAX_DAYS, true);
  } else if (value.kind === 'first-day-of-month-after') {
    checkKnownFields(v, value, path, ['kind', 'months']);
    checkInteger(v, value.months, `${path}.months`, 0, MAX_MONTHS, true);
  } else if (value.kind === 'first-day-of-month-after-days') {
    checkKnownFields(v, value, path, ['kind', 'days']);
    checkInteger(v, value.days, `${path}.days`, 1, MAX_DAYS, true);
  } else {
    checkOneOf(v, value.kind, `${path}.kind`, ['days-after', 'first-day-of-month-after', 'first-day-of-month-after-days'], true);
  }
};

/** The date `timing` gives from the date the condition was met; no timing = that same date. */
export const applyTiming = (date: LegalDate, timing: Timing | undefined): LegalDate => {
  if (!timing) return date;
  switch (timing.kind) {
    case 'days-after':
      return addDaysTo(date, timing.days);
    case 'first-day-of-month-after':
      return firstDayOfMonthAfterMonths(date, timing.months);
    case 'first-day-of-month-after-days':
      return firstDayOfMonthFollowing(addDaysTo(date, timing.days));
  }
};

/** "on the thirtieth day following <event>", "on the first day of the month following the expiration of ...". */
export const timingPhrase = (timing: Timing | undefined, event: string): string => {
  if (!timing || (timing.kind === 'days-after' && timing.days === 0)) return `on ${event}`;
  if (timing.kind === 'days-after') return `on the ${ordinal(timing.days)} day following ${event}`;
  if (timing.kind === 'first-day-of-month-after-days') return `on the first day of the month following the ${ordinal(timing.days)} day after ${event}`;
  if (timing.months === 0) return `on the first day of the month following ${event}`;
  return `on the first day of the month following the expiration of a period of ${monthsInWords(timing.months)} after ${event}`;
};

export const sameTiming = (a: Timing | undefined, b: Timing | undefined): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
