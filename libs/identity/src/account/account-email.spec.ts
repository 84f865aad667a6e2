import type { CommandContext, CommandMetadata } from '#libs/event-store';
import { decideAccount } from './account.decide.js';
import { evolveAccount, initialAccountState, type AccountEvent, type AccountState } from './account.events.js';

const context: CommandContext = { actor: 'admin', now: '2026-01-01T00:00:00.000Z', today: '2026-01-01', correlationId: 'c', commandId: 'c' };
const metadata = { recordedAt: context.now } as CommandMetadata;
const given = (...events: AccountEvent[]): AccountState =>
  Object.freeze(events.reduce<AccountState>((state, event, i) => evolveAccount(state, { event, id: `e${i}`, revision: BigInt(i), metadata }), initialAccountState()));
const opened: AccountEvent = { type: 'AccountOpened.v1', data: { username: 'cub.focal', displayName: 'Focal point', roles: ['member-state'], parties: ['CUB'], source: 'local' } };

describe("an account's e-mail address", () => {
  it('is set, lower-cased, as an event, and kept in the state', () => {
    const events = decideAccount({ type: 'SetEmail', data: { email: ' Focal.Point@Aduana.example.CU ' } }, given(opened), context);
    expect(events).toEqual([{ type: 'AccountEmailSet.v1', data: { email: 'focal.point@aduana.example.cu' } }]);
    expect(given(opened, ...events)).toMatchObject({ email: 'focal.point@aduana.example.cu' });
  });

  it('records nothing when it does not change, and is cleared with null', () => {
    const set: AccountEvent = { type: 'AccountEmailSet.v1', data: { email: 'a@b.example' } };
    expect(decideAccount({ type: 'SetEmail', data: { email: 'A@b.example' } }, given(opened, set), context)).toEqual([]);
    expect(decideAccount({ type: 'SetEmail', data: { email: null } }, given(opened, set), context)).toEqual([{ type: 'AccountEmailSet.v1', data: { email: null } }]);
    expect(decideAccount({ type: 'SetEmail', data: { email: null } }, given(opened), context)).toEqual([]);
  });

  it.each([
    ['no @', 'no-at-sign'],
    ['two @', 'two@@signs.example'],
    ['a space', 'spaces in@it.example'],
    ['no dot in the domain', 'nodot@example'],
    ['a local part over 64 characters', `${'x'.repeat(65)}@b.example`],
    ['over 254 characters', `x@${'b'.repeat(250)}.example`],
  ])('refuses an address with %s, naming the field', (_what, email) => {
    expect(() => decideAccount({ type: 'SetEmail', data: { email } }, given(opened), context)).toThrow(expect.objectContaining({ code: 'INVALID_EMAIL', field: 'email' }));
  });

  it('is refused for an account that does not exist', () => {
    expect(() => decideAccount({ type: 'SetEmail', data: { email: 'a@b.example' } }, given(), context)).toThrow(expect.objectContaining({ code: 'ACCOUNT_NOT_FOUND' }));
  });
});
