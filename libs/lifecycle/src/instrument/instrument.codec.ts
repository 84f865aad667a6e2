/** Stored instrument events, read into their current shapes. */
import { eventDecoder, type Upcaster } from '../shared/event-codec.js';
import type { InstrumentEvent } from './instrument.events.js';

export const INSTRUMENT_UPCASTERS: Readonly<Record<string, Upcaster>> = {
  // v1 left the date of a version out when none was given; it was then the day the draft was recorded,
  // which the event's metadata kept as its legal date.
  'DraftVersionRecorded.v1': (data, metadata) => ({
    type: 'DraftVersionRecorded.v2',
    data: { ...data, preparedOn: typeof data.preparedOn === 'string' ? data.preparedOn : metadata.legalDate },
  }),
};

export const decodeInstrumentEvent = eventDecoder<InstrumentEvent>(INSTRUMENT_UPCASTERS);
