/**
 * Per-party view: one document per party × instrument it has acted on (signature, consent, reservation or
 * declaration, withdrawal), with those acts as recorded and as corrected. Title, kind and stage come from the
 * instrument status at query time, so a stage change does not fan out to every party's document.
 */
import { type RecordedEvent } from '#libs/event-store';
import type { ReadModelDoc } from '../../read-model-store.port.js';
import { ACT_DATE_FIELD, correctableFields, instrumentEventOf, instrumentIdOf, metadataOf, pick, type Projection } from '../projection.js';

export const PARTY_INSTRUMENTS = 'party_instruments';

export type PartyActKind = 'signature' | 'consent' | 'reservation' | 'withdrawal' | 'withdrawal-revoked' | 'internal-procedures' | 'termination-notice';

export interface PartyAct {
  readonly eventId: string;
  readonly act: PartyActKind;
  readonly type: string;
  /** The act's legal date (as corrected). */
  readonly date: string;
  readonly recordedAt: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly corrections: readonly { readonly eventId: string; readonly reason: string; readonly recordedAt: string }[];
}

export interface PartyInstrumentDoc extends ReadModelDoc {
  readonly party: string;
  readonly instrumentId: string;
  readonly acts: readonly PartyAct[];
  readonly lastActOn: string;
}

export const partyInstrumentId = (party: string, instrumentId: string): string => `${party}:${instrumentId}`;

const ACT_KIND: Partial<Record<string, PartyActKind>> = {
  'InstrumentSigned.v1': 'signature',
  'ConsentDeposited.v1': 'consent',
  'ReservationMade.v1': 'reservation',
  'WithdrawalNotified.v1': 'withdrawal',
  'WithdrawalRevoked.v1': 'withdrawal-revoked',
  'InternalProceduresNotified.v1': 'internal-procedures',
  'TerminationNotified.v1': 'termination-notice',
};

/** Where each party act carries its legal date (correctable acts and the others). */
const DATE_FIELD: Record<string, string> = { ...ACT_DATE_FIELD, 'WithdrawalRevoked.v1': 'revokedOn', 'TerminationNotified.v1': 'notifiedOn' };

const latest = (acts: readonly PartyAct[]): string => acts.reduce((max, a) => (a.date > max ? a.date : max), '');

const evolvePartyInstrument = (doc: PartyInstrumentDoc | null, recorded: RecordedEvent, id: string): PartyInstrumentDoc | null => {
  const event = instrumentEventOf(recorded);
  const instrumentId = instrumentIdOf(recorded);
  if (!event || !instrumentId) return doc;
  const metadata = metadataOf(recorded);
  const act = ACT_KIND[event.type];
  if (act) {
    const { party, ...details } = event.data as { party: string } & Record<string, unknown>;
    if (doc?.acts.some((a) => a.eventId === recorded.id)) return doc;
    const entry: PartyAct = {
      eventId: recorded.id,
      act,
      type: event.type,
      date: details[DATE_FIELD[event.type]!] as string,
      recordedAt: metadata.recordedAt,
      details,
      corrections: [],
    };
    const acts = [...(doc?.acts ?? []), entry];
    return { _id: id, party, instrumentId, ...doc, acts, lastActOn: latest(acts) };
  }
  if (event.type === 'ActCorrected.v1' && doc) {
    const { correctedEventId, correctedType, reason, changes } = event.data;
    const correction = { eventId: recorded.id, reason, recordedAt: metadata.recordedAt };
    const acts = doc.acts.map((a) => {
      if (a.eventId !== correctedEventId || a.corrections.some((c) => c.eventId === recorded.id)) return a;
      const details = { ...a.details, ...pick(changes, correctableFields(correctedType)) };
      return { ...a, details, date: details[DATE_FIELD[a.type]!] as string, corrections: [...a.corrections, correction] };
    });
    return { ...doc, acts, lastActOn: latest(acts) };
  }
  return doc;
};

export const partyInstrumentsProjection: Projection<PartyInstrumentDoc> = {
  name: PARTY_INSTRUMENTS,
  indexes: [{ keys: { party: 1 } }, { keys: { instrumentId: 1 } }, { keys: { 'acts.eventId': 1 } }],
  target: (event) => {
    const instrumentId = instrumentIdOf(event);
    if (!instrumentId) return null;
    if (ACT_KIND[event.type]) {
      const party = (event.data as { party?: unknown }).party;
      return typeof party === 'string' ? { ids: [partyInstrumentId(party, instrumentId)] } : null;
    }
    if (event.type === 'ActCorrected.v1') {
      return { filter: { instrumentId, 'acts.eventId': (event.data as { correctedEventId: string }).correctedEventId } };
    }
    return null;
  },
  evolve: evolvePartyInstrument,
};
