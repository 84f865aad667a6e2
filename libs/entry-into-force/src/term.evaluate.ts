/**
 * An MOU's term: when it takes effect, when each term ends, automatic renewal, termination on notice.
 *
 * Conventions: a term of M months from S covers S up to the day before S + M months (a five-year term from
 * 2017-05-10 has its last day on 2022-05-09 and ceases on 2022-05-10). Renewal boundaries are always counted
 * from S (S + initial + k × renewal months), so terms starting on the 29th-31st do not drift.
 */
import type { AssessmentFlag } from './assessment-flag.js';
import { addDaysTo, addMonthsTo, earliestDate, latestDate, type LegalDate } from './calendar.js';
import { explainTermDates, type TermExplanations } from './period-explanation.js';
import type { TermTerms } from './term.terms.js';

export interface TerminationNotice {
  readonly notifiedOn: LegalDate;
  readonly by?: string | null;
  /** A later date named in the notice, if any. */
  readonly namedEffectiveOn?: LegalDate | null;
}

export interface TermFacts {
  /** The general entry into force (used when the term runs from entry into force). */
  readonly entryIntoForceOn: LegalDate | null;
  readonly termination?: TerminationNotice | null;
}

export interface TermPeriod {
  /** 1 = the initial term, 2 = the first renewal, ... */
  readonly number: number;
  readonly startsOn: LegalDate;
  /** The last day in effect within this term; null when the term is open-ended. */
  readonly lastDay: LegalDate | null;
}

export type TermStatus = 'not-yet-in-effect' | 'in-effect' | 'expired' | 'terminated';

export interface TermAssessment {
  readonly startsOn: LegalDate | null;
  readonly initialTerm: TermPeriod | null;
  /** Whether the MOU renews itself (and has not been stopped by a notice). */
  readonly renews: boolean;
  /** The day a termination notice takes effect (first day no longer in effect), if one was given. */
  readonly terminationEffectiveOn: LegalDate | null;
  /** The first day no longer in effect: expiry or termination, whichever comes first; null while open-ended. */
  readonly ceasesOn: LegalDate | null;
  readonly lastDayInEffect: LegalDate | null;
  readonly endsBy: 'expiry' | 'termination' | null;
  readonly asOf: LegalDate | null;
  readonly status: TermStatus | null;
  /** The term running on asOf (or the last one, once ended); null without asOf or before the start. */
  readonly currentTerm: TermPeriod | null;
  /** Renewals that had taken place by asOf. */
  readonly renewals: number | null;
  /** The first day of the next period, when the MOU renews and another period follows (from asOf, else the first renewal). */
  readonly nextRenewalOn: LegalDate | null;
  /** Why this date, for expiry, the next renewal and termination after notice. */
  readonly explanations: TermExplanations;
  readonly flags: readonly AssessmentFlag[];
}

/** VCLT 56(2) by analogy, for an open-ended MOU whose text says nothing about notice. */
const DEFAULT_NOTICE_MONTHS = 12;

export const evaluateTerm = (
  term: TermTerms,
  facts: TermFacts,
  options: { readonly asOf?: LegalDate; readonly partyNames?: Readonly<Record<string, string>> } = {},
): TermAssessment => {
  const assessed = assessTerm(term, facts, options.asOf);
  const explanations = explainTermDates(term, assessed, assessed.termination, (code) => options.partyNames?.[code] ?? code);
  const { termination: _termination, ...rest } = assessed;
  return { ...rest, explanations };
};

const assessTerm = (term: TermTerms, facts: TermFacts, asOfOption: LegalDate | undefined): Omit<TermAssessment, 'explanations'> & { readonly termination: TerminationNotice | null } => {
  const asOf = asOfOption ?? null;
  const flags: AssessmentFlag[] = [];
  const startsOn = term.effectiveOn === undefined || term.effectiveOn === 'entry-into-force' ? facts.entryIntoForceOn : term.effectiveOn;
  const initialMonths = (term.termYears ?? 0) * 12 + (term.termMonths ?? 0);
  const fixedTerm = initialMonths > 0;
  const renewalMonths = term.renewalMonths ?? initialMonths;
  const maxPeriods = !fixedTerm ? 1 : term.autoRenew ? (term.maxRenewals === undefined ? Infinity : term.maxRenewals + 1) : 1;
  // A notice dated after asOf has not been given yet.
  const termination = facts.termination && (asOf === null || facts.termination.notifiedOn <= asOf) ? facts.termination : null;

  const empty = { startsOn, initialTerm: null, renews: false, terminationEffectiveOn: null, ceasesOn: null, lastDayInEffect: null, endsBy: null };
  if (startsOn === null) {
    return { ...empty, asOf, status: asOf ? 'not-yet-in-effect' : null, currentTerm: null, renewals: asOf ? 0 : null, nextRenewalOn: null, termination, flags };
  }

  /** The first day after period k (k = 0 is the initial term). */
  const boundary = (k: number): LegalDate => addMonthsTo(startsOn, initialMonths + k * renewalMonths);
  const naturalEnd = fixedTerm && maxPeriods !== Infinity ? boundary(maxPeriods - 1) : null;

  let terminationEffectiveOn: LegalDate | null = null;
  if (termination) {
    const noticeMonths = term.terminationNoticeMonths ?? (!fixedTerm ? DEFAULT_NOTICE_MONTHS : undefined);
    if (noticeMonths !== undefined) {
      const periodEnd = addMonthsTo(termination.notifiedOn, noticeMonths);
      terminationEffectiveOn = latestDate(periodEnd, termination.namedEffectiveOn);
      if (termination.namedEffectiveOn && termination.namedEffectiveOn < periodEnd) {
        flags.push({ code: 'TERMINATION_NAMED_DATE_TOO_EARLY', message: `The date named in the notice (${termination.namedEffectiveOn}) is before the end of the notice period; termination takes effect on ${periodEnd}.` });
      }
    } else if (term.autoRenew) {
      // Without a termination clause a notice stops renewal: the term running at the notice is the last.
      let k = 0;
      while (k < maxPeriods - 1 && boundary(k) <= termination.notifiedOn) k += 1;
      terminationEffectiveOn = boundary(k);
    } else {
      flags.push({ code: 'TERMINATION_NOTICE_HAS_NO_EFFECT', message: `The term provides neither renewal nor termination on notice; the notice of ${termination.notifiedOn} does not change its end (${naturalEnd}).` });
    }
  }

  const ceasesOn = earliestDate(naturalEnd, terminationEffectiveOn);
  const endsBy = ceasesOn === null ? null : terminationEffectiveOn !== null && (naturalEnd === null || terminationEffectiveOn < naturalEnd) ? 'termination' : 'expiry';
  const lastDayInEffect = ceasesOn ? addDaysTo(ceasesOn, -1) : null;
  const renews = fixedTerm && term.autoRenew && (ceasesOn === null || ceasesOn > boundary(0));

  const period = (k: number): TermPeriod => {
    const start = k === 0 ? startsOn : boundary(k - 1);
    const end = fixedTerm ? earliestDate(boundary(k), ceasesOn) : ceasesOn;
    return { number: k + 1, startsOn: start, lastDay: end ? addDaysTo(end, -1) : null };
  };
  const initialTerm = period(0);
  /** The start of period k + 1, when the MOU renews into it. */
  const renewalAfter = (k: number): LegalDate | null =>
    renews && k < maxPeriods - 1 && (ceasesOn === null || boundary(k) < ceasesOn) ? boundary(k) : null;

  if (asOf === null) {
    return { startsOn, initialTerm, renews, terminationEffectiveOn, ceasesOn, lastDayInEffect, endsBy, asOf, status: null, currentTerm: null, renewals: null, nextRenewalOn: renewalAfter(0), termination, flags };
  }
  if (asOf < startsOn) {
    return { startsOn, initialTerm, renews, terminationEffectiveOn, ceasesOn, lastDayInEffect, endsBy, asOf, status: 'not-yet-in-effect', currentTerm: null, renewals: 0, nextRenewalOn: renewalAfter(0), termination, flags };
  }
  // The term running on asOf, or the last one that started before the MOU ceased.
  const lastDayConsidered = ceasesOn !== null && asOf >= ceasesOn ? lastDayInEffect! : asOf;
  let k = 0;
  if (fixedTerm) while (k < maxPeriods - 1 && boundary(k) <= lastDayConsidered) k += 1;
  const status: TermStatus = ceasesOn !== null && asOf >= ceasesOn ? (endsBy === 'termination' ? 'terminated' : 'expired') : 'in-effect';
  const nextRenewalOn = status === 'in-effect' ? renewalAfter(k) : null;
  return { startsOn, initialTerm, renews, terminationEffectiveOn, ceasesOn, lastDayInEffect, endsBy, asOf, status, currentTerm: period(k), renewals: k, nextRenewalOn, termination, flags };
};
