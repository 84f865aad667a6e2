import {
  evaluateInstrument,
  reservationObjectionWindowEnd,
  type InstrumentAssessment,
  type InstrumentFacts,
  type InstrumentTerms,
  type PartyFacts,
} from '#libs/entry-into-force';
import type { LegalDate } from '../shared/event.js';
import type { Stage } from './instrument.events.js';
import { stageAsOf } from './instrument.stage.js';
import type { Instrument } from './instrument.state.js';

/** The final clauses as the entry-into-force library reads them. */
export const instrumentTerms = (state: Instrument): InstrumentTerms => ({
  entryIntoForce: state.entryIntoForceRule,
  ...(state.withdrawalTerms ? { withdrawal: state.withdrawalTerms } : {}),
  ...(state.term ? { term: state.term } : {}),
  ...(state.provisionalApplication ? { provisionalApplication: state.provisionalApplication } : {}),
});

/**
 * The facts the rules are evaluated on. Parties are listed in the order their binding act was recorded, so
 * that of several deposits on one day the first received counts first.
 */
export const instrumentFacts = (state: Instrument): InstrumentFacts => {
  const recorded = Object.keys(state.acts);
  const orderOf = (code: string): number => {
    const p = state.participants[code];
    const ids = [p?.consent?.eventId, p?.signature?.definitive ? p.signature.eventId : undefined, p?.notification?.eventId];
    const positions = ids.filter((id): id is string => !!id).map((id) => recorded.indexOf(id));
    return positions.length ? Math.min(...positions) : Number.MAX_SAFE_INTEGER;
  };
  const parties = state.eligibleParties.map((party, index): PartyFacts & { order: number; index: number } => {
    const p = state.participants[party.code];
    return {
      code: party.code,
      kind: party.kind,
      signature: p?.signature ? { signedOn: p.signature.signedOn, definitive: p.signature.definitive } : null,
      consent: p?.consent ? { kind: p.consent.kind, depositedOn: p.consent.depositedOn } : null,
      notification: p?.notification ? { notifiedOn: p.notification.notifiedOn } : null,
      // The stored effective date already is the later of the notice period and any date the notice named.
      withdrawal: p?.withdrawal
        ? { notifiedOn: p.withdrawal.notifiedOn, namedEffectiveOn: p.withdrawal.effectiveOn, revokedOn: p.withdrawal.revokedOn ?? null }
        : null,
      order: orderOf(party.code),
      index,
    };
  });
  parties.sort((a, b) => a.order - b.order || a.index - b.index);
  return {
    eligibleParties: parties.map(({ order: _order, index: _index, ...facts }) => facts),
    adoptedOn: state.adoption?.adoptedOn ?? null,
    openedForSignatureOn: state.signatureOpening?.opensOn ?? null,
    // The parties eligible for an amendment are the parent's parties when it was adopted.
    partiesAtAdoption: state.adoption ? state.eligibleParties.length : null,
    termination: state.terminationNotice
      ? { notifiedOn: state.terminationNotice.notifiedOn, by: state.terminationNotice.by, namedEffectiveOn: state.terminationNotice.namedEffectiveOn }
      : null,
  };
};

/** Entry into force, per-party dates, withdrawals and the MOU term; with asOf, as they stood that day. */
export const assessInstrument = (state: Instrument, options: { asOf?: LegalDate } = {}): InstrumentAssessment =>
  evaluateInstrument(instrumentTerms(state), instrumentFacts(state), { ...options, partyNames: Object.fromEntries(state.eligibleParties.map((p) => [p.code, p.name])) });

/** The stage on a date, counting an MOU whose term has ended, or that was terminated on notice, as terminated. */
export const instrumentStageAsOf = (state: Instrument, asOf: LegalDate, assessment = assessInstrument(state, { asOf })): Stage => {
  const stage = stageAsOf(state, asOf);
  if (stage !== 'terminated' && assessment.term?.ceasesOn && assessment.term.ceasesOn <= asOf) return 'terminated';
  return stage;
};

/**
 * VCLT 20(5): a reservation is taken as accepted by a State that has not objected within twelve months of
 * its notification. The depositary notifies on the day it is made, so the window runs from that day.
 */
export const reservationObjectionWindows = (state: Instrument) =>
  Object.entries(state.participants).flatMap(([party, p]) =>
    p.reservations
      .filter((r) => r.kind === 'reservation')
      .map((r) => ({ party, eventId: r.eventId, madeOn: r.madeOn, objectionWindowEndsOn: reservationObjectionWindowEnd(r.madeOn) })),
  );
