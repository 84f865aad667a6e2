/** The facts an evaluation reads (plain data the lifecycle domain passes in) and the assessment it answers. */
import type { AssessmentFlag } from './assessment-flag.js';
import type { LegalDate } from './calendar.js';
import type { EntryIntoForceRuleType } from './rules/rule-shapes.js';
import type { TerminationNotice } from './term.evaluate.js';
import type { ConsentKind, PartyKind } from './vocabulary.js';
import type { WithdrawalAssessment, WithdrawalNotice } from './withdrawal.evaluate.js';
import type { WithdrawalTerms } from './withdrawal.terms.js';
import type { DateExplanation } from './explanation.js';
import type { PeriodExplanation } from './period-explanation.js';

// ---- facts -----------------------------------------------------------------------------------------------

export interface PartyFacts {
  readonly code: string;
  readonly kind: PartyKind;
  readonly signature?: { readonly signedOn: LegalDate; readonly definitive: boolean } | null;
  /** The deposit date is what counts (VCLT 16). */
  readonly consent?: { readonly kind: ConsentKind; readonly depositedOn: LegalDate } | null;
  /** Bilateral: the notification that internal procedures are complete. */
  readonly notification?: { readonly notifiedOn: LegalDate } | null;
  readonly withdrawal?: WithdrawalNotice | null;
}

/** A party to the parent instrument, for an amendment whose denominator is the parties at each moment. */
export interface ParentPartyFacts {
  readonly code: string;
  /** The day the parent entered into force for it. */
  readonly partyFrom: LegalDate;
  /** The day its withdrawal from the parent took effect, if any. */
  readonly partyUntil?: LegalDate | null;
}

export interface InstrumentFacts {
  /** In input order: several acts on the same day are ordered by their position here. */
  readonly eligibleParties: readonly PartyFacts[];
  readonly adoptedOn?: LegalDate | null;
  /** The day the instrument opened for signature (a floor may count from it). */
  readonly openedForSignatureOn?: LegalDate | null;
  /** Amendments with a denominator fixed at adoption: the number of parties when the text was adopted. */
  readonly partiesAtAdoption?: number | null;
  /** Amendments with a current denominator: the parties to the parent instrument over time. */
  readonly parentParties?: readonly ParentPartyFacts[] | null;
  /** MOUs: a notice of termination. */
  readonly termination?: TerminationNotice | null;
}

export interface EvaluateOptions {
  /** Evaluate as at this date: acts dated later are disregarded and `status` is filled in. */
  readonly asOf?: LegalDate;
  /** Withdrawal terms; default VCLT 56(2), twelve months. */
  readonly withdrawal?: WithdrawalTerms;
  /** Names the explanations give the parties (default: their codes). */
  readonly partyNames?: Readonly<Record<string, string>>;
}

// ---- assessment ----------------------------------------------------------------------------------------

export type EntryIntoForceStatus = 'not-in-force' | 'pending' | 'in-force';

export type TriggerAct = 'deposit' | 'definitive-signature' | 'notification' | 'parent-parties-changed';

export interface Trigger {
  readonly act: TriggerAct;
  /** The party whose act met the condition (null when a change in the parent's parties did). */
  readonly party: string | null;
  readonly on: LegalDate;
  /** For counted instruments: this was the Nth counted act in order (date, then input order). */
  readonly position: number | null;
}

export interface StillRequired {
  /** At least this many more counting instruments (or named parties' acts, or acceptances). */
  readonly instruments: number;
  /** Of which from the qualifier's group; null when the rule has no qualifier. */
  readonly qualifying: number | null;
  /** Percentage points of the weight still missing; null when the rule has no weight. */
  readonly weightPercent: number | null;
}

export type BoundBy = 'consent' | 'definitive-signature' | 'notification';

export interface PartyAssessment {
  readonly code: string;
  readonly kind: PartyKind;
  /** When the party expressed its consent (deposit, definitive signature, or bilateral notification). */
  readonly boundOn: LegalDate | null;
  readonly boundBy: BoundBy | null;
  /** Whether its act counts towards the condition (consent kind, party kind, named party). */
  readonly counted: boolean;
  readonly entryIntoForceOn: LegalDate | null;
  /** Why that date (null when there is none). */
  readonly entryIntoForceExplanation: DateExplanation | null;
  /** Under a lock-in: the first day the party may give notice of withdrawal. */
  readonly withdrawalAllowedFrom: LegalDate | null;
  readonly withdrawalEffectiveOn: LegalDate | null;
  readonly withdrawal: WithdrawalAssessment | null;
  /** Why its withdrawal takes effect on withdrawalEffectiveOn (null without one that takes effect). */
  readonly withdrawalExplanation: PeriodExplanation | null;
}

export interface EntryIntoForceAssessment {
  readonly ruleType: EntryIntoForceRuleType;
  readonly asOf: LegalDate | null;
  /** Filled in when evaluated with asOf. */
  readonly status: EntryIntoForceStatus | null;
  /** The general entry into force; a projection while still ahead of asOf. */
  readonly date: LegalDate | null;
  /** Why that date: the act that met the condition, the count then, and the arithmetic (null while there is no date). */
  readonly explanation: DateExplanation | null;
  /** The date the condition was met (null for a fixed date). */
  readonly triggerMetOn: LegalDate | null;
  readonly triggeredBy: Trigger | null;
  /** N, the named parties, 2, every party, or the acceptances needed; null for a fixed date. */
  readonly instrumentsRequired: number | null;
  /** Counting instruments standing as at asOf (withdrawals that took effect are removed). */
  readonly instrumentsDeposited: number;
  readonly qualifyingDeposited: number | null;
  readonly weightPercent: number | null;
  /** Acceptance share: the number of parties the share is taken of. */
  readonly shareDenominator: number | null;
  /** Zero everywhere once the condition is met: later withdrawals do not take the instrument out of force. */
  readonly stillRequired: StillRequired;
  /** Named parties still to act (all-named, bilateral, definitive-signature-by-all). */
  readonly awaiting: readonly string[];
  readonly parties: readonly PartyAssessment[];
  readonly flags: readonly AssessmentFlag[];
}
