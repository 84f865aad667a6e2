/**
 * Why this date, for the dates that end participation rather than begin it: the day a withdrawal (denunciation)
 * takes effect, and an MOU's expiry, next renewal and termination after notice. Like the entry-into-force
 * explanations (explanation.ts), the steps are data for documents to word in their language; `text` is English.
 */
import { addMonthsTo, formatLegalDateLong, type LegalDate } from './calendar.js';
import { timingSteps, type ExplanationStep } from './explanation.js';
import type { TermTerms } from './term.terms.js';
import type { WithdrawalTerms } from './withdrawal.terms.js';

export type PeriodStep =
  | ExplanationStep
  /** Renewals counted from the end of the initial term: `count` periods of `months` months. */
  | { readonly op: 'add-renewals'; readonly count: number; readonly months: number; readonly result: LegalDate }
  /** The later date named in the notice wins over the notice period. */
  | { readonly op: 'named-date'; readonly result: LegalDate };

export interface PeriodExplanation {
  readonly date: LegalDate;
  /**
   * `withdrawal`: a notice of withdrawal plus the notice period; `expiry`: the term's last period ends;
   * `renewal`: the next period begins; `termination`: a notice of termination plus the notice period, or (without
   * termination on notice) the end of the period running when the notice was given.
   */
  readonly basis: 'withdrawal' | 'expiry' | 'renewal' | 'termination';
  /** What the count starts from: a notice (received or given on `on`) or the day the MOU came into effect. */
  readonly from: { readonly event: 'withdrawal-notice' | 'termination-notice' | 'coming-into-effect'; readonly party: string | null; readonly on: LegalDate };
  /** Termination without a notice period: the notice that made the running period the last (the count is from `from`). */
  readonly stoppedBy: { readonly party: string | null; readonly on: LegalDate } | null;
  readonly steps: readonly PeriodStep[];
  readonly text: string;
}

const stepText = (step: PeriodStep): string => {
  const to = formatLegalDateLong(step.result);
  switch (step.op) {
    case 'add-days':
      return ` + ${step.days} ${step.days === 1 ? 'day' : 'days'} = ${to}`;
    case 'add-months':
      return ` + ${step.months} ${step.months === 1 ? 'month' : 'months'} = ${to}`;
    case 'first-day-of-following-month':
      return `; the first day of the following month = ${to}`;
    case 'add-renewals':
      return ` + ${step.count} ${step.count === 1 ? 'renewal' : 'renewals'} of ${step.months} ${step.months === 1 ? 'month' : 'months'} = ${to}`;
    case 'named-date':
      return `; the later date named in the notice = ${to}`;
    default:
      return ` = ${to}`;
  }
};

const FROM_WORDS: Readonly<Record<PeriodExplanation['from']['event'], string>> = {
  'withdrawal-notice': 'notice of withdrawal',
  'termination-notice': 'notice of termination',
  'coming-into-effect': 'coming into effect',
};

const BASIS_WORDS: Readonly<Record<PeriodExplanation['basis'], string>> = {
  withdrawal: 'Withdrawal takes effect',
  expiry: 'The term expires',
  renewal: 'The next period begins',
  termination: 'Termination takes effect',
};

const explained = (e: Omit<PeriodExplanation, 'text' | 'stoppedBy'> & { readonly stoppedBy?: PeriodExplanation['stoppedBy'] }, names: (code: string) => string): PeriodExplanation => {
  const by = (party: string | null) => (party ? ` by ${names(party)}` : '');
  const stoppedBy = e.stoppedBy ?? null;
  const stopped = stoppedBy ? `the notice${by(stoppedBy.party)} on ${formatLegalDateLong(stoppedBy.on)} ends the period then running; ` : '';
  const steps = e.steps.map(stepText).join('');
  return {
    ...e,
    stoppedBy,
    text: `${BASIS_WORDS[e.basis]}: ${stopped}${FROM_WORDS[e.from.event]}${by(e.from.party)} on ${formatLegalDateLong(e.from.on)}${steps || ` = ${formatLegalDateLong(e.date)}`}.`,
  };
};

/** The notice period's arithmetic, then the named date where it is later (as evaluateWithdrawal decides). */
export const explainWithdrawalDate = (
  terms: WithdrawalTerms,
  notice: { readonly notifiedOn: LegalDate; readonly namedEffectiveOn?: LegalDate | null },
  effectiveOn: LegalDate,
  party: string | null,
  names: (code: string) => string = (code) => code,
): PeriodExplanation => {
  const steps: PeriodStep[] =
    terms.notice === 'days'
      ? timingSteps(notice.notifiedOn, { kind: 'days-after', days: terms.period })
      : terms.notice === 'months'
        ? terms.period === 0 ? [] : [{ op: 'add-months', months: terms.period, result: addMonthsTo(notice.notifiedOn, terms.period) }]
        : timingSteps(notice.notifiedOn, { kind: 'first-day-of-month-after', months: terms.period });
  const periodEnd = steps.at(-1)?.result ?? notice.notifiedOn;
  if (effectiveOn !== periodEnd && notice.namedEffectiveOn === effectiveOn) steps.push({ op: 'named-date', result: effectiveOn });
  return explained({ date: effectiveOn, basis: 'withdrawal', from: { event: 'withdrawal-notice', party, on: notice.notifiedOn }, steps }, names);
};

/** A boundary of the term counted from its start: the initial term, then `renewals` renewal periods. */
const boundarySteps = (startsOn: LegalDate, initialMonths: number, renewalMonths: number, renewals: number): PeriodStep[] => {
  const initialEnd = addMonthsTo(startsOn, initialMonths);
  const steps: PeriodStep[] = [{ op: 'add-months', months: initialMonths, result: initialEnd }];
  // Counted from the start, as evaluateTerm counts them, so that a term from the 29th–31st does not drift.
  if (renewals > 0) steps.push({ op: 'add-renewals', count: renewals, months: renewalMonths, result: addMonthsTo(startsOn, initialMonths + renewals * renewalMonths) });
  return steps;
};

export interface TermDates {
  readonly startsOn: LegalDate | null;
  readonly ceasesOn: LegalDate | null;
  readonly endsBy: 'expiry' | 'termination' | null;
  readonly terminationEffectiveOn: LegalDate | null;
  /** The first day of the next period, when the MOU renews and another period follows. */
  readonly nextRenewalOn: LegalDate | null;
}

export interface TermExplanations {
  readonly expiry: PeriodExplanation | null;
  readonly renewal: PeriodExplanation | null;
  readonly termination: PeriodExplanation | null;
}

/** Why the term expires, renews and is terminated on the dates evaluateTerm gives. */
export const explainTermDates = (
  term: TermTerms,
  dates: TermDates,
  notice: { readonly notifiedOn: LegalDate; readonly by?: string | null; readonly namedEffectiveOn?: LegalDate | null } | null,
  names: (code: string) => string = (code) => code,
): TermExplanations => {
  const none: TermExplanations = { expiry: null, renewal: null, termination: null };
  const start = dates.startsOn;
  if (start === null) return none;
  const initialMonths = (term.termYears ?? 0) * 12 + (term.termMonths ?? 0);
  const renewalMonths = term.renewalMonths ?? initialMonths;
  const renewalsTo = (boundary: LegalDate): number | null => {
    if (initialMonths === 0) return null;
    for (let k = 0; k <= 10_000; k += 1) {
      const b = addMonthsTo(start, initialMonths + k * renewalMonths);
      if (b === boundary) return k;
      if (b > boundary) return null;
    }
    return null;
  };
  const fromStart = (basis: 'expiry' | 'renewal', date: LegalDate): PeriodExplanation | null => {
    const k = renewalsTo(date);
    return k === null ? null : explained({ date, basis, from: { event: 'coming-into-effect', party: null, on: start }, steps: boundarySteps(start, initialMonths, renewalMonths, k) }, names);
  };
  const expiry = dates.endsBy === 'expiry' && dates.ceasesOn ? fromStart('expiry', dates.ceasesOn) : null;
  const renewal = dates.nextRenewalOn ? fromStart('renewal', dates.nextRenewalOn) : null;
  let termination: PeriodExplanation | null = null;
  if (notice && dates.terminationEffectiveOn) {
    const noticeMonths = term.terminationNoticeMonths ?? (initialMonths === 0 ? 12 : undefined);
    const from = { event: 'termination-notice' as const, party: notice.by ?? null, on: notice.notifiedOn };
    if (noticeMonths !== undefined) {
      const periodEnd = addMonthsTo(notice.notifiedOn, noticeMonths);
      const steps: PeriodStep[] = noticeMonths === 0 ? [] : [{ op: 'add-months', months: noticeMonths, result: periodEnd }];
      if (dates.terminationEffectiveOn !== periodEnd) steps.push({ op: 'named-date', result: dates.terminationEffectiveOn });
      termination = explained({ date: dates.terminationEffectiveOn, basis: 'termination', from, steps }, names);
    } else {
      // Without termination on notice the notice stops renewal: the period running at the notice is the last.
      const k = renewalsTo(dates.terminationEffectiveOn) ?? 0;
      termination = explained(
        {
          date: dates.terminationEffectiveOn,
          basis: 'termination',
          from: { event: 'coming-into-effect', party: null, on: start },
          stoppedBy: { party: notice.by ?? null, on: notice.notifiedOn },
          steps: boundarySteps(start, initialMonths, renewalMonths, k),
        },
        names,
      );
    }
  }
  return { expiry, renewal, termination };
};
