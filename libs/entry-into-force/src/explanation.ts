/**
 * Why this date: each computed date of entry into force with its explanation — the act that met the condition
 * (party, kind, date), the count at that moment, and the arithmetic step by step ("deposit of the tenth instrument
 * on 1 November 2019 + 30 days = 1 December 2019"). The steps are data, so that documents can word them in their
 * language; `text` words them in English for the API.
 */
import { addDaysTo, addMonthsTo, addYearsTo, firstDayOfMonthFollowing, formatLegalDateLong, type LegalDate } from './calendar.js';
import type { InstrumentFacts, PartyAssessment, Trigger } from './entry-into-force.assessment.js';
import type { EntryIntoForceRule } from './rules/rule-shapes.js';
import type { Timing } from './timing.js';
import type { ConsentKind } from './vocabulary.js';
import { ordinal } from './words.js';

export type ExplanationStep =
  | { readonly op: 'add-days'; readonly days: number; readonly result: LegalDate }
  | { readonly op: 'add-months'; readonly months: number; readonly result: LegalDate }
  | { readonly op: 'first-day-of-following-month'; readonly result: LegalDate }
  /** A floor: the later of the date so far and `floor` (years after the opening for signature, or a stated date). */
  | { readonly op: 'not-earlier-than'; readonly floor: LegalDate; readonly yearsAfterOpening: number | null; readonly result: LegalDate }
  /** The condition was met by the stated date: the instrument enters into force on it. */
  | { readonly op: 'stated-date'; readonly result: LegalDate }
  /** A later party's own date is never before the general date. */
  | { readonly op: 'not-before-general-date'; readonly result: LegalDate };

export interface ExplainedAct {
  readonly party: string | null;
  readonly act: Trigger['act'];
  /** For a deposit, the kind of instrument. */
  readonly kind: ConsentKind | null;
  readonly on: LegalDate;
  /** For counted instruments: it was the Nth. */
  readonly position: number | null;
}

export interface DateExplanation {
  readonly date: LegalDate;
  /**
   * `condition-met`: counted from the act that met the condition; `fixed-date`: the date the final clauses state;
   * `general-date`: a party bound by then shares the general date; `own-act`: a later party, from its own act.
   */
  readonly basis: 'condition-met' | 'fixed-date' | 'general-date' | 'own-act';
  readonly act: ExplainedAct | null;
  /** Instruments required by the rule, where it counts them. */
  readonly required: number | null;
  readonly steps: readonly ExplanationStep[];
  /** The whole explanation in English. */
  readonly text: string;
}

const timingOf = (rule: EntryIntoForceRule): Timing | undefined => ('timing' in rule ? rule.timing : undefined);

/** The arithmetic of a timing from `from`, one step per operation. */
export const timingSteps = (from: LegalDate, timing: Timing | undefined): ExplanationStep[] => {
  if (!timing) return [];
  switch (timing.kind) {
    case 'days-after':
      return timing.days === 0 ? [] : [{ op: 'add-days', days: timing.days, result: addDaysTo(from, timing.days) }];
    case 'first-day-of-month-after': {
      const added = addMonthsTo(from, timing.months);
      return [...(timing.months ? [{ op: 'add-months', months: timing.months, result: added } as const] : []), { op: 'first-day-of-following-month', result: firstDayOfMonthFollowing(added) }];
    }
    case 'first-day-of-month-after-days': {
      const added = addDaysTo(from, timing.days);
      return [{ op: 'add-days', days: timing.days, result: added }, { op: 'first-day-of-following-month', result: firstDayOfMonthFollowing(added) }];
    }
  }
};

const ACT_WORDS: Readonly<Record<Trigger['act'], string>> = {
  deposit: 'deposit',
  'definitive-signature': 'definitive signature',
  notification: 'notification that internal procedures are complete',
  'parent-parties-changed': 'change in the parties to the parent instrument',
};

const actText = (act: ExplainedAct, names: (code: string) => string): string => {
  const who = act.party ? ` by ${names(act.party)}` : '';
  const what =
    act.act === 'deposit' && act.position
      ? `deposit of the ${ordinal(act.position)} instrument${act.kind ? ` (${act.kind.replace('-', ' ')})` : ''}`
      : act.act === 'deposit' && act.kind
        ? `deposit of the instrument of ${act.kind.replace('-', ' ')}`
        : ACT_WORDS[act.act];
  return `${what}${who} on ${formatLegalDateLong(act.on)}`;
};

/** A party's own act, as it reads after "its": "deposit of the instrument of ratification on 1 November 2019". */
const ownActText = (act: ExplainedAct): string =>
  `${act.act === 'deposit' && act.kind ? `deposit of the instrument of ${act.kind.replace('-', ' ')}` : ACT_WORDS[act.act]} on ${formatLegalDateLong(act.on)}`;

const stepText = (step: ExplanationStep): string => {
  const to = formatLegalDateLong(step.result);
  switch (step.op) {
    case 'add-days':
      return `+ ${step.days} ${step.days === 1 ? 'day' : 'days'} = ${to}`;
    case 'add-months':
      return `+ ${step.months} ${step.months === 1 ? 'month' : 'months'} = ${to}`;
    case 'first-day-of-following-month':
      return `; the first day of the following month = ${to}`;
    case 'not-earlier-than':
      return `; but not earlier than ${formatLegalDateLong(step.floor)}${step.yearsAfterOpening ? ` (${step.yearsAfterOpening} ${step.yearsAfterOpening === 1 ? 'year' : 'years'} after the opening for signature)` : ''} = ${to}`;
    case 'stated-date':
      return `, by the date the final clauses state: ${to}`;
    case 'not-before-general-date':
      return `; not before the general entry into force = ${to}`;
  }
};

const withText = (e: Omit<DateExplanation, 'text'>, names: (code: string) => string, rule: string): DateExplanation => {
  let text: string;
  if (e.basis === 'fixed-date') text = `The final clauses fix the date: ${formatLegalDateLong(e.date)}.`;
  else if (e.basis === 'general-date') text = `${e.act ? `Bound by its ${ownActText(e.act)}, the party` : 'The party'} shares the general date of entry into force: ${formatLegalDateLong(e.date)}.`;
  else {
    const start = e.act ? actText(e.act, names) : 'the condition met';
    const count = e.basis === 'condition-met' && e.act?.position && e.required ? ` (${e.act.position} of the ${e.required} required)` : '';
    const steps = e.steps.map(stepText).join(' ');
    text = `${rule}: ${start}${count}${steps ? ` ${steps}` : ` = ${formatLegalDateLong(e.date)}`}.`.replace(' ;', ';').replace(' ,', ',');
    text = text.charAt(0).toUpperCase() + text.slice(1);
  }
  return { ...e, text };
};

const explainedAct = (trigger: Trigger, facts: InstrumentFacts): ExplainedAct => ({
  party: trigger.party,
  act: trigger.act,
  kind: trigger.act === 'deposit' ? (facts.eligibleParties.find((p) => p.code === trigger.party)?.consent?.kind ?? null) : null,
  on: trigger.on,
  position: trigger.position,
});

/** The timing, then the floor or stated date of a rule that may set them (floors.ts), as steps. */
const ruleSteps = (rule: EntryIntoForceRule, metOn: LegalDate, facts: InstrumentFacts): ExplanationStep[] => {
  if (rule.type !== 'instruments' && rule.type !== 'all-named' && rule.type !== 'acceptance-share') return timingSteps(metOn, timingOf(rule));
  if (rule.onDateIfMetBy && metOn <= rule.onDateIfMetBy) return [{ op: 'stated-date', result: rule.onDateIfMetBy }];
  const steps = timingSteps(metOn, rule.timing);
  const computed = steps.at(-1)?.result ?? metOn;
  if (rule.notBefore) {
    const years = 'yearsAfterOpening' in rule.notBefore ? rule.notBefore.yearsAfterOpening : null;
    const floor = years !== null ? (facts.openedForSignatureOn ? addYearsTo(facts.openedForSignatureOn, years) : null) : (rule.notBefore as { date: LegalDate }).date;
    if (floor) steps.push({ op: 'not-earlier-than', floor, yearsAfterOpening: years, result: floor > computed ? floor : computed });
  }
  return steps;
};

/** The rule's name in the explanation's words. */
const RULE_WORDS: Readonly<Record<EntryIntoForceRule['type'], string>> = {
  instruments: 'the condition on the number of instruments',
  'all-named': 'the condition that every named party be bound',
  bilateral: 'the later of the two notifications',
  'definitive-signature-by-all': 'the definitive signature of every party',
  'fixed-date': 'the stated date',
  'acceptance-share': 'the share of acceptances required',
};

/** The general date's explanation (null while the condition is unmet). */
export const explainGeneralDate = (
  rule: EntryIntoForceRule,
  general: { readonly date: LegalDate | null; readonly trigger: Trigger | null; readonly instrumentsRequired: number | null },
  facts: InstrumentFacts,
  names: (code: string) => string = (code) => code,
): DateExplanation | null => {
  if (general.date === null) return null;
  if (!general.trigger) return withText({ date: general.date, basis: 'fixed-date', act: null, required: null, steps: [] }, names, RULE_WORDS[rule.type]);
  const steps = ruleSteps(rule, general.trigger.on, facts);
  return withText(
    { date: general.date, basis: 'condition-met', act: explainedAct(general.trigger, facts), required: general.instrumentsRequired, steps },
    names,
    RULE_WORDS[rule.type],
  );
};

/** A party's own date: the general date, or its own act counted by the later parties' timing. */
export const explainPartyDate = (
  rule: EntryIntoForceRule,
  party: PartyAssessment,
  general: DateExplanation | null,
  facts: InstrumentFacts,
  names: (code: string) => string = (code) => code,
): DateExplanation | null => {
  if (!party.entryIntoForceOn || !general || !party.boundOn) return null;
  const own: ExplainedAct = {
    party: party.code,
    act: party.boundBy === 'consent' ? 'deposit' : party.boundBy === 'definitive-signature' ? 'definitive-signature' : 'notification',
    kind: facts.eligibleParties.find((p) => p.code === party.code)?.consent?.kind ?? null,
    on: party.boundOn,
    position: null,
  };
  const later = 'laterParties' in rule ? rule.laterParties?.timing : undefined;
  const steps = timingSteps(party.boundOn, later ?? timingOf(rule));
  const computed = steps.at(-1)?.result ?? party.boundOn;
  // Its own count gives the date: a later party. Otherwise it shares the general date (bound before the condition
  // was met, or its own count would fall before the general entry into force).
  if (computed === party.entryIntoForceOn) return withText({ date: computed, basis: 'own-act', act: own, required: null, steps }, names, 'for this party');
  if (party.entryIntoForceOn === general.date) return withText({ date: general.date, basis: 'general-date', act: own, required: null, steps: [] }, names, RULE_WORDS[rule.type]);
  steps.push({ op: 'not-before-general-date', result: party.entryIntoForceOn });
  return withText({ date: party.entryIntoForceOn, basis: 'own-act', act: own, required: null, steps }, names, 'for this party');
};
