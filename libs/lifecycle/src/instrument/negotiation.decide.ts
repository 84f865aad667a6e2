/** Negotiation and the instrument's own acts: creation, final clauses, drafts, review, adoption, opening, termination, discarding. */
import { defaultRule } from '#libs/entry-into-force';
import { conflict, invalid } from '../shared/domain-error.js';
import type { CommandContext } from '../shared/event.js';
import type {
  CreateInstrument,
  DiscardInstrument,
  InstrumentCommand,
  TerminateInstrument,
} from './instrument.commands.js';
import { CHILD_KINDS, type InstrumentEvent } from './instrument.events.js';
import {
  checkOpening,
  checkVotes,
  lastNegotiationDate,
  notInFuture,
  NOUN,
  plausibleAhead,
  requireNegotiationDate,
  requireStage,
  requireText,
  requireValidTerms,
} from './instrument.invariants.js';
import { redetermine, simulate } from './instrument.redetermine.js';
import { requireProvisionalClause } from './provisional-application.js';
import type { Instrument, InstrumentState } from './instrument.state.js';

export type NegotiationCommand = Extract<
  InstrumentCommand,
  { type: 'ReviseFinalClauses' | 'RecordDraft' | 'RequestReview' | 'CommentOnReview' | 'DecideReview' | 'AdoptText' | 'OpenForSignature' }
>;

export const decideNegotiation = (command: NegotiationCommand, instrument: Instrument, context: CommandContext): InstrumentEvent[] => {
  switch (command.type) {
    case 'ReviseFinalClauses': {
      requireStage(instrument, ['drafting', 'in-review', 'approved'], 'revising the final clauses');
      const { entryIntoForce, withdrawal, term, provisionalApplication } = command.data;
      if (entryIntoForce === undefined && withdrawal === undefined && term === undefined && provisionalApplication === undefined) {
        throw invalid('entryIntoForce', 'Give at least one clause to revise: entryIntoForce, withdrawal, term or provisionalApplication.', 'NOTHING_TO_REVISE');
      }
      if (provisionalApplication) requireProvisionalClause(provisionalApplication);
      const terms = {
        entryIntoForce: entryIntoForce ?? instrument.entryIntoForceRule,
        withdrawal: withdrawal === undefined ? instrument.withdrawalTerms : withdrawal,
        term: term === undefined ? instrument.term : term,
      };
      requireValidTerms(terms, instrument.eligibleParties);
      const event: InstrumentEvent = {
        type: 'FinalClausesRevised.v1',
        data: { ...terms, ...(provisionalApplication !== undefined ? { provisionalApplication } : {}) },
      };
      return [event, ...redetermine(instrument, simulate(instrument, [event]))];
    }
    case 'RecordDraft': {
      requireStage(instrument, ['drafting'], 'recording a new draft');
      requireText(command.data.text);
      const preparedOn = command.data.preparedOn ?? context.today;
      requireNegotiationDate('preparedOn', preparedOn, instrument, context);
      return [{ type: 'DraftVersionRecorded.v2', data: { version: instrument.drafts.length + 1, ...command.data, preparedOn } }];
    }
    case 'RequestReview': {
      requireStage(instrument, ['drafting'], 'sending the draft for review');
      const version = instrument.drafts.length;
      if (version === 0) throw conflict('NO_DRAFT', 'There is no draft text to review yet; record a draft first.');
      if (command.data.reviewers.length === 0) throw invalid('reviewers', 'At least one reviewer is required.');
      if (command.data.requestedOn) requireNegotiationDate('requestedOn', command.data.requestedOn, instrument, context);
      return [{ type: 'ReviewRequested.v1', data: { round: instrument.reviews.length + 1, version, ...command.data } }];
    }
    case 'CommentOnReview': {
      requireStage(instrument, ['in-review'], 'commenting on the draft');
      const round = instrument.reviews[instrument.reviews.length - 1];
      const { article } = command.data;
      if (article !== null) {
        const text = instrument.drafts[round.version - 1].text;
        if (!text.articles.some((a) => a.number === article)) {
          throw invalid('article', `Draft version ${round.version} has no article ${article}.`, 'UNKNOWN_ARTICLE');
        }
      }
      return [{ type: 'ReviewCommentAdded.v1', data: { round: round.round, ...command.data } }];
    }
    case 'DecideReview': {
      requireStage(instrument, ['in-review'], 'deciding on the review');
      const round = instrument.reviews[instrument.reviews.length - 1];
      if (command.data.decidedOn) requireNegotiationDate('decidedOn', command.data.decidedOn, instrument, context);
      return [{ type: 'ReviewDecided.v1', data: { round: round.round, ...command.data } }];
    }
    case 'AdoptText': {
      requireStage(instrument, ['approved'], 'adoption of the text');
      const { adoptedOn, method, votes } = command.data;
      notInFuture('adoptedOn', adoptedOn, context);
      // The text adopted is the approved version: adoption cannot come before its approval or its drafting.
      const approvedOn = lastNegotiationDate(instrument);
      if (approvedOn && adoptedOn < approvedOn) {
        throw conflict('ADOPTION_BEFORE_APPROVAL', `The text cannot be adopted on ${adoptedOn}: the version adopted was prepared and approved by ${approvedOn}.`);
      }
      checkVotes(method, votes);
      return [{ type: 'TextAdopted.v1', data: { ...command.data, version: instrument.drafts.length } }];
    }
    case 'OpenForSignature': {
      // An MOU is often signed straight after approval, without a separate act of adoption.
      requireStage(instrument, instrument.kind === 'mou' ? ['approved', 'adopted'] : ['adopted'], 'opening for signature');
      const event: InstrumentEvent = { type: 'SignatureOpened.v1', data: command.data };
      plausibleAhead('opensOn', command.data.opensOn, context);
      if (command.data.closesOn) plausibleAhead('closesOn', command.data.closesOn, context);
      const after = simulate(instrument, [event]);
      checkOpening(after);
      // A fixed date needs no act: the instrument is determined to enter into force on it once open.
      return [event, ...redetermine(instrument, after)];
    }
  }
};

export const terminate = (instrument: Instrument, command: TerminateInstrument, context: CommandContext): InstrumentEvent[] => {
  requireStage(instrument, ['adopted', 'open-for-signature', 'in-force'], 'termination');
  const { terminatedOn } = command.data;
  notInFuture('terminatedOn', terminatedOn, context);
  const since = instrument.entryIntoForce?.date ?? instrument.signatureOpening?.opensOn ?? instrument.adoption?.adoptedOn;
  if (since && terminatedOn < since) {
    throw conflict('TERMINATION_TOO_EARLY', `The ${NOUN[instrument.kind]} cannot be terminated on ${terminatedOn}, before its last recorded stage (${since}).`);
  }
  return [{ type: 'InstrumentTerminated.v1', data: command.data }];
};

/** Only a record not yet adopted can be discarded: after adoption the text is the parties' and is terminated instead. */
export const discard = (instrument: Instrument, command: DiscardInstrument, context: CommandContext): InstrumentEvent[] => {
  requireStage(instrument, ['drafting', 'in-review', 'approved'], 'discarding the record');
  const reason = command.data.reason.trim();
  if (!reason) throw invalid('reason', 'Give the reason the record is discarded.', 'REASON_REQUIRED');
  const discardedOn = command.data.discardedOn ?? context.today;
  notInFuture('discardedOn', discardedOn, context);
  return [{ type: 'InstrumentDiscarded.v1', data: { reason, discardedOn } }];
};

export const create = (command: CreateInstrument, state: InstrumentState, context: CommandContext): InstrumentEvent[] => {
  const d = command.data;
  if (state.stage !== 'none') throw conflict('INSTRUMENT_EXISTS', 'An instrument with this id has already been recorded.');
  if (!d.title.trim()) throw invalid('title', 'title must not be empty.');
  const needsParent = CHILD_KINDS.includes(d.kind);
  if (needsParent && !d.parent) throw invalid('parentId', `A ${NOUN[d.kind]} must name the instrument it belongs to (parentId).`, 'PARENT_REQUIRED');
  if (!needsParent && d.parent) throw invalid('parentId', `A ${NOUN[d.kind]} does not have a parent instrument.`, 'PARENT_NOT_ALLOWED');
  if (d.parent && CHILD_KINDS.includes(d.parent.kind)) {
    throw invalid('parentId', `The parent of a ${NOUN[d.kind]} must be a treaty, agreement or MOU, not a ${NOUN[d.parent.kind]}.`, 'PARENT_KIND');
  }
  const codes = d.eligibleParties.map((p) => p.code);
  const duplicate = codes.find((c, i) => codes.indexOf(c) !== i);
  if (duplicate) throw invalid('eligibleParties', `${duplicate} is listed twice among the eligible parties.`, 'DUPLICATE_PARTY');
  if (d.kind === 'agreement' && codes.length !== 2) {
    throw invalid('eligibleParties', 'A bilateral agreement has exactly two parties.', 'BILATERAL_PARTIES');
  }
  if (codes.length === 0) throw invalid('eligibleParties', 'Name at least one party eligible to take part.', 'NO_ELIGIBLE_PARTIES');
  if (d.text) requireText(d.text);
  const preparedOn = d.preparedOn ?? context.today;
  notInFuture('preparedOn', preparedOn, context);
  requireValidTerms({ entryIntoForce: d.entryIntoForce ?? defaultRule, withdrawal: d.withdrawal ?? null, term: d.term ?? null }, d.eligibleParties);
  if (d.provisionalApplication) requireProvisionalClause(d.provisionalApplication);
  const events: InstrumentEvent[] = [
    {
      type: 'InstrumentCreated.v1',
      data: {
        instrumentId: d.instrumentId,
        kind: d.kind,
        title: d.title.trim(),
        parentId: d.parent?.id ?? null,
        languages: d.languages.length ? d.languages : ['en'],
        depositary: d.depositary,
        eligibleParties: d.eligibleParties,
        entryIntoForce: d.entryIntoForce ?? defaultRule,
        ...(d.withdrawal ? { withdrawal: d.withdrawal } : {}),
        ...(d.term ? { term: d.term } : {}),
        ...(d.provisionalApplication ? { provisionalApplication: d.provisionalApplication } : {}),
        createdOn: context.today,
      },
    },
  ];
  if (d.text) events.push({ type: 'DraftVersionRecorded.v2', data: { version: 1, text: d.text, summary: 'First draft.', preparedOn } });
  return events;
};

