/** Objections to reservations and the withdrawal of reservations and of objections (VCLT 20-22). */
import { conflict, invalid, notFound } from '../shared/domain-error.js';
import type { CommandContext, LegalDate } from '../shared/event.js';
import type { InstrumentCommand } from './instrument.commands.js';
import type { InstrumentEvent } from './instrument.events.js';
import { nameOf, notInFuture, participation, plausibleAhead, requireEligible } from './instrument.invariants.js';
import type { Instrument } from './instrument.state.js';

export type ObjectionCommand = Extract<InstrumentCommand, { type: 'ObjectToReservation' | 'WithdrawReservation' | 'WithdrawObjection' }>;

/** The reservation an event id names, with the party that made it. */
const findReservation = (instrument: Instrument, reservationId: string) => {
  for (const [party, p] of Object.entries(instrument.participants)) {
    const reservation = p.reservations.find((r) => r.eventId === reservationId);
    if (reservation) return { party, reservation };
  }
  return null;
};

/** VCLT 22(3): on receipt of the notification, unless it names a later date. */
const effectiveDate = (notifiedOn: LegalDate, named: LegalDate | null, context: CommandContext): LegalDate => {
  if (!named) return notifiedOn;
  plausibleAhead('effectiveOn', named, context);
  if (named < notifiedOn) throw invalid('effectiveOn', `A withdrawal cannot take effect (${named}) before its notification is received (${notifiedOn}).`, 'WITHDRAWAL_EFFECTIVE_BEFORE_NOTICE');
  return named;
};

export const decideObjection = (command: ObjectionCommand, instrument: Instrument, context: CommandContext): InstrumentEvent[] => {
  switch (command.type) {
    case 'ObjectToReservation': {
      const { party, reservationId, objectedOn } = command.data;
      // Contracting parties and those entitled to become parties may object: the eligible ones.
      requireEligible(instrument, party);
      notInFuture('objectedOn', objectedOn, context);
      if (!command.data.text.trim()) throw invalid('text', 'An objection must give its text.');
      const found = findReservation(instrument, reservationId);
      if (!found) throw notFound('RESERVATION_NOT_FOUND', `No reservation with event id ${reservationId} is recorded for this instrument.`);
      const { reservation, party: reserving } = found;
      if (reservation.kind !== 'reservation') {
        throw conflict('NOT_A_RESERVATION', `${nameOf(instrument, reserving)}'s statement of ${reservation.madeOn} is a declaration, not a reservation; only a reservation is objected to (VCLT 20).`);
      }
      if (reserving === party) throw conflict('OWN_RESERVATION', `${nameOf(instrument, party)} cannot object to its own reservation; it may withdraw it.`);
      if (objectedOn < reservation.madeOn) {
        throw conflict('OBJECTION_BEFORE_RESERVATION', `${nameOf(instrument, party)} cannot object on ${objectedOn} to a reservation made on ${reservation.madeOn}.`);
      }
      if (reservation.withdrawal && reservation.withdrawal.effectiveOn <= objectedOn) {
        throw conflict('RESERVATION_WITHDRAWN', `${nameOf(instrument, reserving)} withdrew this reservation with effect from ${reservation.withdrawal.effectiveOn}; there is nothing left to object to.`);
      }
      const standing = (participation(instrument, party)?.objections ?? []).find((o) => o.reservationId === reservationId && !o.withdrawal);
      if (standing) throw conflict('ALREADY_OBJECTED', `${nameOf(instrument, party)} already objected to this reservation on ${standing.objectedOn}.`);
      return [
        {
          type: 'ReservationObjected.v1',
          data: { ...command.data, text: command.data.text.trim(), reservingParty: reserving },
        },
      ];
    }
    case 'WithdrawReservation': {
      const { party, reservationId, notifiedOn } = command.data;
      requireEligible(instrument, party);
      notInFuture('notifiedOn', notifiedOn, context);
      const reservation = participation(instrument, party)?.reservations.find((r) => r.eventId === reservationId);
      if (!reservation) {
        throw notFound('RESERVATION_NOT_FOUND', `${nameOf(instrument, party)} made no reservation or declaration with event id ${reservationId} on this instrument; only a reservation made can be withdrawn.`);
      }
      if (reservation.withdrawal) throw conflict('ALREADY_WITHDRAWN', `${nameOf(instrument, party)} already withdrew this ${reservation.kind} by its notification of ${reservation.withdrawal.notifiedOn}.`);
      if (notifiedOn < reservation.madeOn) {
        throw conflict('WITHDRAWAL_BEFORE_RESERVATION', `A ${reservation.kind} made on ${reservation.madeOn} cannot be withdrawn by a notification of ${notifiedOn}.`);
      }
      const effectiveOn = effectiveDate(notifiedOn, command.data.effectiveOn, context);
      return [{ type: 'ReservationWithdrawn.v1', data: { party, reservationId, notifiedOn, effectiveOn } }];
    }
    case 'WithdrawObjection': {
      const { party, objectionId, notifiedOn } = command.data;
      requireEligible(instrument, party);
      notInFuture('notifiedOn', notifiedOn, context);
      const objection = (participation(instrument, party)?.objections ?? []).find((o) => o.eventId === objectionId);
      if (!objection) throw notFound('OBJECTION_NOT_FOUND', `${nameOf(instrument, party)} made no objection with event id ${objectionId} on this instrument.`);
      if (objection.withdrawal) throw conflict('ALREADY_WITHDRAWN', `${nameOf(instrument, party)} already withdrew this objection by its notification of ${objection.withdrawal.notifiedOn}.`);
      if (notifiedOn < objection.objectedOn) {
        throw conflict('WITHDRAWAL_BEFORE_OBJECTION', `An objection made on ${objection.objectedOn} cannot be withdrawn by a notification of ${notifiedOn}.`);
      }
      const effectiveOn = effectiveDate(notifiedOn, command.data.effectiveOn, context);
      return [{ type: 'ObjectionWithdrawn.v1', data: { party, objectionId, notifiedOn, effectiveOn } }];
    }
  }
};
