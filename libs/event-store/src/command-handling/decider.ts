/**
 * The shape every aggregate's decider takes, and what travels with its events and commands. Plain, readonly
 * `{ type, data }` records: type names are stable and versioned (`InstrumentSigned.v1`), what is stored,
 * never derived from a class name. Types only: importing them loads nothing.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** What the store adds to an event; evolve may read it (corrections point at an event id). */
export interface EventEnvelope<E extends DomainEvent = DomainEvent> {
  readonly event: E;
  readonly id: string;
  readonly revision: bigint;
  readonly metadata: CommandMetadata;
}

/** Who recorded an act, as the service authenticated them (never as the client said). */
export type RecordedPrincipal = {
  readonly accountId: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  /** The party a member state acted for, on a party act. */
  readonly actingFor?: string;
};

// A type alias (not an interface) so that it fits the store's open metadata record.
export type CommandMetadata = {
  /** The account that recorded the act (its id). */
  readonly actor: string;
  /** The authenticated principal in full (absent on events recorded before authentication). */
  readonly principal?: RecordedPrincipal;
  /** Server clock when the act was recorded (ISO timestamp). */
  readonly recordedAt: string;
  /** The legal date the act concerns (signature date, deposit date...), or the recording day. */
  readonly legalDate: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly idempotencyKey?: string;
  readonly requestHash?: string;
};

/**
 * Time and the acting user travel with the command: the domain never reads a clock.
 * `today` is the server's calendar date, used to refuse acts dated in the future.
 */
export interface CommandContext {
  readonly actor: string;
  readonly principal?: RecordedPrincipal;
  readonly now: string;
  readonly today: string;
  readonly correlationId: string;
  readonly commandId: string;
}

/** A stored event as the port hands it back, before it is decoded into the current shape of its type. */
export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: Record<string, unknown>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface Decider<State, Command, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, envelope: EventEnvelope<Event>) => State;
  readonly decide: (command: Command, state: State, context: CommandContext) => readonly Event[];
  /** Reads a stored event into the current shape of its type (upcasting older versions): the one way in. */
  readonly decode: (stored: StoredEvent) => EventEnvelope<Event>;
}
