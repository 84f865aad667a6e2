/**
 * Per-party view: one document per party × instrument it has acted on (signature, consent, reservation or
 * declaration, withdrawal), with those acts as recorded and as corrected. Title, kind and stage come from the
 * instrument status at query time, so a stage change does not fan out to every party's document.
 */
import { type RecordedEvent } from '#libs/event-store';
import type { ReadModelDoc } from '../../read-model-store.port.js';
import { isPartyAct, PARTY_ACTS, type PartyActType } from '#libs/lifecycle';
import { actingPartyOf, correctableFields, instrumentEventOf, instrumentIdOf, metadataOf, pick, type Projection } from '../projection.js';

export const PARTY_INSTRUMENTS = 'party_instruments';

export type PartyActKind =
  | 'signature'
  | 'consent'
  | 'reservation'
  | 'objection'
  | 'reservation-withdrawal'
  | 'objection-withdrawal'
  | 'provisional-application'
  | 'provisional-application-termination'
  | 'territorial-application'
  | 'withdrawal'
  | 'withdrawal-revoked'
  | 'internal-procedures'
  | 'termination-notice';

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

/** Every party act of the domain's catalogue has its name here (the compiler asks for a new one's). */
const ACT_KIND: Readonly<Record<PartyActType, PartyActKind>> = {
  'InstrumentSigned.v1': 'signature',
  'ConsentDeposited.v1': 'consent',
  'ReservationMade.v1': 'reservation',
  'ReservationObjected.v1': 'objection',
  'ReservationWithdrawn.v1': 'reservation-withdrawal',
  'ObjectionWithdrawn.v1': 'objection-withdrawal',
  'ProvisionalApplicationNotified.v1': 'provisional-application',
  'ProvisionalApplicationTerminated.v1': 'provisional-application-termination',
  'TerritorialApplicationDeclared.v1': 'territorial-application',
  'WithdrawalNotified.v1': 'withdrawal',
  'WithdrawalRevoked.v1': 'withdrawal-revoked',
  'InternalProceduresNotified.v1': 'internal-procedures',
  'TerminationNotified.v1': 'termination-notice',
};

/** Where each party act carries its legal date: the catalogue says. */
const dateOf = (type: string, details: Readonly<Record<string, unknown>>): string =>
  details[PARTY_ACTS[type as PartyActType].dateField] as string;

const latest = (acts: readonly PartyAct[]): string => acts.reduce((max, a) => (a.date > max ? a.date : max), '');

const evolvePartyInstrument = (doc: PartyInstrumentDoc | null, recorded: RecordedEvent, id: string): PartyInstrumentDoc | null => {
  const event = instrumentEventOf(recorded);
  const instrumentId = instrumentIdOf(recorded);
  if (!event || !instrumentId) return doc;
  const metadata = metadataOf(recorded);
  if (isPartyAct(event)) {
    const act = ACT_KIND[event.type];
    const { party, ...details } = event.data as typeof event.data & Record<string, unknown>;
    if (doc?.acts.some((a) => a.eventId === recorded.id)) return doc;
    const entry: PartyAct = {
      eventId: recorded.id,
      act,
      type: event.type,
      date: dateOf(event.type, details),
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
      return { ...a, details, date: dateOf(a.type, details), corrections: [...a.corrections, correction] };
    });
    return { ...doc, acts, lastActOn: latest(acts) };
  }
  return doc;
};

export const partyInstrumentsProjection: Projection<PartyInstrumentDoc> = {
  name: PARTY_INSTRUMENTS,
  indexes: [{ keys: { party: 1 } }, { keys: { instrumentId: 1 }, projection: true }, { keys: { 'acts.eventId': 1 }, projection: true }],
  target: (event) => {
    const instrumentId = instrumentIdOf(event);
    if (!instrumentId) return null;
    const decoded = instrumentEventOf(event)!;
    const party = actingPartyOf(decoded);
    if (party) return { ids: [partyInstrumentId(party, instrumentId)] };
    if (decoded.type === 'ActCorrected.v1') return { filter: { instrumentId, 'acts.eventId': decoded.data.correctedEventId } };
    return null;
  },
  evolve: evolvePartyInstrument,
};
