import type { EntryIntoForceRule, Instrument } from '#libs/lifecycle';
import { cardinalWords, ordinalWords } from '../language/number-words.js';
import { type BuildContext, date, finalClauseWording, listWords, partyInText, t } from './document-definition.js';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);

/**
 * The condition of entry into force in the document's language, summarised from the rule. In English the
 * engine's final-clause text is preferred when it is available: it is the wording of the instrument itself.
 */
export const describeConditions = (ctx: BuildContext, state: Instrument): string[] => {
  const rule = state.entryIntoForceRule;
  if (ctx.lang === 'en') {
    const clause = ctx.entryIntoForce.finalClauses?.(state, finalClauseWording(ctx, state))[0];
    if (clause) return [clause];
  }
  return summarise(ctx, rule);
};

const ordinal = (ctx: BuildContext, n: number) => ordinalWords(n, ctx.lang, { beforeNoun: true });

const summarise = (ctx: BuildContext, rule: EntryIntoForceRule): string[] => {
  switch (rule.type) {
    case 'instruments': {
      const count = num(rule.count);
      const timing = (rule.timing ?? {}) as { kind?: unknown; days?: unknown; months?: unknown };
      if (!count) return [t(ctx, 'conditions.other')];
      const nth = ordinal(ctx, count);
      const lines: string[] = [];
      const days = num(timing.days);
      const months = num(timing.months);
      if (timing.kind === 'days-after' && days !== null) {
        lines.push(days === 0
          ? t(ctx, 'conditions.instrumentsOnDeposit', { count: nth })
          : t(ctx, 'conditions.instrumentsDays', { days: ordinal(ctx, days), count: nth }));
      } else if (timing.kind === 'first-day-of-month-after' && months !== null) {
        lines.push(months === 0
          ? t(ctx, 'conditions.instrumentsNextMonth', { count: nth })
          : t(ctx, 'conditions.instrumentsMonths', { months: t(ctx, 'conditions.months', { count: months, words: cardinalWords(months, ctx.lang) }), count: nth }));
      } else if (timing.kind === 'first-day-of-month-after-days' && days !== null) {
        lines.push(t(ctx, 'conditions.instrumentsDaysNextMonth', { days: ordinal(ctx, days), count: nth }));
      } else lines.push(t(ctx, 'conditions.other'));
      if (typeof rule.onDateIfMetBy === 'string') lines.unshift(t(ctx, 'conditions.statedDateIfMet', { date: date(ctx, rule.onDateIfMetBy) }));
      if (rule.notBefore && 'date' in rule.notBefore) lines.push(t(ctx, 'conditions.notBeforeDate', { date: date(ctx, rule.notBefore.date) }));
      if (rule.notBefore && 'yearsAfterOpening' in rule.notBefore) {
        const years = rule.notBefore.yearsAfterOpening;
        lines.push(t(ctx, 'conditions.notBeforeYears', { count: years, words: cardinalWords(years, ctx.lang) }));
      }
      if (rule.qualifier || rule.weight || rule.organisationMembers || rule.countedPartyKinds) lines.push(t(ctx, 'conditions.furtherConditions'));
      return lines;
    }
    case 'all-named': {
      const parties = Array.isArray(rule.parties) ? rule.parties.map((c) => partyInText(ctx, String(c))) : [];
      return [t(ctx, 'conditions.allNamed', { parties: listWords(ctx, parties) })];
    }
    case 'bilateral':
      return [t(ctx, 'conditions.bilateral')];
    case 'definitive-signature-by-all':
      return [t(ctx, 'conditions.definitiveSignatureByAll')];
    case 'fixed-date':
      return typeof rule.date === 'string' ? [t(ctx, 'conditions.fixedDate', { date: date(ctx, rule.date) })] : [t(ctx, 'conditions.other')];
    case 'acceptance-share': {
      const share = (rule.share ?? {}) as { numerator?: unknown; denominator?: unknown; percent?: unknown };
      const text = typeof share.percent === 'number' ? (ctx.lang === 'fr' ? `${share.percent} %` : `${share.percent}%`) : num(share.numerator) && num(share.denominator) ? `${share.numerator}/${share.denominator}` : null;
      return text ? [t(ctx, 'conditions.acceptanceShare', { share: text })] : [t(ctx, 'conditions.other')];
    }
    default:
      return [t(ctx, 'conditions.other')];
  }
};
