import { DeciderSpecification } from '../testing/decider-spec.js';
import { partyDecider, type PartyCommand, partyStream, type PartyEvent, type PartyKind } from '../index.js';

const spec = DeciderSpecification.for(partyDecider);

const register = (code: string, name: string, kind: PartyKind = 'state'): PartyCommand => ({
  type: 'RegisterParty',
  data: { code, name, kind },
});
const registered = (code: string, name: string, kind: PartyKind = 'state'): PartyEvent => ({
  type: 'PartyRegistered.v1',
  data: { code, name, kind },
});

describe('party decider', () => {
  describe('RegisterParty', () => {
    it.each([
      ['JAM', 'Jamaica', 'state'],
      ['AW', 'Aruba', 'territory'],
      ['CCLEC', 'Caribbean Customs Law Enforcement Council', 'organisation'],
      ['CARICOM2024X', 'A twelve-character code', 'organisation'],
    ] as const)('registers %s (%s, a %s)', (code, name, kind) => {
      const state = spec.given([]).when(register(code, name, kind)).then([registered(code, name, kind)]);
      expect(state).toEqual({ status: 'registered', code, name, kind });
    });

    it('trims the name', () => {
      spec.given([]).when(register('LCA', '  Saint Lucia  ')).then([registered('LCA', 'Saint Lucia')]);
    });

    it.each([
      ['lower case', 'jam'],
      ['mixed case', 'Jam'],
      ['one character', 'J'],
      ['thirteen characters', 'ABCDEFGHIJKLM'],
      ['a hyphen', 'CC-LEC'],
      ['a space', 'ST KN'],
      ['an accented letter', 'ÉTAT'],
      ['empty', ''],
      ['a trailing newline', 'JAM\n'],
    ])('refuses a code with %s', (_label, code) => {
      spec.given([]).when(register(code, 'Somewhere')).thenThrows('INVALID_INPUT', { kind: 'invalid', field: 'code' });
    });

    it('refuses an unknown kind', () => {
      const command = { type: 'RegisterParty', data: { code: 'EU', name: 'European Union', kind: 'union' } } as unknown as PartyCommand;
      const error = spec.given([]).when(command).thenThrows('INVALID_INPUT', { kind: 'invalid', field: 'kind' });
      // the sentence lists the kinds a legal officer can choose from
      expect(error.message).toContain('state, territory, organisation');
    });

    it.each(['', '   ', '\t\n'])('refuses an empty name (%j)', (name) => {
      spec.given([]).when(register('JAM', name)).thenThrows('INVALID_INPUT', { kind: 'invalid', field: 'name' });
    });

    it('refuses a code that is already registered, naming the party on record', () => {
      spec
        .given([registered('JAM', 'Jamaica')])
        .when(register('JAM', 'Jamaica again'))
        .thenThrows('PARTY_ALREADY_REGISTERED', { kind: 'conflict', message: /JAM.*Jamaica/ });
    });

    it('refuses a second registration even after a rename', () => {
      spec
        .given([registered('JAM', 'Jamaica'), { type: 'PartyRenamed.v1', data: { code: 'JAM', name: 'Commonwealth of Jamaica' } }])
        .when(register('JAM', 'Jamaica'))
        .thenThrows('PARTY_ALREADY_REGISTERED', { message: 'Commonwealth of Jamaica' });
    });
  });

  describe('RenameParty', () => {
    const rename = (code: string, name: string): PartyCommand => ({ type: 'RenameParty', data: { code, name } });

    it('renames a registered party, keeping code and kind', () => {
      const state = spec
        .given([registered('SWZ', 'Swaziland')])
        .when(rename('SWZ', ' Eswatini '))
        .then([{ type: 'PartyRenamed.v1', data: { code: 'SWZ', name: 'Eswatini' } }]);
      expect(state).toEqual({ status: 'registered', code: 'SWZ', name: 'Eswatini', kind: 'state' });
    });

    it('records nothing when the name does not change', () => {
      spec.given([registered('SWZ', 'Eswatini')]).when(rename('SWZ', 'Eswatini ')).then([]);
    });

    it('refuses to rename a party that is not registered', () => {
      spec.given([]).when(rename('XYZ', 'Nowhere')).thenThrows('PARTY_NOT_FOUND', { kind: 'not-found', message: 'XYZ' });
    });

    it.each(['', '  '])('refuses an empty name (%j)', (name) => {
      spec.given([registered('SWZ', 'Eswatini')]).when(rename('SWZ', name)).thenThrows('INVALID_INPUT', { kind: 'invalid', field: 'name' });
    });
  });

  it('names party streams party-<code>', () => {
    expect(partyStream('JAM')).toBe('party-JAM');
  });
});
