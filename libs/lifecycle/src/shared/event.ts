/**
 * The decider vocabulary is the command handler's (beside the event-store port); the domain uses its types
 * only, so importing the domain loads no store.
 */
export type { CommandContext, Decider, DomainEvent, EventEnvelope, StoredEvent } from '#libs/event-store';
export type { CommandMetadata as EventMetadata } from '#libs/event-store';

/** Calendar dates are ISO `YYYY-MM-DD` strings: they compare correctly as strings. */
export type LegalDate = string;
