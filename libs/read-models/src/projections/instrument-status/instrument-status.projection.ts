/**
 * Instrument status: one document per instrument with what a status page shows. It keeps a small per-party
 * cell (dates and kinds only) so that counts can be recounted after a correction instead of incremented.
 */
import type { RecordedEvent } from '#libs/event-store';
import {
  CORRECTABLE_FIELDS,
  type Adoption,
  type ConsentKind,
  type CorrectableEventType,
  type InstrumentKind,
  type ReservationKind,
  type SignatureOpening,
  type Stage,
} from '#libs/lifecycle';
import type { ReadModelDoc } from '../../read-model-store.port.js';
import { ACT_DATE_FIELD, instrumentEventOf, instrumentIdOf, metadataOf, pick, type Projection } from '../projection.js';

export const INSTRUMENT_STATUS = 'instrument_status';

export interface PartyCell {
  readonly signature: { readonly signedOn: string; readonly definitive: boolean; readonly eventId: string } | null;
  readonly consent: {
    readonly kind: ConsentKind;
    readonly depositedOn: string;
    readonly domesticActOn: string | null;
    readonly eventId: string;
  } | null;
  readonly reservations: readonly { readonly kind: ReservationKind; readonly madeOn: string; readonly eventId: string }[];
  readonly withdrawal: {
    readonly notifiedOn: string;
    readonly effectiveOn: string;
    readonly eventId: string;
    readonly revokedOn?: string | null;
  } | null;
  /** Bilateral agreements: notice that internal procedures are complete. */
  readonly notification?: { readonly notifiedOn: string; readonly eventId: string } | null;
}

export interface TimelineEntry {
  readonly eventId: string;
  readonly type: string;
  /** The legal date the event concerns, as corrected since. */
  readonly legalDate: string;
  readonly recordedAt: string;
  readonly party: string | null;
}

export interface InstrumentStatusDoc extends ReadModelDoc {
  readonly kind: InstrumentKind;
  readonly title: string;
  readonly parentId: string | null;
  readonly languages: readonly string[];
  readonly depositary: string | null;
  readonly createdOn: string;
  /** The stage the log last set; what it is as at a date is for the view (stageAsOf). */
  readonly stage: Stage;
  readonly currentDraftVersion: number | null;
  readonly adoption: Adoption | null;
  readonly signatureOpening: SignatureOpening | null;
  /** Codes of the eligible parties (also what GET /api/instruments?party= filters on). */
  readonly eligibleParties: readonly string[];
  readonly parties: Readonly<Record<string, PartyCell>>;
  /** Correctable acts by event id: where a correction finds what it corrects. */
  readonly acts: Readonly<Record<string, { readonly type: CorrectableEventType; readonly party: string | null }>>;
  readonly entryIntoForceRule: string;
  readonly entryIntoForce: { readonly date: string; readonly eventId: string; readonly recordedOn: string } | null;
  readonly termination: { readonly terminatedOn: string; readonly reason: string } | null;
  /** An MOU participant's notice ending the MOU under its term clause. */
  readonly terminationNotice: { readonly notifiedOn: string; readonly namedEffectiveOn: string | null; readonly by: string } | null;
  /** When the last event was recorded (sorting "recently changed"). */
  readonly updatedAt: string;
  /** Every event in log order (compact): the view picks the last act as at a date from it. */
  readonly timeline: readonly TimelineEntry[];
}

const emptyCell: PartyCell = { signature: null, consent: null, reservations: [], withdrawal: null };

const withCell = (doc: InstrumentStatusDoc, party: string, change: (cell: PartyCell) => PartyCell): InstrumentStatusDoc => ({
  ...doc,
  parties: { ...doc.parties, [party]: change(doc.parties[party] ?? emptyCell) },
});

const withAct = (doc: InstrumentStatusDoc, eventId: string, type: CorrectableEventType, party: string | null): InstrumentStatusDoc => ({
  ...doc,
  acts: { ...doc.acts, [eventId]: { type, party } },
});

const evolveStatus = (doc: InstrumentStatusDoc | null, recorded: RecordedEvent, id: string): InstrumentStatusDoc | null => {
  const event = instrumentEventOf(recorded);
  if (!event) return doc;
  const metadata = metadataOf(recorded);
  const eventId = recorded.id;
  if (event.type === 'InstrumentCreated.v1') {
    const d = event.data;
    return {
      _id: id,
      kind: d.kind,
      title: d.title,
      parentId: d.parentId,
      languages: d.languages,
      depositary: d.depositary,
      createdOn: d.createdOn,
      stage: 'drafting',
      currentDraftVersion: null,
      adoption: null,
      signatureOpening: null,
      eligibleParties: d.eligibleParties.map((p) => p.code),
      parties: {},
      acts: {},
      entryIntoForceRule: d.entryIntoForce.type,
      entryIntoForce: null,
      termination: null,
      terminationNotice: null,
      updatedAt: metadata.recordedAt,
      timeline: [{ eventId, type: event.type, legalDate: metadata.legalDate, recordedAt: metadata.recordedAt, party: null }],
    };
  }
  if (!doc) return null; // nothing but creation starts an instrument
  const party = 'party' in event.data && typeof event.data.party === 'string' ? event.data.party : null;
  if (doc.timeline.some((entry) => entry.eventId === eventId)) return doc; // already applied
  const entry: TimelineEntry = { eventId, type: event.type, legalDate: metadata.legalDate, recordedAt: metadata.recordedAt, party };
  const next: InstrumentStatusDoc = { ...doc, updatedAt: metadata.recordedAt, timeline: [...doc.timeline, entry] };
  switch (event.type) {
    case 'DraftVersionRecorded.v1':
      return { ...next, currentDraftVersion: event.data.version };
    case 'ReviewRequested.v1':
      return { ...next, stage: 'in-review' };
    case 'ReviewCommentAdded.v1':
      return next;
    case 'ReviewDecided.v1':
      return { ...next, stage: event.data.decision === 'approve' ? 'approved' : 'drafting' };
    case 'TextAdopted.v1':
      return withAct({ ...next, stage: 'adopted', adoption: { ...event.data, eventId } }, eventId, event.type, null);
    case 'SignatureOpened.v1':
      return withAct({ ...next, stage: 'open-for-signature', signatureOpening: { ...event.data, eventId } }, eventId, event.type, null);
    case 'InstrumentSigned.v1': {
      const { party: code, signedOn, definitive } = event.data;
      return withAct(withCell(next, code, (c) => ({ ...c, signature: { signedOn, definitive, eventId } })), eventId, event.type, code);
    }
    case 'ConsentDeposited.v1': {
      const { party: code, kind, depositedOn, domesticActOn } = event.data;
      return withAct(withCell(next, code, (c) => ({ ...c, consent: { kind, depositedOn, domesticActOn, eventId } })), eventId, event.type, code);
    }
    case 'ReservationMade.v1': {
      const { party: code, kind, madeOn } = event.data;
      const cell = withCell(next, code, (c) =>
        c.reservations.some((r) => r.eventId === eventId) ? c : { ...c, reservations: [...c.reservations, { kind, madeOn, eventId }] },
      );
      return withAct(cell, eventId, event.type, code);
    }
    case 'WithdrawalNotified.v1': {
      const { party: code, notifiedOn, effectiveOn } = event.data;
      return withAct(withCell(next, code, (c) => ({ ...c, withdrawal: { notifiedOn, effectiveOn, eventId } })), eventId, event.type, code);
    }
    case 'FinalClausesRevised.v1':
      return { ...next, entryIntoForceRule: event.data.entryIntoForce.type };
    case 'InternalProceduresNotified.v1': {
      const { party: code, notifiedOn } = event.data;
      return withAct(withCell(next, code, (c) => ({ ...c, notification: { notifiedOn, eventId } })), eventId, event.type, code);
    }
    case 'WithdrawalRevoked.v1':
      return withCell(next, event.data.party, (c) => (c.withdrawal ? { ...c, withdrawal: { ...c.withdrawal, revokedOn: event.data.revokedOn } } : c));
    case 'TerminationNotified.v1': {
      const { party: by, notifiedOn, namedEffectiveOn } = event.data;
      return { ...next, terminationNotice: { notifiedOn, namedEffectiveOn, by } };
    }
    case 'EntryIntoForceDeterminationRevoked.v1':
      // as the domain's stageBeforeEntryIntoForce
      return { ...next, stage: next.signatureOpening ? 'open-for-signature' : next.adoption ? 'adopted' : 'approved', entryIntoForce: null };
    case 'EntryIntoForceDetermined.v1':
      return {
        ...next,
        stage: 'in-force',
        entryIntoForce: { date: event.data.date, eventId, recordedOn: metadata.recordedAt.slice(0, 10) },
      };
    case 'InstrumentTerminated.v1':
      return { ...next, stage: 'terminated', termination: { terminatedOn: event.data.terminatedOn, reason: event.data.reason } };
    case 'ActCorrected.v1':
      return correctTimeline(correctStatus(next, event.data.correctedEventId, event.data.changes), event.data.correctedEventId, event.data.changes);
    default:
      return doc; // an event type this projection does not know yet
  }
};

/** A correction that moves an act's date moves its timeline entry's legal date too. */
const correctTimeline = (doc: InstrumentStatusDoc, correctedEventId: string, changes: Readonly<Record<string, unknown>>): InstrumentStatusDoc => {
  const act = doc.acts[correctedEventId];
  const date = act && changes[ACT_DATE_FIELD[act.type]];
  if (typeof date !== 'string') return doc;
  return { ...doc, timeline: doc.timeline.map((e) => (e.eventId === correctedEventId ? { ...e, legalDate: date } : e)) };
};

/** Patches the corrected act with the fields the domain allows for its type, as the domain's applyCorrection does. */
const correctStatus = (doc: InstrumentStatusDoc, correctedEventId: string, changes: Readonly<Record<string, unknown>>): InstrumentStatusDoc => {
  const act = doc.acts[correctedEventId];
  if (!act) return doc;
  const patch = pick(changes, CORRECTABLE_FIELDS[act.type]);
  switch (act.type) {
    case 'TextAdopted.v1':
      return doc.adoption ? { ...doc, adoption: { ...doc.adoption, ...patch } } : doc;
    case 'SignatureOpened.v1':
      return doc.signatureOpening ? { ...doc, signatureOpening: { ...doc.signatureOpening, ...patch } } : doc;
    case 'InstrumentSigned.v1': {
      const { signedOn, definitive } = patch as { signedOn?: string; definitive?: boolean };
      return withCell(doc, act.party!, (c) =>
        c.signature
          ? { ...c, signature: { ...c.signature, ...(signedOn !== undefined && { signedOn }), ...(definitive !== undefined && { definitive }) } }
          : c,
      );
    }
    case 'ConsentDeposited.v1':
      return withCell(doc, act.party!, (c) => (c.consent ? { ...c, consent: { ...c.consent, ...patch } } : c));
    case 'ReservationMade.v1': {
      const { kind, madeOn } = patch as { kind?: ReservationKind; madeOn?: string };
      return withCell(doc, act.party!, (c) => ({
        ...c,
        reservations: c.reservations.map((r) =>
          r.eventId === correctedEventId ? { ...r, ...(kind !== undefined && { kind }), ...(madeOn !== undefined && { madeOn }) } : r,
        ),
      }));
    }
    case 'WithdrawalNotified.v1':
      return withCell(doc, act.party!, (c) => (c.withdrawal ? { ...c, withdrawal: { ...c.withdrawal, ...patch } } : c));
    case 'InternalProceduresNotified.v1':
      return withCell(doc, act.party!, (c) => (c.notification ? { ...c, notification: { ...c.notification, ...patch } } : c));
  }
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
