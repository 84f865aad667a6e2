import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from '#libs/entry-into-force';
import type { DomainEvent, EventEnvelope, LegalDate } from '../shared/event.js';
import type { PartyKind } from '../party/party.events.js';
import type { CorrectableEventType } from './instrument.acts.js';

export const INSTRUMENT_KINDS = ['treaty', 'agreement', 'mou', 'protocol', 'amendment'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
/** Protocols and amendments exist only in relation to a parent instrument. */
export const CHILD_KINDS: readonly InstrumentKind[] = ['protocol', 'amendment'];

export const STAGES = ['drafting', 'in-review', 'approved', 'adopted', 'open-for-signature', 'in-force', 'terminated', 'discarded'] as const;
export type Stage = (typeof STAGES)[number];

// Which consents count is the rules' business, so the kinds are declared once, in the entry-into-force library.
export { CONSENT_KINDS, type ConsentKind } from '#libs/entry-into-force';
import type { ConsentKind } from '#libs/entry-into-force';

export const RESERVATION_KINDS = ['reservation', 'declaration'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];
export const RESERVATION_MOMENTS = ['signature', 'deposit'] as const;
export type ReservationMoment = (typeof RESERVATION_MOMENTS)[number];
export const ADOPTION_METHODS = ['consensus', 'vote'] as const;
export type AdoptionMethod = (typeof ADOPTION_METHODS)[number];

export interface Article {
  readonly number: string;
  readonly heading: string;
  readonly body: string;
}
export interface InstrumentText {
  readonly preamble: string;
  readonly articles: readonly Article[];
}
export interface EligibleParty {
  readonly code: string;
  readonly name: string;
  readonly kind: PartyKind;
}
export interface Signatory {
  readonly name: string;
  readonly title: string;
}
export interface Votes {
  readonly for: number;
  readonly against: number;
  readonly abstentions: number;
}
/**
 * VCLT 25(1)(a): the final clauses may say that the instrument is applied provisionally, by every signatory
 * from its signature, or from a date (by those that have signed by then, and by later signatories from signing).
 */
export type ProvisionalApplicationClause = { readonly from: 'signature' } | { readonly from: 'date'; readonly date: LegalDate };
/** The final clauses as data; the entry-into-force library evaluates them. */
export type { EntryIntoForceRule, TermTerms, WithdrawalTerms };

// ---- events ---------------------------------------------------------------------------------------------

export type InstrumentCreated = DomainEvent<
  'InstrumentCreated.v1',
  {
    readonly instrumentId: string;
    readonly kind: InstrumentKind;
    readonly title: string;
    readonly parentId: string | null;
    readonly languages: readonly string[];
    readonly depositary: string | null;
    /** A snapshot of the parties as registered when the instrument was created. */
    readonly eligibleParties: readonly EligibleParty[];
    readonly entryIntoForce: EntryIntoForceRule;
    /** Absent: twelve months' notice (VCLT 56(2)). */
    readonly withdrawal?: WithdrawalTerms | null;
    /** An MOU's term, renewal and termination on notice; absent: open-ended. */
    readonly term?: TermTerms | null;
    /** Absent: the final clauses foresee no provisional application (a party may still declare it). */
    readonly provisionalApplication?: ProvisionalApplicationClause | null;
    readonly createdOn: LegalDate;
  }
>;
/** A record created by mistake, before adoption: it leaves every list and report, and stays in the log. */
export type InstrumentDiscarded = DomainEvent<'InstrumentDiscarded.v1', { readonly reason: string; readonly discardedOn: LegalDate }>;
/** The final clauses may be revised until the text is adopted. */
export type FinalClausesRevised = DomainEvent<
  'FinalClausesRevised.v1',
  {
    readonly entryIntoForce: EntryIntoForceRule;
    readonly withdrawal: WithdrawalTerms | null;
    readonly term: TermTerms | null;
    /** Absent on revisions recorded before the clause existed: provisional application stays as it was. */
    readonly provisionalApplication?: ProvisionalApplicationClause | null;
  }
>;
/** v2: every version carries the date it was prepared (v1 had it optional; the decoder upcasts v1). */
export type DraftVersionRecorded = DomainEvent<
  'DraftVersionRecorded.v2',
  {
    readonly version: number;
    readonly text: InstrumentText;
    readonly summary: string;
    /** The date of the version (a negotiating session), or the day it was recorded when none was given. */
    readonly preparedOn: LegalDate;
  }
>;
export type ReviewRequested = DomainEvent<
  'ReviewRequested.v1',
  {
    readonly round: number;
    readonly version: number;
    readonly reviewers: readonly string[];
    readonly note: string | null;
    /** The day the draft went to its reviewers (a meeting's first day), where it is known. */
    readonly requestedOn?: LegalDate;
  }
>;
export type ReviewCommentAdded = DomainEvent<
  'ReviewCommentAdded.v1',
  { readonly round: number; readonly author: string; readonly text: string; readonly article: string | null }
>;
export type ReviewDecided = DomainEvent<
  'ReviewDecided.v1',
  {
    readonly round: number;
    readonly decision: 'approve' | 'request-changes';
    readonly comment: string | null;
    /** The day the reviewers decided, where it is known. */
    readonly decidedOn?: LegalDate;
  }
>;
export type TextAdopted = DomainEvent<
  'TextAdopted.v1',
  {
    readonly adoptedOn: LegalDate;
    readonly place: string;
    readonly method: AdoptionMethod;
    readonly votes: Votes | null;
    readonly version: number;
  }
>;
export type SignatureOpened = DomainEvent<
  'SignatureOpened.v1',
  { readonly opensOn: LegalDate; readonly closesOn: LegalDate | null; readonly place: string }
>;
export type InstrumentSigned = DomainEvent<
  'InstrumentSigned.v1',
  {
    readonly party: string;
    readonly signedOn: LegalDate;
    readonly signatory: Signatory;
    /** Definitive signature binds without ratification (VCLT 12); simple signature awaits consent. */
    readonly definitive: boolean;
    readonly place: string | null;
  }
>;
export type ConsentDeposited = DomainEvent<
  'ConsentDeposited.v1',
  {
    readonly party: string;
    readonly kind: ConsentKind;
    /** Consent takes effect on deposit (VCLT 16). */
    readonly depositedOn: LegalDate;
    /** The separate domestic step (parliament's approval), where one exists. */
    readonly domesticActOn: LegalDate | null;
    /**
     * Succession only: the date from which the successor State considers itself bound (often its independence);
     * `depositedOn` is then the date of the notification of succession. Absent on events recorded before it existed.
     */
    readonly succeededOn?: LegalDate | null;
  }
>;
/** Bilateral agreements: a party notifies the other that its internal procedures are complete. */
export type InternalProceduresNotified = DomainEvent<
  'InternalProceduresNotified.v1',
  { readonly party: string; readonly notifiedOn: LegalDate }
>;
export type ReservationMade = DomainEvent<
  'ReservationMade.v1',
  {
    readonly party: string;
    readonly kind: ReservationKind;
    readonly text: string;
    readonly madeOn: LegalDate;
    /** Formulated when signing or when depositing the instrument of consent (VCLT 19, 23), on that act's date. */
    readonly madeAt: ReservationMoment;
  }
>;
/** VCLT 20, 21: a party objects to another party's reservation; 20(4)(b): it may oppose entry into force between the two. */
export type ReservationObjected = DomainEvent<
  'ReservationObjected.v1',
  {
    readonly party: string;
    /** The event that made the reservation objected to. */
    readonly reservationId: string;
    readonly reservingParty: string;
    readonly text: string;
    readonly objectedOn: LegalDate;
    /** VCLT 20(4)(b): the objecting party opposes the entry into force of the instrument between itself and the reserving party. */
    readonly opposesEntryIntoForce: boolean;
  }
>;
/** VCLT 22(3): effective when the notification is received, or on the later date it names. */
export type ReservationWithdrawn = DomainEvent<
  'ReservationWithdrawn.v1',
  { readonly party: string; readonly reservationId: string; readonly notifiedOn: LegalDate; readonly effectiveOn: LegalDate }
>;
export type ObjectionWithdrawn = DomainEvent<
  'ObjectionWithdrawn.v1',
  { readonly party: string; readonly objectionId: string; readonly notifiedOn: LegalDate; readonly effectiveOn: LegalDate }
>;
/** VCLT 25(1)(b): a party declares that it applies the instrument provisionally, from a date. */
export type ProvisionalApplicationNotified = DomainEvent<
  'ProvisionalApplicationNotified.v1',
  { readonly party: string; readonly notifiedOn: LegalDate; readonly appliesFrom: LegalDate }
>;
/** VCLT 25(2): the party notifies its intention not to become a party; provisional application ends on that notice. */
export type ProvisionalApplicationTerminated = DomainEvent<
  'ProvisionalApplicationTerminated.v1',
  { readonly party: string; readonly notifiedOn: LegalDate }
>;
/** VCLT 29: a territory for whose international relations the party is responsible, by party code where registered as one. */
export interface Territory {
  readonly code: string | null;
  readonly name: string;
}
export type TerritorialApplicationDeclared = DomainEvent<
  'TerritorialApplicationDeclared.v1',
  {
    readonly party: string;
    readonly territory: Territory;
    /** false: the party declares that the instrument does not extend to the territory. */
    readonly extends: boolean;
    readonly declaredOn: LegalDate;
    readonly effectiveOn: LegalDate;
  }
>;
export type WithdrawalNotified = DomainEvent<
  'WithdrawalNotified.v1',
  { readonly party: string; readonly notifiedOn: LegalDate; readonly effectiveOn: LegalDate }
>;
/** A notice of withdrawal may be revoked before it takes effect (VCLT 68). */
export type WithdrawalRevoked = DomainEvent<'WithdrawalRevoked.v1', { readonly party: string; readonly revokedOn: LegalDate }>;
/** An MOU participant's notice that ends the MOU (under its term clause), effective later. */
export type TerminationNotified = DomainEvent<
  'TerminationNotified.v1',
  { readonly party: string; readonly notifiedOn: LegalDate; readonly namedEffectiveOn: LegalDate | null }
>;
export type EntryIntoForceDetermined = DomainEvent<
  'EntryIntoForceDetermined.v1',
  {
    readonly date: LegalDate;
    readonly rule: string;
    /** The earlier determination this one replaces, when a correction moved the date. */
    readonly supersedes: string | null;
  }
>;
/** A correction took away what met the condition: the earlier determination no longer holds. */
export type EntryIntoForceDeterminationRevoked = DomainEvent<
  'EntryIntoForceDeterminationRevoked.v1',
  { readonly supersedes: string; readonly reason: string }
>;
export type InstrumentTerminated = DomainEvent<
  'InstrumentTerminated.v1',
  { readonly terminatedOn: LegalDate; readonly reason: string }
>;
/** Corrections never rewrite history: they name the corrected event and carry the changed fields. */
export type ActCorrected = DomainEvent<
  'ActCorrected.v1',
  {
    readonly correctedEventId: string;
    readonly correctedType: CorrectableEventType;
    readonly reason: string;
    readonly changes: Readonly<Record<string, unknown>>;
  }
>;

export type InstrumentEvent =
  | InstrumentCreated
  | FinalClausesRevised
  | DraftVersionRecorded
  | ReviewRequested
  | ReviewCommentAdded
  | ReviewDecided
  | TextAdopted
  | SignatureOpened
  | InstrumentSigned
  | ConsentDeposited
  | InternalProceduresNotified
  | ReservationMade
  | ReservationObjected
  | ReservationWithdrawn
  | ObjectionWithdrawn
  | ProvisionalApplicationNotified
  | ProvisionalApplicationTerminated
  | TerritorialApplicationDeclared
  | WithdrawalNotified
  | WithdrawalRevoked
  | TerminationNotified
  | EntryIntoForceDetermined
  | EntryIntoForceDeterminationRevoked
  | InstrumentTerminated
  | InstrumentDiscarded
  | ActCorrected;

