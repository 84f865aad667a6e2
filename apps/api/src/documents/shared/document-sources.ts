import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, categoryOf, type EventStore, type RecordedEvent } from '#libs/event-store';
import { instrumentRecord, latestPosition, type InstrumentRecord, type PartyInfo } from '#libs/documents';
import { evolveParty, initialPartyState, instrumentStream, notFound, partyStream, decodePartyEvent, type PartyEvent, type PartyState } from '#libs/lifecycle';

/** Where to cut the log: at a position, and/or at what had been recorded by a moment. */
export interface LogCut {
  readonly position?: bigint;
  /** ISO timestamp: events recorded later are not seen. */
  readonly knownAt?: string;
}

export interface DocumentSource {
  readonly records: readonly InstrumentRecord[];
  readonly parties: readonly PartyInfo[];
  /** The highest position among every event used (the instrument's and the parties'). */
  readonly position: bigint | null;
  /** The day the last event used was recorded: the default "as at" (a date from the log, not the clock). */
  readonly lastRecordedOn: string | null;
}

const recordedAt = (e: RecordedEvent): string => {
  const at = (e.metadata as { recordedAt?: unknown }).recordedAt;
  return typeof at === 'string' ? at : e.createdAt;
};

const within = (cut: LogCut) => {
  const knownAt = cut.knownAt ? Date.parse(cut.knownAt) : null;
  return (e: RecordedEvent): boolean =>
    (cut.position === undefined || e.position <= cut.position) && (knownAt === null || Date.parse(recordedAt(e)) <= knownAt);
};

const lastRecordedOn = (events: readonly RecordedEvent[]): string | null =>
  events.reduce<string | null>((latest, e) => {
    const day = recordedAt(e).slice(0, 10);
    return latest === null || day > latest ? day : latest;
  }, null);

const partyInfo = (events: readonly RecordedEvent[]): PartyInfo | null => {
  const state = events.reduce<PartyState>((s, e) => evolveParty(s, decodePartyEvent(e)), initialPartyState());
  return state.status === 'registered' ? { code: state.code, name: state.name, kind: state.kind } : null;
};

/** Reads what a document is rendered from, straight from the event store (documents never lag the log). */
@Injectable()
export class DocumentSources {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** One instrument, and the registry entries of the parties it names, as the log stood at the cut. */
  async instrument(id: string, cut: LogCut): Promise<DocumentSource & { readonly record: InstrumentRecord }> {
    const events = (await this.store.readStream(instrumentStream(id))).filter(within(cut));
    if (events.length === 0) throw notFound('INSTRUMENT_NOT_FOUND', `No instrument with id ${id} is recorded${cut.position !== undefined || cut.knownAt ? ' at that point of the log' : ''}.`);
    const record = instrumentRecord(events);
    const partyEvents = await Promise.all(record.state.eligibleParties.map(async (p) => (await this.store.readStream(partyStream(p.code))).filter(within(cut))));
    const parties = partyEvents.map(partyInfo).filter((p): p is PartyInfo => p !== null);
    const used = [...events, ...partyEvents.flat()];
    return {
      record,
      records: [record],
      parties,
      position: latestPosition(used.map((e) => e.position)),
      lastRecordedOn: lastRecordedOn(used),
    };
  }

  /** The party as registered at the cut; a 404 if it is not (a model instrument is for a registered party). */
  async party(code: string, cut: LogCut): Promise<PartyInfo> {
    const party = partyInfo((await this.store.readStream(partyStream(code))).filter(within(cut)));
    if (!party) throw notFound('PARTY_NOT_FOUND', `No party is registered with code ${code}${cut.position !== undefined || cut.knownAt ? ' at that point of the log' : ''}.`);
    return party;
  }

  /** Every instrument in the log, with the party registry. */
  async all(cut: LogCut): Promise<DocumentSource> {
    const events = (await this.store.readAll()).filter(within(cut));
    const streams = new Map<string, RecordedEvent[]>();
    for (const e of events) {
      const category = categoryOf(e.stream);
      if (category !== 'instrument' && category !== 'party') continue;
      streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
    }
    const records: InstrumentRecord[] = [];
    const parties: PartyInfo[] = [];
    for (const [stream, streamEvents] of streams) {
      if (categoryOf(stream) === 'party') {
        const party = partyInfo(streamEvents);
        if (party) parties.push(party);
      } else if (streamEvents.some((e) => e.type === 'InstrumentCreated.v1')) {
        records.push(instrumentRecord(streamEvents));
      }
    }
    const used = [...streams.values()].flat();
    return { records, parties, position: latestPosition(used.map((e) => e.position)), lastRecordedOn: lastRecordedOn(used) };
  }
}
