/** Party directory: the registered parties (GET /api/parties), from the party streams. */
import { type RecordedEvent } from '#libs/event-store';
import { type PartyKind } from '#libs/lifecycle';
import type { ReadModelDoc } from '../../read-model-store.port.js';
import { metadataOf, partyEventOf, type Projection } from '../projection.js';

export const PARTY_DIRECTORY = 'parties';

export interface PartyDoc extends ReadModelDoc {
  readonly code: string;
  readonly name: string;
  readonly kind: PartyKind;
  readonly registeredAt: string;
}

const evolveParty = (doc: PartyDoc | null, recorded: RecordedEvent, id: string): PartyDoc | null => {
  const event = partyEventOf(recorded);
  if (!event) return doc;
  switch (event.type) {
    case 'PartyRegistered.v1':
      return doc ?? { _id: id, code: event.data.code, name: event.data.name, kind: event.data.kind, registeredAt: metadataOf(recorded).recordedAt };
    case 'PartyRenamed.v1':
      return doc && doc.name !== event.data.name ? { ...doc, name: event.data.name } : doc;
  }
};

export const partyDirectoryProjection: Projection<PartyDoc> = {
  name: PARTY_DIRECTORY,
  indexes: [{ keys: { kind: 1 } }, { keys: { name: 1 } }],
  target: (recorded) => {
    const event = partyEventOf(recorded);
    return event ? { ids: [event.data.code] } : null;
  },
  evolve: evolveParty,
};
