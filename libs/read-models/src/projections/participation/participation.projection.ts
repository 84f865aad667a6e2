/**
 * Participation matrix: one document per instrument × eligible party, created with the instrument so that
 * empty cells ("has not signed") are rows too. Party names are the snapshot taken at creation, as in the domain.
 */
import { type RecordedEvent } from '#libs/event-store';
import { type Consent, type CorrectableEventType, type Notification, type Participation, type PartyKind, type Reservation, type Signature, type Withdrawal } from '#libs/lifecycle';
import type { ReadModelDoc } from '../../read-model-store.port.js';
import { actingPartyOf, correctableFields, instrumentEventOf, instrumentIdOf, pick, type Projection } from '../projection.js';

export const PARTICIPATION = 'participation';

export interface ParticipationDoc extends ReadModelDoc {
  readonly instrumentId: string;
  readonly party: string;
  readonly partyName: string;
  readonly partyKind: PartyKind;
  readonly signature: Signature | null;
  readonly consent: Consent | null;
  readonly reservations: readonly Reservation[];
  readonly withdrawal: Withdrawal | null;
  /** Bilateral agreements: notice that internal procedures are complete. */
  readonly notification: Notification | null;
  /** Objections the party made, provisional application, territorial declarations (absent in rows projected before them). */
  readonly objections?: Participation['objections'];
  readonly provisionalApplication?: Participation['provisionalApplication'];
  readonly provisionalApplicationEnded?: Participation['provisionalApplicationEnded'];
  readonly territories?: Participation['territories'];
  /** Ids of the acts recorded in this row, with their type: where a correction finds its row. */
  readonly acts: readonly { readonly eventId: string; readonly type: CorrectableEventType }[];
}

export const participationId = (instrumentId: string, party: string): string => `${instrumentId}:${party}`;


const recordAct = (doc: ParticipationDoc, eventId: string, type: CorrectableEventType): ParticipationDoc =>
  doc.acts.some((a) => a.eventId === eventId) ? doc : { ...doc, acts: [...doc.acts, { eventId, type }] };

const evolveParticipation = (doc: ParticipationDoc | null, recorded: RecordedEvent, id: string): ParticipationDoc | null => {
  const event = instrumentEventOf(recorded);
  if (!event) return doc;
  const eventId = recorded.id;
  if (event.type === 'InstrumentCreated.v1') {
    const instrumentId = event.data.instrumentId;
    const party = event.data.eligibleParties.find((p) => participationId(instrumentId, p.code) === id);
    if (!party) return doc;
    return {
      _id: id,
      instrumentId,
      party: party.code,
      partyName: party.name,
      partyKind: party.kind,
      signature: null,
      consent: null,
      reservations: [],
      withdrawal: null,
      notification: null,
      acts: [],
    };
  }
  if (!doc) return null; // rows exist only for eligible parties
  switch (event.type) {
    case 'InstrumentSigned.v1': {
      const { party: _party, ...signature } = event.data;
      return recordAct({ ...doc, signature: { ...signature, eventId } }, eventId, event.type);
    }
    case 'ConsentDeposited.v1': {
      const { party: _party, ...consent } = event.data;
      return recordAct({ ...doc, consent: { ...consent, eventId } }, eventId, event.type);
    }
    case 'ReservationMade.v1': {
      if (doc.reservations.some((r) => r.eventId === eventId)) return doc;
      const { party: _party, ...reservation } = event.data;
      return recordAct({ ...doc, reservations: [...doc.reservations, { ...reservation, eventId }] }, eventId, event.type);
    }
    case 'WithdrawalNotified.v1': {
      const { party: _party, ...withdrawal } = event.data;
      return recordAct({ ...doc, withdrawal: { ...withdrawal, eventId } }, eventId, event.type);
    }
    case 'InternalProceduresNotified.v1':
      return recordAct({ ...doc, notification: { notifiedOn: event.data.notifiedOn, eventId } }, eventId, event.type);
    case 'WithdrawalRevoked.v1':
      return doc.withdrawal ? { ...doc, withdrawal: { ...doc.withdrawal, revokedOn: event.data.revokedOn } } : doc;
    // The acts below are not correctable, so they need no entry in `acts`; each is applied once, by its event id.
    case 'ReservationObjected.v1': {
      if ((doc.objections ?? []).some((o) => o.eventId === eventId)) return doc;
      const { party: _party, ...objection } = event.data;
      return { ...doc, objections: [...(doc.objections ?? []), { ...objection, eventId }] };
    }
    case 'ReservationWithdrawn.v1': {
      const { reservationId, notifiedOn, effectiveOn } = event.data;
      return { ...doc, reservations: doc.reservations.map((r) => (r.eventId === reservationId ? { ...r, withdrawal: { notifiedOn, effectiveOn, eventId } } : r)) };
    }
    case 'ObjectionWithdrawn.v1': {
      const { objectionId, notifiedOn, effectiveOn } = event.data;
      return { ...doc, objections: (doc.objections ?? []).map((o) => (o.eventId === objectionId ? { ...o, withdrawal: { notifiedOn, effectiveOn, eventId } } : o)) };
    }
    case 'ProvisionalApplicationNotified.v1':
      return { ...doc, provisionalApplication: { notifiedOn: event.data.notifiedOn, appliesFrom: event.data.appliesFrom, eventId } };
    case 'ProvisionalApplicationTerminated.v1':
      return { ...doc, provisionalApplicationEnded: { notifiedOn: event.data.notifiedOn, eventId } };
    case 'TerritorialApplicationDeclared.v1': {
      if ((doc.territories ?? []).some((t) => t.eventId === eventId)) return doc;
      const { party: _party, ...declaration } = event.data;
      return { ...doc, territories: [...(doc.territories ?? []), { ...declaration, eventId }] };
    }
    case 'ActCorrected.v1': {
      const { correctedEventId, changes } = event.data;
      const act = doc.acts.find((a) => a.eventId === correctedEventId);
      if (!act) return doc;
      const patch = pick(changes, correctableFields(act.type));
      switch (act.type) {
        case 'InstrumentSigned.v1':
          return doc.signature ? { ...doc, signature: { ...doc.signature, ...patch } } : doc;
        case 'ConsentDeposited.v1':
          return doc.consent ? { ...doc, consent: { ...doc.consent, ...patch } } : doc;
        case 'ReservationMade.v1':
          return { ...doc, reservations: doc.reservations.map((r) => (r.eventId === correctedEventId ? { ...r, ...patch } : r)) };
        case 'WithdrawalNotified.v1':
          return doc.withdrawal ? { ...doc, withdrawal: { ...doc.withdrawal, ...patch } } : doc;
        case 'InternalProceduresNotified.v1':
          return doc.notification ? { ...doc, notification: { ...doc.notification, ...patch } } : doc;
        case 'TextAdopted.v1':
        case 'SignatureOpened.v1':
          return doc;
      }
    }
    case 'FinalClausesRevised.v1':
    case 'DraftVersionRecorded.v2':
    case 'ReviewRequested.v1':
    case 'ReviewCommentAdded.v1':
    case 'ReviewDecided.v1':
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
    case 'TerminationNotified.v1':
    case 'EntryIntoForceDetermined.v1':
    case 'EntryIntoForceDeterminationRevoked.v1':
    case 'InstrumentTerminated.v1':
    case 'InstrumentDiscarded.v1':
      return doc;
  }
};

export const participationProjection: Projection<ParticipationDoc> = {
  name: PARTICIPATION,
  indexes: [{ keys: { instrumentId: 1 }, projection: true }, { keys: { party: 1 } }, { keys: { 'acts.eventId': 1 }, projection: true }],
  target: (event) => {
    const instrumentId = instrumentIdOf(event);
    if (!instrumentId) return null;
    const decoded = instrumentEventOf(event)!;
    if (decoded.type === 'InstrumentCreated.v1') return { ids: decoded.data.eligibleParties.map((p) => participationId(instrumentId, p.code)) };
    if (decoded.type === 'ActCorrected.v1') return { filter: { instrumentId, 'acts.eventId': decoded.data.correctedEventId } };
    // Every party act concerns its party's row; evolve (exhaustive over the events) decides what changes.
    const party = actingPartyOf(decoded);
    return party ? { ids: [participationId(instrumentId, party)] } : null;
  },
  evolve: evolveParticipation,
};
