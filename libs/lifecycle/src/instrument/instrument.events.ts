import type { EntryIntoForceRule, TermTerms, WithdrawalTerms } from '#libs/entry-into-force';
import type { DomainEvent, EventEnvelope, LegalDate } from '../shared/event.js';
import type { PartyKind } from '../party/party.events.js';

export const INSTRUMENT_KINDS = ['treaty', 'agreement', 'mou', 'protocol', 'amendment'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];
/** Protocols and amendments exist only in relation to a parent instrument. */
export const CHILD_KINDS: readonly InstrumentKind[] = ['protocol', 'amendment'];

export const STAGES = ['drafting', 'in-review', 'approved', 'adopted', 'open-for-signature', 'in-force', 'terminated'] as const;
export type Stage = (typeof STAGES)[number];

export const CONSENT_KINDS = [
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
  'formal-confirmation',
] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const RESERVATION_KINDS = ['reservation', 'declaration'] as const;
export type ReservationKind = (typeof RESERVATION_KINDS)[number];

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
    readonly createdOn: LegalDate;
  }
>;
/** The final clauses may be revised until the text is adopted. */
export type FinalClausesRevised = DomainEvent<
  'FinalClausesRevised.v1',
  { readonly entryIntoForce: EntryIntoForceRule; readonly withdrawal: WithdrawalTerms | null; readonly term: TermTerms | null }
>;
export type DraftVersionRecorded = DomainEvent<
  'DraftVersionRecorded.v1',
  {
    readonly version: number;
    readonly text: InstrumentText;
    readonly summary: string;
    /** The date of the version, where it is known (a negotiating session); absent: the day it was recorded. */
    readonly preparedOn?: LegalDate;
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
    readonly method: 'consensus' | 'vote';
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
    readonly madeAt: 'signature' | 'deposit';
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
  | WithdrawalNotified
  | WithdrawalRevoked
  | TerminationNotified
  | EntryIntoForceDetermined
  | EntryIntoForceDeterminationRevoked
  | InstrumentTerminated
  | ActCorrected;

/** Which fields of which acts a correction may change. */
export const CORRECTABLE_FIELDS = {
  'TextAdopted.v1': ['adoptedOn', 'place', 'method', 'votes'],
  'SignatureOpened.v1': ['opensOn', 'closesOn', 'place'],
  'InstrumentSigned.v1': ['signedOn', 'signatory', 'definitive', 'place'],
  'ConsentDeposited.v1': ['kind', 'depositedOn', 'domesticActOn'],
  'InternalProceduresNotified.v1': ['notifiedOn'],
  'ReservationMade.v1': ['kind', 'text', 'madeOn', 'madeAt'],
  'WithdrawalNotified.v1': ['notifiedOn', 'effectiveOn'],
} as const satisfies Partial<Record<InstrumentEvent['type'], readonly string[]>>;
export type CorrectableEventType = keyof typeof CORRECTABLE_FIELDS;

// ---- state ----------------------------------------------------------------------------------------------

/** Each recorded act remembers the event that recorded it, so that corrections can find it. */
type Recorded<T> = T & { readonly eventId: string };

export interface DraftVersion {
  readonly version: number;
  readonly text: InstrumentText;
  readonly summary: string;
  readonly recordedAt: string;
  readonly preparedOn?: LegalDate;
}
export interface ReviewRound {
  readonly round: number;
  readonly version: number;
  readonly reviewers: readonly string[];
  readonly note: string | null;
  readonly requestedAt: string;
  readonly requestedOn?: LegalDate;
  readonly comments: readonly { author: string; text: string; article: string | null; recordedAt: string }[];
  readonly decision: 'approve' | 'request-changes' | null;
  readonly decisionComment: string | null;
  readonly decidedOn?: LegalDate | null;
}
export type Adoption = Recorded<TextAdopted['data']>;
export type SignatureOpening = Recorded<SignatureOpened['data']>;
export type Signature = Recorded<Omit<InstrumentSigned['data'], 'party'>>;
export type Consent = Recorded<Omit<ConsentDeposited['data'], 'party'>>;
export type Reservation = Recorded<Omit<ReservationMade['data'], 'party'>>;
export type Withdrawal = Recorded<Omit<WithdrawalNotified['data'], 'party'>> & { readonly revokedOn?: LegalDate | null };
export type Notification = Recorded<Omit<InternalProceduresNotified['data'], 'party'>>;

export interface Participation {
  readonly signature: Signature | null;
  readonly consent: Consent | null;
  readonly reservations: readonly Reservation[];
  readonly withdrawal: Withdrawal | null;
  /** Bilateral agreements only. */
  readonly notification?: Notification | null;
}

export interface Instrument {
  readonly stage: Stage;
  readonly id: string;
  readonly kind: InstrumentKind;
  readonly title: string;
  readonly parentId: string | null;
  readonly languages: readonly string[];
  readonly depositary: string | null;
  readonly eligibleParties: readonly EligibleParty[];
  readonly entryIntoForceRule: EntryIntoForceRule;
  readonly withdrawalTerms: WithdrawalTerms | null;
  readonly term: TermTerms | null;
  readonly terminationNotice: Omit<TerminationNotified['data'], 'party'> & { readonly by: string } | null;
  readonly createdOn: LegalDate;
  readonly drafts: readonly DraftVersion[];
  readonly reviews: readonly ReviewRound[];
  readonly adoption: Adoption | null;
  readonly signatureOpening: SignatureOpening | null;
  readonly participants: Readonly<Record<string, Participation>>;
  readonly entryIntoForce: Recorded<{ date: LegalDate }> | null;
  readonly termination: InstrumentTerminated['data'] | null;
  /** Party acts by event id: where a correction finds the act it corrects. */
  readonly acts: Readonly<Record<string, { type: CorrectableEventType; party: string | null }>>;
}
export type InstrumentState = { readonly stage: 'none' } | Instrument;

export const initialInstrumentState = (): InstrumentState => ({ stage: 'none' });

export const instrumentStream = (id: string): string => `instrument-${id}`;

const emptyParticipation: Participation = { signature: null, consent: null, reservations: [], withdrawal: null };

const withParticipant = (state: Instrument, party: string, change: (p: Participation) => Participation): Instrument => ({
  ...state,
  participants: { ...state.participants, [party]: change(state.participants[party] ?? emptyParticipation) },
});

const indexAct = (state: Instrument, eventId: string, type: CorrectableEventType, party: string | null): Instrument => ({
  ...state,
  acts: { ...state.acts, [eventId]: { type, party } },
});

const currentRound = (state: Instrument) => state.reviews[state.reviews.length - 1];
const replaceLastRound = (state: Instrument, round: ReviewRound): Instrument => ({
  ...state,
  reviews: [...state.reviews.slice(0, -1), round],
});

export const evolveInstrument = (state: InstrumentState, envelope: EventEnvelope<InstrumentEvent>): InstrumentState => {
  const { event, id: eventId, metadata } = envelope;
  if (event.type === 'InstrumentCreated.v1') {
    const d = event.data;
    return {
      stage: 'drafting',
      id: d.instrumentId,
      kind: d.kind,
      title: d.title,
      parentId: d.parentId,
      languages: d.languages,
      depositary: d.depositary,
      eligibleParties: d.eligibleParties,
      entryIntoForceRule: d.entryIntoForce,
      withdrawalTerms: d.withdrawal ?? null,
      term: d.term ?? null,
      terminationNotice: null,
      createdOn: d.createdOn,
      drafts: [],
      reviews: [],
      adoption: null,
      signatureOpening: null,
      participants: {},
      entryIntoForce: null,
      termination: null,
      acts: {},
    };
  }
  if (state.stage === 'none') return state; // no event but creation can start a stream
  switch (event.type) {
    case 'FinalClausesRevised.v1':
      return { ...state, entryIntoForceRule: event.data.entryIntoForce, withdrawalTerms: event.data.withdrawal, term: event.data.term };
    case 'DraftVersionRecorded.v1':
      return { ...state, drafts: [...state.drafts, { ...event.data, recordedAt: metadata.recordedAt }] };
    case 'ReviewRequested.v1':
      return {
        ...state,
        stage: 'in-review',
        reviews: [
          ...state.reviews,
          { ...event.data, requestedAt: metadata.recordedAt, comments: [], decision: null, decisionComment: null },
        ],
      };
    case 'ReviewCommentAdded.v1': {
      const round = currentRound(state);
      const { author, text, article } = event.data;
      return replaceLastRound(state, {
        ...round,
        comments: [...round.comments, { author, text, article, recordedAt: metadata.recordedAt }],
      });
    }
    case 'ReviewDecided.v1': {
      const round = currentRound(state);
      const next = replaceLastRound(state, {
        ...round,
        decision: event.data.decision,
        decisionComment: event.data.comment,
        decidedOn: event.data.decidedOn ?? null,
      });
      return { ...next, stage: event.data.decision === 'approve' ? 'approved' : 'drafting' };
    }
    case 'TextAdopted.v1':
      return indexAct({ ...state, stage: 'adopted', adoption: { ...event.data, eventId } }, eventId, event.type, null);
    case 'SignatureOpened.v1':
      return indexAct(
        { ...state, stage: 'open-for-signature', signatureOpening: { ...event.data, eventId } },
        eventId,
        event.type,
        null,
      );
    case 'InstrumentSigned.v1': {
      const { party, ...signature } = event.data;
      const next = withParticipant(state, party, (p) => ({ ...p, signature: { ...signature, eventId } }));
      return indexAct(next, eventId, event.type, party);
    }
    case 'ConsentDeposited.v1': {
      const { party, ...consent } = event.data;
      const next = withParticipant(state, party, (p) => ({ ...p, consent: { ...consent, eventId } }));
      return indexAct(next, eventId, event.type, party);
    }
    case 'InternalProceduresNotified.v1': {
      const { party, notifiedOn } = event.data;
      const next = withParticipant(state, party, (p) => ({ ...p, notification: { notifiedOn, eventId } }));
      return indexAct(next, eventId, event.type, party);
    }
    case 'WithdrawalRevoked.v1':
      return withParticipant(state, event.data.party, (p) =>
        p.withdrawal ? { ...p, withdrawal: { ...p.withdrawal, revokedOn: event.data.revokedOn } } : p,
      );
    case 'TerminationNotified.v1': {
      const { party, ...notice } = event.data;
      return { ...state, terminationNotice: { ...notice, by: party } };
    }
    case 'EntryIntoForceDeterminationRevoked.v1':
      return { ...state, stage: stageBeforeEntryIntoForce(state), entryIntoForce: null };
    case 'ReservationMade.v1': {
      const { party, ...reservation } = event.data;
      const next = withParticipant(state, party, (p) => ({
        ...p,
        reservations: [...p.reservations, { ...reservation, eventId }],
      }));
      return indexAct(next, eventId, event.type, party);
    }
    case 'WithdrawalNotified.v1': {
      const { party, ...withdrawal } = event.data;
      const next = withParticipant(state, party, (p) => ({ ...p, withdrawal: { ...withdrawal, eventId } }));
      return indexAct(next, eventId, event.type, party);
    }
    case 'EntryIntoForceDetermined.v1':
      return { ...state, stage: 'in-force', entryIntoForce: { date: event.data.date, eventId } };
    case 'InstrumentTerminated.v1':
      return { ...state, stage: 'terminated', termination: event.data };
    case 'ActCorrected.v1':
      return applyCorrection(state, event.data);
  }
};

/** A correction patches the act it names; the original event stays in the log untouched. */
/** Where an instrument stands procedurally when it is not (or no longer) determined to be in force. */
export const stageBeforeEntryIntoForce = (state: Instrument): Stage =>
  state.signatureOpening ? 'open-for-signature' : state.adoption ? 'adopted' : 'approved';

export const applyCorrection = (state: Instrument, correction: ActCorrected['data']): Instrument => {
  const act = state.acts[correction.correctedEventId];
  if (!act) return state;
  const changes = correction.changes;
  switch (act.type) {
    case 'TextAdopted.v1':
      return state.adoption ? { ...state, adoption: { ...state.adoption, ...changes } } : state;
    case 'SignatureOpened.v1':
      return state.signatureOpening ? { ...state, signatureOpening: { ...state.signatureOpening, ...changes } } : state;
    case 'InstrumentSigned.v1':
      return withParticipant(state, act.party!, (p) => (p.signature ? { ...p, signature: { ...p.signature, ...changes } } : p));
    case 'ConsentDeposited.v1':
      return withParticipant(state, act.party!, (p) => (p.consent ? { ...p, consent: { ...p.consent, ...changes } } : p));
    case 'ReservationMade.v1':
      return withParticipant(state, act.party!, (p) => ({
        ...p,
        reservations: p.reservations.map((r) => (r.eventId === correction.correctedEventId ? { ...r, ...changes } : r)),
      }));
    case 'WithdrawalNotified.v1':
      return withParticipant(state, act.party!, (p) => (p.withdrawal ? { ...p, withdrawal: { ...p.withdrawal, ...changes } } : p));
    case 'InternalProceduresNotified.v1':
      return withParticipant(state, act.party!, (p) => (p.notification ? { ...p, notification: { ...p.notification, ...changes } } : p));
  }
};

/** The legal date an event concerns (stored in its metadata so the log can be read "as at" a date). */
export const legalDateOf = (event: InstrumentEvent, recordedOn: LegalDate): LegalDate => {
  switch (event.type) {
    case 'DraftVersionRecorded.v1':
      return event.data.preparedOn ?? recordedOn;
    case 'ReviewRequested.v1':
      return event.data.requestedOn ?? recordedOn;
    case 'ReviewDecided.v1':
      return event.data.decidedOn ?? recordedOn;
    case 'TextAdopted.v1':
      return event.data.adoptedOn;
    case 'SignatureOpened.v1':
      return event.data.opensOn;
    case 'InstrumentSigned.v1':
      return event.data.signedOn;
    case 'ConsentDeposited.v1':
      return event.data.depositedOn;
    case 'ReservationMade.v1':
      return event.data.madeOn;
    case 'WithdrawalNotified.v1':
    case 'InternalProceduresNotified.v1':
    case 'TerminationNotified.v1':
      return event.data.notifiedOn;
    case 'WithdrawalRevoked.v1':
      return event.data.revokedOn;
    case 'EntryIntoForceDetermined.v1':
      return event.data.date;
    case 'InstrumentTerminated.v1':
      return event.data.terminatedOn;
    default:
      return recordedOn;
  }
};

/**
 * The stage as at a legal date: each stage from adoption on begins on the date of its act (adoption, opening
 * for signature, entry into force, termination), so an instrument is reported at the last stage whose date
 * is on or before `asOf`. Before adoption the review rounds tell: each request and decision counts from its
 * date where one was recorded, and as it stands where none was.
 */
export const stageAsOf = (state: Instrument, asOf: LegalDate): Stage => {
  if (state.termination?.terminatedOn && state.termination.terminatedOn <= asOf) return 'terminated';
  if (state.entryIntoForce && state.entryIntoForce.date <= asOf) return 'in-force';
  if (state.signatureOpening && state.signatureOpening.opensOn <= asOf) return 'open-for-signature';
  if (state.adoption && state.adoption.adoptedOn <= asOf) return 'adopted';
  return negotiationStageAsOf(state, asOf);
};

/**
 * The negotiation stage on a date, walking the review rounds. A step recorded with its date counts from that
 * date; a step recorded without one is taken as it stands (its day is not known, only that it happened).
 */
const negotiationStageAsOf = (state: Instrument, asOf: LegalDate): Stage => {
  let stage: Stage = 'drafting';
  for (const round of state.reviews) {
    if (round.requestedOn && round.requestedOn > asOf) break;
    stage = 'in-review';
    if (!round.decision || (round.decidedOn && round.decidedOn > asOf)) break;
    stage = round.decision === 'approve' ? 'approved' : 'drafting';
  }
  return stage;
};
