/**
 * Floors and conditional fixed dates, shared by the rule shapes whose final clauses use them (instruments, all
 * named parties, acceptance share): "… but in no case earlier than two years after its opening for signature"
 * (or than a stated date: the later date wins), and "on 1 January 2025, provided that by that date …; otherwise
 * …" (met later, the timing applies as usual).
 */
import { addYearsTo, formatLegalDateLong, isLegalDate, latestDate, type LegalDate } from './calendar.js';
import type { ClauseWords } from './final-clause.words.js';
import { applyTiming, timingPhrase, type Timing } from './timing.js';
import { checkInteger, checkKnownFields, fail, isObject, type Json, type Validation } from './validation.js';
import { cardinal } from './words.js';

/** "But in no case earlier than two years after its opening for signature", or than a stated date: the later date wins. */
export type NotBefore = { readonly yearsAfterOpening: number } | { readonly date: LegalDate };

export interface Floors {
  /** A floor under the general date (never under a later party's own, which is not earlier than the general date anyway). */
  readonly notBefore?: NotBefore;
  /** In force on this date if the condition is met by then; met later, the timing applies as usual. */
  readonly onDateIfMetBy?: LegalDate;
}

export const FLOOR_FIELDS = { notBefore: true, onDateIfMetBy: true } as const;

const checkNotBefore = (v: Validation, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value) || ('yearsAfterOpening' in value) === ('date' in value)) {
    fail(v, path, 'must be an object with either yearsAfterOpening (a positive integer) or date (YYYY-MM-DD)');
    return;
  }
  if ('yearsAfterOpening' in value) {
    checkKnownFields(v, value, path, ['yearsAfterOpening']);
    checkInteger(v, value.yearsAfterOpening, `${path}.yearsAfterOpening`, 1, 100, true);
  } else {
    checkKnownFields(v, value, path, ['date']);
    if (!isLegalDate(value.date)) fail(v, `${path}.date`, 'must be a calendar date in the form YYYY-MM-DD');
  }
};

export const checkFloors = (v: Validation, value: Json, path: string): void => {
  checkNotBefore(v, value.notBefore, `${path}.notBefore`);
  if (value.onDateIfMetBy !== undefined && !isLegalDate(value.onDateIfMetBy)) fail(v, `${path}.onDateIfMetBy`, 'must be a calendar date in the form YYYY-MM-DD');
};

/** The floor a rule sets, where it can be known (a floor counted from the opening needs the opening). */
export const floorOf = (rule: Floors, openedOn: LegalDate | null): LegalDate | null => {
  if (!rule.notBefore) return null;
  if ('date' in rule.notBefore) return rule.notBefore.date;
  return openedOn ? addYearsTo(openedOn, rule.notBefore.yearsAfterOpening) : null;
};

/** The general date once the condition is met on `metOn`: the stated date if met by then, else the timing; then the floor. */
export const flooredDate = (rule: Floors, metOn: LegalDate, timing: Timing | undefined, openedOn: LegalDate | null): LegalDate => {
  const counted = rule.onDateIfMetBy && metOn <= rule.onDateIfMetBy ? rule.onDateIfMetBy : applyTiming(metOn, timing);
  return latestDate(counted, floorOf(rule, openedOn))!;
};

/** ", but in no case earlier than …", or nothing. */
const floorPhrase = (rule: Floors): string =>
  rule.notBefore
    ? `, but in no case earlier than ${'date' in rule.notBefore ? formatLegalDateLong(rule.notBefore.date) : `${cardinal(rule.notBefore.yearsAfterOpening)} ${rule.notBefore.yearsAfterOpening === 1 ? 'year' : 'years'} after the date on which it was opened for signature`}`
    : '';

/** "the date of deposit of the tenth instrument …" / "the date on which ten Parties have …": the condition as a clause. */
const conditionOf = (event: string): string =>
  event.startsWith('the date of deposit of ')
    ? `${event.slice('the date of deposit of '.length)} has been deposited by that date`
    : event.startsWith('the date on which ')
      ? `by that date ${event.slice('the date on which '.length)}`
      : `${event} has occurred by that date`;

/**
 * The sentence on entry into force with the rule's floor and stated date: "This Treaty shall enter into force
 * {timing}{floor}." or "This Treaty shall enter into force on {date}, provided that {condition}; otherwise, it
 * shall enter into force {timing}{floor}." `forWhom` follows the verb ("for the Parties that have accepted it").
 */
export const enterSentence = (w: ClauseWords, rule: Floors, timing: Timing | undefined, event: string, forWhom = ''): string => {
  const floor = floorPhrase(rule);
  const enter = `${w.enter}${forWhom ? ` ${forWhom}` : ''}`;
  return rule.onDateIfMetBy
    ? `This ${w.noun} shall ${enter} on ${formatLegalDateLong(rule.onDateIfMetBy)}, provided that ${conditionOf(event)}; otherwise, it shall ${w.enter} ${timingPhrase(timing, event)}${floor}.`
    : `This ${w.noun} shall ${enter} ${timingPhrase(timing, event)}${floor}.`;
};
