/**
 * Time travel: an instrument's status and participants as at a legal date (`asOf`) and as the system knew it
 * at a moment (`knownAt`), computed by folding the instrument's stream with the domain's own evolve, not from
 * the live read model. Events recorded after `knownAt` are ignored (so later corrections are not seen); acts
 * whose (corrected) legal date is after `asOf` are not shown, and entry into force, withdrawals and the term
 * are the domain's assessment of the folded state as at `asOf` (before the date: not yet in force). The result
 * goes through the same presenters as the live read model, so for today and now the two must agree
 * (time-travel.spec.ts checks it on random histories).
 */
import { type EventStore, type RecordedEvent } from '#libs/event-store';
import { evolveInstrument, initialInstrumentState, instrumentStream, decodeInstrumentEvent, notFound, recordBeginsOn, type EligibleParty, type Instrument, type InstrumentEvent, type InstrumentState } from '#libs/lifecycle';
import { statusFieldsOf, withTimelineEntry, type InstrumentStatusDoc, type TimelineEntry } from './projections/instrument-status/instrument-status.projection.js';
import { assessInstrumentAsOf, presentStatus, type InstrumentStatusView } from './projections/instrument-status/instrument-status.view.js';
import { presentParticipant, type ParticipantView, type ParticipationFacts } from './projections/participation/participation.view.js';
import { ACT_DATE_FIELD, actingPartyOf, metadataOf } from './projections/projection.js';

export interface TimeTravelOptions {
  /** Legal date `YYYY-MM-DD`; default: today. */
  readonly asOf?: string;
  /** ISO timestamp; default: now (everything recorded). */
  readonly knownAt?: string;
}

export interface InstrumentAsOf {
  readonly status: InstrumentStatusView;
  readonly participants: readonly ParticipantView[];
  /** The moment the answer reflects what was recorded by (null: everything up to now). */
  readonly knownAt: string | null;
  /** How many of the stream's events were known then. */
  readonly eventsKnown: number;
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The events of a stream recorded by `knownAt` (all of them without it). */
export const knownBy = (events: readonly RecordedEvent[], knownAt: string | undefined): RecordedEvent[] => {
  if (!knownAt) return [...events];
  const limit = Date.parse(knownAt);
  if (Number.isNaN(limit)) throw new RangeError(`knownAt is not a timestamp: ${knownAt}`);
  return events.filter((e) => Date.parse(metadataOf(e).recordedAt) <= limit);
};

export const foldInstrument = (events: readonly RecordedEvent[]): InstrumentState =>
  events.reduce((state, e) => evolveInstrument(state, decodeInstrumentEvent(e)), initialInstrumentState());

/** The timeline the status view picks its last act from: acts at their corrected dates, as the projection keeps it. */
const timelineOf = (state: Instrument, events: readonly RecordedEvent[]): TimelineEntry[] => {
  const decoded = events.map((e) => decodeInstrumentEvent(e));
  const entries = decoded.map(({ event, id, metadata }): TimelineEntry => ({
    eventId: id,
    type: event.type,
    legalDate: metadata.legalDate,
    recordedAt: metadata.recordedAt,
    party: actingPartyOf(event),
  }));
  const byId = new Map(entries.map((entry, i) => [entry.eventId, i]));
  for (const { event } of decoded) {
    if (event.type !== 'ActCorrected.v1') continue;
    const { correctedEventId, changes } = event.data;
    const act = state.acts[correctedEventId];
    const date = act && changes[ACT_DATE_FIELD[act.type]];
    const i = byId.get(correctedEventId);
    if (typeof date === 'string' && i !== undefined) entries[i] = { ...entries[i]!, legalDate: date };
  }
  // The entries the projection keeps (a fixed date hides only fixed dates, so the order of corrections does not matter).
  return entries.reduce<TimelineEntry[]>(withTimelineEntry, []);
};

/** The domain's folded state in the read model's document shape, for the shared presenter. */
export const statusDocFromInstrument = (state: Instrument, events: readonly RecordedEvent[]): InstrumentStatusDoc => ({
  _id: state.id,
  ...statusFieldsOf(state),
  currentDraftVersion: state.drafts.length ? state.drafts[state.drafts.length - 1]!.version : null,
  updatedAt: events.length ? metadataOf(events[events.length - 1]!).recordedAt : '',
  timeline: timelineOf(state, events),
});

export const participationFromInstrument = (state: Instrument, party: EligibleParty): ParticipationFacts => {
  const p = state.participants[party.code];
  return {
    party: party.code,
    partyName: party.name,
    partyKind: party.kind,
    signature: p?.signature ?? null,
    consent: p?.consent ?? null,
    reservations: p?.reservations ?? [],
    withdrawal: p?.withdrawal ?? null,
    notification: p?.notification ?? null,
    objections: p?.objections ?? [],
    territories: p?.territories ?? [],
  };
};

/** Status and participants from already-read events (pure; the store-reading variant is below). */
export const instrumentAsOfEvents = (events: readonly RecordedEvent[], options: TimeTravelOptions = {}): InstrumentAsOf | null => {
  const asOf = options.asOf ?? todayUtc();
  const known = knownBy(events, options.knownAt);
  const state = foldInstrument(known);
  if (state.stage === 'none') return null;
  // Before its record begins nothing is known of the instrument: say so, rather than show it "drafting".
  const begins = recordBeginsOn(state);
  if (asOf < begins) {
    throw notFound('INSTRUMENT_NOT_YET_RECORDED', `The record of this instrument begins on ${begins}; nothing is recorded of it as at ${asOf}.`);
  }
  // The assessment comes from the folded state itself (the live read model makes its own from its document).
  const assessed = assessInstrumentAsOf(state, asOf);
  const status = presentStatus(statusDocFromInstrument(state, known), asOf, assessed);
  const participants = [...state.eligibleParties]
    .sort((a: EligibleParty, b: EligibleParty) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((party: EligibleParty) => presentParticipant(participationFromInstrument(state, party), assessed, asOf));
  return { status, participants, knownAt: options.knownAt ? new Date(options.knownAt).toISOString() : null, eventsKnown: known.length };
};

/** Null when the instrument does not exist (or was not yet recorded at `knownAt`). */
export const instrumentAsOf = async (eventStore: EventStore, instrumentId: string, options: TimeTravelOptions = {}): Promise<InstrumentAsOf | null> =>
  instrumentAsOfEvents(await eventStore.readStream(instrumentStream(instrumentId)), options);
