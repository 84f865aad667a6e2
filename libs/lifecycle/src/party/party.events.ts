import type { DomainEvent, EventEnvelope } from '../shared/event.js';

// The final-clause rules count parties by kind, so the kinds are declared once, there.
import { PARTY_KINDS, type PartyKind } from '#libs/entry-into-force';
export { PARTY_KINDS, type PartyKind };

/** Party codes are short and stable (ISO 3166 alpha-3 for states and territories, an acronym otherwise): one pattern, the rules'. */
export { PARTY_CODE_PATTERN } from '#libs/entry-into-force';

export type PartyRegistered = DomainEvent<
  'PartyRegistered.v1',
  { readonly code: string; readonly name: string; readonly kind: PartyKind }
>;
export type PartyRenamed = DomainEvent<'PartyRenamed.v1', { readonly code: string; readonly name: string }>;

export type PartyEvent = PartyRegistered | PartyRenamed;

export type PartyState =
  | { readonly status: 'unregistered' }
  | { readonly status: 'registered'; readonly code: string; readonly name: string; readonly kind: PartyKind };

export const initialPartyState = (): PartyState => ({ status: 'unregistered' });

export const evolveParty = (state: PartyState, { event }: EventEnvelope<PartyEvent>): PartyState => {
  switch (event.type) {
    case 'PartyRegistered.v1':
      return { status: 'registered', ...event.data };
    case 'PartyRenamed.v1':
      return state.status === 'registered' ? { ...state, name: event.data.name } : state;
  }
};

export const partyStream = (code: string): string => `party-${code}`;
