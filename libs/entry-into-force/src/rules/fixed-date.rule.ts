/** Shape 6b: in force on a stated date. */
import { formatLegalDateLong, isLegalDate, latestDate, type LegalDate } from '../calendar.js';
import { bindingAct, met, noShortfall } from '../counting.js';
import { fail } from '../validation.js';
import type { RuleShape } from './rule-shape.js';

export interface FixedDateRule {
  readonly type: 'fixed-date';
  readonly date: LegalDate;
}

export const fixedDateShape: RuleShape<FixedDateRule> = {
  fields: { type: true, date: true },

  validate: (value, path, v) => {
    if (value.date === undefined) fail(v, `${path}.date`, 'is required');
    else if (!isLegalDate(value.date)) fail(v, `${path}.date`, 'must be a calendar date in the form YYYY-MM-DD');
  },

  evaluate: (rule, ctx) => ({
    trigger: null,
    date: rule.date,
    instrumentsRequired: null,
    instrumentsDeposited: ctx.parties.filter((p, i) => bindingAct(p, i) !== null).length,
    qualifyingDeposited: null,
    weightPercent: null,
    shareDenominator: null,
    stillRequired: met(noShortfall),
    awaiting: [],
    counted: new Set(),
  }),

  boundBy: bindingAct,

  // Bound after the date: in force from its own act.
  partyEntryIntoForce: (_rule, general, _party, bound) => latestDate(general.date, bound.on),

  clause: (rule, w) => [`This ${w.noun} shall ${w.enter} on ${formatLegalDateLong(rule.date)}.`],
};
