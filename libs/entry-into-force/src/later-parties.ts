/** Parties that consent once the condition is met: type, validation, their own date and the sentence that says it. */
import { latestDate, type LegalDate } from './calendar.js';
import type { ClauseWords } from './final-clause.words.js';
import { applyTiming, checkTiming, sameTiming, timingPhrase, type Timing } from './timing.js';
import { checkKnownFields, checkOneOf, fail, isObject, type Validation } from './validation.js';

/**
 * For a party that consents once the condition is met: its own date. `after` says which parties that is:
 * those consenting after the act that met the condition ('trigger', the usual UN wording "after the deposit
 * of the tenth instrument"), or only those consenting on or after the general entry into force
 * ('entry-into-force'; earlier ones get the general date). A party's own date is never before the general date.
 */
export interface LaterParties {
  /** Default: the rule's general timing. */
  readonly timing?: Timing;
  /** Default 'trigger'. */
  readonly after?: 'trigger' | 'entry-into-force';
}

export const checkLaterParties = (v: Validation, value: unknown, path: string): void => {
  if (value === undefined) return;
  if (!isObject(value)) {
    fail(v, path, 'must be an object { timing?, after? }');
    return;
  }
  checkKnownFields(v, value, path, ['timing', 'after']);
  checkTiming(v, value.timing, `${path}.timing`, false);
  checkOneOf(v, value.after, `${path}.after`, ['trigger', 'entry-into-force'], false);
};

/** A bound party's own date: the general date, or for a later party its own count, never before the general date. */
export const laterPartyDate = (
  general: { readonly date: LegalDate; readonly triggerMetOn: LegalDate },
  boundOn: LegalDate,
  later: LaterParties | undefined,
  generalTiming: Timing | undefined,
): LegalDate => {
  const isLater = (later?.after ?? 'trigger') === 'trigger' ? boundOn > general.triggerMetOn : boundOn >= general.date;
  if (!isLater) return general.date;
  return latestDate(general.date, applyTiming(boundOn, later?.timing ?? generalTiming))!;
};

export const laterPartiesSentence = (
  w: ClauseWords,
  later: LaterParties | undefined,
  general: Timing | undefined,
  afterTrigger: string,
  who: string,
  ownEvent: string,
): string => {
  const after = (later?.after ?? 'trigger') === 'trigger' ? afterTrigger : `after its ${w.entry}`;
  const timing = later?.timing ?? general;
  // The evaluator never gives a later party a date before the general one; say so when timings differ.
  const floor = later?.timing !== undefined && !sameTiming(later.timing, general) && (later?.after ?? 'trigger') === 'trigger' ? `, but not before this ${w.noun} enters into force` : '';
  return `For each ${who} that expresses its consent to be bound by this ${w.noun} ${after}, this ${w.noun} shall ${w.enter} ${timingPhrase(timing, ownEvent)}${floor}.`;
};
