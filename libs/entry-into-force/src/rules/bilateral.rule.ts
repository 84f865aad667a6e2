/** Shape 5: a bilateral agreement, in force on the later of the two notifications that internal procedures are complete. */
import { flagUnknown, indexed, lastOfAll, met, noShortfall, type Act } from '../counting.js';
import type { Trigger } from '../entry-into-force.assessment.js';
import { applyTiming, checkTiming, timingPhrase, type Timing } from '../timing.js';
import { checkPartyCodes } from '../validation.js';
import type { RuleShape } from './rule-shape.js';

export interface BilateralRule {
  readonly type: 'bilateral';
  /** The two parties; default the instrument's two eligible parties. */
  readonly parties?: readonly [string, string];
  /** Default: on the date of the later notification. */
  readonly timing?: Timing;
}

export const bilateralShape: RuleShape<BilateralRule> = {
  fields: { type: true, parties: true, timing: true },

  validate: (value, path, v) => {
    checkPartyCodes(v, value.parties, `${path}.parties`, false, 2);
    checkTiming(v, value.timing, `${path}.timing`, false);
  },

  evaluate: (rule, ctx) => {
    let pair: readonly string[] = rule.parties ?? ctx.parties.map((p) => p.code);
    if (pair.length !== 2) {
      ctx.flags.push({ code: 'BILATERAL_NEEDS_TWO_PARTIES', message: `A bilateral rule needs exactly two parties; the instrument has ${pair.length}.` });
      pair = [];
    }
    flagUnknown(ctx, pair);
    const acts = pair.map((code): Act | null => {
      const found = indexed(ctx, code);
      const notifiedOn = found?.party.notification?.notifiedOn;
      return found && notifiedOn ? { party: found.party, index: found.index, on: notifiedOn, act: 'notification' } : null;
    });
    const { last, awaiting } = pair.length === 2 ? lastOfAll(acts, pair, ctx) : { last: null, awaiting: [] };
    const trigger: Trigger | null = last ? { act: 'notification', party: last.party.code, on: last.on, position: 2 } : null;
    const notified = acts.filter((a) => a !== null).length;
    return {
      trigger,
      date: trigger ? applyTiming(trigger.on, rule.timing) : null,
      instrumentsRequired: 2,
      instrumentsDeposited: notified,
      qualifyingDeposited: null,
      weightPercent: null,
      shareDenominator: null,
      stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: 2 - notified },
      awaiting,
      counted: new Set(pair),
    };
  },

  /** Bound by its notification, not by a deposit or a signature. */
  boundBy: (party, index) => (party.notification ? { party, index, on: party.notification.notifiedOn, act: 'notification' } : null),

  partyEntryIntoForce: (_rule, general, party) => (general.counted.has(party.code) ? general.date : null),

  clause: (rule, w) => {
    const event = `the date of the later of the notifications by which the ${w.parties} inform each other of the completion of their internal procedures required for its ${w.entry}`;
    return [`This ${w.noun} shall ${w.enter} ${timingPhrase(rule.timing, event)}.`];
  },
};
