/** The guards and invariants every decision (and every correction) keeps. */
import { addYearsTo, validateInstrumentTerms } from '#libs/entry-into-force';
import { conflict, invalid, notFound } from '../shared/domain-error.js';
import type { CommandContext, LegalDate } from '../shared/event.js';
import { boundOn } from './instrument.acts.js';
import type {
  AdoptionMethod,
  EligibleParty,
  EntryIntoForceRule,
  InstrumentKind,
  InstrumentText,
  Stage,
  TermTerms,
  Votes,
  WithdrawalTerms,
} from './instrument.events.js';
import type { Instrument, InstrumentState, Participation } from './instrument.state.js';

/** Legal dates before this are taken for typing mistakes (year 0001): no instrument of the record is older. */
export const EARLIEST_LEGAL_DATE = '1800-01-01';

export const NOUN: Record<InstrumentKind, string> = {
  treaty: 'treaty',
  agreement: 'agreement',
  mou: 'memorandum of understanding',
  protocol: 'protocol',
  amendment: 'amendment',
};

export const requireExisting = (state: InstrumentState): Instrument => {
  if (state.stage === 'none') throw notFound('INSTRUMENT_NOT_FOUND', 'No such instrument has been recorded.');
  return state;
};

export const requireStage = (state: Instrument, allowed: readonly Stage[], action: string): void => {
  if (!allowed.includes(state.stage)) {
    throw conflict(
      'ILLEGAL_STAGE',
      `The ${NOUN[state.kind]} is at stage "${state.stage}"; ${action} is possible only at stage ${allowed
        .map((s) => `"${s}"`)
        .join(' or ')}.`,
    );
  }
};

export const notInFuture = (field: string, date: LegalDate, context: CommandContext): void => {
  if (date > context.today) throw invalid(field, `${field} (${date}) is in the future; record an act once it has taken place.`, 'DATE_IN_FUTURE');
  plausible(field, date);
};

/** Dates that may lie ahead (a signature period's end, a withdrawal's effect) lie within a century. */
export const YEARS_AHEAD = 100;

export const plausibleAhead = (field: string, date: LegalDate, context: CommandContext): void => {
  plausible(field, date);
  const latest = addYearsTo(context.today, YEARS_AHEAD);
  if (date > latest) throw invalid(field, `${field} (${date}) is more than ${YEARS_AHEAD} years ahead; check the year.`, 'DATE_OUT_OF_RANGE');
};

/** A date the record can hold: not before 1800 (the edge refuses those too; the domain does not rely on it). */
export const plausible = (field: string, date: LegalDate): void => {
  if (date < EARLIEST_LEGAL_DATE) throw invalid(field, `${field} (${date}) is before ${EARLIEST_LEGAL_DATE}; check the year.`, 'DATE_OUT_OF_RANGE');
};

export const requireEligible = (state: Instrument, party: string): EligibleParty => {
  const eligible = state.eligibleParties.find((p) => p.code === party);
  if (!eligible) {
    throw conflict('PARTY_NOT_ELIGIBLE', `${party} is not among the parties eligible to take part in this ${NOUN[state.kind]}.`);
  }
  return eligible;
};

export const participation = (state: Instrument, party: string): Participation | undefined => state.participants[party];

/** Bound by consent, by definitive signature, or (bilateral) by notifying that internal procedures are complete. */
export const isBound = (p: Participation | undefined): boolean => boundOn(p) !== null;

export const requireText = (text: InstrumentText): void => {
  const seen = new Set<string>();
  text.articles.forEach((article, i) => {
    if (seen.has(article.number)) throw invalid(`text.articles.${i}.number`, `Article ${article.number} appears twice in the text.`, 'DUPLICATE_ARTICLE');
    seen.add(article.number);
  });
};

/** The latest dated negotiation step so far: a later step cannot be dated before it. */
export const lastNegotiationDate = (state: Instrument): LegalDate | null => {
  const dates = [
    ...state.drafts.map((d) => d.preparedOn),
    ...state.reviews.flatMap((r) => [r.requestedOn, r.decidedOn]),
  ].filter((d): d is LegalDate => !!d);
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null;
};

export const requireNegotiationDate = (field: string, date: LegalDate, state: Instrument, context: CommandContext): void => {
  notInFuture(field, date, context);
  const previous = lastNegotiationDate(state);
  if (previous && date < previous) {
    throw invalid(field, `${field} (${date}) cannot come before the previous step of the negotiation (${previous}).`, 'NEGOTIATION_OUT_OF_ORDER');
  }
};

export const nameOf = (state: Instrument, party: string) => state.eligibleParties.find((p) => p.code === party)?.name ?? party;

/** VCLT 11-15 and the 1986 Convention: which act of consent fits which party. */
export const checkConsentKind = (state: Instrument, party: string, p: Participation): void => {
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
export const checkParticipation = (state: Instrument, party: string): void => {
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
    // A correction must keep the date of succession a succession's own, and not after its notification.
    if (p.consent.succeededOn && p.consent.kind !== 'succession') {
      throw conflict('SUCCESSION_DATE_FOR_SUCCESSION', `${name}'s instrument is one of ${p.consent.kind}; only a succession has a date of succession.`);
    }
    if (p.consent.succeededOn && p.consent.succeededOn > p.consent.depositedOn) {
      throw conflict('SUCCESSION_AFTER_NOTIFICATION', `${name}'s date of succession (${p.consent.succeededOn}) cannot come after its notification of succession (${p.consent.depositedOn}).`);
    }
    if (opening && p.consent.depositedOn < opening.opensOn) {
      throw conflict('DEPOSIT_BEFORE_OPENING', `${name} cannot deposit an instrument on ${p.consent.depositedOn}, before the ${NOUN[state.kind]} opened on ${opening.opensOn}.`);
    }
  }
  const bound = boundOn(p);
  if (p.withdrawal) {
    if (!bound || p.withdrawal.notifiedOn < bound) {
      throw conflict('WITHDRAWAL_BEFORE_CONSENT', `${name} cannot give notice of withdrawal on ${p.withdrawal.notifiedOn}, before it was bound${bound ? ` (${bound})` : ''}.`);
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
    // VCLT 19, 23: formulated when signing or when expressing consent, so on that act's date; a reservation
    // after the deposit would be a late reservation, which needs every party's acceptance and is not recorded here.
    if (r.madeOn > actOn) {
      throw conflict(
        'RESERVATION_AFTER_ACT',
        `${name}'s ${r.kind} is dated ${r.madeOn}, after its ${r.madeAt} (${actOn}); a ${r.kind} is formulated on signature or on deposit of the instrument of consent (VCLT 19, 23), on that day.`,
      );
    }
  }
};

export const checkOpening = (state: Instrument): void => {
  const opening = state.signatureOpening;
  if (!opening) return;
  if (opening.closesOn && opening.closesOn < opening.opensOn) {
    throw invalid('closesOn', `The signature period cannot close (${opening.closesOn}) before it opens (${opening.opensOn}).`, 'SIGNATURE_PERIOD_INVALID');
  }
  if (state.adoption && opening.opensOn < state.adoption.adoptedOn) {
    throw conflict('OPENING_BEFORE_ADOPTION', `The ${NOUN[state.kind]} cannot open for signature (${opening.opensOn}) before its text was adopted (${state.adoption.adoptedOn}).`);
  }
  // An MOU opened straight after approval: not before the text it opens was approved.
  const approvedBy = lastNegotiationDate(state);
  if (!state.adoption && approvedBy && opening.opensOn < approvedBy) {
    throw conflict('OPENING_BEFORE_APPROVAL', `The ${NOUN[state.kind]} cannot open for signature (${opening.opensOn}) before its text was approved (${approvedBy}).`);
  }
};

export const checkVotes = (method: AdoptionMethod, votes: Votes | null): void => {
  if (method === 'vote' && !votes) throw invalid('votes', 'votes (for, against, abstentions) are required when the text is adopted by vote.', 'VOTES_REQUIRED');
  if (method === 'consensus' && votes) throw invalid('votes', 'votes must not be given when the text is adopted by consensus.', 'VOTES_NOT_ALLOWED');
};


/** The final clauses are checked by the library that evaluates them; a problem names its field. */
export const requireValidTerms = (
  terms: { entryIntoForce: EntryIntoForceRule; withdrawal: WithdrawalTerms | null; term: TermTerms | null },
  eligibleParties: readonly EligibleParty[],
): void => {
  const problems = validateInstrumentTerms(
    {
      entryIntoForce: terms.entryIntoForce,
      ...(terms.withdrawal ? { withdrawal: terms.withdrawal } : {}),
      ...(terms.term ? { term: terms.term } : {}),
    },
    { eligibleParties: eligibleParties.map((p) => p.code) },
  );
  if (problems.length) throw invalid(problems[0].path, `The final clauses are not valid: ${problems.map((p) => p.message).join('; ')}.`, 'INVALID_FINAL_CLAUSES');
};
