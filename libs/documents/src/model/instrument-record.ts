import { type RecordedEvent, fold } from '#libs/event-store';
import { instrumentDecider, notFound, type Instrument } from '#libs/lifecycle';

/** One instrument's stream folded up to a log position: everything a document about it is computed from. */
export interface InstrumentRecord {
  readonly state: Instrument;
  /** The stream's events up to the position, in log order. */
  readonly events: readonly RecordedEvent[];
  /** Position of the last event included; the document says it was rendered from here. */
  readonly position: bigint;
}

/**
 * Fold the stream's events with positions up to `upTo` (all of them without it). Pure: the same events and
 * position give the same record, whatever has been appended since.
 */
export const instrumentRecord = (events: readonly RecordedEvent[], upTo?: bigint | null): InstrumentRecord => {
  const included = [...events]
    .filter((e) => upTo === undefined || upTo === null || e.position <= upTo)
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const state = fold(instrumentDecider, included);
  if (state.stage === 'none') {
    throw notFound('INSTRUMENT_NOT_FOUND', upTo != null ? `No instrument is recorded in this stream at log position ${upTo}.` : 'No instrument is recorded in this stream.');
  }
  return { state, events: included, position: included[included.length - 1]!.position };
};

/** The record as it stood right after the event at `position` was recorded. */
export const recordAt = (record: InstrumentRecord, position: bigint): InstrumentRecord => instrumentRecord(record.events, position);

/** The highest position among several records (a report across instruments is rendered from there). */
export const latestPosition = (positions: readonly (bigint | null)[]): bigint | null =>
  positions.reduce<bigint | null>((max, p) => (p !== null && (max === null || p > max) ? p : max), null);
