/**
 * Shape 7: amendments and protocols, in force for the accepting parties once a share of the parties
 * (fixed at adoption, or the parties at each moment) has accepted; for a party accepting later, its own date.
 * A floor or a stated date applies as for the other counting shapes (floors.ts).
 */
import type { LegalDate } from '../calendar.js';
import { byDateThenInput, countingActs, depositAct, met, noShortfall, standingOn, untilMap, type Act } from '../counting.js';
import type { Trigger } from '../entry-into-force.assessment.js';
import { consentList, percentText, type ClauseWords } from '../final-clause.words.js';
import { checkLaterParties, laterPartyDate, type LaterParties } from '../later-parties.js';
import { applyOrganisationRule, checkOrganisationMembers, organisationSentence, type OrganisationMembers } from '../organisation-members.js';
import { checkFloors, enterSentence, FLOOR_FIELDS, flooredDate, type Floors } from '../floors.js';
import { checkTiming, timingPhrase, type Timing } from '../timing.js';
import { checkConsents, checkInteger, checkKnownFields, checkOneOf, fail, isInteger, isObject, MAX_MONTHS, type Validation } from '../validation.js';
import type { ConsentKind } from '../vocabulary.js';
import { fractionInWords } from '../words.js';
import type { RuleShape } from './rule-shape.js';

export type AcceptanceShare = { readonly numerator: number; readonly denominator: number } | { readonly percent: number };

export interface AcceptanceShareRule extends Floors {
  readonly type: 'acceptance-share';
  readonly share: AcceptanceShare;
  readonly denominator: 'fixed-at-adoption' | 'current';
  /** Which acts count as acceptance; default all kinds of consent. */
  readonly countedConsents?: readonly ConsentKind[];
  readonly organisationMembers?: OrganisationMembers;
  /** Default: on the date the share is reached. */
  readonly timing?: Timing;
  readonly laterParties?: LaterParties;
}

const checkShare = (v: Validation, value: unknown, path: string): void => {
  if (!isObject(value)) {
    fail(v, path, value === undefined ? 'is required' : 'must be { numerator, denominator } or { percent }');
    return;
  }
  if ('percent' in value) {
    checkKnownFields(v, value, path, ['percent']);
    const p = value.percent;
    if (typeof p !== 'number' || !Number.isFinite(p) || p <= 0 || p > 100) fail(v, `${path}.percent`, 'must be a number greater than 0 and at most 100');
    return;
  }
  checkKnownFields(v, value, path, ['numerator', 'denominator']);
  checkInteger(v, value.numerator, `${path}.numerator`, 1, MAX_MONTHS, true);
  checkInteger(v, value.denominator, `${path}.denominator`, 2, MAX_MONTHS, true);
  if (isInteger(value.numerator) && isInteger(value.denominator) && value.numerator > value.denominator) {
    fail(v, `${path}.numerator`, 'cannot exceed the denominator');
  }
};

/** Acceptances needed out of `base` parties; never fewer than one. */
const requiredAcceptances = (rule: AcceptanceShareRule, base: number): number => {
  const needed =
    'percent' in rule.share
      ? Math.ceil((rule.share.percent * base) / 100 - 1e-9)
      : Math.ceil((rule.share.numerator * base) / rule.share.denominator);
  return Math.max(needed, 1);
};

const acceptanceShareText = (rule: AcceptanceShareRule, w: ClauseWords): string[] => {
  const share = 'percent' in rule.share ? percentText(rule.share.percent) : fractionInWords(rule.share.numerator, rule.share.denominator);
  const parent = w.options.parentNoun;
  const whose = `${w.parties}${parent ? ` to ${parent}` : ''}${rule.denominator === 'fixed-at-adoption' ? ` at the time of the adoption of this ${w.noun}` : ''}`;
  const event = rule.countedConsents
    ? `the date on which instruments of ${consentList(rule.countedConsents)} have been deposited by at least ${share} of the ${whose}`
    : `the date on which at least ${share} of the ${whose} have accepted it`;
  const sentences = [enterSentence(w, rule, rule.timing, event, `for the ${w.parties} that have accepted it`)];
  const org = organisationSentence(rule.organisationMembers, w);
  if (org) sentences.push(org);
  const timing = rule.laterParties?.timing ?? rule.timing;
  sentences.push(`Thereafter, it shall ${w.enter} for any other ${w.party} ${timingPhrase(timing, `the date on which that ${w.party} deposits its instrument`)}.`);
  return sentences;
};

export const acceptanceShareShape: RuleShape<AcceptanceShareRule> = {
  fields: { type: true, share: true, denominator: true, countedConsents: true, organisationMembers: true, timing: true, laterParties: true, ...FLOOR_FIELDS },

  validate: (value, path, v) => {
    checkShare(v, value.share, `${path}.share`);
    checkOneOf(v, value.denominator, `${path}.denominator`, ['fixed-at-adoption', 'current'], true);
    checkConsents(v, value.countedConsents, `${path}.countedConsents`);
    checkOrganisationMembers(v, value.organisationMembers, `${path}.organisationMembers`);
    checkTiming(v, value.timing, `${path}.timing`, false);
    checkLaterParties(v, value.laterParties, `${path}.laterParties`);
    checkFloors(v, value, path);
  },

  evaluate: (rule, ctx) => {
    const acts = countingActs(ctx, rule);
    const until = untilMap(ctx);
    const accepted = (upTo: readonly Act[], date: LegalDate) => applyOrganisationRule(standingOn(upTo, until, date), rule.organisationMembers).length;

    // The denominator: fixed at adoption, or the parent's parties on each date.
    const fallback = ctx.parties.length;
    let baseOn: (date: LegalDate) => number;
    const parent = ctx.facts.parentParties;
    if (rule.denominator === 'fixed-at-adoption') {
      const fixed = ctx.facts.partiesAtAdoption;
      if (fixed == null) {
        ctx.flags.push({ code: 'DENOMINATOR_ASSUMED', message: `The number of parties at adoption is not known; the ${fallback} eligible parties are taken instead.` });
      }
      baseOn = () => fixed ?? fallback;
    } else if (!parent) {
      ctx.flags.push({ code: 'DENOMINATOR_ASSUMED', message: `The parties to the parent instrument are not known; the ${fallback} eligible parties are taken instead.` });
      baseOn = () => fallback;
    } else {
      baseOn = (date) => parent.filter((p) => p.partyFrom <= date && !(p.partyUntil && p.partyUntil <= date)).length;
    }

    // Check after each acceptance and, for a current denominator, after each change in the parent's parties.
    type Step = { on: LegalDate; index: number; act: Act | null; position: number };
    const steps: Step[] = acts.map((act, i) => ({ on: act.on, index: i, act, position: i + 1 }));
    if (rule.denominator === 'current' && parent) {
      const changes = parent.flatMap((p) => [p.partyFrom, ...(p.partyUntil ? [p.partyUntil] : [])]);
      for (const on of new Set(changes)) steps.push({ on, index: Number.MAX_SAFE_INTEGER, act: null, position: 0 });
      steps.sort(byDateThenInput);
    }
    let trigger: Trigger | null = null;
    let requiredAtTrigger: number | null = null;
    for (const step of steps) {
      if (step.on > ctx.reference) break;
      const upTo = step.act ? acts.slice(0, step.position) : acts.filter((a) => a.on <= step.on);
      const required = requiredAcceptances(rule, baseOn(step.on));
      if (accepted(upTo, step.on) >= required) {
        trigger = step.act
          ? { act: step.act.act, party: step.act.party.code, on: step.on, position: step.position }
          : { act: 'parent-parties-changed', party: null, on: step.on, position: null };
        requiredAtTrigger = required;
        break;
      }
    }
    const nowBase = baseOn(ctx.reference);
    const nowRequired = requiredAcceptances(rule, nowBase);
    const nowAccepted = accepted(acts, ctx.reference);
    return {
      trigger,
      date: trigger ? flooredDate(rule, trigger.on, rule.timing, ctx.facts.openedForSignatureOn ?? null) : null,
      instrumentsRequired: requiredAtTrigger ?? nowRequired,
      instrumentsDeposited: nowAccepted,
      qualifyingDeposited: null,
      weightPercent: null,
      shareDenominator: trigger ? baseOn(trigger.on) : nowBase,
      stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: Math.max(nowRequired - nowAccepted, 0) },
      awaiting: [],
      counted: new Set(acts.map((a) => a.party.code)),
    };
  },

  /** Bound by an instrument of acceptance; a signature alone does not accept an amendment. */
  boundBy: depositAct,

  // In force only for the parties that accepted.
  partyEntryIntoForce: (rule, general, party, bound) =>
    general.counted.has(party.code) ? laterPartyDate({ date: general.date, triggerMetOn: general.trigger!.on }, bound.on, rule.laterParties, rule.timing) : null,

  clause: acceptanceShareText,
};
