/**
 * Given / when / then for deciders (test helper; not exported from the library's index).
 *
 *   const spec = DeciderSpecification.for(instrumentDecider, { today: '2021-06-30' });
 *   spec.given([created, drafted]).when(requestReview).then([reviewRequested]);
 *   spec.given([created]).when(requestReview).thenThrows('NO_DRAFT');
 *
 * Given events are wrapped in envelopes with generated ids, contiguous revisions and complete metadata, as the
 * store would hand them to `evolve`. Pass `recorded(event, id)` instead of a bare event when a later command
 * (a correction) must name the event's id. The folded state is deep-frozen before `decide` runs, so a decider
 * that mutates its state fails loudly instead of corrupting the next decision.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, type DomainErrorKind } from '../shared/domain-error.js';
import type { CommandContext, Decider, DomainEvent, EventEnvelope, EventMetadata } from '../shared/event.js';

/** A given event with a fixed id (and, optionally, some metadata). */
export interface GivenEvent<E extends DomainEvent> {
  readonly event: E;
  readonly id?: string;
  readonly metadata?: Partial<EventMetadata>;
}

export const recorded = <E extends DomainEvent>(event: E, id: string, metadata?: Partial<EventMetadata>): GivenEvent<E> => ({
  event,
  id,
  ...(metadata ? { metadata } : {}),
});

const isGiven = <E extends DomainEvent>(item: E | GivenEvent<E>): item is GivenEvent<E> => 'event' in item && !('type' in item);

/** Defaults for the command context; `today` is the server's calendar day the domain compares dates with. */
export const testContext = (overrides: Partial<CommandContext> = {}): CommandContext => {
  const today = overrides.today ?? '2030-01-01';
  return {
    actor: 'test-officer',
    now: `${today}T12:00:00.000Z`,
    today,
    correlationId: randomUUID(),
    commandId: randomUUID(),
    ...overrides,
  };
};

export const envelopesOf = <E extends DomainEvent>(events: readonly (E | GivenEvent<E>)[]): EventEnvelope<E>[] =>
  events.map((item, i) => {
    const given: GivenEvent<E> = isGiven(item) ? item : { event: item };
    const recordedAt = given.metadata?.recordedAt ?? new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString();
    return {
      event: given.event,
      id: given.id ?? randomUUID(),
      revision: BigInt(i),
      metadata: {
        actor: 'test-officer',
        recordedAt,
        legalDate: recordedAt.slice(0, 10),
        correlationId: randomUUID(),
        causationId: randomUUID(),
        ...given.metadata,
      },
    };
  });

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value as object)) deepFreeze(member);
  }
  return value;
};

/**
 * What a domain error's message must look like: a sentence for a legal officer, not a stack trace or a code.
 * It starts with a letter, a digit or a quote, ends with a full stop, has several words, and carries no
 * leaked programming values.
 */
export const expectReadableSentence = (message: string, code?: string): void => {
  expect(message).toMatch(/^["A-Za-z0-9]/);
  expect(message).toMatch(/[.!?]$/);
  expect(message.split(/\s+/).length).toBeGreaterThanOrEqual(4);
  expect(message).not.toMatch(/\bundefined\b|\bNaN\b|\[object |\bnull\b/);
  if (code) expect(message).not.toContain(code);
};

export interface ThrowsExpectation {
  readonly kind?: DomainErrorKind;
  readonly field?: string;
  /** Words the sentence must contain (party names, dates...). */
  readonly message?: RegExp | string;
}

export interface Then<State, Event extends DomainEvent> {
  /** The command decides exactly these events (in order); returns the state after them, for further checks. */
  then(expected: readonly Event[]): State;
  /** The command decides events that satisfy `check`; returns them with the state after them. */
  thenEvents(check: (events: readonly Event[]) => void): { events: readonly Event[]; state: State };
  /** The command is refused with a DomainError of this code and a readable sentence; returns the error. */
  thenThrows(code: string, expectation?: ThrowsExpectation): DomainError;
}

export interface When<State, Command, Event extends DomainEvent> {
  when(command: Command, context?: Partial<CommandContext>): Then<State, Event>;
  /** The state folded from the given events (for checks that need no command). */
  readonly state: State;
}

export class DeciderSpecification<State, Command, Event extends DomainEvent> {
  private constructor(
    private readonly decider: Decider<State, Command, Event>,
    private readonly defaults: Partial<CommandContext>,
  ) {}

  static for<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
    defaults: Partial<CommandContext> = {},
  ): DeciderSpecification<State, Command, Event> {
    return new DeciderSpecification(decider, defaults);
  }

  /** Folds envelopes onto a state (the initial one unless given). */
  fold(envelopes: readonly EventEnvelope<Event>[], from: State = this.decider.initialState()): State {
    return envelopes.reduce((state, envelope) => this.decider.evolve(state, envelope), from);
  }

  given(events: readonly (Event | GivenEvent<Event>)[] = []): When<State, Command, Event> {
    const decider = this.decider;
    const envelopes = envelopesOf(events);
    const state = deepFreeze(this.fold(envelopes));
    const defaults = this.defaults;
    const fold = this.fold.bind(this);

    return {
      state,
      when(command: Command, overrides: Partial<CommandContext> = {}): Then<State, Event> {
        const context = testContext({ ...defaults, ...overrides });
        const run = (): { events?: readonly Event[]; error?: unknown } => {
          try {
            return { events: decider.decide(deepFreeze(command), state, context) };
          } catch (error) {
            return { error };
          }
        };
        const outcome = run();
        const decided = (): readonly Event[] => {
          if (outcome.error !== undefined) {
            throw new Error(`Expected events, but the command was refused: ${describeError(outcome.error)}`);
          }
          return outcome.events!;
        };
        // The decided events must also evolve cleanly, after the given ones.
        const after = (events: readonly Event[]): State =>
          fold(
            envelopesOf([...events]).map((e, i) => ({ ...e, revision: BigInt(envelopes.length + i) })),
            state,
          );

        return {
          then(expected) {
            const events = decided();
            expect(events).toEqual(expected);
            return after(events);
          },
          thenEvents(check) {
            const events = decided();
            check(events);
            return { events, state: after(events) };
          },
          thenThrows(code, expectation = {}) {
            if (outcome.error === undefined) {
              throw new Error(`Expected ${code}, but the command decided: ${JSON.stringify(outcome.events)}`);
            }
            const error = outcome.error;
            if (!(error instanceof DomainError)) throw new Error(`Expected a DomainError ${code}, got ${describeError(error)}`);
            expect({ code: error.code, message: error.message }).toEqual({ code, message: expect.any(String) });
            expectReadableSentence(error.message, code);
            if (expectation.kind) expect(error.kind).toBe(expectation.kind);
            if (expectation.field) expect(error.field).toBe(expectation.field);
            if (expectation.message !== undefined) {
              if (typeof expectation.message === 'string') expect(error.message).toContain(expectation.message);
              else expect(error.message).toMatch(expectation.message);
            }
            return error;
          },
        };
      },
    };
  }
}

const describeError = (error: unknown): string =>
  error instanceof DomainError ? `${error.code}: ${error.message}` : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
