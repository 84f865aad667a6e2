/**
 * When a withdrawal (denunciation) takes effect: VCLT 54-56, 65-68 and 70. A notice may be revoked at any
 * time before it takes effect (VCLT 68); a later date named in the notice wins over the notice period.
 */
import type { AssessmentFlag } from './assessment-flag.js';
import { addDaysTo, addMonthsTo, addYearsTo, firstDayOfMonthAfterMonths, type LegalDate } from './calendar.js';
import { defaultWithdrawalTerms, type WithdrawalTerms } from './withdrawal.terms.js';

export interface WithdrawalNotice {
  /** The date the depositary (or the other party) received the notice. */
  readonly notifiedOn: LegalDate;
  /** A later date named in the notice, if any. */
  readonly namedEffectiveOn?: LegalDate | null;
  /** When the notice was revoked, if it was. */
  readonly revokedOn?: LegalDate | null;
}

export interface WithdrawalContext {
  /** Entry into force for the withdrawing party (starts a 'party' lock-in). */
  readonly partyEntryIntoForceOn?: LegalDate | null;
  /** General entry into force (starts an 'instrument' lock-in). */
  readonly instrumentEntryIntoForceOn?: LegalDate | null;
}

export type WithdrawalOutcome = 'takes-effect' | 'revoked' | 'refused-lock-in';

export interface WithdrawalAssessment {
  readonly notifiedOn: LegalDate;
  readonly outcome: WithdrawalOutcome;
  /** The first day on which the party is no longer bound; null when revoked or refused. */
  readonly effectiveOn: LegalDate | null;
  /** Notice date plus the notice period, before any later named date. */
  readonly periodEndsOn: LegalDate;
  /** The first day a notice may be given under a lock-in; null without lock-in or while the start is unknown. */
  readonly allowedFrom: LegalDate | null;
  readonly revokedOn: LegalDate | null;
  readonly flags: readonly AssessmentFlag[];
}

/** Notice date plus the notice period under the terms (no lock-in, no named date). */
export const withdrawalPeriodEnd = (terms: WithdrawalTerms, notifiedOn: LegalDate): LegalDate => {
  switch (terms.notice) {
    case 'days':
      return addDaysTo(notifiedOn, terms.period);
    case 'months':
      return addMonthsTo(notifiedOn, terms.period);
    case 'first-day-of-month-after-months':
      return firstDayOfMonthAfterMonths(notifiedOn, terms.period);
    default: {
      const unreachable: never = terms.notice;
      throw new Error(`Unhandled withdrawal notice ${String(unreachable)}`);
    }
  }
};

/** The first day a notice of withdrawal may be given, or null when the terms have no lock-in or its start is unknown. */
export const withdrawalAllowedFrom = (terms: WithdrawalTerms, context: WithdrawalContext): LegalDate | null => {
  if (terms.lockInYears === undefined) return null;
  const start = (terms.lockInFrom ?? 'party') === 'party' ? context.partyEntryIntoForceOn : context.instrumentEntryIntoForceOn;
  return start ? addYearsTo(start, terms.lockInYears) : null;
};

/**
 * The effect of one notice of withdrawal. Without terms the VCLT 56(2) default applies (twelve months).
 * A notice given during a lock-in (or before the instrument is in force, when a lock-in applies) is
 * refused rather than thrown: the domain decides whether to reject the act.
 */
export const evaluateWithdrawal = (
  terms: WithdrawalTerms | undefined,
  notice: WithdrawalNotice,
  context: WithdrawalContext = {},
  party?: string,
): WithdrawalAssessment => {
  const t = terms ?? defaultWithdrawalTerms;
  const flags: AssessmentFlag[] = [];
  const flag = (code: AssessmentFlag['code'], message: string) => flags.push(party ? { code, message, party } : { code, message });
  const periodEndsOn = withdrawalPeriodEnd(t, notice.notifiedOn);
  const allowedFrom = withdrawalAllowedFrom(t, context);
  const base = { notifiedOn: notice.notifiedOn, periodEndsOn, allowedFrom, flags };

  if (t.lockInYears !== undefined && (allowedFrom === null || notice.notifiedOn < allowedFrom)) {
    flag(
      'WITHDRAWAL_DURING_LOCK_IN',
      allowedFrom
        ? `Notice of withdrawal given on ${notice.notifiedOn} falls within the lock-in; it may be given from ${allowedFrom}.`
        : `Notice of withdrawal given on ${notice.notifiedOn} precedes the entry into force that starts the ${t.lockInYears}-year lock-in.`,
    );
    return { ...base, outcome: 'refused-lock-in', effectiveOn: null, revokedOn: notice.revokedOn ?? null };
  }

  let effectiveOn = periodEndsOn;
  if (notice.namedEffectiveOn) {
    if (notice.namedEffectiveOn > periodEndsOn) effectiveOn = notice.namedEffectiveOn;
    else if (notice.namedEffectiveOn < periodEndsOn) {
      flag('WITHDRAWAL_NAMED_DATE_TOO_EARLY', `The date named in the notice (${notice.namedEffectiveOn}) is before the end of the notice period; the withdrawal takes effect on ${periodEndsOn}.`);
    }
  }

  const revokedOn = notice.revokedOn ?? null;
  if (revokedOn !== null) {
    if (revokedOn < notice.notifiedOn) {
      flag('WITHDRAWAL_REVOKED_BEFORE_NOTICE', `A revocation dated ${revokedOn} cannot precede the notice of ${notice.notifiedOn}; it is disregarded.`);
    } else if (revokedOn < effectiveOn) {
      return { ...base, outcome: 'revoked', effectiveOn: null, revokedOn };
    } else {
      flag('WITHDRAWAL_REVOCATION_TOO_LATE', `The notice was revoked on ${revokedOn}, on or after the day the withdrawal took effect (${effectiveOn}); the withdrawal stands.`);
    }
  }
  return { ...base, outcome: 'takes-effect', effectiveOn, revokedOn };
};
