/** decide: one entry, an exhaustive dispatch to the phase that owns each command. */
import { conflict } from '../shared/domain-error.js';
import type { CommandContext, Decider } from '../shared/event.js';
import { decodeInstrumentEvent } from './instrument.codec.js';
import type { InstrumentCommand } from './instrument.commands.js';
import type { InstrumentEvent } from './instrument.events.js';
import { NOUN, requireExisting } from './instrument.invariants.js';
import { evolveInstrument, initialInstrumentState, type InstrumentState } from './instrument.state.js';
import { correct } from './correction.decide.js';
import { create, decideNegotiation, discard, terminate } from './negotiation.decide.js';
import { decidePartyAct } from './party-acts.decide.js';
import { decideObjection } from './objections.decide.js';
import { decideApplication } from './application.decide.js';

export const decideInstrument = (command: InstrumentCommand, state: InstrumentState, context: CommandContext): InstrumentEvent[] => {
  if (command.type === 'CreateInstrument') return create(command, state, context);
  const instrument = requireExisting(state);
  if (instrument.discarded) {
    throw conflict('INSTRUMENT_DISCARDED', `This record was discarded on ${instrument.discarded.discardedOn} (${instrument.discarded.reason}); no further act can be recorded.`);
  }
  if (instrument.stage === 'terminated') {
    throw conflict('INSTRUMENT_TERMINATED', `The ${NOUN[instrument.kind]} was terminated on ${instrument.termination!.terminatedOn}; no further act can be recorded.`);
  }
  switch (command.type) {
    case 'ReviseFinalClauses':
    case 'RecordDraft':
    case 'RequestReview':
    case 'CommentOnReview':
    case 'DecideReview':
    case 'AdoptText':
    case 'OpenForSignature':
      return decideNegotiation(command, instrument, context);
    case 'SignInstrument':
    case 'DepositConsent':
    case 'MakeReservation':
    case 'NotifyWithdrawal':
    case 'RevokeWithdrawal':
    case 'NotifyInternalProcedures':
    case 'NotifyTermination':
      return decidePartyAct(command, instrument, context);
    case 'ObjectToReservation':
    case 'WithdrawReservation':
    case 'WithdrawObjection':
      return decideObjection(command, instrument, context);
    case 'NotifyProvisionalApplication':
    case 'NotifyIntentionNotToBecomeParty':
    case 'DeclareTerritorialApplication':
      return decideApplication(command, instrument, context);
    case 'TerminateInstrument':
      return terminate(instrument, command, context);
    case 'DiscardInstrument':
      return discard(instrument, command, context);
    case 'CorrectAct':
      return correct(instrument, command, context);
  }
};

export const instrumentDecider: Decider<InstrumentState, InstrumentCommand, InstrumentEvent> = {
  initialState: initialInstrumentState,
  evolve: evolveInstrument,
  decide: decideInstrument,
  decode: decodeInstrumentEvent,
};
