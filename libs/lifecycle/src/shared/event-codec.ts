import type { DomainEvent, EventEnvelope, EventMetadata, StoredEvent } from './event.js';

/**
 * Reads an older stored shape into the next one. Keyed by the stored (versioned) type; returns the event
 * under its new type. Chains apply until a type has no upcaster, so v1 → v2 → v3 needs no v1 → v3.
 */
export type Upcaster = (data: Record<string, unknown>, metadata: EventMetadata) => { type: string; data: Record<string, unknown> };

/** The one way stored events come into the domain: upcast, then typed. */
export const eventDecoder =
  <E extends DomainEvent>(upcasters: Readonly<Record<string, Upcaster>>) =>
  (stored: StoredEvent): EventEnvelope<E> => {
    const metadata = stored.metadata as unknown as EventMetadata;
    let current = { type: stored.type, data: stored.data };
    for (let upcast = upcasters[current.type]; upcast; upcast = upcasters[current.type]) current = upcast(current.data, metadata);
    return { event: current as unknown as E, id: stored.id, revision: stored.revision, metadata };
  };
