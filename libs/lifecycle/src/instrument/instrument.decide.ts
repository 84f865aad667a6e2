import {
  defaultRule,
  defaultWithdrawalTerms,
  validateInstrumentTerms,
  withdrawalAllowedFrom,
  withdrawalPeriodEnd,
} from '#libs/entry-into-force';
import { conflict, invalid, notFound } from '../shared/domain-error.js';
import type { CommandContext, Decider, LegalDate } from '../shared/event.js';
import {
  CHILD_KINDS,
  CORRECTABLE_FIELDS,
  evolveInstrument,
  initialInstrumentState,
  type ConsentKind,
  type CorrectableEventType,
  type EligibleParty,
  type EntryIntoForceRule,
  type Instrument,
  type InstrumentEvent,
  type InstrumentKind,
  type InstrumentState,
  type InstrumentText,
  type Participation,
  type ReservationKind,
  type Signatory,
  type Stage,
  type Votes,
  type TermTerms,
  type WithdrawalTerms,
  applyCorrection,
  CONSENT_KINDS,
  RESERVATION_KINDS,
} from './instrument.events.js';
import { assessInstrument } from './instrument.assess.js';

// ---- commands -------------------------------------------------------------------------------------------

type Command<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export type CreateInstrument = Command<
  'CreateInstrument',
  {
    instrumentId: string;
    kind: InstrumentKind;
    title: string;
    /** Resolved by the handler from the parent's stream: the domain sees facts, not ids to look up. */
    parent: { id: string; kind: InstrumentKind } | null;
    languages: readonly string[];
    depositary: string | null;
    /** Resolved by the handler from the party registry. */
    eligibleParties: readonly EligibleParty[];
    entryIntoForce: EntryIntoForceRule | null;
    withdrawal?: WithdrawalTerms | null;
    term?: TermTerms | null;
    text: InstrumentText | null;
  }
>;
/** Each clause left out (undefined) stays as it is; null returns withdrawal or term to the default. */
export type ReviseFinalClauses = Command<
  'ReviseFinalClauses',
  { entryIntoForce?: EntryIntoForceRule; withdrawal?: WithdrawalTerms | null; term?: TermTerms | null }
>;
/** Negotiation steps may carry the day they happened (a meeting); without it they count as recorded. */
export type RecordDraft = Command<'RecordDraft', { text: InstrumentText; summary: string; preparedOn?: LegalDate }>;
export type RequestReview = Command<'RequestReview', { reviewers: readonly string[]; note: string | null; requestedOn?: LegalDate }>;
export type CommentOnReview = Command<'CommentOnReview', { author: string; text: string; article: string | null }>;
export type DecideReview = Command<
  'DecideReview',
  { decision: 'approve' | 'request-changes'; comment: string | null; decidedOn?: LegalDate }
>;
export type AdoptText = Command<
  'AdoptText',
  { adoptedOn: LegalDate; place: string; method: 'consensus' | 'vote'; votes: Votes | null }
>;
export type OpenForSignature = Command<'OpenForSignature', { opensOn: LegalDate; closesOn: LegalDate | null; place: string }>;
export type SignInstrument = Command<
  'SignInstrument',
  { party: string; signedOn: LegalDate; signatory: Signatory; definitive: boolean; place: string | null }
>;
export type DepositConsent = Command<
  'DepositConsent',
  { party: string; kind: ConsentKind; depositedOn: LegalDate; domesticActOn: LegalDate | null }
>;
export type NotifyInternalProcedures = Command<'NotifyInternalProcedures', { party: string; notifiedOn: LegalDate }>;
export type RevokeWithdrawal = Command<'RevokeWithdrawal', { party: string; revokedOn: LegalDate }>;
export type NotifyTermination = Command<'NotifyTermination', { party: string; notifiedOn: LegalDate; effectiveOn: LegalDate | null }>;
export type MakeReservation = Command<
  'MakeReservation',
  { party: string; kind: ReservationKind; text: string; madeOn: LegalDate; madeAt: 'signature' | 'deposit' | null }
>;
export type NotifyWithdrawal = Command<'NotifyWithdrawal', { party: string; notifiedOn: LegalDate; effectiveOn: LegalDate | null }>;
export type TerminateInstrument = Command<'TerminateInstrument', { terminatedOn: LegalDate; reason: string }>;
export type CorrectAct = Command<'CorrectAct', { eventId: string; reason: string; changes: Readonly<Record<string, unknown>> }>;

export type InstrumentCommand =
  | CreateInstrument
  | ReviseFinalClauses
  | RecordDraft
  | RequestReview
  | CommentOnReview
  | DecideReview
  | AdoptText
  | OpenForSignature
  | SignInstrument
  | DepositConsent
  | NotifyInternalProcedures
  | MakeReservation
  | NotifyWithdrawal
  | RevokeWithdrawal
  | NotifyTermination
  | TerminateInstrument
  | CorrectAct;

export const DEFAULT_ENTRY_INTO_FORCE_RULE: EntryIntoForceRule = defaultRule;

// ---- guards ---------------------------------------------------------------------------------------------

const NOUN: Record<InstrumentKind, string> = {
  treaty: 'treaty',
  agreement: 'agreement',
  mou: 'memorandum of understanding',
  protocol: 'protocol',
  amendment: 'amendment',
};

const requireExisting = (state: InstrumentState): Instrument => {
  if (state.stage === 'none') throw notFound('INSTRUMENT_NOT_FOUND', 'No such instrument has been recorded.');
  return state;
};

const requireStage = (state: Instrument, allowed: readonly Stage[], action: string): void => {
  if (!allowed.includes(state.stage)) {
    throw conflict(
      'ILLEGAL_STAGE',
      `The ${NOUN[state.kind]} is at stage "${state.stage}"; ${action} is possible only at stage ${allowed
        .map((s) => `"${s}"`)
        .join(' or ')}.`,
    );
  }
};

const notInFuture = (field: string, date: LegalDate, context: CommandContext): void => {
  if (date > context.today) throw invalid(field, `${field} (${date}) is in the future; record an act once it has taken place.`, 'DATE_IN_FUTURE');
};

const requireEligible = (state: Instrument, party: string): EligibleParty => {
  const eligible = state.eligibleParties.find((p) => p.code === party);
  if (!eligible) {
    throw conflict('PARTY_NOT_ELIGIBLE', `${party} is not among the parties eligible to take part in this ${NOUN[state.kind]}.`);
  }
  return eligible;
};

const participation = (state: Instrument, party: string): Participation | undefined => state.participants[party];

/** Bound by consent, by definitive signature, or (bilateral) by notifying that internal procedures are complete. */
const isBound = (p: Participation | undefined): boolean => !!p && (!!p.consent || !!p.signature?.definitive || !!p.notification);

const requireText = (text: InstrumentText): void => {
  const seen = new Set<string>();
  text.articles.forEach((article, i) => {
    if (seen.has(article.number)) throw invalid(`text.articles.${i}.number`, `Article ${article.number} appears twice in the text.`, 'DUPLICATE_ARTICLE');
    seen.add(article.number);
  });
};

/** The latest dated negotiation step so far: a later step cannot be dated before it. */
const lastNegotiationDate = (state: Instrument): LegalDate | null => {
  const dates = [
    ...state.drafts.map((d) => d.preparedOn),
    ...state.reviews.flatMap((r) => [r.requestedOn, r.decidedOn]),
  ].filter((d): d is LegalDate => !!d);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
};

const requireNegotiationDate = (field: string, date: LegalDate, state: Instrument, context: CommandContext): void => {
  notInFuture(field, date, context);
  const previous = lastNegotiationDate(state);
  if (previous && date < previous) {
    throw invalid(field, `${field} (${date}) cannot come before the previous step of the negotiation (${previous}).`, 'NEGOTIATION_OUT_OF_ORDER');
  }
};

const nameOf = (state: Instrument, party: string) => state.eligibleParties.find((p) => p.code === party)?.name ?? party;

/** VCLT 11-15 and the 1986 Convention: which act of consent fits which party. */
const checkConsentKind = (state: Instrument, party: string, p: Participation): void => {
  const { kind } = p.consent!;
  const eligible = state.eligibleParties.find((e) => e.code === party);
  const name = eligible?.name ?? party;
  const noun = NOUN[state.kind];
  const signed = !!p.signature;
  // Ratification, acceptance and approval follow a signature; a party that has not signed accedes.
  // Amendments are the exception: parties to the treaty accept them without signing (VCLT 40).
  if (state.kind !== 'amendment' && (kind === 'ratification' || kind === 'acceptance' || kind === 'approval' || kind === 'formal-confirmation') && !signed) {
    throw conflict('SIGNATURE_REQUIRED', `${name} has not signed this ${noun}; a party that has not signed expresses its consent by accession, not ${kind}.`);
  }
  if (kind === 'accession' && signed) {
    throw conflict('ACCESSION_NOT_FOR_SIGNATORY', `${name} signed this ${noun}; a signatory expresses its consent by ratification, acceptance or approval, not accession.`);
  }
  // An international organisation confirms formally where a State ratifies.
  if (kind === 'ratification' && eligible?.kind === 'organisation') {
    throw conflict('ORGANISATION_CONFIRMS', `${name} is an international organisation; it expresses consent by an act of formal confirmation, not ratification.`);
  }
  if (kind === 'formal-confirmation' && eligible?.kind !== 'organisation') {
    throw conflict('FORMAL_CONFIRMATION_FOR_ORGANISATIONS', `Formal confirmation is the act of an international organisation; ${name} ratifies, accepts or approves instead.`);
  }
};

/** The party-level consistency every act (and every correction of one) must keep. */
const checkParticipation = (state: Instrument, party: string): void => {
  const p = participation(state, party);
  if (!p) return;
  const name = nameOf(state, party);
  const opening = state.signatureOpening;
  if (p.signature && opening) {
    if (p.signature.signedOn < opening.opensOn) {
      throw conflict('SIGNATURE_BEFORE_OPENING', `${name} cannot sign on ${p.signature.signedOn}: the ${NOUN[state.kind]} opens for signature on ${opening.opensOn}.`);
    }
    if (opening.closesOn && p.signature.signedOn > opening.closesOn) {
      throw conflict('SIGNATURE_AFTER_CLOSING', `${name} cannot sign on ${p.signature.signedOn}: the ${NOUN[state.kind]} closed for signature on ${opening.closesOn}.`);
    }
  }
  if (p.consent) checkConsentKind(state, party, p);
  if (p.consent) {
    if (p.signature && p.consent.depositedOn < p.signature.signedOn) {
      throw conflict('DEPOSIT_BEFORE_SIGNATURE', `${name} cannot deposit its instrument on ${p.consent.depositedOn}, before it signed on ${p.signature.signedOn}.`);
    }
    if (p.consent.domesticActOn && p.consent.domesticActOn > p.consent.depositedOn) {
      throw conflict('DOMESTIC_ACT_AFTER_DEPOSIT', `${name}'s domestic act (${p.consent.domesticActOn}) cannot come after the deposit of its instrument (${p.consent.depositedOn}).`);
    }
    if (opening && p.consent.depositedOn < opening.opensOn) {
      throw conflict('DEPOSIT_BEFORE_OPENING', `${name} cannot deposit an instrument on ${p.consent.depositedOn}, before the ${NOUN[state.kind]} opened on ${opening.opensOn}.`);
    }
  }
  const boundOn = p.consent?.depositedOn ?? (p.signature?.definitive ? p.signature.signedOn : null) ?? p.notification?.notifiedOn ?? null;
  if (p.withdrawal) {
    if (!boundOn || p.withdrawal.notifiedOn < boundOn) {
      throw conflict('WITHDRAWAL_BEFORE_CONSENT', `${name} cannot give notice of withdrawal on ${p.withdrawal.notifiedOn}, before it was bound${boundOn ? ` (${boundOn})` : ''}.`);
    }
    if (p.withdrawal.effectiveOn < p.withdrawal.notifiedOn) {
      throw conflict('WITHDRAWAL_EFFECTIVE_BEFORE_NOTICE', `A withdrawal cannot take effect (${p.withdrawal.effectiveOn}) before its notice (${p.withdrawal.notifiedOn}).`);
    }
  }
  for (const r of p.reservations) {
    const actOn = r.madeAt === 'signature' ? p.signature?.signedOn : p.consent?.depositedOn;
    if (!actOn) {
      throw conflict('RESERVATION_WITHOUT_ACT', `${name} can make a ${r.kind} at ${r.madeAt} only once its ${r.madeAt} is recorded.`);
    }
    if (r.madeOn < actOn) {
      throw conflict('RESERVATION_BEFORE_ACT', `${name}'s ${r.kind} (${r.madeOn}) cannot precede its ${r.madeAt} (${actOn}).`);
    }
  }
};

const checkOpening = (state: Instrument): void => {
  const opening = state.signatureOpening;
  if (!opening) return;
  if (opening.closesOn && opening.closesOn < opening.opensOn) {
    throw invalid('closesOn', `The signature period cannot close (${opening.closesOn}) before it opens (${opening.opensOn}).`, 'SIGNATURE_PERIOD_INVALID');
  }
  if (state.adoption && opening.opensOn < state.adoption.adoptedOn) {
    throw conflict('OPENING_BEFORE_ADOPTION', `The ${NOUN[state.kind]} cannot open for signature (${opening.opensOn}) before its text was adopted (${state.adoption.adoptedOn}).`);
  }
};

const checkVotes = (method: 'consensus' | 'vote', votes: Votes | null): void => {
  if (method === 'vote' && !votes) throw invalid('votes', 'votes (for, against, abstentions) are required when the text is adopted by vote.', 'VOTES_REQUIRED');
  if (method === 'consensus' && votes) throw invalid('votes', 'votes must not be given when the text is adopted by consensus.', 'VOTES_NOT_ALLOWED');
};

// ---- entry into force ----------------------------------------------------------------------------------

/** The general entry-into-force date under the instrument's final clauses (possibly still ahead), or null. */
export const entryIntoForceDate = (state: Instrument): LegalDate | null =>
  state.eligibleParties.length === 0 ? null : assessInstrument(state).entryIntoForce.date;

/**
 * Re-determine entry into force after an act, a correction or a revision of the final clauses; emits an
 * event only when the date changes. The date may lie ahead (three months after the tenth deposit): the
 * instrument is in force from that day on, not from the act that met the condition.
 */
const redetermine = (before: Instrument, after: Instrument): InstrumentEvent[] => {
  if (before.stage === 'terminated') return [];
  // A text still under negotiation is not in force whatever its final clauses say (a fixed date already past):
  // entry into force is first determined once the instrument is open for signature, when acts can be recorded.
  if (!after.signatureOpening) return [];
  const date = entryIntoForceDate(after);
  const current = before.entryIntoForce;
  if (date === (current?.date ?? null)) return [];
  if (date === null) {
    return [
      {
        type: 'EntryIntoForceDeterminationRevoked.v1',
        data: { supersedes: current!.eventId, reason: 'The acts on record no longer meet the condition for entry into force.' },
      },
    ];
  }
  return [{ type: 'EntryIntoForceDetermined.v1', data: { date, rule: after.entryIntoForceRule.type, supersedes: current?.eventId ?? null } }];
};

/** Fold events a decision produced onto the state, for checks that look at the result. */
const simulate = (state: Instrument, events: readonly InstrumentEvent[]): Instrument =>
  events.reduce<InstrumentState>(
    (s, event, i) =>
      evolveInstrument(s, {
        event,
        id: `pending-${i}`,
        revision: -1n,
        metadata: { actor: '', recordedAt: '', legalDate: '', correlationId: '', causationId: '' },
      }),
    state,
  ) as Instrument;

/** A party act: check it against the resulting state, then add the entry-into-force consequence. */
const partyAct = (state: Instrument, party: string, event: InstrumentEvent): InstrumentEvent[] => {
  const after = simulate(state, [event]);
  checkParticipation(after, party);
  return [event, ...redetermine(state, after)];
};

// ---- decide ---------------------------------------------------------------------------------------------

export const decideInstrument = (command: InstrumentCommand, state: InstrumentState, context: CommandContext): InstrumentEvent[] => {
  if (command.type === 'CreateInstrument') return create(command, state, context);
  const instrument = requireExisting(state);
  if (instrument.stage === 'terminated') {
    throw conflict('INSTRUMENT_TERMINATED', `The ${NOUN[instrument.kind]} was terminated on ${instrument.termination!.terminatedOn}; no further act can be recorded.`);
  }
  switch (command.type) {
    case 'ReviseFinalClauses': {
      requireStage(instrument, ['drafting', 'in-review', 'approved'], 'revising the final clauses');
      const { entryIntoForce, withdrawal, term } = command.data;
      if (entryIntoForce === undefined && withdrawal === undefined && term === undefined) {
        throw invalid('entryIntoForce', 'Give at least one clause to revise: entryIntoForce, withdrawal or term.', 'NOTHING_TO_REVISE');
      }
      const terms = {
        entryIntoForce: entryIntoForce ?? instrument.entryIntoForceRule,
        withdrawal: withdrawal === undefined ? instrument.withdrawalTerms : withdrawal,
        term: term === undefined ? instrument.term : term,
      };
      requireValidTerms(terms);
      const event: InstrumentEvent = { type: 'FinalClausesRevised.v1', data: terms };
      return [event, ...redetermine(instrument, simulate(instrument, [event]))];
    }
    case 'RecordDraft': {
      requireStage(instrument, ['drafting'], 'recording a new draft');
      requireText(command.data.text);
      const { preparedOn } = command.data;
      if (preparedOn) requireNegotiationDate('preparedOn', preparedOn, instrument, context);
      return [{ type: 'DraftVersionRecorded.v1', data: { version: instrument.drafts.length + 1, ...command.data } }];
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
      checkVotes(method, votes);
      return [{ type: 'TextAdopted.v1', data: { ...command.data, version: instrument.drafts.length } }];
    }
    case 'OpenForSignature': {
      // An MOU is often signed straight after approval, without a separate act of adoption.
      requireStage(instrument, instrument.kind === 'mou' ? ['approved', 'adopted'] : ['adopted'], 'opening for signature');
      const event: InstrumentEvent = { type: 'SignatureOpened.v1', data: command.data };
      const after = simulate(instrument, [event]);
      checkOpening(after);
      // A fixed date needs no act: the instrument is determined to enter into force on it once open.
      return [event, ...redetermine(instrument, after)];
    }
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
      return partyAct(instrument, party, { type: 'InstrumentSigned.v1', data: command.data });
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
      const madeAt = command.data.madeAt ?? (p.consent ? 'deposit' : 'signature');
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
      const boundOn = p!.consent?.depositedOn ?? (p!.signature?.definitive ? p!.signature.signedOn : null) ?? p!.notification?.notifiedOn ?? null;
      if (boundOn && notifiedOn < boundOn) {
        throw conflict('TERMINATION_BEFORE_CONSENT', `${nameOf(instrument, party)} cannot give notice of termination on ${notifiedOn}, before it became a participant (${boundOn}).`);
      }
      if (instrument.terminationNotice) throw conflict('ALREADY_NOTIFIED', `Notice of termination was already given on ${instrument.terminationNotice.notifiedOn}.`);
      if (effectiveOn && effectiveOn < notifiedOn) throw invalid('effectiveOn', `The termination cannot take effect (${effectiveOn}) before its notice (${notifiedOn}).`);
      return [{ type: 'TerminationNotified.v1', data: { party, notifiedOn, namedEffectiveOn: effectiveOn } }];
    }
    case 'TerminateInstrument': {
      requireStage(instrument, ['adopted', 'open-for-signature', 'in-force'], 'termination');
      const { terminatedOn } = command.data;
      notInFuture('terminatedOn', terminatedOn, context);
      const since = instrument.entryIntoForce?.date ?? instrument.signatureOpening?.opensOn ?? instrument.adoption?.adoptedOn;
      if (since && terminatedOn < since) {
        throw conflict('TERMINATION_TOO_EARLY', `The ${NOUN[instrument.kind]} cannot be terminated on ${terminatedOn}, before its last recorded stage (${since}).`);
      }
      return [{ type: 'InstrumentTerminated.v1', data: command.data }];
    }
    case 'CorrectAct':
      return correct(instrument, command, context);
  }
};

const create = (command: CreateInstrument, state: InstrumentState, context: CommandContext): InstrumentEvent[] => {
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
  if (d.text) requireText(d.text);
  requireValidTerms({ entryIntoForce: d.entryIntoForce ?? DEFAULT_ENTRY_INTO_FORCE_RULE, withdrawal: d.withdrawal ?? null, term: d.term ?? null });
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
        entryIntoForce: d.entryIntoForce ?? DEFAULT_ENTRY_INTO_FORCE_RULE,
        ...(d.withdrawal ? { withdrawal: d.withdrawal } : {}),
        ...(d.term ? { term: d.term } : {}),
        createdOn: context.today,
      },
    },
  ];
  if (d.text) events.push({ type: 'DraftVersionRecorded.v1', data: { version: 1, text: d.text, summary: 'First draft.' } });
  return events;
};

/** The final clauses are checked by the library that evaluates them; a problem names its field. */
const requireValidTerms = (terms: { entryIntoForce: EntryIntoForceRule; withdrawal: WithdrawalTerms | null; term: TermTerms | null }): void => {
  const problems = validateInstrumentTerms({
    entryIntoForce: terms.entryIntoForce,
    ...(terms.withdrawal ? { withdrawal: terms.withdrawal } : {}),
    ...(terms.term ? { term: terms.term } : {}),
  });
  if (problems.length) throw invalid(problems[0].path, `The final clauses are not valid: ${problems.map((p) => p.message).join('; ')}.`, 'INVALID_FINAL_CLAUSES');
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
  if (named && named < periodEnd) {
    throw invalid('effectiveOn', `A withdrawal notified on ${notifiedOn} cannot take effect before ${periodEnd}, the end of the notice period; a notice may name a later date only.`, 'WITHDRAWAL_NOTICE_PERIOD');
  }
  return partyAct(instrument, party, { type: 'WithdrawalNotified.v1', data: { party, notifiedOn, effectiveOn: named ?? periodEnd } });
};

const depositConsent = (instrument: Instrument, command: DepositConsent, context: CommandContext): InstrumentEvent[] => {
  const { party, kind, depositedOn, domesticActOn } = command.data;
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
  return partyAct(instrument, party, { type: 'ConsentDeposited.v1', data: { party, kind, depositedOn, domesticActOn } });
};

const correct = (instrument: Instrument, command: CorrectAct, context: CommandContext): InstrumentEvent[] => {
  const { eventId, reason, changes } = command.data;
  const act = instrument.acts[eventId];
  if (!act) {
    throw notFound('ACT_NOT_FOUND', `No correctable act with event id ${eventId} is recorded for this instrument (adoption, opening, signature, consent, reservation or withdrawal).`);
  }
  if (!reason.trim()) throw invalid('reason', 'A correction must give its reason.');
  const allowed: readonly string[] = CORRECTABLE_FIELDS[act.type];
  const fields = Object.keys(changes);
  if (fields.length === 0) throw invalid('changes', `Name at least one field to correct: ${allowed.join(', ')}.`, 'NOTHING_TO_CORRECT');
  for (const field of fields) {
    if (!allowed.includes(field)) {
      throw invalid(field, `${field} cannot be corrected on this act; the fields of a ${describeAct(act.type)} are ${allowed.join(', ')}.`, 'FIELD_NOT_CORRECTABLE');
    }
    checkCorrectedValue(act.type, field, changes[field], context);
  }
  const event: InstrumentEvent = {
    type: 'ActCorrected.v1',
    data: { correctedEventId: eventId, correctedType: act.type, reason: reason.trim(), changes },
  };
  const after = applyCorrection(instrument, event.data);
  if (act.type === 'TextAdopted.v1') checkVotes(after.adoption!.method, after.adoption!.votes);
  checkOpening(after);
  const parties = act.party ? [act.party] : Object.keys(after.participants);
  for (const party of parties) checkParticipation(after, party);
  return [event, ...redetermine(instrument, after)];
};

/** Optional facts a correction may remove (an open-ended signature period, an unknown domestic act date). */
const NULLABLE_FIELDS: Partial<Record<CorrectableEventType, readonly string[]>> = {
  'SignatureOpened.v1': ['closesOn'],
  'ConsentDeposited.v1': ['domesticActOn'],
  'TextAdopted.v1': ['votes'],
  'InstrumentSigned.v1': ['place'],
};

/** The edge checks types; the domain checks that a value fits the act it corrects. */
const checkCorrectedValue = (type: CorrectableEventType, field: string, value: unknown, context: CommandContext): void => {
  const oneOf = (allowed: readonly unknown[]) => {
    if (!allowed.includes(value)) throw invalid(field, `${field} of a ${describeAct(type)} must be one of ${allowed.join(', ')}.`, 'INVALID_CORRECTION');
  };
  if (field === 'kind') return oneOf(type === 'ConsentDeposited.v1' ? CONSENT_KINDS : RESERVATION_KINDS);
  if (field === 'method') return oneOf(['consensus', 'vote']);
  if (field === 'madeAt') return oneOf(['signature', 'deposit']);
  if (value === null) {
    if (!NULLABLE_FIELDS[type]?.includes(field)) throw invalid(field, `${field} of a ${describeAct(type)} cannot be removed, only corrected.`, 'INVALID_CORRECTION');
    return;
  }
  // Dates of acts that have taken place cannot lie ahead; a signature period may close in the future.
  if (/On$/.test(field) && typeof value === 'string' && !['closesOn', 'opensOn', 'effectiveOn'].includes(field)) {
    notInFuture(field, value, context);
  }
};

const describeAct = (type: CorrectableEventType): string =>
  ({
    'TextAdopted.v1': 'adoption',
    'SignatureOpened.v1': 'opening for signature',
    'InstrumentSigned.v1': 'signature',
    'ConsentDeposited.v1': 'consent to be bound',
    'ReservationMade.v1': 'reservation or declaration',
    'WithdrawalNotified.v1': 'withdrawal notice',
    'InternalProceduresNotified.v1': 'notification that internal procedures are complete',
  })[type];

export const instrumentDecider: Decider<InstrumentState, InstrumentCommand, InstrumentEvent> = {
  initialState: initialInstrumentState,
  evolve: evolveInstrument,
  decide: decideInstrument,
};

