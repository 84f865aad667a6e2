/**
 * Reservations as the depositary reports them on a date (VCLT 20-22): the twelve-month window for objections,
 * the objections received (each late or in time, opposing entry into force between the two or not), their
 * withdrawals, the reservation's own withdrawal, and whether it is deemed accepted by those that did not object.
 */
import { reservationObjectionWindowEnd } from '#libs/entry-into-force';
import type { LegalDate } from '../shared/event.js';
import type { ReservationKind } from './instrument.events.js';
import type { Instrument } from './instrument.state.js';

export interface ObjectionPosition {
  readonly eventId: string;
  readonly party: string;
  readonly text: string;
  readonly objectedOn: LegalDate;
  readonly opposesEntryIntoForce: boolean;
  /** Received after the reservation's twelve-month window (VCLT 20(5)): recorded, and reported as late. */
  readonly late: boolean;
  /** The day its withdrawal took effect, when that is on or before the date asked. */
  readonly withdrawnOn: LegalDate | null;
  /** A withdrawal notified by the date asked, taking effect later. */
  readonly withdrawalEffectiveOn: LegalDate | null;
}

export interface ReservationPosition {
  readonly eventId: string;
  readonly party: string;
  readonly kind: ReservationKind;
  /** Reservations: the last day others may object in time; null for declarations. */
  readonly objectionWindowEndsOn: LegalDate | null;
  /** The window has run out: accepted by every party that had not objected by then (VCLT 20(5)). */
  readonly deemedAccepted: boolean;
  /** Objections standing or withdrawn, as at the date asked. */
  readonly objections: readonly ObjectionPosition[];
  readonly withdrawnOn: LegalDate | null;
  readonly withdrawalEffectiveOn: LegalDate | null;
}

/** Every reservation and declaration made by `asOf`, by the id of the event that made it. */
export const reservationPositions = (state: Instrument, asOf: LegalDate): ReadonlyMap<string, ReservationPosition> => {
  const objections = Object.entries(state.participants).flatMap(([party, p]) => (p.objections ?? []).map((o) => ({ party, ...o })));
  const positions = new Map<string, ReservationPosition>();
  for (const [party, p] of Object.entries(state.participants)) {
    for (const r of p.reservations) {
      if (r.madeOn > asOf) continue;
      const windowEnd = r.kind === 'reservation' ? reservationObjectionWindowEnd(r.madeOn) : null;
      const withdrawal = r.withdrawal && r.withdrawal.notifiedOn <= asOf ? r.withdrawal : null;
      const withdrawnOn = withdrawal && withdrawal.effectiveOn <= asOf ? withdrawal.effectiveOn : null;
      const answered = objections
        .filter((o) => o.reservationId === r.eventId && o.objectedOn <= asOf)
        .map((o): ObjectionPosition => {
          const w = o.withdrawal && o.withdrawal.notifiedOn <= asOf ? o.withdrawal : null;
          return {
            eventId: o.eventId,
            party: o.party,
            text: o.text,
            objectedOn: o.objectedOn,
            opposesEntryIntoForce: o.opposesEntryIntoForce,
            late: windowEnd !== null && o.objectedOn > windowEnd,
            withdrawnOn: w && w.effectiveOn <= asOf ? w.effectiveOn : null,
            withdrawalEffectiveOn: w?.effectiveOn ?? null,
          };
        });
      positions.set(r.eventId, {
        eventId: r.eventId,
        party,
        kind: r.kind,
        objectionWindowEndsOn: windowEnd,
        deemedAccepted: windowEnd !== null && windowEnd < asOf && withdrawnOn === null,
        objections: answered,
        withdrawnOn,
        withdrawalEffectiveOn: withdrawal?.effectiveOn ?? null,
      });
    }
  }
  return positions;
};
