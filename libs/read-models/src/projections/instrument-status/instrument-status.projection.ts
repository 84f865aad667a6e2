/**
 * Instrument status: one document per instrument with what a status page shows, and what entry into force is
 * computed from. The document keeps the domain's own instrument fields (final clauses, eligible parties with
 * their kinds, each party's acts, the correctable acts in recording order, adoption, opening, determination,
 * termination and notice of termination), so the view can run the domain's assessment on it at query time
 * (see instrument-status.view.ts): the date asked for decides the answer, not the moment of projection.
 *
 * Those fields are evolved by the domain's own evolveInstrument, so a correction or a revision of the final
 * clauses means here exactly what it means to the write side. Draft texts and review comments are left out:
 * the document keeps the current draft version and the review rounds with their dates (the negotiation stage
 * as at a date depends on them).
 */
import { type RecordedEvent } from '#libs/event-store';
import { CORRECTABLE_ACTS, evolveInstrument, initialInstrumentState, decodeInstrumentEvent, type Adoption, type CorrectableEventType, type EligibleParty, type EntryIntoForceRule, type Instrument, type InstrumentEvent, type InstrumentKind, type Participation, type ProvisionalApplicationClause, type ReviewRound, type SignatureOpening, type Stage, type TermTerms, type WithdrawalTerms } from '#libs/lifecycle';
import { positionKey, type ReadModelDoc } from '../../read-model-store.port.js';
import { ACT_DATE_FIELD, actingPartyOf, instrumentEventOf, instrumentIdOf, metadataOf, type Projection } from '../projection.js';

export const INSTRUMENT_STATUS = 'instrument_status';

/** A party's acts on the instrument, as the domain keeps them. */
export type PartyCell = Participation;

export interface TimelineEntry {
  readonly eventId: string;
  readonly type: string;
  /** The legal date the event concerns, as corrected since. */
  readonly legalDate: string;
  readonly recordedAt: string;
  readonly party: string | null;
}

/** The domain's instrument fields the document keeps (everything but the draft texts and review comments). */
export interface InstrumentStatusFields {
  readonly kind: InstrumentKind;
  readonly title: string;
  readonly parentId: string | null;
  readonly languages: readonly string[];
  readonly depositary: string | null;
  readonly createdOn: string;
  /** The stage the log last set; what it is as at a date is for the view (instrumentStageAsOf). */
  readonly stage: Stage;
  readonly adoption: Adoption | null;
  readonly signatureOpening: SignatureOpening | null;
  /** Codes of the eligible parties (what GET /api/instruments?party= filters on). */
  readonly eligibleParties: readonly string[];
  /** The eligible parties as snapshotted at creation, in order, with their kinds (the rules count by kind). */
  readonly eligible: readonly EligibleParty[];
  readonly parties: Readonly<Record<string, PartyCell>>;
  /** Correctable acts by event id, in recording order: where a correction finds what it corrects, and the order of same-day deposits. */
  readonly acts: Readonly<Record<string, { readonly type: CorrectableEventType; readonly party: string | null }>>;
  /** The final clauses. */
  readonly entryIntoForceRule: EntryIntoForceRule;
  readonly withdrawalTerms: WithdrawalTerms | null;
  readonly term: TermTerms | null;
  /** Provisional application under the final clauses (absent in documents projected before it existed). */
  readonly provisionalApplication?: ProvisionalApplicationClause | null;
  /** The domain's last determination (EntryIntoForceDetermined), null when none stands. */
  readonly entryIntoForce: { readonly date: string; readonly eventId: string } | null;
  readonly termination: { readonly terminatedOn: string; readonly reason: string } | null;
  /** A record discarded as created by mistake: kept, but left out of every list and report. */
  readonly discarded?: { readonly reason: string; readonly discardedOn: string } | null;
  /** An MOU participant's notice ending the MOU under its term clause. */
  readonly terminationNotice: { readonly notifiedOn: string; readonly namedEffectiveOn: string | null; readonly by: string } | null;
  /** The review rounds without their comments: their dates give the negotiation stage as at a date. */
  readonly reviews: readonly ReviewRound[];
}

export interface InstrumentStatusDoc extends ReadModelDoc, InstrumentStatusFields {
  readonly currentDraftVersion: number | null;
  /** When the last event was recorded (sorting "recently changed"). */
  readonly updatedAt: string;
  /** The events the last act as at some date can be, in log order (see withTimelineEntry). */
  readonly timeline: readonly TimelineEntry[];
  /** The log position of the last event applied (zero-padded): applying an event again changes nothing. */
  readonly appliedThrough?: string;
}

const isCorrectable = (entry: TimelineEntry): boolean => Object.hasOwn(CORRECTABLE_ACTS, entry.type);

/**
 * The timeline with `entry` appended, without the entries that can no longer be the last act as at any date: the
 * view takes the last entry in log order dated on or before the date asked, so an earlier entry dated on or after
 * a later one is never picked. Only an entry whose date is fixed hides earlier ones (a correction can move an
 * act's date), and acts are always kept (a correction must find them). So the timeline grows with the days on
 * which something was recorded and with the acts, not with the number of events: a long review is one entry a day.
 */
export const withTimelineEntry = (timeline: readonly TimelineEntry[], entry: TimelineEntry): TimelineEntry[] =>
  isCorrectable(entry) ? [...timeline, entry] : [...timeline.filter((e) => isCorrectable(e) || e.legalDate < entry.legalDate), entry];

/** The document's share of a domain state (the fold of time travel builds its document with it too). */
export const statusFieldsOf = (state: Instrument): InstrumentStatusFields => ({
  kind: state.kind,
  title: state.title,
  parentId: state.parentId,
  languages: state.languages,
  depositary: state.depositary,
  createdOn: state.createdOn,
  stage: state.stage,
  adoption: state.adoption,
  signatureOpening: state.signatureOpening,
  eligibleParties: state.eligibleParties.map((p) => p.code),
  eligible: state.eligibleParties,
  parties: state.participants,
  acts: state.acts,
  entryIntoForceRule: state.entryIntoForceRule,
  withdrawalTerms: state.withdrawalTerms,
  term: state.term,
  provisionalApplication: state.provisionalApplication ?? null,
  entryIntoForce: state.entryIntoForce && { date: state.entryIntoForce.date, eventId: state.entryIntoForce.eventId },
  termination: state.termination && { terminatedOn: state.termination.terminatedOn, reason: state.termination.reason },
  discarded: state.discarded,
  terminationNotice: state.terminationNotice,
  reviews: state.reviews.map((round) => (round.comments.length ? { ...round, comments: [] } : round)),
});

/**
 * The domain state the document stands for, without draft texts or review comments: what the domain's evolve of a party act, a correction or a determination, and its assessment
 * (assessInstrument, instrumentStageAsOf, reservationObjectionWindows) read.
 */
export const instrumentOfStatusDoc = (doc: InstrumentStatusDoc): Instrument => ({
  stage: doc.stage,
  id: doc._id,
  kind: doc.kind,
  title: doc.title,
  parentId: doc.parentId,
  languages: doc.languages,
  depositary: doc.depositary,
  eligibleParties: doc.eligible,
  entryIntoForceRule: doc.entryIntoForceRule,
  withdrawalTerms: doc.withdrawalTerms,
  term: doc.term,
  provisionalApplication: doc.provisionalApplication ?? null,
  terminationNotice: doc.terminationNotice,
  createdOn: doc.createdOn,
  drafts: [],
  reviews: doc.reviews,
  adoption: doc.adoption,
  signatureOpening: doc.signatureOpening,
  participants: doc.parties,
  entryIntoForce: doc.entryIntoForce,
  termination: doc.termination,
  discarded: doc.discarded ?? null,
  acts: doc.acts,
});

const evolveStatus = (doc: InstrumentStatusDoc | null, recorded: RecordedEvent, id: string): InstrumentStatusDoc | null => {
  const event = instrumentEventOf(recorded);
  if (!event) return doc;
  const metadata = metadataOf(recorded);
  const eventId = recorded.id;
  const party = actingPartyOf(event);
  const entry: TimelineEntry = { eventId, type: event.type, legalDate: metadata.legalDate, recordedAt: metadata.recordedAt, party };
  if (event.type === 'InstrumentCreated.v1') {
    if (doc) return doc; // already applied
    const created = evolveInstrument(initialInstrumentState(), decodeInstrumentEvent(recorded)) as Instrument;
    return { _id: id, ...statusFieldsOf(created), currentDraftVersion: null, updatedAt: metadata.recordedAt, timeline: [entry], appliedThrough: positionKey(recorded.position) };
  }
  if (!doc) return null; // nothing but creation starts an instrument
  const position = positionKey(recorded.position);
  if (doc.appliedThrough !== undefined && doc.appliedThrough >= position) return doc; // already applied
  const next: InstrumentStatusDoc = { ...doc, updatedAt: metadata.recordedAt, timeline: withTimelineEntry(doc.timeline, entry), appliedThrough: position };
  switch (event.type) {
    // Draft texts and comments are not kept: a draft moves the current version, a comment changes no stage.
    case 'DraftVersionRecorded.v2':
      return { ...next, currentDraftVersion: event.data.version };
    case 'ReviewCommentAdded.v1':
      return next;
    case 'ActCorrected.v1':
      return correctTimeline(withDomainEvolve(next, recorded), event.data.correctedEventId, event.data.changes);
    case 'ReviewRequested.v1':
    case 'ReviewDecided.v1':
    case 'FinalClausesRevised.v1':
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
    case 'InstrumentSigned.v1':
    case 'ConsentDeposited.v1':
    case 'InternalProceduresNotified.v1':
    case 'ReservationMade.v1':
    case 'ReservationObjected.v1':
    case 'ReservationWithdrawn.v1':
    case 'ObjectionWithdrawn.v1':
    case 'ProvisionalApplicationNotified.v1':
    case 'ProvisionalApplicationTerminated.v1':
    case 'TerritorialApplicationDeclared.v1':
    case 'WithdrawalNotified.v1':
    case 'WithdrawalRevoked.v1':
    case 'TerminationNotified.v1':
    case 'EntryIntoForceDetermined.v1':
    case 'EntryIntoForceDeterminationRevoked.v1':
    case 'InstrumentTerminated.v1':
    case 'InstrumentDiscarded.v1':
      return withDomainEvolve(next, recorded);
  }
};

/** Applies the event with the domain's evolve to the state the document stands for. */
const withDomainEvolve = (doc: InstrumentStatusDoc, recorded: RecordedEvent): InstrumentStatusDoc => ({
  ...doc,
  ...statusFieldsOf(evolveInstrument(instrumentOfStatusDoc(doc), decodeInstrumentEvent(recorded)) as Instrument),
});

/** A correction that moves an act's date moves its timeline entry's legal date too. */
const correctTimeline = (doc: InstrumentStatusDoc, correctedEventId: string, changes: Readonly<Record<string, unknown>>): InstrumentStatusDoc => {
  const act = doc.acts[correctedEventId];
  const date = act && changes[ACT_DATE_FIELD[act.type]];
  if (typeof date !== 'string') return doc;
  return { ...doc, timeline: doc.timeline.map((e) => (e.eventId === correctedEventId ? { ...e, legalDate: date } : e)) };
};

export const instrumentStatusProjection: Projection<InstrumentStatusDoc> = {
  name: INSTRUMENT_STATUS,
  indexes: [{ keys: { kind: 1 } }, { keys: { stage: 1 } }, { keys: { eligibleParties: 1 } }, { keys: { title: 1 } }, { keys: { updatedAt: -1 } }],
  target: (event) => {
    const id = instrumentIdOf(event);
    return id ? { ids: [id] } : null;
  },
  evolve: evolveStatus,
};
