import { eventDecoder } from '../shared/event-codec.js';
import { conflict, invalid, notFound } from '../shared/domain-error.js';
import type { CommandContext, Decider } from '../shared/event.js';
import {
  evolveParty,
  initialPartyState,
  PARTY_CODE_PATTERN,
  PARTY_KINDS,
  type PartyEvent,
  type PartyKind,
  type PartyState,
} from './party.events.js';

export type RegisterParty = {
  readonly type: 'RegisterParty';
  readonly data: { readonly code: string; readonly name: string; readonly kind: PartyKind };
};
export type RenameParty = { readonly type: 'RenameParty'; readonly data: { readonly code: string; readonly name: string } };
export type PartyCommand = RegisterParty | RenameParty;

export const decideParty = (command: PartyCommand, state: PartyState, _context: CommandContext): PartyEvent[] => {
  switch (command.type) {
    case 'RegisterParty': {
      const { code, name, kind } = command.data;
      if (!PARTY_CODE_PATTERN.test(code)) throw invalid('code', 'code must be 2 to 12 upper-case letters or digits.');
      if (!PARTY_KINDS.includes(kind)) throw invalid('kind', `kind must be one of ${PARTY_KINDS.join(', ')}.`);
      if (!name.trim()) throw invalid('name', 'name must not be empty.');
      if (state.status === 'registered') {
        throw conflict('PARTY_ALREADY_REGISTERED', `A party with code ${code} is already registered (${state.name}).`);
      }
      return [{ type: 'PartyRegistered.v1', data: { code, name: name.trim(), kind } }];
    }
    case 'RenameParty': {
      if (state.status !== 'registered') throw notFound('PARTY_NOT_FOUND', `No party with code ${command.data.code} is registered.`);
      const name = command.data.name.trim();
      if (!name) throw invalid('name', 'name must not be empty.');
      if (state.name === name) return [];
      return [{ type: 'PartyRenamed.v1', data: { code: state.code, name } }];
    }
  }
};

/** No party event has changed shape yet: the table of upcasters is empty. */
export const decodePartyEvent = eventDecoder<PartyEvent>({});

export const partyDecider: Decider<PartyState, PartyCommand, PartyEvent> = {
  initialState: initialPartyState,
  evolve: evolveParty,
  decide: decideParty,
  decode: decodePartyEvent,
};
