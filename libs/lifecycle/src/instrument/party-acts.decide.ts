/** The acts of one party: signature, consent, reservations, notifications, withdrawal and its revocation, notice of termination. */
import { defaultWithdrawalTerms, withdrawalAllowedFrom, withdrawalPeriodEnd } from '#libs/entry-into-force';
import { conflict, invalid } from '../shared/domain-error.js';
import type { CommandContext } from '../shared/event.js';
import { assessInstrument } from './instrument.assess.js';
import { boundOn } from './instrument.acts.js';
import type { DepositConsent, InstrumentCommand, NotifyWithdrawal } from './instrument.commands.js';
import type { InstrumentEvent } from './instrument.events.js';
import { isBound, nameOf, notInFuture, NOUN, participation, plausible, plausibleAhead, requireEligible, requireStage } from './instrument.invariants.js';
import { partyAct } from './instrument.redetermine.js';
import type { Instrument } from './instrument.state.js';

export type PartyActCommand = Extract<
  InstrumentCommand,
  { type: 'SignInstrument' | 'DepositConsent' | 'MakeReservation' | 'NotifyWithdrawal' | 'RevokeWithdrawal' | 'NotifyInternalProcedures' | 'NotifyTermination' }
>;

export const decidePartyAct = (command: PartyActCommand, instrument: Instrument, context: CommandContext): InstrumentEvent[] => {
  switch (command.type) {
    case 'SignInstrument': {
      const { party, signedOn } = command.data;
      requireStage(instrument, ['open-for-signature', 'in-force'], 'signature');
      requireEligible(instrument, party);
      notInFuture('signedOn', signedOn, context);
      if (participation(instrument, party)?.signature) {
        const previous = participation(instrument, party)!.signature!;
        throw conflict('ALREADY_SIGNED', `${nameOf(instrument, party)} already signed this ${NOUN[instrument.kind]} on ${previous.signedOn}.`);
      }
      if (participation(instrument, party)?.consent) {
        throw conflict('ALREADY_CONSENTED', `${nameOf(instrument, party)} has already expressed its consent to be bound; a signature can no longer be recorded.`);
      }
      // An MOU foresees no ratification: its signature binds unless the caller says otherwise.
      const definitive = command.data.definitive ?? instrument.kind === 'mou';
      return partyAct(instrument, party, { type: 'InstrumentSigned.v1', data: { ...command.data, definitive } });
    }
    case 'DepositConsent':
      return depositConsent(instrument, command, context);
    case 'MakeReservation': {
      const { party, madeOn } = command.data;
      requireEligible(instrument, party);
      notInFuture('madeOn', madeOn, context);
      const p = participation(instrument, party);
      if (!p?.signature && !p?.consent) {
        throw conflict('RESERVATION_WITHOUT_ACT', `${nameOf(instrument, party)} can make a reservation or declaration only when signing or depositing its instrument; neither is recorded.`);
      }
      // Without a stated moment, the act whose date it bears (the deposit when both fall on that day).
      const madeAt = command.data.madeAt ?? (p.consent && p.consent.depositedOn === madeOn ? 'deposit' : p.signature ? 'signature' : 'deposit');
      return partyAct(instrument, party, { type: 'ReservationMade.v1', data: { ...command.data, madeAt } });
    }
    case 'NotifyWithdrawal':
      return notifyWithdrawal(instrument, command, context);
    case 'RevokeWithdrawal': {
      const { party, revokedOn } = command.data;
      requireEligible(instrument, party);
      notInFuture('revokedOn', revokedOn, context);
      const withdrawal = participation(instrument, party)?.withdrawal;
      if (!withdrawal || withdrawal.revokedOn) {
        throw conflict('NO_PENDING_WITHDRAWAL', `${nameOf(instrument, party)} has no notice of withdrawal in course to revoke.`);
      }
      if (revokedOn < withdrawal.notifiedOn || revokedOn >= withdrawal.effectiveOn) {
        throw conflict('REVOCATION_OUT_OF_TIME', `A notice of withdrawal can be revoked only between its notice (${withdrawal.notifiedOn}) and the day it takes effect (${withdrawal.effectiveOn}).`);
      }
      return partyAct(instrument, party, { type: 'WithdrawalRevoked.v1', data: { party, revokedOn } });
    }
    case 'NotifyInternalProcedures': {
      const { party, notifiedOn } = command.data;
      requireStage(instrument, ['open-for-signature', 'in-force'], 'notification that internal procedures are complete');
      requireEligible(instrument, party);
      notInFuture('notifiedOn', notifiedOn, context);
      const p = participation(instrument, party);
      if (!p?.signature) throw conflict('SIGNATURE_REQUIRED', `${nameOf(instrument, party)} has not signed this ${NOUN[instrument.kind]}; it can notify the completion of its internal procedures only after signing.`);
      if (p.notification) throw conflict('ALREADY_NOTIFIED', `${nameOf(instrument, party)} already notified the completion of its internal procedures on ${p.notification.notifiedOn}.`);
      if (notifiedOn < p.signature.signedOn) throw conflict('NOTIFICATION_BEFORE_SIGNATURE', `${nameOf(instrument, party)} cannot notify on ${notifiedOn}, before it signed on ${p.signature.signedOn}.`);
      return partyAct(instrument, party, { type: 'InternalProceduresNotified.v1', data: { party, notifiedOn } });
    }
    case 'NotifyTermination': {
      const { party, notifiedOn, effectiveOn } = command.data;
      if (instrument.kind !== 'mou') throw conflict('TERMINATION_NOTICE_FOR_MOUS', `A notice of termination under a term clause applies to memoranda of understanding; a party to a ${NOUN[instrument.kind]} gives notice of withdrawal.`);
      requireStage(instrument, ['open-for-signature', 'in-force'], 'notice of termination');
      requireEligible(instrument, party);
      notInFuture('notifiedOn', notifiedOn, context);
      const p = participation(instrument, party);
      if (!isBound(p)) throw conflict('NOT_BOUND', `${nameOf(instrument, party)} does not participate in this memorandum of understanding, so it cannot give notice to end it.`);
      const bound = boundOn(p);
      if (bound && notifiedOn < bound) {
        throw conflict('TERMINATION_BEFORE_CONSENT', `${nameOf(instrument, party)} cannot give notice of termination on ${notifiedOn}, before it became a participant (${bound}).`);
      }
      if (instrument.terminationNotice) throw conflict('ALREADY_NOTIFIED', `Notice of termination was already given on ${instrument.terminationNotice.notifiedOn}.`);
      if (effectiveOn) plausibleAhead('effectiveOn', effectiveOn, context);
      if (effectiveOn && effectiveOn < notifiedOn) throw invalid('effectiveOn', `The termination cannot take effect (${effectiveOn}) before its notice (${notifiedOn}).`);
      return [{ type: 'TerminationNotified.v1', data: { party, notifiedOn, namedEffectiveOn: effectiveOn } }];
    }
  }
};

const notifyWithdrawal = (instrument: Instrument, command: NotifyWithdrawal, context: CommandContext): InstrumentEvent[] => {
  const { party, notifiedOn } = command.data;
  requireEligible(instrument, party);
  notInFuture('notifiedOn', notifiedOn, context);
  const p = participation(instrument, party);
  if (!isBound(p)) {
    throw conflict('NOT_BOUND', `${nameOf(instrument, party)} is not bound by this ${NOUN[instrument.kind]}, so it has nothing to withdraw from.`);
  }
  if (p!.withdrawal && !p!.withdrawal.revokedOn) {
    throw conflict('ALREADY_WITHDRAWING', `${nameOf(instrument, party)} already gave notice of withdrawal on ${p!.withdrawal.notifiedOn}.`);
  }
  const terms = instrument.withdrawalTerms ?? defaultWithdrawalTerms;
  const assessment = assessInstrument(instrument);
  const allowedFrom = withdrawalAllowedFrom(terms, {
    partyEntryIntoForceOn: assessment.entryIntoForce.parties.find((a) => a.code === party)?.entryIntoForceOn ?? null,
    instrumentEntryIntoForceOn: assessment.entryIntoForce.date,
  });
  if (allowedFrom && notifiedOn < allowedFrom) {
    throw conflict('WITHDRAWAL_LOCKED_IN', `The ${NOUN[instrument.kind]} allows no withdrawal before ${allowedFrom}; ${nameOf(instrument, party)}'s notice of ${notifiedOn} comes too early.`);
  }
  // Before the entry into force that starts the lock-in, the lock-in has not even begun to run (the library
  // would assess such a notice as refused, so it must not be recorded as taking effect).
  if (terms.lockInYears !== undefined && !allowedFrom) {
    throw conflict(
      'WITHDRAWAL_LOCKED_IN',
      `The ${NOUN[instrument.kind]} allows no withdrawal during the first ${terms.lockInYears === 1 ? 'year' : `${terms.lockInYears} years`} after its entry into force${(terms.lockInFrom ?? 'party') === 'party' ? ` for ${nameOf(instrument, party)}` : ''}, which has not yet been determined; ${nameOf(instrument, party)}'s notice of ${notifiedOn} comes too early.`,
    );
  }
  // The notice period runs from the notice; a later date named in the notice wins (VCLT 56(2), 68).
  const periodEnd = withdrawalPeriodEnd(terms, notifiedOn);
  const named = command.data.effectiveOn;
  if (named) plausibleAhead('effectiveOn', named, context);
  if (named && named < periodEnd) {
    throw invalid('effectiveOn', `A withdrawal notified on ${notifiedOn} cannot take effect before ${periodEnd}, the end of the notice period; a notice may name a later date only.`, 'WITHDRAWAL_NOTICE_PERIOD');
  }
  return partyAct(instrument, party, { type: 'WithdrawalNotified.v1', data: { party, notifiedOn, effectiveOn: named ?? periodEnd } });
};


const depositConsent = (instrument: Instrument, command: DepositConsent, context: CommandContext): InstrumentEvent[] => {
  const { party, kind, depositedOn, domesticActOn } = command.data;
  const succeededOn = command.data.succeededOn ?? null;
  requireStage(instrument, ['open-for-signature', 'in-force'], 'deposit of an instrument of consent');
  const eligible = requireEligible(instrument, party);
  notInFuture('depositedOn', depositedOn, context);
  if (domesticActOn) notInFuture('domesticActOn', domesticActOn, context);
  const name = eligible.name;
  const p = participation(instrument, party);
  if (p?.consent) throw conflict('ALREADY_CONSENTED', `${name} already deposited its instrument of ${p.consent.kind} on ${p.consent.depositedOn}.`);
  if (p?.signature?.definitive) {
    throw conflict('ALREADY_BOUND', `${name} signed definitively on ${p.signature.signedOn} and is already bound; no instrument of consent is needed.`);
  }
  if (succeededOn) {
    if (kind !== 'succession') throw invalid('succeededOn', `succeededOn is the date of succession; ${name} deposits an instrument of ${kind}.`, 'SUCCESSION_DATE_FOR_SUCCESSION');
    plausible('succeededOn', succeededOn);
    if (succeededOn > depositedOn) throw invalid('succeededOn', `The date of succession (${succeededOn}) cannot come after the notification of succession (${depositedOn}).`, 'SUCCESSION_AFTER_NOTIFICATION');
  }
  return partyAct(instrument, party, {
    type: 'ConsentDeposited.v1',
    data: { party, kind, depositedOn, domesticActOn, ...(succeededOn ? { succeededOn } : {}) },
  });
};

