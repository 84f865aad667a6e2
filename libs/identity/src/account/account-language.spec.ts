import type { CommandContext, CommandMetadata } from '#libs/event-store';
import { decideAccount } from './account.decide.js';
import { evolveAccount, initialAccountState, type AccountEvent, type AccountState } from './account.events.js';

const context: CommandContext = { actor: 'admin', now: '2026-01-01T00:00:00.000Z', today: '2026-01-01', correlationId: 'c', commandId: 'c' };
const metadata = { recordedAt: context.now } as CommandMetadata;
const given = (...events: AccountEvent[]): AccountState =>
  Object.freeze(events.reduce<AccountState>((state, event, i) => evolveAccount(state, { event, id: `e${i}`, revision: BigInt(i), metadata }), initialAccountState()));
const opened: AccountEvent = { type: 'AccountOpened.v1', data: { username: 'cub.focal', displayName: 'Focal point', roles: ['member-state'], parties: ['CUB'], source: 'local' } };

describe("an account's preferred language", () => {
  it('is set as an event, kept in the state, and cleared with null', () => {
    const events = decideAccount({ type: 'SetLanguage', data: { language: 'fr' } }, given(opened), context);
    expect(events).toEqual([{ type: 'AccountLanguageSet.v1', data: { language: 'fr' } }]);
    const state = given(opened, ...events);
    expect(state.status !== 'none' && state.language).toBe('fr');
    expect(decideAccount({ type: 'SetLanguage', data: { language: 'fr' } }, state, context)).toEqual([]);
    expect(decideAccount({ type: 'SetLanguage', data: { language: null } }, state, context)).toEqual([{ type: 'AccountLanguageSet.v1', data: { language: null } }]);
    expect(decideAccount({ type: 'SetLanguage', data: { language: null } }, given(opened), context)).toEqual([]);
  });

  it('is a language code (which languages the documents offer is the route’s check)', () => {
    expect(() => decideAccount({ type: 'SetLanguage', data: { language: 'Deutsch' } }, given(opened), context)).toThrow(expect.objectContaining({ code: 'UNKNOWN_LANG', field: 'language' }));
    expect(() => decideAccount({ type: 'SetLanguage', data: { language: 'fr' } }, given(), context)).toThrow(expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }));
  });
});
