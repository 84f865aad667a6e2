/** Legal dates of events, and the stage of an instrument as at a legal date. */
import type { LegalDate } from '../shared/event.js';
import { actDateOf, isPartyAct } from './instrument.acts.js';
import type { InstrumentEvent, Stage } from './instrument.events.js';
import type { Instrument } from './instrument.state.js';

/** The legal date an event concerns (stored in its metadata so the log can be read "as at" a date). */
export const legalDateOf = (event: InstrumentEvent, recordedOn: LegalDate): LegalDate => {
  if (isPartyAct(event)) return actDateOf(event);
  switch (event.type) {
    case 'TextAdopted.v1':
    case 'SignatureOpened.v1':
      return actDateOf(event);
    case 'InstrumentCreated.v1':
      return event.data.createdOn;
    case 'DraftVersionRecorded.v2':
      return event.data.preparedOn;
    case 'ReviewRequested.v1':
      return event.data.requestedOn ?? recordedOn;
    case 'ReviewDecided.v1':
      return event.data.decidedOn ?? recordedOn;
    case 'EntryIntoForceDetermined.v1':
      return event.data.date;
    case 'InstrumentTerminated.v1':
      return event.data.terminatedOn;
    case 'InstrumentDiscarded.v1':
      return event.data.discardedOn;
    case 'FinalClausesRevised.v1':
    case 'ReviewCommentAdded.v1':
    case 'EntryIntoForceDeterminationRevoked.v1':
    case 'ActCorrected.v1':
      return recordedOn;
  }
};

/**
 * The stage as at a legal date: each stage from adoption on begins on the date of its act (adoption, opening
 * for signature, entry into force, termination), so an instrument is reported at the last stage whose date
 * is on or before `asOf`. Before adoption the review rounds tell: each request and decision counts from its
 * date where one was recorded, and as it stands where none was.
 */
export const stageAsOf = (state: Instrument, asOf: LegalDate): Stage => {
  if (state.discarded) return 'discarded';
  if (state.termination?.terminatedOn && state.termination.terminatedOn <= asOf) return 'terminated';
  if (state.entryIntoForce && state.entryIntoForce.date <= asOf) return 'in-force';
  if (state.signatureOpening && state.signatureOpening.opensOn <= asOf) return 'open-for-signature';
  if (state.adoption && state.adoption.adoptedOn <= asOf) return 'adopted';
  return negotiationStageAsOf(state, asOf);
};

/**
 * The negotiation stage on a date, walking the review rounds. A step recorded with its date counts from that
 * date; a step recorded without one is taken as it stands (its day is not known, only that it happened).
 */
const negotiationStageAsOf = (state: Instrument, asOf: LegalDate): Stage => {
  let stage: Stage = 'drafting';
  for (const round of state.reviews) {
    if (round.requestedOn && round.requestedOn > asOf) break;
    stage = 'in-review';
    if (!round.decision || (round.decidedOn && round.decidedOn > asOf)) break;
    stage = round.decision === 'approve' ? 'approved' : 'drafting';
  }
  return stage;
};

/**
 * The first day the record speaks of: its creation, or an earlier dated step when its history was entered
 * later (drafts prepared in 2016, a treaty adopted in 2019 and entered in the register in 2024). Before it,
 * nothing is known of the instrument.
 */
export const recordBeginsOn = (state: Instrument): LegalDate =>
  [
    ...state.drafts.map((d) => d.preparedOn),
    state.adoption?.adoptedOn,
    state.signatureOpening?.opensOn,
    ...Object.values(state.participants).flatMap((p) => [p.signature?.signedOn, p.consent?.depositedOn, p.notification?.notifiedOn]),
  ].reduce<LegalDate>((first, d) => (d && d < first ? d : first), state.createdOn);
