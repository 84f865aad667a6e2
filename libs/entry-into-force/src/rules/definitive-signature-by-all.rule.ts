/** Shape 6a: in force once every (listed) party has signed definitively (typical of MOUs) or is otherwise bound. */
import { latestDate } from '../calendar.js';
import { bindingAct, flagUnknown, indexed, lastOfAll, met, noShortfall } from '../counting.js';
import type { Trigger } from '../entry-into-force.assessment.js';
import { applyTiming, checkTiming, timingPhrase, type Timing } from '../timing.js';
import { checkPartyCodes } from '../validation.js';
import type { RuleShape } from './rule-shape.js';

export interface DefinitiveSignatureByAllRule {
  readonly type: 'definitive-signature-by-all';
  /** Default: every eligible party. */
  readonly parties?: readonly string[];
  readonly timing?: Timing;
}

export const definitiveSignatureByAllShape: RuleShape<DefinitiveSignatureByAllRule> = {
  fields: { type: true, parties: true, timing: true },

  validate: (value, path, v) => {
    checkPartyCodes(v, value.parties, `${path}.parties`, false);
    checkTiming(v, value.timing, `${path}.timing`, false);
  },

  evaluate: (rule, ctx) => {
    const codes = rule.parties ?? ctx.parties.map((p) => p.code);
    flagUnknown(ctx, codes);
    const acts = codes.map((code) => {
      const found = indexed(ctx, code);
      return found ? bindingAct(found.party, found.index) : null;
    });
    const { last, awaiting } = codes.length > 0 ? lastOfAll(acts, codes, ctx) : { last: null, awaiting: [] };
    const trigger: Trigger | null = last ? { act: last.act, party: last.party.code, on: last.on, position: codes.length } : null;
    const done = acts.filter((a) => a !== null).length;
    return {
      trigger,
      date: trigger ? applyTiming(trigger.on, rule.timing) : null,
      instrumentsRequired: codes.length,
      instrumentsDeposited: done,
      qualifyingDeposited: null,
      weightPercent: null,
      shareDenominator: null,
      stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: codes.length - done },
      awaiting,
      counted: new Set(codes),
    };
  },

  boundBy: bindingAct,

  // Bound after the date (only possible for a party outside a named set): in force from its own act.
  partyEntryIntoForce: (_rule, general, _party, bound) => latestDate(general.date, bound.on),

  clause: (rule, w) => {
    const by = rule.parties ? w.names(rule.parties) : `all the ${w.parties}`;
    return [`This ${w.noun} shall ${w.enter} ${timingPhrase(rule.timing, `the date on which it has been signed by ${by}`)}.`];
  },
};
