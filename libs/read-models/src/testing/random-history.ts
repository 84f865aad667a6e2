/**
 * Random but legal histories (test helper): random commands through the real deciders and command handler,
 * into a real event store; commands the domain refuses are simply dropped. Seeded, so a failure replays.
 */
import { randomUUID } from 'node:crypto';
import { type EventStore, handleCommand } from '#libs/event-store';
import { DomainError, instrumentDecider, instrumentStream, legalDateOf, partyDecider, partyStream, type CommandContext, type ConsentKind, type EntryIntoForceRule, type EligibleParty, type Instrument, type InstrumentCommand, type InstrumentEvent, type InstrumentKind, type InstrumentState, type PartyKind, type TermTerms, type WithdrawalTerms } from '#libs/lifecycle';
import { foldInstrument } from '../time-travel.js';

/** mulberry32: small, seedable, good enough for picking test cases. */
export const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface RandomHistory {
  readonly instrumentIds: readonly string[];
  readonly accepted: number;
  readonly refused: number;
}

export const randomHistory = async (store: EventStore, seed: number, steps = 250): Promise<RandomHistory> => {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const today = toDate(Date.now());
  const between = (from: string | null | undefined, to = today) => {
    const a = Date.parse(from ?? '2015-01-01');
    const b = Date.parse(to);
    return b <= a ? toDate(a) : toDate(a + Math.floor(random() * ((b - a) / DAY + 1)) * DAY);
  };
  let clock = Date.now() - 3 * 3_600_000;
  const context = (): CommandContext => {
    clock += 1_000 + Math.floor(random() * 5_000);
    return { actor: 'random', now: new Date(clock).toISOString(), today, correlationId: randomUUID(), commandId: randomUUID() };
  };
  let accepted = 0;
  let refused = 0;
  const attempt = async (run: () => Promise<unknown>) => {
    try {
      await run();
      accepted += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused += 1;
    }
  };

  const parties: EligibleParty[] = (['JAM', 'CUB', 'BRB', 'VGB', 'CCLEC', 'TTO'] as const).map((code, i) => ({
    code,
    name: `Party ${code}`,
    kind: (['state', 'state', 'state', 'territory', 'organisation', 'state'] as PartyKind[])[i]!,
  }));
  for (const p of parties) {
    await attempt(() =>
      handleCommand({ store, decider: partyDecider, stream: partyStream(p.code), command: { type: 'RegisterParty', data: p }, context: context() }),
    );
  }

  const instrumentIds: string[] = [];
  const run = (id: string, command: InstrumentCommand) =>
    attempt(() =>
      handleCommand({
        store,
        decider: instrumentDecider,
        stream: instrumentStream(id),
        command,
        context: context(),
        legalDateOf: (event: InstrumentEvent, day: string) => legalDateOf(event, day),
      }),
    );
  const text = { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Object', body: 'Cooperation.' }, { number: '2', heading: 'Final', body: 'In force.' }] };

  for (let i = 0; i < 4; i++) {
    const id = randomUUID();
    instrumentIds.push(id);
    const kind: InstrumentKind = (['treaty', 'mou', 'agreement', 'treaty'] as const)[i]!;
    // The parties the rules name are always eligible: the domain refuses final clauses naming anyone else.
    const eligible = kind === 'agreement' ? parties.slice(0, 2) : parties.filter((p) => random() < 0.8 || NAMED_BY_RULES.includes(p.code));
    await run(id, {
      type: 'CreateInstrument',
      data: {
        instrumentId: id,
        kind,
        title: `Instrument ${i}`,
        parent: null,
        languages: ['en'],
        depositary: null,
        eligibleParties: eligible,
        entryIntoForce: pick(RULES[kind] ?? [null]),
        withdrawal: pick(WITHDRAWALS),
        term: kind === 'mou' ? pick(TERMS) : null,
        // Some treaties are applied provisionally by their signatories under their final clauses (VCLT 25(1)(a)).
        provisionalApplication: kind === 'treaty' && random() < 0.5 ? { from: 'signature' } : null,
        text,
        preparedOn: '2014-01-06',
      },
    });
  }

  const stateOf = async (id: string): Promise<InstrumentState> => foldInstrument(await store.readStream(instrumentStream(id)));
  for (let step = 0; step < steps; step++) {
    const id = pick(instrumentIds);
    const state = await stateOf(id);
    if (state.stage === 'none') continue;
    const command = nextCommand(state, random, pick, between);
    if (command) await run(id, command);
  }
  return { instrumentIds, accepted, refused };
};

const CONSENTS: readonly ConsentKind[] = ['ratification', 'acceptance', 'approval'];

/** Final clauses to draw from (null: the default rule, all must be bound). */
const NAMED_BY_RULES = ['JAM', 'BRB', 'CUB'];
const RULES: Partial<Record<InstrumentKind, readonly (EntryIntoForceRule | null)[]>> = {
  treaty: [
    null,
    { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
    { type: 'instruments', count: 3, countedConsents: ['ratification', 'acceptance', 'accession'], timing: { kind: 'first-day-of-month-after', months: 2 }, laterParties: { timing: { kind: 'days-after', days: 60 } } },
    { type: 'instruments', count: 2, qualifier: { atLeast: 1, ofParties: ['JAM', 'BRB'] }, countDefinitiveSignatures: true, timing: { kind: 'days-after', days: 0 } },
    { type: 'all-named', parties: ['JAM', 'CUB'], timing: { kind: 'days-after', days: 10 } },
  ],
  mou: [null, { type: 'definitive-signature-by-all', timing: { kind: 'days-after', days: 14 } }],
  agreement: [{ type: 'bilateral' }, { type: 'bilateral', timing: { kind: 'first-day-of-month-after', months: 1 } }],
};
const WITHDRAWALS: readonly (WithdrawalTerms | null)[] = [null, { notice: 'days', period: 90 }, { notice: 'first-day-of-month-after-months', period: 6 }];
const TERMS: readonly (TermTerms | null)[] = [
  null,
  { effectiveOn: 'entry-into-force', termYears: 1, autoRenew: true, terminationNoticeMonths: 3 },
  { effectiveOn: 'entry-into-force', termMonths: 18, autoRenew: true, maxRenewals: 1 },
  { termYears: 2, autoRenew: false },
];

/** A command that fits the instrument's stage most of the time (some will still be refused: that is fine). */
const nextCommand = (
  s: Instrument,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  between: (from?: string | null, to?: string) => string,
): InstrumentCommand | null => {
  const party = s.eligibleParties.length ? pick(s.eligibleParties) : null;
  const p = party ? s.participants[party.code] : undefined;
  const opensOn = s.signatureOpening?.opensOn;
  switch (s.stage) {
    case 'drafting':
    case 'in-review':
    case 'approved':
      // the final clauses may be revised until adoption
      if (random() < 0.08) {
        const rules = RULES[s.kind] ?? [null];
        return { type: 'ReviseFinalClauses', data: { entryIntoForce: pick(rules) ?? { type: 'definitive-signature-by-all' }, withdrawal: pick(WITHDRAWALS), ...(s.kind === 'mou' ? { term: pick(TERMS) } : {}) } };
      }
      return procedural(s, random, between);
    case 'adopted':
      return procedural(s, random, between);
    default: {
      if (!party) return null;
      const roll = random();
      const acts = Object.keys(s.acts);
      if (roll < 0.1 && acts.length) {
        const eventId = pick(acts);
        const act = s.acts[eventId]!;
        const changes: Record<string, unknown> =
          act.type === 'InstrumentSigned.v1' ? { signedOn: between(opensOn) }
          : act.type === 'ConsentDeposited.v1' ? (random() < 0.5 ? { depositedOn: between(opensOn) } : { kind: pick(CONSENTS) })
          : act.type === 'ReservationMade.v1' ? { kind: random() < 0.5 ? 'reservation' : 'declaration' }
          : act.type === 'WithdrawalNotified.v1' ? { notifiedOn: between(opensOn) }
          : act.type === 'SignatureOpened.v1' ? { place: 'Kingston' }
          : act.type === 'TextAdopted.v1' ? { place: 'Nassau' }
          : { notifiedOn: between(opensOn) };
        return { type: 'CorrectAct', data: { eventId, reason: 'Corrected from the original.', changes } };
      }
      if (roll >= 0.95) return practiceAct(s, party, random, pick, between);
      if (roll < 0.02) return { type: 'TerminateInstrument', data: { terminatedOn: between(s.entryIntoForce?.date ?? opensOn), reason: 'Replaced.' } };
      const boundOn = p?.consent?.depositedOn ?? (p?.signature?.definitive ? p.signature.signedOn : null);
      if (roll < 0.13 && s.kind === 'mou' && boundOn && !s.terminationNotice) {
        return { type: 'NotifyTermination', data: { party: party.code, notifiedOn: between(boundOn), effectiveOn: random() < 0.3 ? between(boundOn, '2035-01-01') : null } };
      }
      if (roll < 0.35 && !p?.signature) {
        return { type: 'SignInstrument', data: { party: party.code, signedOn: between(opensOn), signatory: { name: 'A. Minister', title: 'Minister' }, definitive: random() < 0.35, place: null } };
      }
      if (roll < 0.55 && !p?.consent) {
        const kind: ConsentKind = !p?.signature ? 'accession' : party.kind === 'organisation' ? 'formal-confirmation' : pick(CONSENTS);
        const depositedOn = between(p?.signature?.signedOn ?? opensOn);
        return { type: 'DepositConsent', data: { party: party.code, kind, depositedOn, domesticActOn: random() < 0.5 ? between(p?.signature?.signedOn ?? opensOn, depositedOn) : null } };
      }
      if (roll < 0.7 && (p?.signature || p?.consent)) {
        const madeAt = p.consent ? 'deposit' : 'signature';
        return { type: 'MakeReservation', data: { party: party.code, kind: random() < 0.5 ? 'reservation' : 'declaration', text: 'Article 2 applies subject to domestic law.', madeOn: (madeAt === 'deposit' ? p.consent?.depositedOn : p.signature?.signedOn) ?? between(opensOn), madeAt } };
      }
      if (roll < 0.8 && s.kind === 'agreement') return { type: 'NotifyInternalProcedures', data: { party: party.code, notifiedOn: between(opensOn) } };
      if (roll < 0.88 && p?.withdrawal && !p.withdrawal.revokedOn) return { type: 'RevokeWithdrawal', data: { party: party.code, revokedOn: between(p.withdrawal.notifiedOn) } };
      if (roll < 0.95 && boundOn) return { type: 'NotifyWithdrawal', data: { party: party.code, notifiedOn: between(boundOn), effectiveOn: null } };
      return null;
    }
  }
};

/** Objections, withdrawals of reservations and objections, provisional and territorial application. */
const practiceAct = (
  s: Instrument,
  party: EligibleParty,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
  between: (from?: string | null, to?: string) => string,
): InstrumentCommand | null => {
  const p = s.participants[party.code];
  const reservations = Object.entries(s.participants).flatMap(([code, q]) => q.reservations.map((r) => ({ code, r })));
  const roll = random();
  if (roll < 0.3 && reservations.length) {
    const { r } = pick(reservations);
    return { type: 'ObjectToReservation', data: { party: party.code, reservationId: r.eventId, text: 'Incompatible with the object and purpose.', objectedOn: between(r.madeOn), opposesEntryIntoForce: random() < 0.3 } };
  }
  const own = p?.reservations ?? [];
  if (roll < 0.45 && own.length) {
    const r = pick(own);
    const notifiedOn = between(r.madeOn);
    return { type: 'WithdrawReservation', data: { party: party.code, reservationId: r.eventId, notifiedOn, effectiveOn: random() < 0.3 ? between(notifiedOn, '2035-01-01') : null } };
  }
  const objections = p?.objections ?? [];
  if (roll < 0.55 && objections.length) {
    const o = pick(objections);
    return { type: 'WithdrawObjection', data: { party: party.code, objectionId: o.eventId, notifiedOn: between(o.objectedOn), effectiveOn: null } };
  }
  if (roll < 0.75) {
    const notifiedOn = between(s.signatureOpening?.opensOn);
    return { type: 'NotifyProvisionalApplication', data: { party: party.code, notifiedOn, appliesFrom: random() < 0.5 ? between(notifiedOn, '2035-01-01') : null } };
  }
  if (roll < 0.85) return { type: 'NotifyIntentionNotToBecomeParty', data: { party: party.code, notifiedOn: between(p?.provisionalApplication?.appliesFrom ?? s.signatureOpening?.opensOn) } };
  const first = p?.signature?.signedOn ?? p?.consent?.depositedOn ?? s.signatureOpening?.opensOn;
  const declaredOn = between(first);
  return {
    type: 'DeclareTerritorialApplication',
    data: { party: party.code, territory: random() < 0.5 ? { code: 'VGB', name: 'Party VGB' } : { code: null, name: 'Montserrat' }, extends: random() < 0.8, declaredOn, effectiveOn: random() < 0.5 ? between(declaredOn, '2035-01-01') : null },
  };
};

/** The negotiation and adoption steps, by stage. */
const procedural = (s: Instrument, random: () => number, between: (from?: string | null, to?: string) => string): InstrumentCommand | null => {
  switch (s.stage) {
    case 'drafting':
      return random() < 0.4
        ? { type: 'RecordDraft', data: { text: { preamble: `v${s.drafts.length + 1}`, articles: [{ number: '1', heading: 'Object', body: 'x' }] }, summary: 'Revised.', preparedOn: between(s.drafts.at(-1)?.preparedOn, '2014-12-31') } }
        : { type: 'RequestReview', data: { reviewers: ['a@x.org', 'b@x.org'].slice(0, 1 + Math.floor(random() * 2)), note: null } };
    case 'in-review':
      return random() < 0.4
        ? { type: 'CommentOnReview', data: { author: 'reviewer', text: 'Consider article 1.', article: random() < 0.5 ? '1' : null } }
        : { type: 'DecideReview', data: { decision: random() < 0.7 ? 'approve' : 'request-changes', comment: null } };
    case 'approved':
      return s.kind === 'mou' && random() < 0.5
        ? { type: 'OpenForSignature', data: { opensOn: between('2015-01-01'), closesOn: null, place: 'Bridgetown' } }
        : { type: 'AdoptText', data: { adoptedOn: between('2015-01-01'), place: 'Port of Spain', method: 'consensus', votes: null } };
    case 'adopted':
      return { type: 'OpenForSignature', data: { opensOn: between(s.adoption?.adoptedOn), closesOn: random() < 0.2 ? between(s.adoption?.adoptedOn, '2035-01-01') : null, place: 'Havana' } };
    default:
      return null;
  }
};
