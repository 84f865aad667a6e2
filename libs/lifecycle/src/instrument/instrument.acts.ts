/**
 * The catalogue of recorded acts: each party act (and each instrument act a correction may touch) declared
 * once — its event type, the field that carries its legal date, the fields a correction may change, whether
 * it binds the party, whether the depositary notifies it, and its label. Decide, evolve, corrections, the
 * projections, time travel and the documents read it; a new act with a `party` is a compile error until it
 * has its entry here, and every switch over the act types is exhaustive.
 */
import type { LegalDate } from '../shared/event.js';
import type {
  ConsentDeposited,
  InstrumentEvent,
  InstrumentSigned,
  InternalProceduresNotified,
  SignatureOpened,
  TextAdopted,
} from './instrument.events.js';

/** Every event that records an act of one party: those whose data names the party. */
export type PartyActEvent = Extract<InstrumentEvent, { readonly data: { readonly party: string } }>;
export type PartyActType = PartyActEvent['type'];
type EventOf<T extends InstrumentEvent['type']> = Extract<InstrumentEvent, { readonly type: T }>;
type ActField<E extends InstrumentEvent> = Exclude<keyof E['data'], 'party'> & string;

export interface ActDefinition<E extends InstrumentEvent> {
  /** The field holding the act's legal date (written to the event's metadata, moved by a correction). */
  readonly dateField: ActField<E>;
  /** What a correction may change; empty: the act is not correctable (it is revoked or answered instead). */
  readonly correctable: readonly ActField<E>[];
  /** Of those, the optional facts a correction may remove (set to null). */
  readonly removable: readonly ActField<E>[];
  /** Dates that may lie ahead (a signature period closing, a withdrawal taking effect later). */
  readonly mayBeAhead: readonly ActField<E>[];
  /** The noun phrase for the act in messages: "a correction of a signature". */
  readonly label: string;
}

export interface PartyActDefinition<E extends PartyActEvent> extends ActDefinition<E> {
  /** Whether the act (as recorded) makes its party bound by the instrument. */
  readonly binds: (data: E['data']) => boolean;
  /** The depositary notification the act gives rise to (its kind names the notification document), or null. */
  readonly notification: string | null;
}

export const PARTY_ACTS = {
  'InstrumentSigned.v1': {
    dateField: 'signedOn',
    correctable: ['signedOn', 'signatory', 'definitive', 'place'],
    removable: ['place'],
    mayBeAhead: [],
    binds: (data: InstrumentSigned['data']) => data.definitive,
    notification: 'signature',
    label: 'signature',
  },
  'ConsentDeposited.v1': {
    dateField: 'depositedOn',
    correctable: ['kind', 'depositedOn', 'domesticActOn', 'succeededOn'],
    removable: ['domesticActOn', 'succeededOn'],
    mayBeAhead: [],
    binds: () => true,
    notification: 'consent',
    label: 'consent to be bound',
  },
  'InternalProceduresNotified.v1': {
    dateField: 'notifiedOn',
    correctable: ['notifiedOn'],
    removable: [],
    mayBeAhead: [],
    binds: () => true,
    notification: 'internal-procedures',
    label: 'notification that internal procedures are complete',
  },
  'ReservationMade.v1': {
    dateField: 'madeOn',
    correctable: ['kind', 'text', 'madeOn', 'madeAt'],
    removable: [],
    mayBeAhead: [],
    binds: () => false,
    notification: 'reservation',
    label: 'reservation or declaration',
  },
  // The acts below answer or end earlier ones: they are withdrawn rather than corrected.
  'ReservationObjected.v1': {
    dateField: 'objectedOn',
    correctable: [],
    removable: [],
    mayBeAhead: [],
    binds: () => false,
    notification: 'objection',
    label: 'objection to a reservation',
  },
  'ReservationWithdrawn.v1': {
    dateField: 'notifiedOn',
    correctable: [],
    removable: [],
    mayBeAhead: ['effectiveOn'],
    binds: () => false,
    notification: 'reservation-withdrawal',
    label: 'withdrawal of a reservation',
  },
  'ObjectionWithdrawn.v1': {
    dateField: 'notifiedOn',
    correctable: [],
    removable: [],
    mayBeAhead: ['effectiveOn'],
    binds: () => false,
    notification: 'objection-withdrawal',
    label: 'withdrawal of an objection',
  },
  'ProvisionalApplicationNotified.v1': {
    dateField: 'notifiedOn',
    correctable: [],
    removable: [],
    mayBeAhead: ['appliesFrom'],
    binds: () => false,
    notification: 'provisional-application',
    label: 'notification of provisional application',
  },
  'ProvisionalApplicationTerminated.v1': {
    dateField: 'notifiedOn',
    correctable: [],
    removable: [],
    mayBeAhead: [],
    binds: () => false,
    notification: 'provisional-application-termination',
    label: 'notification of the intention not to become a party',
  },
  'TerritorialApplicationDeclared.v1': {
    dateField: 'declaredOn',
    correctable: [],
    removable: [],
    mayBeAhead: ['effectiveOn'],
    binds: () => false,
    notification: 'territorial-application',
    label: 'declaration of territorial application',
  },
  'WithdrawalNotified.v1': {
    dateField: 'notifiedOn',
    correctable: ['notifiedOn', 'effectiveOn'],
    removable: [],
    mayBeAhead: ['effectiveOn'],
    binds: () => false,
    notification: 'withdrawal',
    label: 'withdrawal notice',
  },
  'WithdrawalRevoked.v1': {
    dateField: 'revokedOn',
    correctable: [],
    removable: [],
    mayBeAhead: [],
    binds: () => false,
    notification: 'withdrawal-revocation',
    label: 'revocation of a withdrawal notice',
  },
  'TerminationNotified.v1': {
    dateField: 'notifiedOn',
    correctable: [],
    removable: [],
    mayBeAhead: ['namedEffectiveOn'],
    binds: () => false,
    notification: 'termination-notice',
    label: 'notice of termination',
  },
} as const satisfies { readonly [T in PartyActType]: PartyActDefinition<EventOf<T>> };

/** Acts of the instrument itself that a correction may change. */
export const INSTRUMENT_ACTS = {
  'TextAdopted.v1': {
    dateField: 'adoptedOn',
    correctable: ['adoptedOn', 'place', 'method', 'votes'],
    removable: ['votes'],
    mayBeAhead: [],
    label: 'adoption',
  },
  'SignatureOpened.v1': {
    dateField: 'opensOn',
    correctable: ['opensOn', 'closesOn', 'place'],
    removable: ['closesOn'],
    mayBeAhead: ['opensOn', 'closesOn'],
    label: 'opening for signature',
  },
} as const satisfies { readonly [T in (TextAdopted | SignatureOpened)['type']]: ActDefinition<EventOf<T>> };

const ALL_ACTS = { ...PARTY_ACTS, ...INSTRUMENT_ACTS };
type CatalogueType = keyof typeof ALL_ACTS;

/** The acts a correction can name: those with correctable fields. */
export type CorrectableEventType = {
  [T in CatalogueType]: (typeof ALL_ACTS)[T]['correctable'] extends readonly [] ? never : T;
}[CatalogueType];
export type CorrectableEvent = EventOf<CorrectableEventType>;
/** Every field a correction may change, on any act (what a correction request may carry). */
export type CorrectableField = (typeof ALL_ACTS)[CatalogueType]['correctable'][number];

export const CORRECTABLE_ACTS = Object.fromEntries(
  Object.entries(ALL_ACTS).filter(([, act]) => act.correctable.length > 0),
) as unknown as { readonly [T in CorrectableEventType]: ActDefinition<EventOf<T>> };

export const isCorrectable = (type: string): type is CorrectableEventType => Object.hasOwn(CORRECTABLE_ACTS, type);
export const isPartyAct = (event: InstrumentEvent): event is PartyActEvent => Object.hasOwn(PARTY_ACTS, event.type);

/** The act's legal date, read from the field the catalogue names. */
export const actDateOf = (event: PartyActEvent | EventOf<keyof typeof INSTRUMENT_ACTS>): LegalDate =>
  (event.data as unknown as Record<string, LegalDate>)[ALL_ACTS[event.type].dateField];

/** The three acts that can bind a party, in the order the law looks at them. */
export interface BindingActs {
  readonly consent: Pick<ConsentDeposited['data'], 'depositedOn'> | null;
  readonly signature: Pick<InstrumentSigned['data'], 'signedOn' | 'definitive'> | null;
  readonly notification?: Pick<InternalProceduresNotified['data'], 'notifiedOn'> | null;
}

/**
 * The day a party became bound: by its instrument of consent, by definitive signature, or (bilateral) by
 * notifying that its internal procedures are complete. The one definition every reader uses.
 */
export const boundOn = (p: BindingActs | undefined | null): LegalDate | null => {
  if (!p) return null;
  return p.consent?.depositedOn ?? (p.signature?.definitive ? p.signature.signedOn : null) ?? p.notification?.notifiedOn ?? null;
};
