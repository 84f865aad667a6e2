/**
 * Calendar arithmetic on legal dates (ISO `YYYY-MM-DD` strings), delegated to date-fns.
 *
 * Timezone safety: a legal date has no time of day. Each string is parsed to local midnight, moved with
 * date-fns' calendar functions (which change the day/month fields, not a count of milliseconds) and
 * formatted back in local time, so a DST change between the two dates cannot shift the result by a day.
 * Where local midnight does not exist (zones that start DST at 00:00) the Date lands at 01:00 of the same
 * day, which formats to the same date. calendar.timezones.spec.ts runs the tables under several TZs.
 */
import { addDays, addMonths, addYears, format, isValid, parseISO, startOfMonth } from 'date-fns';

/** A calendar date as `YYYY-MM-DD`. ISO strings of this shape compare correctly as strings. */
export type LegalDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMAT = 'yyyy-MM-dd';

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-29, 2024-13-01, 2024-1-1). */
export const isLegalDate = (value: unknown): value is LegalDate => {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = parseISO(value);
  // The round trip rejects what parseISO accepts but would print differently (year 0000).
  return isValid(parsed) && format(parsed, FORMAT) === value;
};

const toDate = (date: LegalDate): Date => {
  if (!isLegalDate(date)) throw new RangeError(`Not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(date)}`);
  return parseISO(date);
};
const toLegalDate = (date: Date): LegalDate => format(date, FORMAT);

/** The date plus n calendar days: "the thirtieth day following the deposit" is addDaysTo(deposit, 30). */
export const addDaysTo = (date: LegalDate, days: number): LegalDate => toLegalDate(addDays(toDate(date), days));

/**
 * The date plus n calendar months, keeping the day of the month where it exists. From the 29th-31st the
 * result is clamped to the last day of a shorter month, as date-fns does: 31 Jan + 1 month = 28 Feb
 * (29 Feb in a leap year), 31 Mar + 1 month = 30 Apr. Periods are therefore always added from the
 * original date, never chained month by month (31 Jan + 2 months = 31 Mar, not 28 Mar).
 */
export const addMonthsTo = (date: LegalDate, months: number): LegalDate => toLegalDate(addMonths(toDate(date), months));

/** The date plus n years; 29 Feb + 1 year = 28 Feb. */
export const addYearsTo = (date: LegalDate, years: number): LegalDate => toLegalDate(addYears(toDate(date), years));

/** The first day of the month after the one the date falls in: 2024-01-31 → 2024-02-01, 2024-12-15 → 2025-01-01. */
export const firstDayOfMonthFollowing = (date: LegalDate): LegalDate =>
  toLegalDate(startOfMonth(addMonths(startOfMonth(toDate(date)), 1)));

/**
 * "The first day of the month following the expiration of a period of M months after D": add M months
 * to D, then take the first day of the following month (the primer's rule). With M = 0 it is simply the
 * first day of the month following D. The clamping of addMonthsTo cannot change the month, so the 29th-31st
 * behave like any other day.
 */
export const firstDayOfMonthAfterMonths = (date: LegalDate, months: number): LegalDate =>
  firstDayOfMonthFollowing(addMonthsTo(date, months));

/** -1, 0 or 1, for sorting. */
export const compareDates = (a: LegalDate, b: LegalDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The latest of the dates given, ignoring null/undefined; null when none is given. */
export const latestDate = (...dates: readonly (LegalDate | null | undefined)[]): LegalDate | null =>
  dates.reduce<LegalDate | null>((latest, d) => (d != null && (latest === null || d > latest) ? d : latest), null);

/** The earliest of the dates given, ignoring null/undefined; null when none is given. */
export const earliestDate = (...dates: readonly (LegalDate | null | undefined)[]): LegalDate | null =>
  dates.reduce<LegalDate | null>((earliest, d) => (d != null && (earliest === null || d < earliest) ? d : earliest), null);

/** "1 January 2025", as treaty texts write a date. */
export const formatLegalDateLong = (date: LegalDate): string => format(toDate(date), 'd MMMM yyyy');
