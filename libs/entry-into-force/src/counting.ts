/**
 * What every rule shape counts with: the act by which a party became bound or that counts towards the
 * condition, their order, and which of them still stand on a date (a withdrawal that took effect removes one).
 */
import type { LegalDate } from './calendar.js';
import type { PartyFacts, StillRequired } from './entry-into-force.assessment.js';
import type { EvaluationContext } from './rules/rule-shape.js';
import { CONSENT_KINDS, type ConsentKind, type PartyKind } from './vocabulary.js';
import { evaluateWithdrawal } from './withdrawal.evaluate.js';
import type { WithdrawalTerms } from './withdrawal.terms.js';

export interface Act {
  readonly party: PartyFacts;
  readonly index: number;
  readonly on: LegalDate;
  readonly act: 'deposit' | 'definitive-signature' | 'notification';
}

export const byDateThenInput = (a: { on: LegalDate; index: number }, b: { on: LegalDate; index: number }): number =>
  a.on < b.on ? -1 : a.on > b.on ? 1 : a.index - b.index;

/** How a party became bound, under any rule but the bilateral one. */
export const bindingAct = (party: PartyFacts, index: number): Act | null => {
  const consent = party.consent ? ({ party, index, on: party.consent.depositedOn, act: 'deposit' } as const) : null;
  const signature = party.signature?.definitive ? ({ party, index, on: party.signature.signedOn, act: 'definitive-signature' } as const) : null;
  if (consent && signature) return signature.on < consent.on ? signature : consent;
  return consent ?? signature;
};

/** The deposit of an instrument of consent, whatever its kind (definitive signatures aside). */
export const depositAct = (party: PartyFacts, index: number): Act | null =>
  party.consent ? { party, index, on: party.consent.depositedOn, act: 'deposit' } : null;

export interface CountingSettings {
  readonly countedConsents?: readonly ConsentKind[];
  readonly countDefinitiveSignatures?: boolean;
  readonly countedPartyKinds?: readonly PartyKind[];
}

/** The earliest act that counts towards the condition, under the rule's consent kinds and signature setting. */
export const countingAct = (party: PartyFacts, index: number, settings: CountingSettings): Act | null => {
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

/** Every eligible party's counting act, in the order they count (date, then input order). */
export const countingActs = (ctx: EvaluationContext, settings: CountingSettings): Act[] =>
  ctx.parties
    .map((p, i) => countingAct(p, i, settings))
    .filter((a): a is Act => a !== null)
    .sort(byDateThenInput);

/**
 * The day a party's withdrawal stops its instrument counting, ignoring any lock-in (which only the
 * entry into force the count decides could start): notice period or named date, unless revoked in time.
 */
const countsUntil = (party: PartyFacts, terms: WithdrawalTerms | undefined): LegalDate | null => {
  if (!party.withdrawal) return null;
  const w = evaluateWithdrawal(terms && { ...terms, lockInYears: undefined }, party.withdrawal);
  return w.effectiveOn;
};

export const untilMap = (ctx: EvaluationContext): Map<string, LegalDate | null> =>
  new Map(ctx.parties.map((p) => [p.code, countsUntil(p, ctx.withdrawal)]));

/** The parties whose act stands on the date: made by then, and no withdrawal in effect by then. */
export const standingOn = (acts: readonly Act[], until: ReadonlyMap<string, LegalDate | null>, date: LegalDate): string[] =>
  acts.filter((a) => a.on <= date && !((until.get(a.party.code) ?? null) !== null && until.get(a.party.code)! <= date)).map((a) => a.party.code);

export const round = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Nothing more required; qualifier and weight stay null for a rule that has none. */
export const met = (zero: Pick<StillRequired, 'qualifying' | 'weightPercent'>): StillRequired => ({
  instruments: 0,
  qualifying: zero.qualifying === null ? null : 0,
  weightPercent: zero.weightPercent === null ? null : 0,
});

export const noShortfall = { qualifying: null, weightPercent: null } as const;

export const flagUnknown = (ctx: EvaluationContext, codes: readonly string[]): void => {
  for (const code of codes) {
    if (!ctx.parties.some((p) => p.code === code)) {
      ctx.flags.push({ code: 'UNKNOWN_PARTY', message: `The rule names ${code}, which is not among the eligible parties.`, party: code });
    }
  }
};

/** The last act among a set of parties, once all have acted and none has withdrawn by then. */
export const lastOfAll = (acts: readonly (Act | null)[], codes: readonly string[], ctx: EvaluationContext): { last: Act | null; awaiting: string[] } => {
  const awaiting = codes.filter((_, i) => acts[i] === null);
  if (awaiting.length > 0) return { last: null, awaiting };
  const last = [...(acts as Act[])].sort(byDateThenInput).at(-1) ?? null;
  if (!last) return { last: null, awaiting };
  const until = untilMap(ctx);
  const withdrawn = codes.filter((c) => (until.get(c) ?? null) !== null && until.get(c)! <= last.on);
  return withdrawn.length > 0 ? { last: null, awaiting: withdrawn } : { last, awaiting: [] };
};

export const indexed = (ctx: EvaluationContext, code: string): { party: PartyFacts; index: number } | null => {
  const index = ctx.parties.findIndex((p) => p.code === code);
  return index < 0 ? null : { party: ctx.parties[index]!, index };
};
