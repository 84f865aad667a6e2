/**
 * Evaluates a rule on entry into force against the acts recorded so far: the general date (projected
 * when the condition is met but the date is ahead), what triggered it, what is still required, each
 * party's own date and withdrawal. Pure: the facts and `asOf` are parameters, the clock is never read.
 */
import type { AssessmentFlag } from './assessment-flag.js';
import { addDaysTo, addMonthsTo, firstDayOfMonthAfterMonths, latestDate, type LegalDate } from './calendar.js';
import {
  CONSENT_KINDS,
  type AcceptanceShareRule,
  type AllNamedRule,
  type BilateralRule,
  type ConsentKind,
  type DefinitiveSignatureByAllRule,
  type EntryIntoForceRule,
  type InstrumentTerms,
  type InstrumentsRule,
  type LaterParties,
  type OrganisationMembers,
  type PartyKind,
  type Timing,
  type WithdrawalTerms,
} from './entry-into-force.rule.js';
import { evaluateTerm, type TermAssessment, type TerminationNotice } from './term.evaluate.js';
import { evaluateWithdrawal, withdrawalAllowedFrom, type WithdrawalAssessment, type WithdrawalNotice } from './withdrawal.evaluate.js';

// ---- facts (plain data the lifecycle domain passes in) -----------------------------------------------

export interface PartyFacts {
  readonly code: string;
  readonly kind: PartyKind;
  readonly signature?: { readonly signedOn: LegalDate; readonly definitive: boolean } | null;
  /** The deposit date is what counts (VCLT 16). */
  readonly consent?: { readonly kind: ConsentKind; readonly depositedOn: LegalDate } | null;
  /** Bilateral: the notification that internal procedures are complete. */
  readonly notification?: { readonly notifiedOn: LegalDate } | null;
  readonly withdrawal?: WithdrawalNotice | null;
}

/** A party to the parent instrument, for an amendment whose denominator is the parties at each moment. */
export interface ParentPartyFacts {
  readonly code: string;
  /** The day the parent entered into force for it. */
  readonly partyFrom: LegalDate;
  /** The day its withdrawal from the parent took effect, if any. */
  readonly partyUntil?: LegalDate | null;
}

export interface InstrumentFacts {
  /** In input order: several acts on the same day are ordered by their position here. */
  readonly eligibleParties: readonly PartyFacts[];
  readonly adoptedOn?: LegalDate | null;
  /** Amendments with a denominator fixed at adoption: the number of parties when the text was adopted. */
  readonly partiesAtAdoption?: number | null;
  /** Amendments with a current denominator: the parties to the parent instrument over time. */
  readonly parentParties?: readonly ParentPartyFacts[] | null;
  /** MOUs: a notice of termination. */
  readonly termination?: TerminationNotice | null;
}

export interface EvaluateOptions {
  /** Evaluate as at this date: acts dated later are disregarded and `status` is filled in. */
  readonly asOf?: LegalDate;
  /** Withdrawal terms; default VCLT 56(2), twelve months. */
  readonly withdrawal?: WithdrawalTerms;
}

// ---- assessment ----------------------------------------------------------------------------------------

export type EntryIntoForceStatus = 'not-in-force' | 'pending' | 'in-force';

export type TriggerAct = 'deposit' | 'definitive-signature' | 'notification' | 'parent-parties-changed';

export interface Trigger {
  readonly act: TriggerAct;
  /** The party whose act met the condition (null when a change in the parent's parties did). */
  readonly party: string | null;
  readonly on: LegalDate;
  /** For counted instruments: this was the Nth counted act in order (date, then input order). */
  readonly position: number | null;
}

export interface StillRequired {
  /** At least this many more counting instruments (or named parties' acts, or acceptances). */
  readonly instruments: number;
  /** Of which from the qualifier's group; null when the rule has no qualifier. */
  readonly qualifying: number | null;
  /** Percentage points of the weight still missing; null when the rule has no weight. */
  readonly weightPercent: number | null;
}

export type BoundBy = 'consent' | 'definitive-signature' | 'notification';

export interface PartyAssessment {
  readonly code: string;
  readonly kind: PartyKind;
  /** When the party expressed its consent (deposit, definitive signature, or bilateral notification). */
  readonly boundOn: LegalDate | null;
  readonly boundBy: BoundBy | null;
  /** Whether its act counts towards the condition (consent kind, party kind, named party). */
  readonly counted: boolean;
  readonly entryIntoForceOn: LegalDate | null;
  /** Under a lock-in: the first day the party may give notice of withdrawal. */
  readonly withdrawalAllowedFrom: LegalDate | null;
  readonly withdrawalEffectiveOn: LegalDate | null;
  readonly withdrawal: WithdrawalAssessment | null;
}

export interface EntryIntoForceAssessment {
  readonly ruleType: EntryIntoForceRule['type'];
  readonly asOf: LegalDate | null;
  /** Filled in when evaluated with asOf. */
  readonly status: EntryIntoForceStatus | null;
  /** The general entry into force; a projection while still ahead of asOf. */
  readonly date: LegalDate | null;
  /** The date the condition was met (null for a fixed date). */
  readonly triggerMetOn: LegalDate | null;
  readonly triggeredBy: Trigger | null;
  /** N, the named parties, 2, every party, or the acceptances needed; null for a fixed date. */
  readonly instrumentsRequired: number | null;
  /** Counting instruments standing as at asOf (withdrawals that took effect are removed). */
  readonly instrumentsDeposited: number;
  readonly qualifyingDeposited: number | null;
  readonly weightPercent: number | null;
  /** Acceptance share: the number of parties the share is taken of. */
  readonly shareDenominator: number | null;
  /** Zero everywhere once the condition is met: later withdrawals do not take the instrument out of force. */
  readonly stillRequired: StillRequired;
  /** Named parties still to act (all-named, bilateral, definitive-signature-by-all). */
  readonly awaiting: readonly string[];
  readonly parties: readonly PartyAssessment[];
  readonly flags: readonly AssessmentFlag[];
}

// ---- helpers -------------------------------------------------------------------------------------------

/** The date `timing` gives from the date the condition was met; no timing = that same date. */
export const applyTiming = (date: LegalDate, timing: Timing | undefined): LegalDate => {
  if (!timing) return date;
  return timing.kind === 'days-after' ? addDaysTo(date, timing.days) : firstDayOfMonthAfterMonths(date, timing.months);
};

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

interface Act {
  readonly party: PartyFacts;
  readonly index: number;
  readonly on: LegalDate;
  readonly act: 'deposit' | 'definitive-signature' | 'notification';
}

const byDateThenInput = (a: { on: LegalDate; index: number }, b: { on: LegalDate; index: number }): number =>
  a.on < b.on ? -1 : a.on > b.on ? 1 : a.index - b.index;

/** How a party became bound, under any rule but the bilateral one. */
const bindingAct = (party: PartyFacts, index: number): Act | null => {
  const consent = party.consent ? ({ party, index, on: party.consent.depositedOn, act: 'deposit' } as const) : null;
  const signature = party.signature?.definitive ? ({ party, index, on: party.signature.signedOn, act: 'definitive-signature' } as const) : null;
  if (consent && signature) return signature.on < consent.on ? signature : consent;
  return consent ?? signature;
};

/** The earliest act that counts towards the condition, under the rule's consent kinds and signature setting. */
const countingAct = (
  party: PartyFacts,
  index: number,
  settings: { countedConsents?: readonly ConsentKind[]; countDefinitiveSignatures?: boolean; countedPartyKinds?: readonly PartyKind[] },
): Act | null => {
  if (settings.countedPartyKinds && !settings.countedPartyKinds.includes(party.kind)) return null;
  const kinds = settings.countedConsents ?? CONSENT_KINDS;
  const consent = party.consent && kinds.includes(party.consent.kind) ? ({ party, index, on: party.consent.depositedOn, act: 'deposit' } as const) : null;
  const signature =
    settings.countDefinitiveSignatures && party.signature?.definitive
      ? ({ party, index, on: party.signature.signedOn, act: 'definitive-signature' } as const)
      : null;
  if (consent && signature) return signature.on < consent.on ? signature : consent;
  return consent ?? signature;
};

/**
 * The day a party's withdrawal stops its instrument counting, ignoring any lock-in (which only the
 * entry into force the count decides could start): notice period or named date, unless revoked in time.
 */
const countsUntil = (party: PartyFacts, terms: WithdrawalTerms | undefined): LegalDate | null => {
  if (!party.withdrawal) return null;
  const w = evaluateWithdrawal(terms && { ...terms, lockInYears: undefined }, party.withdrawal);
  return w.effectiveOn;
};

/** Drop an organisation's instrument while any of its members' counts ("not counted in addition"). */
const applyOrganisationRule = (codes: readonly string[], members: OrganisationMembers | undefined): string[] => {
  if (!members) return [...codes];
  const present = new Set(codes);
  return codes.filter((code) => !(members[code]?.some((m) => present.has(m)) ?? false));
};

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

interface Tally {
  readonly count: number;
  readonly qualifying: number | null;
  readonly weightPercent: number | null;
}

const tallyInstruments = (rule: InstrumentsRule, standing: readonly string[]): Tally => {
  const counted = applyOrganisationRule(standing, rule.organisationMembers);
  const qualifying = rule.qualifier ? counted.filter((c) => rule.qualifier!.ofParties.includes(c)).length : null;
  let weightPercent: number | null = null;
  if (rule.weight) {
    const shares = rule.weight.shares;
    const total = Object.values(shares).reduce((a, b) => a + b, 0);
    const held = counted.reduce((sum, c) => sum + (shares[c] ?? 0), 0);
    weightPercent = total > 0 ? round((held / total) * 100) : 0;
  }
  return { count: counted.length, qualifying, weightPercent };
};

const instrumentsMet = (rule: InstrumentsRule, t: Tally): boolean =>
  t.count >= rule.count &&
  (rule.qualifier === undefined || t.qualifying! >= rule.qualifier.atLeast) &&
  (rule.weight === undefined || t.weightPercent! >= rule.weight.minimumPercent - 1e-9);

const standingOn = (acts: readonly Act[], until: ReadonlyMap<string, LegalDate | null>, date: LegalDate): string[] =>
  acts.filter((a) => a.on <= date && !((until.get(a.party.code) ?? null) !== null && until.get(a.party.code)! <= date)).map((a) => a.party.code);

// ---- the general condition, per shape --------------------------------------------------------------------

interface GeneralResult
  extends Pick<
    EntryIntoForceAssessment,
    'date' | 'instrumentsRequired' | 'instrumentsDeposited' | 'qualifyingDeposited' | 'weightPercent' | 'shareDenominator' | 'stillRequired' | 'awaiting'
  > {
  readonly trigger: Trigger | null;
  /** Parties whose act counts towards the condition. */
  readonly counted: ReadonlySet<string>;
  readonly laterParties: LaterParties | null;
  readonly generalTiming: Timing | undefined;
}

interface Context {
  readonly parties: readonly PartyFacts[];
  readonly facts: InstrumentFacts;
  readonly reference: LegalDate;
  readonly withdrawal: WithdrawalTerms | undefined;
  readonly flags: AssessmentFlag[];
}

const untilMap = (ctx: Context): Map<string, LegalDate | null> =>
  new Map(ctx.parties.map((p) => [p.code, countsUntil(p, ctx.withdrawal)]));

const met = (zero: Pick<StillRequired, 'qualifying' | 'weightPercent'>): StillRequired => ({
  instruments: 0,
  qualifying: zero.qualifying === null ? null : 0,
  weightPercent: zero.weightPercent === null ? null : 0,
});

const evaluateInstrumentsRule = (rule: InstrumentsRule, ctx: Context): GeneralResult => {
  const acts = ctx.parties
    .map((p, i) => countingAct(p, i, rule))
    .filter((a): a is Act => a !== null)
    .sort(byDateThenInput);
  const until = untilMap(ctx);
  let trigger: Trigger | null = null;
  for (const [i, act] of acts.entries()) {
    // Only acts up to and including this one (same-day acts later in input order come after it).
    const standing = standingOn(acts.slice(0, i + 1), until, act.on);
    if (instrumentsMet(rule, tallyInstruments(rule, standing))) {
      trigger = { act: act.act, party: act.party.code, on: act.on, position: i + 1 };
      break;
    }
  }
  const now = tallyInstruments(rule, standingOn(acts, until, ctx.reference));
  const shortfall: StillRequired = trigger
    ? met({ qualifying: rule.qualifier ? 0 : null, weightPercent: rule.weight ? 0 : null })
    : {
        instruments: Math.max(rule.count - now.count, rule.qualifier ? rule.qualifier.atLeast - now.qualifying! : 0, 0),
        qualifying: rule.qualifier ? Math.max(rule.qualifier.atLeast - now.qualifying!, 0) : null,
        weightPercent: rule.weight ? round(Math.max(rule.weight.minimumPercent - now.weightPercent!, 0)) : null,
      };
  return {
    trigger,
    date: trigger ? applyTiming(trigger.on, rule.timing) : null,
    instrumentsRequired: rule.count,
    instrumentsDeposited: now.count,
    qualifyingDeposited: now.qualifying,
    weightPercent: now.weightPercent,
    shareDenominator: null,
    stillRequired: shortfall,
    awaiting: [],
    counted: new Set(acts.map((a) => a.party.code)),
    laterParties: rule.laterParties ?? {},
    generalTiming: rule.timing,
  };
};

const flagUnknown = (ctx: Context, codes: readonly string[]): void => {
  for (const code of codes) {
    if (!ctx.parties.some((p) => p.code === code)) {
      ctx.flags.push({ code: 'UNKNOWN_PARTY', message: `The rule names ${code}, which is not among the eligible parties.`, party: code });
    }
  }
};

/** The last act among a set of parties, once all have acted and none has withdrawn by then. */
const lastOfAll = (acts: readonly (Act | null)[], codes: readonly string[], ctx: Context): { last: Act | null; awaiting: string[] } => {
  const awaiting = codes.filter((_, i) => acts[i] === null);
  if (awaiting.length > 0) return { last: null, awaiting };
  const last = [...(acts as Act[])].sort(byDateThenInput).at(-1) ?? null;
  if (!last) return { last: null, awaiting };
  const until = untilMap(ctx);
  const withdrawn = codes.filter((c) => (until.get(c) ?? null) !== null && until.get(c)! <= last.on);
  return withdrawn.length > 0 ? { last: null, awaiting: withdrawn } : { last, awaiting: [] };
};

const indexed = (ctx: Context, code: string): { party: PartyFacts; index: number } | null => {
  const index = ctx.parties.findIndex((p) => p.code === code);
  return index < 0 ? null : { party: ctx.parties[index]!, index };
};

const noShortfall = { qualifying: null, weightPercent: null } as const;

const evaluateAllNamedRule = (rule: AllNamedRule, ctx: Context): GeneralResult => {
  flagUnknown(ctx, rule.parties);
  const acts = rule.parties.map((code) => {
    const found = indexed(ctx, code);
    return found ? countingAct(found.party, found.index, rule) : null;
  });
  const { last, awaiting } = lastOfAll(acts, rule.parties, ctx);
  const trigger: Trigger | null = last ? { act: last.act, party: last.party.code, on: last.on, position: rule.parties.length } : null;
  return {
    trigger,
    date: trigger ? applyTiming(trigger.on, rule.timing) : null,
    instrumentsRequired: rule.parties.length,
    instrumentsDeposited: rule.parties.length - awaiting.length,
    qualifyingDeposited: null,
    weightPercent: null,
    shareDenominator: null,
    stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: awaiting.length },
    awaiting,
    counted: new Set(rule.parties.filter((_, i) => acts[i] !== null)),
    laterParties: rule.laterParties ?? {},
    generalTiming: rule.timing,
  };
};

const evaluateBilateralRule = (rule: BilateralRule, ctx: Context): GeneralResult => {
  let pair: readonly string[] = rule.parties ?? ctx.parties.map((p) => p.code);
  if (pair.length !== 2) {
    ctx.flags.push({ code: 'BILATERAL_NEEDS_TWO_PARTIES', message: `A bilateral rule needs exactly two parties; the instrument has ${pair.length}.` });
    pair = [];
  }
  flagUnknown(ctx, pair);
  const acts = pair.map((code): Act | null => {
    const found = indexed(ctx, code);
    const notifiedOn = found?.party.notification?.notifiedOn;
    return found && notifiedOn ? { party: found.party, index: found.index, on: notifiedOn, act: 'notification' } : null;
  });
  const { last, awaiting } = pair.length === 2 ? lastOfAll(acts, pair, ctx) : { last: null, awaiting: [] };
  const trigger: Trigger | null = last ? { act: 'notification', party: last.party.code, on: last.on, position: 2 } : null;
  return {
    trigger,
    date: trigger ? applyTiming(trigger.on, rule.timing) : null,
    instrumentsRequired: 2,
    instrumentsDeposited: acts.filter((a) => a !== null).length,
    qualifyingDeposited: null,
    weightPercent: null,
    shareDenominator: null,
    stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: 2 - acts.filter((a) => a !== null).length },
    awaiting,
    counted: new Set(pair),
    laterParties: null,
    generalTiming: rule.timing,
  };
};

const evaluateDefinitiveSignatureRule = (rule: DefinitiveSignatureByAllRule, ctx: Context): GeneralResult => {
  const codes = rule.parties ?? ctx.parties.map((p) => p.code);
  flagUnknown(ctx, codes);
  const acts = codes.map((code) => {
    const found = indexed(ctx, code);
    return found ? bindingAct(found.party, found.index) : null;
  });
  const { last, awaiting } = codes.length > 0 ? lastOfAll(acts, codes, ctx) : { last: null, awaiting: [] };
  const trigger: Trigger | null = last ? { act: last.act, party: last.party.code, on: last.on, position: codes.length } : null;
  const done = acts.filter((a) => a !== null).length;
  return {
    trigger,
    date: trigger ? applyTiming(trigger.on, rule.timing) : null,
    instrumentsRequired: codes.length,
    instrumentsDeposited: done,
    qualifyingDeposited: null,
    weightPercent: null,
    shareDenominator: null,
    stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: codes.length - done },
    awaiting,
    counted: new Set(codes),
    laterParties: null,
    generalTiming: rule.timing,
  };
};

/** Acceptances needed out of `base` parties; never fewer than one. */
const requiredAcceptances = (rule: AcceptanceShareRule, base: number): number => {
  const needed =
    'percent' in rule.share
      ? Math.ceil((rule.share.percent * base) / 100 - 1e-9)
      : Math.ceil((rule.share.numerator * base) / rule.share.denominator);
  return Math.max(needed, 1);
};

const evaluateAcceptanceShareRule = (rule: AcceptanceShareRule, ctx: Context): GeneralResult => {
  const acts = ctx.parties
    .map((p, i) => countingAct(p, i, rule))
    .filter((a): a is Act => a !== null)
    .sort(byDateThenInput);
  const until = untilMap(ctx);
  const accepted = (upTo: readonly Act[], date: LegalDate) => applyOrganisationRule(standingOn(upTo, until, date), rule.organisationMembers).length;

  // The denominator: fixed at adoption, or the parent's parties on each date.
  const fallback = ctx.parties.length;
  let baseOn: (date: LegalDate) => number;
  const parent = ctx.facts.parentParties;
  if (rule.denominator === 'fixed-at-adoption') {
    const fixed = ctx.facts.partiesAtAdoption;
    if (fixed == null) {
      ctx.flags.push({ code: 'DENOMINATOR_ASSUMED', message: `The number of parties at adoption is not known; the ${fallback} eligible parties are taken instead.` });
    }
    baseOn = () => fixed ?? fallback;
  } else if (!parent) {
    ctx.flags.push({ code: 'DENOMINATOR_ASSUMED', message: `The parties to the parent instrument are not known; the ${fallback} eligible parties are taken instead.` });
    baseOn = () => fallback;
  } else {
    baseOn = (date) => parent.filter((p) => p.partyFrom <= date && !(p.partyUntil && p.partyUntil <= date)).length;
  }

  // Check after each acceptance and, for a current denominator, after each change in the parent's parties.
  type Step = { on: LegalDate; index: number; act: Act | null; position: number };
  const steps: Step[] = acts.map((act, i) => ({ on: act.on, index: i, act, position: i + 1 }));
  if (rule.denominator === 'current' && parent) {
    const changes = parent.flatMap((p) => [p.partyFrom, ...(p.partyUntil ? [p.partyUntil] : [])]);
    for (const on of new Set(changes)) steps.push({ on, index: Number.MAX_SAFE_INTEGER, act: null, position: 0 });
    steps.sort(byDateThenInput);
  }
  let trigger: Trigger | null = null;
  let requiredAtTrigger: number | null = null;
  for (const step of steps) {
    if (step.on > ctx.reference) break;
    const upTo = step.act ? acts.slice(0, step.position) : acts.filter((a) => a.on <= step.on);
    const required = requiredAcceptances(rule, baseOn(step.on));
    if (accepted(upTo, step.on) >= required) {
      trigger = step.act
        ? { act: step.act.act, party: step.act.party.code, on: step.on, position: step.position }
        : { act: 'parent-parties-changed', party: null, on: step.on, position: null };
      requiredAtTrigger = required;
      break;
    }
  }
  const nowBase = baseOn(ctx.reference);
  const nowRequired = requiredAcceptances(rule, nowBase);
  const nowAccepted = accepted(acts, ctx.reference);
  return {
    trigger,
    date: trigger ? applyTiming(trigger.on, rule.timing) : null,
    instrumentsRequired: requiredAtTrigger ?? nowRequired,
    instrumentsDeposited: nowAccepted,
    qualifyingDeposited: null,
    weightPercent: null,
    shareDenominator: trigger ? baseOn(trigger.on) : nowBase,
    stillRequired: trigger ? met(noShortfall) : { ...noShortfall, instruments: Math.max(nowRequired - nowAccepted, 0) },
    awaiting: [],
    counted: new Set(acts.map((a) => a.party.code)),
    laterParties: rule.laterParties ?? {},
    generalTiming: rule.timing,
  };
};

const evaluateGeneral = (rule: EntryIntoForceRule, ctx: Context): GeneralResult => {
  switch (rule.type) {
    case 'instruments':
      return evaluateInstrumentsRule(rule, ctx);
    case 'all-named':
      return evaluateAllNamedRule(rule, ctx);
    case 'bilateral':
      return evaluateBilateralRule(rule, ctx);
    case 'definitive-signature-by-all':
      return evaluateDefinitiveSignatureRule(rule, ctx);
    case 'fixed-date':
      return {
        trigger: null,
        date: rule.date,
        instrumentsRequired: null,
        instrumentsDeposited: ctx.parties.filter((p, i) => bindingAct(p, i) !== null).length,
        qualifyingDeposited: null,
        weightPercent: null,
        shareDenominator: null,
        stillRequired: met(noShortfall),
        awaiting: [],
        counted: new Set(),
        laterParties: null,
        generalTiming: undefined,
      };
    case 'acceptance-share':
      return evaluateAcceptanceShareRule(rule, ctx);
    default: {
      const unreachable: never = rule;
      throw new Error(`Unhandled rule type ${JSON.stringify(unreachable)}`);
    }
  }
};

// ---- per party -----------------------------------------------------------------------------------------

const partyEntryIntoForce = (
  rule: EntryIntoForceRule,
  general: GeneralResult,
  party: PartyFacts,
  bound: Act | null,
): LegalDate | null => {
  const date = general.date;
  if (date === null || bound === null) return null;
  switch (rule.type) {
    case 'bilateral':
      return general.counted.has(party.code) ? date : null;
    case 'fixed-date':
    case 'definitive-signature-by-all':
      // Bound after the date (only possible for a party outside a named set): in force from its own act.
      return latestDate(date, bound.on);
    case 'acceptance-share':
      // In force only for the parties that accepted.
      if (!general.counted.has(party.code)) return null;
      break;
    default:
      break;
  }
  const later = general.laterParties ?? {};
  const isLater = (later.after ?? 'trigger') === 'trigger' ? bound.on > general.trigger!.on : bound.on >= date;
  if (!isLater) return date;
  return latestDate(date, applyTiming(bound.on, later.timing ?? general.generalTiming));
};

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
  const ctx: Context = { parties: seen.eligibleParties, facts: seen, reference: asOf ?? FAR_FUTURE, withdrawal: options.withdrawal, flags };
  const general = evaluateGeneral(rule, ctx);

  const parties = seen.eligibleParties.map((party, index): PartyAssessment => {
    const bound =
      rule.type === 'bilateral'
        ? party.notification
          ? ({ party, index, on: party.notification.notifiedOn, act: 'notification' } as const)
          : null
        : rule.type === 'acceptance-share'
          ? party.consent
            ? ({ party, index, on: party.consent.depositedOn, act: 'deposit' } as const)
            : null
          : bindingAct(party, index);
    let entryIntoForceOn = partyEntryIntoForce(rule, general, party, bound);
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
    return {
      code: party.code,
      kind: party.kind,
      boundOn: bound?.on ?? null,
      boundBy: bound === null ? null : bound.act === 'deposit' ? 'consent' : bound.act,
      counted: general.counted.has(party.code),
      entryIntoForceOn,
      withdrawalAllowedFrom: withdrawal?.allowedFrom ?? (terms ? withdrawalAllowedFrom(terms, context) : null),
      withdrawalEffectiveOn,
      withdrawal,
    };
  });

  const assessment = {
    ruleType: rule.type,
    asOf,
    date: general.date,
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
    ? evaluateTerm(terms.term, { entryIntoForceOn: entryIntoForce.date, termination: facts.termination ?? null }, options)
    : null;
  return { entryIntoForce, term };
};
