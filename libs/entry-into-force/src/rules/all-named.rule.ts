/**
 * Shape 4: all named parties (VCLT 24(2) when the treaty is silent): in force on the last deposit among them;
 * with a floor or a stated date if the final clauses set one (floors.ts).
 */
import { bindingAct, countingAct, flagUnknown, indexed, lastOfAll, met, noShortfall } from '../counting.js';
import type { Trigger } from '../entry-into-force.assessment.js';
import { consentList, type ClauseWords } from '../final-clause.words.js';
import { checkLaterParties, laterPartiesSentence, laterPartyDate, type LaterParties } from '../later-parties.js';
import { checkFloors, enterSentence, FLOOR_FIELDS, flooredDate, type Floors } from '../floors.js';
import { checkTiming, type Timing } from '../timing.js';
import { checkBoolean, checkConsents, checkPartyCodes, checkString } from '../validation.js';
import type { ConsentKind } from '../vocabulary.js';
import type { RuleShape } from './rule-shape.js';

export interface AllNamedRule extends Floors {
  readonly type: 'all-named';
  readonly parties: readonly string[];
  /** Plural noun phrase for the final clause, e.g. "the States listed in Annex I". */
  readonly label?: string;
  readonly countedConsents?: readonly ConsentKind[];
  readonly countDefinitiveSignatures?: boolean;
  /** Default: on the date of the last deposit. */
  readonly timing?: Timing;
  readonly laterParties?: LaterParties;
}

const allNamedText = (rule: AllNamedRule, w: ClauseWords): string[] => {
  const who = rule.label ?? w.names(rule.parties);
  const event =
    rule.countedConsents && !rule.countDefinitiveSignatures
      ? `the date of deposit of the last instrument of ${consentList(rule.countedConsents)} by ${who}`
      : `the date on which ${who} have ${!rule.label && rule.parties.length === 2 ? 'both' : 'all'} expressed their consent to be bound by it`;
  const sentences = [enterSentence(w, rule, rule.timing, event)];
  if (rule.laterParties) {
    sentences.push(laterPartiesSentence(w, rule.laterParties, rule.timing, `after the conditions for its ${w.entry} have been met`, 'other State or international organisation', 'the date of deposit of its instrument'));
  }
  return sentences;
};

export const allNamedShape: RuleShape<AllNamedRule> = {
  fields: { type: true, parties: true, label: true, countedConsents: true, countDefinitiveSignatures: true, timing: true, laterParties: true, ...FLOOR_FIELDS },

  validate: (value, path, v) => {
    checkPartyCodes(v, value.parties, `${path}.parties`, true);
    checkString(v, value.label, `${path}.label`);
    checkConsents(v, value.countedConsents, `${path}.countedConsents`);
    checkBoolean(v, value.countDefinitiveSignatures, `${path}.countDefinitiveSignatures`, false);
    checkTiming(v, value.timing, `${path}.timing`, false);
    checkLaterParties(v, value.laterParties, `${path}.laterParties`);
    checkFloors(v, value, path);
  },

  evaluate: (rule, ctx) => {
    flagUnknown(ctx, rule.parties);
    const acts = rule.parties.map((code) => {
      const found = indexed(ctx, code);
      return found ? countingAct(found.party, found.index, rule) : null;
    });
    const { last, awaiting } = lastOfAll(acts, rule.parties, ctx);
    const trigger: Trigger | null = last ? { act: last.act, party: last.party.code, on: last.on, position: rule.parties.length } : null;
    return {
      trigger,
      date: trigger ? flooredDate(rule, trigger.on, rule.timing, ctx.facts.openedForSignatureOn ?? null) : null,
      instrumentsRequired: rule.parties.length,
      instrumentsDeposited: rule.parties.length - awaiting.length,
      qualifyingDeposited: null,
      weightPercent: null,
      shareDenominator: null,
      stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: awaiting.length },
      awaiting,
      counted: new Set(rule.parties.filter((_, i) => acts[i] !== null)),
    };
  },

  boundBy: bindingAct,

  partyEntryIntoForce: (rule, general, _party, bound) =>
    laterPartyDate({ date: general.date, triggerMetOn: general.trigger!.on }, bound.on, rule.laterParties, rule.timing),

  clause: allNamedText,
};
