import { conflict, DomainError } from '../shared/domain-error.js';
import { eventDecoder } from '../shared/event-codec.js';
import type { Decider, DomainEvent, EventEnvelope } from '../shared/event.js';
import { DeciderSpecification, envelopesOf, expectReadableSentence, recorded } from './decider-spec.js';

// A counter that can be incremented up to a limit; just enough to exercise the helper.
type Incremented = DomainEvent<'Incremented.v1', { by: number }>;
type State = { total: number; lastEventId: string | null; log: string[] };
type Command =
  | { type: 'Increment'; data: { by: number } }
  | { type: 'Fail'; data: { message: string; code: string } }
  | { type: 'Crash'; data: Record<string, never> }
  | { type: 'Mutate'; data: Record<string, never> };

const counter: Decider<State, Command, Incremented> = {
  initialState: () => ({ total: 0, lastEventId: null, log: [] }),
  evolve: (state, { event, id }: EventEnvelope<Incremented>) => ({ total: state.total + event.data.by, lastEventId: id, log: [...state.log, id] }),
  decide: (command, state, context) => {
    switch (command.type) {
      case 'Increment':
        if (state.total + command.data.by > 10) throw conflict('LIMIT_REACHED', `The counter cannot pass 10 (it is at ${state.total}).`);
        return [{ type: 'Incremented.v1', data: { by: command.data.by } }];
      case 'Fail':
        throw conflict(command.data.code, command.data.message);
      case 'Crash':
        throw new TypeError(`boom for ${context.actor}`);
      case 'Mutate':
        state.log.push('sneaky');
        return [];
    }
  },
  decode: eventDecoder<Incremented>({}),
};

const spec = DeciderSpecification.for(counter);
const incremented = (by: number): Incremented => ({ type: 'Incremented.v1', data: { by } });

describe('DeciderSpecification', () => {
  it('folds the given events, decides, and returns the state after the decided events', () => {
    const state = spec.given([incremented(2), incremented(3)]).when({ type: 'Increment', data: { by: 4 } }).then([incremented(4)]);
    expect(state.total).toBe(9);
    expect(state.log).toHaveLength(3);
  });

  it('fails when the decided events differ from the expected ones', () => {
    expect(() => spec.given([]).when({ type: 'Increment', data: { by: 1 } }).then([incremented(2)])).toThrow();
    expect(() => spec.given([]).when({ type: 'Increment', data: { by: 1 } }).then([])).toThrow();
  });

  it('fails `then` when the command was refused, saying why', () => {
    expect(() => spec.given([incremented(10)]).when({ type: 'Increment', data: { by: 1 } }).then([])).toThrow(/LIMIT_REACHED/);
  });

  it('passes `thenThrows` on the right code and a readable sentence, and returns the error', () => {
    const error = spec.given([incremented(10)]).when({ type: 'Increment', data: { by: 1 } }).thenThrows('LIMIT_REACHED', { kind: 'conflict', message: 'at 10' });
    expect(error).toBeInstanceOf(DomainError);
  });

  it('fails `thenThrows` on another code, another kind, another message, or no error at all', () => {
    const refused = spec.given([incremented(10)]).when({ type: 'Increment', data: { by: 1 } });
    expect(() => refused.thenThrows('SOMETHING_ELSE')).toThrow();
    expect(() => refused.thenThrows('LIMIT_REACHED', { kind: 'invalid' })).toThrow();
    expect(() => refused.thenThrows('LIMIT_REACHED', { message: /at 9/ })).toThrow();
    expect(() => spec.given([]).when({ type: 'Increment', data: { by: 1 } }).thenThrows('LIMIT_REACHED')).toThrow(/decided/);
  });

  it('fails `thenThrows` on an error that is not a DomainError', () => {
    expect(() => spec.given([]).when({ type: 'Crash', data: {} }).thenThrows('BOOM')).toThrow(/TypeError/);
  });

  it.each([
    ['a code instead of a sentence', 'LIMIT_REACHED'],
    ['no full stop', 'The counter cannot pass ten'],
    ['a leaked undefined', 'The counter cannot pass undefined.'],
    ['a leaked object', 'The counter is [object Object] now.'],
    ['the code in the sentence', 'LIMIT_REACHED: the counter is full.'],
    ['too short', 'Nope.'],
  ])('fails `thenThrows` on a message that is not a readable sentence: %s', (_label, message) => {
    expect(() => spec.given([]).when({ type: 'Fail', data: { code: 'LIMIT_REACHED', message } }).thenThrows('LIMIT_REACHED')).toThrow();
  });

  it('accepts a sentence that starts with a field name', () => {
    expectReadableSentence('name must not be empty.', 'INVALID_INPUT');
  });

  it('hands the decider a frozen state, so that a decider mutating it is caught', () => {
    expect(() => spec.given([incremented(1)]).when({ type: 'Mutate', data: {} }).then([])).toThrow(/refused.*TypeError/);
  });

  it('builds envelopes with fixed ids where given, generated ids otherwise, contiguous revisions and full metadata', () => {
    const envelopes = envelopesOf<Incremented>([incremented(1), recorded(incremented(2), 'evt-2', { actor: 'registrar' }), incremented(3)]);
    expect(envelopes.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(envelopes[1]).toMatchObject({ id: 'evt-2', event: incremented(2), metadata: { actor: 'registrar' } });
    expect(new Set(envelopes.map((e) => e.id)).size).toBe(3);
    for (const { metadata } of envelopes) {
      expect(metadata).toEqual({
        actor: expect.any(String),
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        legalDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        correlationId: expect.any(String),
        causationId: expect.any(String),
      });
    }
    expect(spec.given([recorded(incremented(1), 'evt-1')]).state.lastEventId).toBe('evt-1');
  });

  it('passes the context, with overrides, to decide', () => {
    let seen: unknown;
    const spy = DeciderSpecification.for<State, Command, Incremented>(
      { ...counter, decide: (_c, _s, context) => ((seen = context), []) },
      { today: '2021-12-31', actor: 'officer' },
    );
    spy.given([]).when({ type: 'Increment', data: { by: 1 } }, { actor: 'clerk' }).then([]);
    expect(seen).toMatchObject({ today: '2021-12-31', actor: 'clerk', now: '2021-12-31T12:00:00.000Z' });
  });
});
