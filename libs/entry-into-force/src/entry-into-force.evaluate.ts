/**
 * Evaluates a rule on entry into force against the acts recorded so far: the general date (projected
 * when the condition is met but the date is ahead), what triggered it, what is still required, each
 * party's own date and withdrawal. Pure: the facts and `asOf` are parameters, the clock is never read.
 * The general condition and each party's own date come from the rule's shape (rules/rule-shapes.ts).
 */
import type { AssessmentFlag } from './assessment-flag.js';
import { addMonthsTo, latestDate, type LegalDate } from './calendar.js';
import type {
  EntryIntoForceAssessment,
  EntryIntoForceStatus,
  EvaluateOptions,
  InstrumentFacts,
  PartyAssessment,
} from './entry-into-force.assessment.js';
import type { InstrumentTerms } from './entry-into-force.rule.js';
import type { EvaluationContext } from './rules/rule-shape.js';
import { shapeOf, type EntryIntoForceRule } from './rules/rule-shapes.js';
import { evaluateTerm, type TermAssessment } from './term.evaluate.js';
import { evaluateWithdrawal, withdrawalAllowedFrom } from './withdrawal.evaluate.js';
import { explainGeneralDate, explainPartyDate } from './explanation.js';
import { explainWithdrawalDate } from './period-explanation.js';
import { defaultWithdrawalTerms } from './withdrawal.terms.js';

export type {
  BoundBy,
  EntryIntoForceAssessment,
  EntryIntoForceStatus,
  EvaluateOptions,
  InstrumentFacts,
  ParentPartyFacts,
  PartyAssessment,
  PartyFacts,
  StillRequired,
  Trigger,
  TriggerAct,
} from './entry-into-force.assessment.js';
export { applyTiming } from './timing.js';

/**
 * The general status on a date: 'pending' once the condition is met and the date is ahead.
 * Works on an assessment made without asOf too (the trigger must have happened by asOf).
 */
export const entryIntoForceStatus = (
  assessment: Pick<EntryIntoForceAssessment, 'date' | 'triggerMetOn'>,
  asOf: LegalDate,
): EntryIntoForceStatus => {
  const { date, triggerMetOn } = assessment;
  if (date === null || (triggerMetOn !== null && triggerMetOn > asOf)) return 'not-in-force';
  return asOf < date ? 'pending' : 'in-force';
};

export type PartyStatus = 'not-bound' | 'bound-not-in-force' | 'in-force' | 'withdrawn';

/** One party's position on a date. */
export const partyStatus = (party: PartyAssessment, asOf: LegalDate): PartyStatus => {
  if (party.boundOn === null || party.boundOn > asOf) return 'not-bound';
  if (party.withdrawalEffectiveOn !== null && party.withdrawalEffectiveOn <= asOf) return 'withdrawn';
  return party.entryIntoForceOn !== null && party.entryIntoForceOn <= asOf ? 'in-force' : 'bound-not-in-force';
};

/**
 * VCLT 20(5): a reservation is accepted by a State that has not objected by the end of twelve months after
 * it was notified of it, or by the date it expressed its consent to be bound, whichever is later. Returns
 * that last day (notice date plus twelve months, as addMonthsTo counts).
 */
export const reservationObjectionWindowEnd = (notifiedOn: LegalDate, consentOn?: LegalDate | null): LegalDate =>
  latestDate(addMonthsTo(notifiedOn, 12), consentOn)!;

/** The facts as they stood on asOf: later acts have not happened yet. */
export const factsAsOf = (facts: InstrumentFacts, asOf: LegalDate): InstrumentFacts => ({
  ...facts,
  eligibleParties: facts.eligibleParties.map((p) => ({
    ...p,
    signature: p.signature && p.signature.signedOn <= asOf ? p.signature : null,
    consent: p.consent && p.consent.depositedOn <= asOf ? p.consent : null,
    notification: p.notification && p.notification.notifiedOn <= asOf ? p.notification : null,
    withdrawal:
      p.withdrawal && p.withdrawal.notifiedOn <= asOf
        ? { ...p.withdrawal, revokedOn: p.withdrawal.revokedOn && p.withdrawal.revokedOn <= asOf ? p.withdrawal.revokedOn : null }
        : null,
  })),
  parentParties: facts.parentParties
    ?.filter((p) => p.partyFrom <= asOf)
    .map((p) => ({ ...p, partyUntil: p.partyUntil && p.partyUntil <= asOf ? p.partyUntil : null })),
  termination: facts.termination && facts.termination.notifiedOn <= asOf ? facts.termination : null,
});

const FAR_FUTURE: LegalDate = '9999-12-31';

// ---- entry points --------------------------------------------------------------------------------------

/**
 * Evaluates the rule against the facts. With `asOf`, acts dated later are disregarded (time travel) and
 * `status` says whether the instrument was in force that day; without it every recorded act counts.
 */
export const evaluateEntryIntoForce = (
  rule: EntryIntoForceRule,
  facts: InstrumentFacts,
  options: EvaluateOptions = {},
): EntryIntoForceAssessment => {
  const asOf = options.asOf ?? null;
  const seen = asOf ? factsAsOf(facts, asOf) : facts;
  const flags: AssessmentFlag[] = [];
  const ctx: EvaluationContext = { parties: seen.eligibleParties, facts: seen, reference: asOf ?? FAR_FUTURE, withdrawal: options.withdrawal, flags };
  const shape = shapeOf(rule.type);
  const general = shape.evaluate(rule, ctx);
  const met = general.date === null ? null : { ...general, date: general.date };
  const names = (code: string) => options.partyNames?.[code] ?? code;
  const explanation = explainGeneralDate(rule, general, seen, names);

  const parties = seen.eligibleParties.map((party, index): PartyAssessment => {
    const bound = shape.boundBy(party, index);
    let entryIntoForceOn = met === null || bound === null ? null : shape.partyEntryIntoForce(rule, met, party, bound);
    const context = { partyEntryIntoForceOn: entryIntoForceOn, instrumentEntryIntoForceOn: general.date };
    const terms = options.withdrawal;
    const withdrawal = party.withdrawal ? evaluateWithdrawal(terms, party.withdrawal, context, party.code) : null;
    if (withdrawal) flags.push(...withdrawal.flags);
    const withdrawalEffectiveOn = withdrawal?.effectiveOn ?? null;
    if (withdrawalEffectiveOn !== null && entryIntoForceOn !== null && withdrawalEffectiveOn <= entryIntoForceOn) {
      flags.push({
        code: 'WITHDRAWN_BEFORE_ENTRY_INTO_FORCE',
        message: `${party.code}'s withdrawal takes effect on ${withdrawalEffectiveOn}, no later than the day the instrument would enter into force for it (${entryIntoForceOn}).`,
        party: party.code,
      });
      entryIntoForceOn = null;
    }
    const assessed = {
      code: party.code,
      kind: party.kind,
      boundOn: bound?.on ?? null,
      boundBy: bound === null ? null : bound.act === 'deposit' ? ('consent' as const) : bound.act,
      counted: general.counted.has(party.code),
      entryIntoForceOn,
      withdrawalAllowedFrom: withdrawal?.allowedFrom ?? (terms ? withdrawalAllowedFrom(terms, context) : null),
      withdrawalEffectiveOn,
      withdrawal,
      withdrawalExplanation:
        withdrawal && withdrawalEffectiveOn !== null && party.withdrawal
          ? explainWithdrawalDate(terms ?? defaultWithdrawalTerms, party.withdrawal, withdrawalEffectiveOn, party.code, names)
          : null,
      entryIntoForceExplanation: null,
    };
    return { ...assessed, entryIntoForceExplanation: explainPartyDate(rule, assessed, explanation, seen, names) };
  });

  const assessment = {
    ruleType: rule.type,
    asOf,
    date: general.date,
    explanation,
    triggerMetOn: general.trigger?.on ?? null,
    triggeredBy: general.trigger,
    instrumentsRequired: general.instrumentsRequired,
    instrumentsDeposited: general.instrumentsDeposited,
    qualifyingDeposited: general.qualifyingDeposited,
    weightPercent: general.weightPercent,
    shareDenominator: general.shareDenominator,
    stillRequired: general.stillRequired,
    awaiting: general.awaiting,
    parties,
    flags,
  };
  return { ...assessment, status: asOf ? entryIntoForceStatus(assessment, asOf) : null };
};

export interface InstrumentAssessment {
  readonly entryIntoForce: EntryIntoForceAssessment;
  /** Present when the terms include an MOU term. */
  readonly term: TermAssessment | null;
}

/** All final clauses at once: entry into force (with withdrawals) and, for an MOU, its term. */
export const evaluateInstrument = (terms: InstrumentTerms, facts: InstrumentFacts, options: Omit<EvaluateOptions, 'withdrawal'> = {}): InstrumentAssessment => {
  const entryIntoForce = evaluateEntryIntoForce(terms.entryIntoForce, facts, { ...options, ...(terms.withdrawal ? { withdrawal: terms.withdrawal } : {}) });
  const term = terms.term
    ? evaluateTerm(terms.term, { entryIntoForceOn: entryIntoForce.date, termination: facts.termination ?? null }, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.partyNames ? { partyNames: options.partyNames } : {}) })
    : null;
  return { entryIntoForce, term };
};
