/**
 * The final clauses, written out in English from the rule (for the documents issue). The sentences follow
 * the wording of UN-deposited treaties ("on the thirtieth day following the date of deposit of the tenth
 * instrument of ratification, ..."), with number words and ordinals. They say what the evaluator computes.
 * Each rule shape writes its own paragraph (rules/*.rule.ts); provisional-application, withdrawal and term
 * paragraphs are here.
 */
import { formatLegalDateLong, type LegalDate } from './calendar.js';
import type { InstrumentTerms } from './entry-into-force.rule.js';
import { clauseWords, type FinalClauseOptions } from './final-clause.words.js';
import { shapeOf, type EntryIntoForceRule } from './rules/rule-shapes.js';
import type { ProvisionalApplicationTerms } from './provisional-application.terms.js';
import type { TermTerms } from './term.terms.js';
import { timingPhrase } from './timing.js';
import type { WithdrawalTerms } from './withdrawal.terms.js';
import { cardinal, monthsInWords } from './words.js';

export type { FinalClauseOptions, InstrumentNoun } from './final-clause.words.js';
export { timingPhrase } from './timing.js';

/**
 * The entry-into-force paragraph: the sentence for the rule's shape, then (where the shape has one) the
 * sentence on an organisation's instrument and the one for parties that join later.
 */
export const finalClauseText = (rule: EntryIntoForceRule, options: FinalClauseOptions): string =>
  shapeOf(rule.type).clause(rule, clauseWords(options)).join(' ');

/**
 * The provisional-application paragraph (VCLT 25): from each signature, or from a date (a later signatory from
 * its signature, as the evaluator reads it); it ends on entry into force for the signatory or on its notice
 * that it will not become a party (25(2)).
 */
export const provisionalApplicationClauseText = (terms: ProvisionalApplicationTerms, options: FinalClauseOptions): string => {
  const w = clauseWords(options);
  const from =
    terms.from === 'signature'
      ? 'from the date of its signature'
      : `from ${formatLegalDateLong(terms.date)}, or from the date of its signature if that is later`;
  return (
    `This ${w.noun} shall be applied provisionally by each signatory ${from}, pending its ${w.entry} for that signatory. ` +
    `Provisional application shall end for a signatory that notifies the other signatories of its intention not to become a ${w.party} to this ${w.noun}.`
  );
};

/** The withdrawal paragraph. */
export const withdrawalClauseText = (terms: WithdrawalTerms, options: FinalClauseOptions): string => {
  const w = clauseWords(options);
  const to = options.notifiedTo ?? 'the Depositary';
  const receipt = 'the date of receipt of the notification';
  let who: string;
  if (terms.lockInYears === undefined) who = `Any ${w.party} may`;
  else if ((terms.lockInFrom ?? 'party') === 'party') {
    who = `At any time after ${cardinal(terms.lockInYears)} ${terms.lockInYears === 1 ? 'year' : 'years'} from the date on which this ${w.noun} has entered into force for a ${w.party}, that ${w.party} may`;
  } else {
    who = `At any time after ${cardinal(terms.lockInYears)} ${terms.lockInYears === 1 ? 'year' : 'years'} from the date of ${w.entry} of this ${w.noun}, any ${w.party} may`;
  }
  let effect: string;
  if (terms.notice === 'days') effect = timingPhrase({ kind: 'days-after', days: terms.period }, receipt);
  else if (terms.notice === 'months') effect = terms.period === 0 ? `on ${receipt}` : `${monthsInWords(terms.period)} after ${receipt}`;
  else effect = timingPhrase({ kind: 'first-day-of-month-after', months: terms.period }, receipt);
  return `${who} withdraw from this ${w.noun} by written notification to ${to}. Any such withdrawal shall take effect ${effect}, or on such later date as may be specified in the notification.`;
};

/** The term paragraph of an MOU: duration, renewal, termination. */
export const termClauseText = (term: TermTerms, options: FinalClauseOptions): string => {
  const w = clauseWords(options);
  const start: string =
    term.effectiveOn === undefined || term.effectiveOn === 'entry-into-force'
      ? options.instrumentNoun === 'Memorandum'
        ? 'the date on which it comes into effect'
        : 'the date of its entry into force'
      : formatLegalDateLong(term.effectiveOn as LegalDate);
  const months = (term.termYears ?? 0) * 12 + (term.termMonths ?? 0);
  const sentences: string[] = [];
  if (months === 0) {
    sentences.push(`This ${w.noun} shall remain in effect from ${start} until it is terminated.`);
  } else {
    sentences.push(`This ${w.noun} shall remain in effect for a period of ${monthsInWords(months)} from ${start}.`);
  }
  if (months > 0 && term.autoRenew) {
    const limit = term.maxRenewals !== undefined ? `, no more than ${term.maxRenewals === 1 ? 'once' : term.maxRenewals === 2 ? 'twice' : `${cardinal(term.maxRenewals)} times`}` : '';
    const unless =
      term.terminationNoticeMonths === undefined
        ? `, unless a ${w.party} gives written notice of its decision not to renew it before the end of the period then running`
        : '';
    sentences.push(`It shall be renewed automatically for successive periods of ${monthsInWords(term.renewalMonths ?? months)}${limit}${unless}.`);
  }
  // An open-ended MOU without a notice period: twelve months, as the evaluator assumes (VCLT 56(2) by analogy).
  const noticeMonths = term.terminationNoticeMonths ?? (months === 0 ? 12 : undefined);
  if (noticeMonths !== undefined) {
    const effect = noticeMonths === 0 ? 'on the date of the notice' : `${monthsInWords(noticeMonths)} after the date of the notice`;
    sentences.push(
      `Any ${w.party} may terminate this ${w.noun} at any time by written notice to the other ${w.parties}; the termination shall take effect ${effect}, or on such later date as may be specified in the notice.`,
    );
  }
  return sentences.join(' ');
};

/** Every final clause the terms state, one paragraph each (entry into force, provisional application, withdrawal, term). */
export const finalClausesText = (terms: InstrumentTerms, options: FinalClauseOptions): string[] => [
  finalClauseText(terms.entryIntoForce, options),
  ...(terms.provisionalApplication ? [provisionalApplicationClauseText(terms.provisionalApplication, options)] : []),
  ...(terms.withdrawal ? [withdrawalClauseText(terms.withdrawal, options)] : []),
  ...(terms.term ? [termClauseText(terms.term, options)] : []),
];
