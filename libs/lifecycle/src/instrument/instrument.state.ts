/** The instrument's state and evolve: how each event changes what is known of the instrument. */
import type { EventEnvelope, LegalDate } from '../shared/event.js';
import type { CorrectableEventType } from './instrument.acts.js';
import type {
  ActCorrected,
  EligibleParty,
  EntryIntoForceRule,
  InstrumentCreated,
  InstrumentDiscarded,
  InstrumentEvent,
  InstrumentKind,
  InstrumentSigned,
  InstrumentTerminated,
  InstrumentText,
  ConsentDeposited,
  InternalProceduresNotified,
  ProvisionalApplicationClause,
  ReservationObjected,
  TerritorialApplicationDeclared,
  ReservationMade,
  ReviewDecided,
  SignatureOpened,
  Stage,
  TermTerms,
  TerminationNotified,
  TextAdopted,
  WithdrawalNotified,
  WithdrawalTerms,
} from './instrument.events.js';

// ---- state ----------------------------------------------------------------------------------------------

/** Each recorded act remembers the event that recorded it, so that corrections can find it. */
type Recorded<T> = T & { readonly eventId: string };

export interface DraftVersion {
  readonly version: number;
  readonly text: InstrumentText;
  readonly summary: string;
  readonly recordedAt: string;
  readonly preparedOn: LegalDate;
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
/** A withdrawal of a reservation or of an objection (VCLT 22): from `effectiveOn`, it no longer applies. */
export interface ActWithdrawal {
  readonly notifiedOn: LegalDate;
  readonly effectiveOn: LegalDate;
  readonly eventId: string;
}
export type Reservation = Recorded<Omit<ReservationMade['data'], 'party'>> & { readonly withdrawal?: ActWithdrawal | null };
/** An objection the party made to another party's reservation. */
export type Objection = Recorded<Omit<ReservationObjected['data'], 'party'>> & { readonly withdrawal?: ActWithdrawal | null };
/** Provisional application declared by the party itself (VCLT 25(1)(b)). */
export type ProvisionalApplication = Recorded<{ readonly notifiedOn: LegalDate; readonly appliesFrom: LegalDate }>;
export type TerritorialDeclaration = Recorded<Omit<TerritorialApplicationDeclared['data'], 'party'>>;
export type Withdrawal = Recorded<Omit<WithdrawalNotified['data'], 'party'>> & { readonly revokedOn?: LegalDate | null };
export type Notification = Recorded<Omit<InternalProceduresNotified['data'], 'party'>>;

export interface Participation {
  readonly signature: Signature | null;
  readonly consent: Consent | null;
  readonly reservations: readonly Reservation[];
  readonly withdrawal: Withdrawal | null;
  /** Bilateral agreements only. */
  readonly notification?: Notification | null;
  /** Objections this party made to others' reservations. */
  readonly objections?: readonly Objection[];
  readonly provisionalApplication?: ProvisionalApplication | null;
  /** VCLT 25(2): its notice that it will not become a party, which ends provisional application. */
  readonly provisionalApplicationEnded?: Recorded<{ readonly notifiedOn: LegalDate }> | null;
  /** Territories to which it extends (or does not extend) the instrument, in the order declared. */
  readonly territories?: readonly TerritorialDeclaration[];
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
  /** Provisional application under the final clauses, if they provide for it. */
  readonly provisionalApplication?: ProvisionalApplicationClause | null;
  readonly terminationNotice: Omit<TerminationNotified['data'], 'party'> & { readonly by: string } | null;
  readonly createdOn: LegalDate;
  readonly drafts: readonly DraftVersion[];
  readonly reviews: readonly ReviewRound[];
  readonly adoption: Adoption | null;
  readonly signatureOpening: SignatureOpening | null;
  readonly participants: Readonly<Record<string, Participation>>;
  readonly entryIntoForce: Recorded<{ date: LegalDate }> | null;
  readonly termination: InstrumentTerminated['data'] | null;
  readonly discarded: InstrumentDiscarded['data'] | null;
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
      provisionalApplication: d.provisionalApplication ?? null,
      terminationNotice: null,
      createdOn: d.createdOn,
      drafts: [],
      reviews: [],
      adoption: null,
      signatureOpening: null,
      participants: {},
      entryIntoForce: null,
      termination: null,
      discarded: null,
      acts: {},
    };
  }
  if (state.stage === 'none') return state; // no event but creation can start a stream
  switch (event.type) {
    case 'FinalClausesRevised.v1':
      return {
        ...state,
        entryIntoForceRule: event.data.entryIntoForce,
        withdrawalTerms: event.data.withdrawal,
        term: event.data.term,
        ...(event.data.provisionalApplication !== undefined ? { provisionalApplication: event.data.provisionalApplication } : {}),
      };
    case 'DraftVersionRecorded.v2':
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
    case 'ReservationObjected.v1': {
      const { party, ...objection } = event.data;
      return withParticipant(state, party, (p) => ({ ...p, objections: [...(p.objections ?? []), { ...objection, eventId }] }));
    }
    case 'ReservationWithdrawn.v1': {
      const { party, reservationId, notifiedOn, effectiveOn } = event.data;
      return withParticipant(state, party, (p) => ({
        ...p,
        reservations: p.reservations.map((r) => (r.eventId === reservationId ? { ...r, withdrawal: { notifiedOn, effectiveOn, eventId } } : r)),
      }));
    }
    case 'ObjectionWithdrawn.v1': {
      const { party, objectionId, notifiedOn, effectiveOn } = event.data;
      return withParticipant(state, party, (p) => ({
        ...p,
        objections: (p.objections ?? []).map((o) => (o.eventId === objectionId ? { ...o, withdrawal: { notifiedOn, effectiveOn, eventId } } : o)),
      }));
    }
    case 'ProvisionalApplicationNotified.v1': {
      const { party, notifiedOn, appliesFrom } = event.data;
      return withParticipant(state, party, (p) => ({ ...p, provisionalApplication: { notifiedOn, appliesFrom, eventId } }));
    }
    case 'ProvisionalApplicationTerminated.v1':
      return withParticipant(state, event.data.party, (p) => ({ ...p, provisionalApplicationEnded: { notifiedOn: event.data.notifiedOn, eventId } }));
    case 'TerritorialApplicationDeclared.v1': {
      const { party, ...declaration } = event.data;
      return withParticipant(state, party, (p) => ({ ...p, territories: [...(p.territories ?? []), { ...declaration, eventId }] }));
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
    case 'InstrumentDiscarded.v1':
      return { ...state, stage: 'discarded', discarded: event.data };
    case 'ActCorrected.v1':
      return applyCorrection(state, event.data);
  }
};

/** Where an instrument stands procedurally when it is not (or no longer) determined to be in force. */
export const stageBeforeEntryIntoForce = (state: Instrument): Stage =>
  state.signatureOpening ? 'open-for-signature' : state.adoption ? 'adopted' : 'approved';

/** A correction patches the act it names; the original event stays in the log untouched. */
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

