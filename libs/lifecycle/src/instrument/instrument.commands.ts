/** What can be asked of an instrument: the commands, plain `{ type, data }` records. */
import type { LegalDate } from '../shared/event.js';
import type {
  AdoptionMethod,
  ConsentKind,
  EligibleParty,
  EntryIntoForceRule,
  InstrumentKind,
  InstrumentText,
  ReservationKind,
  ReservationMoment,
  ProvisionalApplicationClause,
  Signatory,
  Territory,
  TermTerms,
  Votes,
  WithdrawalTerms,
} from './instrument.events.js';

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export type CreateInstrument = Command<
  'CreateInstrument',
  {
    instrumentId: string;
    kind: InstrumentKind;
    title: string;
    /** Resolved by the handler from the parent's stream: the domain sees facts, not ids to look up. */
    parent: { id: string; kind: InstrumentKind } | null;
    languages: readonly string[];
    depositary: string | null;
    /** Resolved by the handler from the party registry. */
    eligibleParties: readonly EligibleParty[];
    entryIntoForce: EntryIntoForceRule | null;
    withdrawal?: WithdrawalTerms | null;
    term?: TermTerms | null;
    provisionalApplication?: ProvisionalApplicationClause | null;
    text: InstrumentText | null;
    /** The date the first draft was prepared, when it is sent with the creation; default: today. */
    preparedOn?: LegalDate;
  }
>;
/** Each clause left out (undefined) stays as it is; null returns withdrawal or term to the default. */
export type ReviseFinalClauses = Command<
  'ReviseFinalClauses',
  {
    entryIntoForce?: EntryIntoForceRule;
    withdrawal?: WithdrawalTerms | null;
    term?: TermTerms | null;
    provisionalApplication?: ProvisionalApplicationClause | null;
  }
>;
/** Negotiation steps may carry the day they happened (a meeting); without it they count as recorded. */
export type RecordDraft = Command<'RecordDraft', { text: InstrumentText; summary: string; preparedOn?: LegalDate }>;
export type RequestReview = Command<'RequestReview', { reviewers: readonly string[]; note: string | null; requestedOn?: LegalDate }>;
export type CommentOnReview = Command<'CommentOnReview', { author: string; text: string; article: string | null }>;
export type DecideReview = Command<
  'DecideReview',
  { decision: 'approve' | 'request-changes'; comment: string | null; decidedOn?: LegalDate }
>;
export type AdoptText = Command<
  'AdoptText',
  { adoptedOn: LegalDate; place: string; method: AdoptionMethod; votes: Votes | null }
>;
export type OpenForSignature = Command<'OpenForSignature', { opensOn: LegalDate; closesOn: LegalDate | null; place: string }>;
export type SignInstrument = Command<
  'SignInstrument',
  {
    party: string;
    signedOn: LegalDate;
    signatory: Signatory;
    /** Absent or null: definitive for an MOU (it foresees no ratification), subject to ratification otherwise. */
    definitive?: boolean | null;
    place: string | null;
  }
>;
export type DepositConsent = Command<
  'DepositConsent',
  {
    party: string;
    kind: ConsentKind;
    depositedOn: LegalDate;
    domesticActOn: LegalDate | null;
    /** Succession only: the date of succession (the deposit date is that of the notification). */
    succeededOn?: LegalDate | null;
  }
>;
export type ObjectToReservation = Command<
  'ObjectToReservation',
  { party: string; reservationId: string; text: string; objectedOn: LegalDate; opposesEntryIntoForce: boolean }
>;
/** Without a named date, a withdrawal takes effect on the notification's receipt (VCLT 22(3)). */
export type WithdrawReservation = Command<'WithdrawReservation', { party: string; reservationId: string; notifiedOn: LegalDate; effectiveOn: LegalDate | null }>;
export type WithdrawObjection = Command<'WithdrawObjection', { party: string; objectionId: string; notifiedOn: LegalDate; effectiveOn: LegalDate | null }>;
/** Without a date, provisional application begins on the notification. */
export type NotifyProvisionalApplication = Command<'NotifyProvisionalApplication', { party: string; notifiedOn: LegalDate; appliesFrom: LegalDate | null }>;
export type NotifyIntentionNotToBecomeParty = Command<'NotifyIntentionNotToBecomeParty', { party: string; notifiedOn: LegalDate }>;
/** The territory is resolved by the handler: a registered party of kind territory by its code, otherwise a name. */
export type DeclareTerritorialApplication = Command<
  'DeclareTerritorialApplication',
  { party: string; territory: Territory; extends: boolean; declaredOn: LegalDate; effectiveOn: LegalDate | null }
>;
export type NotifyInternalProcedures = Command<'NotifyInternalProcedures', { party: string; notifiedOn: LegalDate }>;
export type RevokeWithdrawal = Command<'RevokeWithdrawal', { party: string; revokedOn: LegalDate }>;
export type NotifyTermination = Command<'NotifyTermination', { party: string; notifiedOn: LegalDate; effectiveOn: LegalDate | null }>;
export type MakeReservation = Command<
  'MakeReservation',
  { party: string; kind: ReservationKind; text: string; madeOn: LegalDate; madeAt: ReservationMoment | null }
>;
export type NotifyWithdrawal = Command<'NotifyWithdrawal', { party: string; notifiedOn: LegalDate; effectiveOn: LegalDate | null }>;
export type TerminateInstrument = Command<'TerminateInstrument', { terminatedOn: LegalDate; reason: string }>;
/** A record created by mistake is discarded with its reason (before adoption only); the log keeps it. */
export type DiscardInstrument = Command<'DiscardInstrument', { reason: string; discardedOn?: LegalDate }>;
export type CorrectAct = Command<'CorrectAct', { eventId: string; reason: string; changes: Readonly<Record<string, unknown>> }>;

export type InstrumentCommand =
  | CreateInstrument
  | ReviseFinalClauses
  | RecordDraft
  | RequestReview
  | CommentOnReview
  | DecideReview
  | AdoptText
  | OpenForSignature
  | SignInstrument
  | DepositConsent
  | NotifyInternalProcedures
  | MakeReservation
  | ObjectToReservation
  | WithdrawReservation
  | WithdrawObjection
  | NotifyProvisionalApplication
  | NotifyIntentionNotToBecomeParty
  | DeclareTerritorialApplication
  | NotifyWithdrawal
  | RevokeWithdrawal
  | NotifyTermination
  | TerminateInstrument
  | DiscardInstrument
  | CorrectAct;
