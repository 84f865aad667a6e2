/**
 * A projection: which documents an event concerns, and a pure `evolve` per document. The projector (and the
 * test harness) load those documents, call `evolve`, and commit what changed with the position guard.
 */
import { type RecordedEvent } from '#libs/event-store';
import { CORRECTABLE_ACTS, decodeInstrumentEvent, decodePartyEvent, isPartyAct, type CorrectableEventType, type EventMetadata, type InstrumentEvent, type PartyEvent } from '#libs/lifecycle';
import type { Filter, IndexSpec, ReadModelDoc } from '../read-model-store.port.js';

/** Documents by id (evolve is called with null for a missing one, so it can create it) or by a filter. */
export type Target = { readonly ids: readonly string[] } | { readonly filter: Filter };

export interface Projection<D extends ReadModelDoc = ReadModelDoc> {
  /** The collection the projection owns. */
  readonly name: string;
  readonly indexes: readonly IndexSpec[];
  /** The documents the event concerns, or null when it concerns none. */
  target(event: RecordedEvent): Target | null;
  /**
   * Pure: the new document; the same object when nothing changes; null to delete it (or not to create it).
   * Must return null for a document this event itself deleted, so a replay after a crash cannot revive it.
   */
  evolve(doc: D | null, event: RecordedEvent, id: string): D | null;
}

/** The indexes the projection's own lookups use (built before a replay; the queries' ones after, see IndexSpec). */
export const lookupIndexes = (projection: Projection): readonly IndexSpec[] => projection.indexes.filter((index) => index.projection);

const INSTRUMENT_PREFIX = 'instrument-';
const PARTY_PREFIX = 'party-';

export const instrumentIdOf = (event: RecordedEvent): string | null =>
  event.stream.startsWith(INSTRUMENT_PREFIX) ? event.stream.slice(INSTRUMENT_PREFIX.length) : null;

export const isPartyStream = (event: RecordedEvent): boolean => event.stream.startsWith(PARTY_PREFIX);

/** Stored events come in through the domain's decoder (older shapes upcast); instrument streams hold only instrument events. */
const DECODED = new WeakMap<RecordedEvent, InstrumentEvent>();

export const instrumentEventOf = (event: RecordedEvent): InstrumentEvent | null => {
  if (!event.stream.startsWith(INSTRUMENT_PREFIX)) return null;
  // Every projection's target and evolve ask for the same event: decode it once.
  let decoded = DECODED.get(event);
  if (!decoded) DECODED.set(event, (decoded = decodeInstrumentEvent(event).event));
  return decoded;
};

/** The party an instrument event is the act of (from the catalogue: the acts whose data names a party). */
export const actingPartyOf = (event: InstrumentEvent): string | null => (isPartyAct(event) ? event.data.party : null);

export const partyEventOf = (event: RecordedEvent): PartyEvent | null => (isPartyStream(event) ? decodePartyEvent(event).event : null);

export const metadataOf = (event: RecordedEvent): EventMetadata => event.metadata as unknown as EventMetadata;

/** The calendar day an ISO timestamp falls on (UTC, as the server's `today`). */
export const dayOf = (timestamp: string): string => timestamp.slice(0, 10);

/** The field carrying the legal date of each correctable act, so a correction can move it (from the catalogue). */
export const ACT_DATE_FIELD = Object.fromEntries(
  Object.entries(CORRECTABLE_ACTS).map(([type, act]) => [type, act.dateField]),
) as Readonly<Record<CorrectableEventType, string>>;

/** The fields a correction may change on each act (from the catalogue). */
export const correctableFields = (type: CorrectableEventType): readonly string[] => CORRECTABLE_ACTS[type].correctable;

/** Only the fields the domain lets a correction change; anything else in `changes` is ignored. */
export const pick = (changes: Readonly<Record<string, unknown>>, fields: readonly string[]): Record<string, unknown> =>
  Object.fromEntries(Object.entries(changes).filter(([key]) => fields.includes(key)));
