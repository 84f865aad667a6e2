/**
 * Entry into force as the instrument decider determines it: given the acts on record, when a command adds an
 * act (or corrects one, or revises the final clauses), then the events say exactly when the instrument enters
 * into force. The dates come from the entry-into-force library; these cases check the integration: which acts
 * the domain hands it, when it (re)determines, and what it refuses.
 */
import {
  ENTRY_INTO_FORCE_RULE_EXAMPLES,
  finalClausesText,
  partyStatus,
  reservationObjectionWindowEnd,
  type EntryIntoForceAssessment,
  type InstrumentsRule,
  type PartyAssessment,
  type Timing,
} from '#libs/entry-into-force';
import { DeciderSpecification, recorded, type GivenEvent } from '../testing/decider-spec.js';
import { assessInstrument, instrumentStageAsOf, instrumentTerms, reservationObjectionWindows, instrumentDecider, type InstrumentCommand, type ConsentKind, type EligibleParty, type EntryIntoForceRule, type Instrument, type InstrumentEvent, type InstrumentKind, type InstrumentState, type TermTerms, type WithdrawalTerms } from '../index.js';

// ---- fixtures --------------------------------------------------------------------------------------------
// "Today" (the server's calendar day) is 2021-12-31: every act is dated on or before it; projected dates may lie ahead.

const TODAY = '2021-12-31';
const spec = DeciderSpecification.for(instrumentDecider, { today: TODAY });

const ID = 'e1f0c1de-0000-4000-8000-000000000004';
const PARENT_ID = 'e1f0c1de-0000-4000-8000-000000000003';

const state = (code: string, name: string): EligibleParty => ({ code, name, kind: 'state' });
const ATG = state('ATG', 'Antigua and Barbuda');
const BRB = state('BRB', 'Barbados');
const BLZ = state('BLZ', 'Belize');
const JAM = state('JAM', 'Jamaica');
const GUY = state('GUY', 'Guyana');
const CCLEC: EligibleParty = { code: 'CCLEC', name: 'Caribbean Customs Law Enforcement Council', kind: 'organisation' };
const CPU: EligibleParty = { code: 'CPU', name: 'Caribbean Postal Union', kind: 'organisation' };
const FIVE_STATES = [ATG, BRB, BLZ, JAM, GUY];

const ALL_FOUR: readonly ConsentKind[] = ['ratification', 'acceptance', 'approval', 'accession'];
const days = (n: number): Timing => ({ kind: 'days-after', days: n });
const firstOfMonthAfter = (months: number): Timing => ({ kind: 'first-day-of-month-after', months });
/** "The Nth instrument of ratification, acceptance, approval or accession", then the timing. */
const nth = (count: number, timing: Timing, extra: Partial<InstrumentsRule> = {}): InstrumentsRule => ({
  type: 'instruments',
  count,
  countedConsents: ALL_FOUR,
  timing,
  ...extra,
});

interface Setup {
  readonly kind?: InstrumentKind;
  readonly parties?: readonly EligibleParty[];
  readonly withdrawal?: WithdrawalTerms;
  readonly term?: TermTerms;
}

const created = (rule: EntryIntoForceRule, { kind = 'treaty', parties = FIVE_STATES, withdrawal, term }: Setup = {}): InstrumentEvent => ({
  type: 'InstrumentCreated.v1',
  data: {
    instrumentId: ID,
    kind,
    title: `A ${kind}`,
    parentId: kind === 'amendment' || kind === 'protocol' ? PARENT_ID : null,
    languages: ['en'],
    depositary: null,
    eligibleParties: parties,
    entryIntoForce: rule,
    ...(withdrawal ? { withdrawal } : {}),
    ...(term ? { term } : {}),
    createdOn: '2019-01-10',
  },
});
const drafted: InstrumentEvent = {
  type: 'DraftVersionRecorded.v2',
  data: { version: 1, text: { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Scope', body: 'Scope.' }] }, summary: 'First draft.', preparedOn: '2000-01-01' },
};
const reviewRequested: InstrumentEvent = { type: 'ReviewRequested.v1', data: { round: 1, version: 1, reviewers: ['legal'], note: null } };
const reviewApproved: InstrumentEvent = { type: 'ReviewDecided.v1', data: { round: 1, decision: 'approve', comment: null } };
const adopted: InstrumentEvent = { type: 'TextAdopted.v1', data: { adoptedOn: '2019-05-10', place: 'Castries', method: 'consensus', votes: null, version: 1 } };
const opened = (opensOn = '2019-06-01'): InstrumentEvent => ({ type: 'SignatureOpened.v1', data: { opensOn, closesOn: null, place: 'Castries' } });

const signed = (party: string, signedOn: string, definitive = false): InstrumentEvent => ({
  type: 'InstrumentSigned.v1',
  data: { party, signedOn, signatory: { name: `Envoy of ${party}`, title: 'Minister' }, definitive, place: null },
});
const consented = (party: string, kind: ConsentKind, depositedOn: string): InstrumentEvent => ({
  type: 'ConsentDeposited.v1',
  data: { party, kind, depositedOn, domesticActOn: null },
});
const acceded = (party: string, depositedOn: string): InstrumentEvent => consented(party, 'accession', depositedOn);
const notified = (party: string, notifiedOn: string): InstrumentEvent => ({ type: 'InternalProceduresNotified.v1', data: { party, notifiedOn } });
const withdrawn = (party: string, notifiedOn: string, effectiveOn: string): InstrumentEvent => ({
  type: 'WithdrawalNotified.v1',
  data: { party, notifiedOn, effectiveOn },
});
const revoked = (party: string, revokedOn: string): InstrumentEvent => ({ type: 'WithdrawalRevoked.v1', data: { party, revokedOn } });
const terminationNotified = (party: string, notifiedOn: string, namedEffectiveOn: string | null = null): InstrumentEvent => ({
  type: 'TerminationNotified.v1',
  data: { party, notifiedOn, namedEffectiveOn },
});
const determined = (date: string, rule: EntryIntoForceRule['type'], supersedes: string | null = null): InstrumentEvent => ({
  type: 'EntryIntoForceDetermined.v1',
  data: { date, rule, supersedes },
});
const revised = (entryIntoForce: EntryIntoForceRule, withdrawal: WithdrawalTerms | null = null, term: TermTerms | null = null): InstrumentEvent => ({
  type: 'FinalClausesRevised.v1',
  data: { entryIntoForce, withdrawal, term },
});
const corrected = (correctedEventId: string, correctedType: 'ConsentDeposited.v1' | 'InstrumentSigned.v1' | 'InternalProceduresNotified.v1', changes: Record<string, unknown>): InstrumentEvent => ({
  type: 'ActCorrected.v1',
  data: { correctedEventId, correctedType, reason: 'The depositary’s register shows another date.', changes },
});

type History = (InstrumentEvent | GivenEvent<InstrumentEvent>)[];

/** Created with the rule, drafted, reviewed and approved. */
const negotiated = (rule: EntryIntoForceRule, setup: Setup = {}): History => [created(rule, setup), drafted, reviewRequested, reviewApproved];
/** Adopted 2019-05-10 (an MOU skips adoption), open for signature from 2019-06-01 with no closing date. */
const openFor = (rule: EntryIntoForceRule, setup: Setup = {}): History => [
  ...negotiated(rule, setup),
  ...(setup.kind === 'mou' ? [] : [recorded(adopted, 'evt-adoption')]),
  recorded(opened(), 'evt-opening'),
];

const sign = (party: string, signedOn: string, definitive = false): InstrumentCommand => ({
  type: 'SignInstrument',
  data: { party, signedOn, signatory: { name: `Envoy of ${party}`, title: 'Minister' }, definitive, place: null },
});
const deposit = (party: string, kind: ConsentKind, depositedOn: string): InstrumentCommand => ({
  type: 'DepositConsent',
  data: { party, kind, depositedOn, domesticActOn: null },
});
const accede = (party: string, depositedOn: string): InstrumentCommand => deposit(party, 'accession', depositedOn);
const notify = (party: string, notifiedOn: string): InstrumentCommand => ({ type: 'NotifyInternalProcedures', data: { party, notifiedOn } });
const withdraw = (party: string, notifiedOn: string, effectiveOn: string | null = null): InstrumentCommand => ({
  type: 'NotifyWithdrawal',
  data: { party, notifiedOn, effectiveOn },
});
const revoke = (party: string, revokedOn: string): InstrumentCommand => ({ type: 'RevokeWithdrawal', data: { party, revokedOn } });
const noticeOfTermination = (party: string, notifiedOn: string, effectiveOn: string | null = null): InstrumentCommand => ({
  type: 'NotifyTermination',
  data: { party, notifiedOn, effectiveOn },
});
const correct = (eventId: string, changes: Record<string, unknown>): InstrumentCommand => ({
  type: 'CorrectAct',
  data: { eventId, reason: 'The depositary’s register shows another date.', changes },
});
const revise = (entryIntoForce: EntryIntoForceRule, withdrawal: WithdrawalTerms | null = null, term: TermTerms | null = null): InstrumentCommand => ({
  type: 'ReviseFinalClauses',
  data: { entryIntoForce, withdrawal, term },
});

const asInstrument = (s: InstrumentState): Instrument => {
  if (s.stage === 'none') throw new Error('expected an instrument');
  return s;
};
const stateOf = (history: History): Instrument => asInstrument(spec.given(history).state);
const assessed = (s: Instrument, asOf: string = TODAY): EntryIntoForceAssessment => assessInstrument(s, { asOf }).entryIntoForce;
const partyIn = (a: EntryIntoForceAssessment, code: string): PartyAssessment => {
  const found = a.parties.find((p) => p.code === code);
  if (!found) throw new Error(`no assessment for ${code}`);
  return found;
};
const datesByParty = (a: EntryIntoForceAssessment): Record<string, string | null> =>
  Object.fromEntries(a.parties.map((p) => [p.code, p.entryIntoForceOn]));

// ---- the rule shapes -------------------------------------------------------------------------------------

describe('entry into force, as the instrument decider determines it', () => {
  describe('N instruments, then a number of days', () => {
    const rule = (timing: Timing) => nth(3, timing);

    it.each([
      ['across the end of February in a leap year', '2020-01-31', 30, '2020-03-01'],
      ['across the end of February in a common year', '2021-01-31', 30, '2021-03-02'],
      ['across the end of a year', '2020-12-15', 30, '2021-01-14'],
      ['a year of days from 29 February', '2020-02-29', 365, '2021-02-28'],
      ['ninety days across a year end', '2020-11-15', 90, '2021-02-13'],
      ['on the day of the deposit itself (zero days)', '2019-11-15', 0, '2019-11-15'],
    ])('is determined by the third deposit, %s: deposit %s + %i days = %s', (_label, third, n, expected) => {
      const history = [...openFor(rule(days(n))), acceded('ATG', '2019-07-01'), acceded('BRB', '2019-08-01')];
      const after = spec.given(history).when(accede('BLZ', third)).then([acceded('BLZ', third), determined(expected, 'instruments')]);
      expect(asInstrument(after).entryIntoForce?.date).toBe(expected);
    });

    it('is not determined by fewer instruments, and says how many are still required', () => {
      const s = spec
        .given([...openFor(rule(days(30))), acceded('ATG', '2019-07-01')])
        .when(accede('BRB', '2019-08-01'))
        .then([acceded('BRB', '2019-08-01')]);
      const a = assessed(asInstrument(s));
      expect(a).toMatchObject({ status: 'not-in-force', date: null, instrumentsRequired: 3, instrumentsDeposited: 2 });
      expect(a.stillRequired).toEqual({ instruments: 1, qualifying: null, weightPercent: null });
      expect(asInstrument(s).stage).toBe('open-for-signature');
    });

    it('counts only the kinds of consent the rule names: a succession does not count', () => {
      spec
        .given([...openFor(rule(days(30))), acceded('ATG', '2019-07-01'), acceded('BRB', '2019-08-01')])
        .when(deposit('BLZ', 'succession', '2019-09-01'))
        .then([consented('BLZ', 'succession', '2019-09-01')]);
    });

    it('counts definitive signatures only where the rule says so', () => {
      const history = (r: EntryIntoForceRule) => [...openFor(r), acceded('ATG', '2019-07-01'), acceded('BRB', '2019-08-01')];
      spec.given(history(rule(days(30)))).when(sign('BLZ', '2019-09-01', true)).then([signed('BLZ', '2019-09-01', true)]);
      spec
        .given(history(nth(3, days(30), { countDefinitiveSignatures: true })))
        .when(sign('BLZ', '2019-09-01', true))
        .then([signed('BLZ', '2019-09-01', true), determined('2019-10-01', 'instruments')]);
    });
  });

  describe('N instruments, then the first day of the month after M months', () => {
    it.each([
      ['three months from the last day of November (to 28 February)', '2020-11-30', 3, '2021-03-01'],
      ['three months to 29 February in a leap year', '2019-11-30', 3, '2020-03-01'],
      ['one month from 31 January in a leap year', '2020-01-31', 1, '2020-03-01'],
      ['three months landing on the first of a month: still the following month', '2020-05-01', 3, '2020-09-01'],
      ['no months: the first day of the next month, across a year end', '2020-12-15', 0, '2021-01-01'],
      ['twelve months from 31 December', '2019-12-31', 12, '2021-01-01'],
    ])('is determined by the third deposit, %s: %s, %i months → %s', (_label, third, months, expected) => {
      spec
        .given([...openFor(nth(3, firstOfMonthAfter(months))), acceded('ATG', '2019-07-01'), acceded('BRB', '2019-08-01')])
        .when(accede('BLZ', third))
        .then([acceded('BLZ', third), determined(expected, 'instruments')]);
    });
  });

  describe('the stage becomes in-force on the date, not on the act that met the condition', () => {
    // Ninety days after 2021-12-15 is 2022-03-15: ahead of today.
    const history = [...openFor(nth(3, days(90))), acceded('ATG', '2021-10-01'), acceded('BRB', '2021-11-01')];

    it('determines a date still ahead of today, and the instrument is not in force until then', () => {
      const s = asInstrument(spec.given(history).when(accede('BLZ', '2021-12-15')).then([acceded('BLZ', '2021-12-15'), determined('2022-03-15', 'instruments')]));
      expect(s.entryIntoForce?.date).toBe('2022-03-15');
      expect(instrumentStageAsOf(s, '2021-12-15')).toBe('open-for-signature');
      expect(instrumentStageAsOf(s, TODAY)).toBe('open-for-signature');
      expect(instrumentStageAsOf(s, '2022-03-14')).toBe('open-for-signature');
      expect(instrumentStageAsOf(s, '2022-03-15')).toBe('in-force');
      expect(instrumentStageAsOf(s, '2030-01-01')).toBe('in-force');
    });

    it('assesses it as pending today, not in force (and not even triggered) before the third deposit, in force from the date', () => {
      const s = stateOf([...history, acceded('BLZ', '2021-12-15'), determined('2022-03-15', 'instruments')]);
      expect(assessed(s, TODAY)).toMatchObject({ status: 'pending', date: '2022-03-15', triggerMetOn: '2021-12-15', stillRequired: { instruments: 0 } });
      expect(assessed(s, TODAY).triggeredBy).toEqual({ act: 'deposit', party: 'BLZ', on: '2021-12-15', position: 3 });
      expect(assessed(s, '2021-12-14')).toMatchObject({ status: 'not-in-force', date: null, stillRequired: { instruments: 1 } });
      expect(assessed(s, '2022-03-15')).toMatchObject({ status: 'in-force', date: '2022-03-15' });
      expect(datesByParty(assessed(s))).toEqual({ ATG: '2022-03-15', BRB: '2022-03-15', BLZ: '2022-03-15', JAM: null, GUY: null });
      expect(partyStatus(partyIn(assessed(s), 'ATG'), TODAY)).toBe('bound-not-in-force');
    });

    it('accepts further deposits while the date is ahead; a party depositing after the trigger gets its own later date', () => {
      const s = asInstrument(
        spec
          .given([...history, acceded('BLZ', '2021-12-15'), determined('2022-03-15', 'instruments')])
          .when(accede('JAM', '2021-12-30'))
          .then([acceded('JAM', '2021-12-30')]),
      );
      expect(partyIn(assessed(s), 'JAM').entryIntoForceOn).toBe('2022-03-30');
    });
  });

  describe('several deposits on the same day', () => {
    const rule = nth(3, days(30));
    const base = [...openFor(rule), acceded('ATG', '2020-01-10')];

    it('counts them in the order they were received: the first received that makes the number triggers it', () => {
      const s = asInstrument(
        spec
          .given([...base, acceded('BRB', '2020-02-01')])
          .when(accede('BLZ', '2020-02-01'))
          .then([acceded('BLZ', '2020-02-01'), determined('2020-03-02', 'instruments')]),
      );
      expect(assessed(s).triggeredBy).toEqual({ act: 'deposit', party: 'BLZ', on: '2020-02-01', position: 3 });
    });

    it('gives a fourth deposit on the trigger day the general date, not a later one of its own', () => {
      const s = asInstrument(
        spec
          .given([...base, acceded('BRB', '2020-02-01'), acceded('BLZ', '2020-02-01'), determined('2020-03-02', 'instruments')])
          .when(accede('JAM', '2020-02-01'))
          .then([acceded('JAM', '2020-02-01')]),
      );
      expect(datesByParty(assessed(s))).toMatchObject({ ATG: '2020-03-02', BRB: '2020-03-02', BLZ: '2020-03-02', JAM: '2020-03-02' });
      expect(assessed(s).triggeredBy?.party).toBe('BLZ');
    });

    it('takes the earlier-dated deposit as the trigger even when it was recorded later', () => {
      // BLZ's deposit is recorded after JAM's but dated a day earlier: after ATG's and BRB's it is the third.
      const s = asInstrument(
        spec
          .given([...base, acceded('JAM', '2020-02-02'), acceded('BRB', '2020-01-20')])
          .when(accede('BLZ', '2020-02-01'))
          .then([acceded('BLZ', '2020-02-01'), determined('2020-03-02', 'instruments')]),
      );
      expect(assessed(s).triggeredBy).toMatchObject({ party: 'BLZ', on: '2020-02-01', position: 3 });
      expect(partyIn(assessed(s), 'JAM').entryIntoForceOn).toBe('2020-03-03'); // after the trigger: its own thirty days
    });
  });

  describe('a qualifier: of the N, at least K from a named group', () => {
    const rule = nth(3, firstOfMonthAfter(3), {
      countedPartyKinds: ['state'],
      qualifier: { atLeast: 2, ofParties: ['ATG', 'BRB', 'BLZ'], label: 'member States' },
    });
    const parties = [...FIVE_STATES, CCLEC];
    const threeButOneMember = [
      ...openFor(rule, { parties }),
      acceded('JAM', '2020-01-10'),
      acceded('GUY', '2020-01-20'),
      acceded('CCLEC', '2020-01-25'), // an organisation: not counted under this rule
      acceded('ATG', '2020-02-05'),
    ];

    it('is not met by three States of which only one is a member State; it says which are still required', () => {
      const a = assessed(stateOf(threeButOneMember));
      expect(a).toMatchObject({ date: null, instrumentsDeposited: 3, qualifyingDeposited: 1 });
      expect(a.stillRequired).toEqual({ instruments: 1, qualifying: 1, weightPercent: null });
      expect(partyIn(a, 'CCLEC').counted).toBe(false);
    });

    it('is met by the second member State', () => {
      spec
        .given(threeButOneMember)
        .when(accede('BRB', '2020-11-30'))
        .then([acceded('BRB', '2020-11-30'), determined('2021-03-01', 'instruments')]);
    });

    it('brings the organisation, not counted, into force on the general date too', () => {
      const s = stateOf([...threeButOneMember, acceded('BRB', '2020-11-30'), determined('2021-03-01', 'instruments')]);
      expect(datesByParty(assessed(s))).toMatchObject({ JAM: '2021-03-01', CCLEC: '2021-03-01', BRB: '2021-03-01' });
    });
  });

  describe('a weight: N parties holding at least P per cent, an organisation not counted in addition to its members', () => {
    const weighted = (count: number, minimumPercent: number) =>
      nth(count, days(90), {
        weight: { shares: { ATG: 40, BRB: 30, BLZ: 20, JAM: 10 }, minimumPercent, label: 'the total trade of the Parties listed in Annex A' },
        organisationMembers: { CCLEC: ['BLZ', 'JAM'] },
      });
    const parties = [...FIVE_STATES, CCLEC];

    it('counts the organisation while none of its members has deposited, and no longer once one has', () => {
      const history = [...openFor(weighted(3, 50), { parties }), acceded('CCLEC', '2020-01-10'), acceded('ATG', '2020-02-01')];
      expect(assessed(stateOf(history))).toMatchObject({ instrumentsDeposited: 2, weightPercent: 40 });
      // BLZ's deposit would make three with the organisation's; it is not counted in addition to its member's.
      const s = asInstrument(spec.given(history).when(accede('BLZ', '2020-03-01')).then([acceded('BLZ', '2020-03-01')]));
      const a = assessed(s);
      expect(a).toMatchObject({ date: null, instrumentsDeposited: 2, weightPercent: 60 });
      expect(a.stillRequired).toEqual({ instruments: 1, qualifying: null, weightPercent: 0 });
      spec
        .given([...history, acceded('BLZ', '2020-03-01')])
        .when(accede('BRB', '2020-04-01'))
        .then([acceded('BRB', '2020-04-01'), determined('2020-06-30', 'instruments')]);
    });

    it('is not met by enough parties holding too little, and says how many percentage points are missing', () => {
      const history = [...openFor(weighted(2, 55), { parties }), acceded('ATG', '2020-01-10')];
      const s = asInstrument(spec.given(history).when(accede('JAM', '2020-02-01')).then([acceded('JAM', '2020-02-01')]));
      expect(assessed(s)).toMatchObject({ weightPercent: 50, stillRequired: { instruments: 0, qualifying: null, weightPercent: 5 } });
      spec
        .given([...history, acceded('JAM', '2020-02-01')])
        .when(accede('BLZ', '2020-03-01'))
        .then([acceded('BLZ', '2020-03-01'), determined('2020-05-30', 'instruments')]);
    });
  });

  describe('all named parties: the last deposit among them', () => {
    const rule: EntryIntoForceRule = { type: 'all-named', parties: ['ATG', 'BRB', 'BLZ'], countedConsents: ['ratification'], label: 'the States listed in the Annex' };
    const allSigned = [...openFor(rule), signed('ATG', '2019-06-10'), signed('BRB', '2019-06-10'), signed('BLZ', '2019-06-10')];

    it('is not determined by the deposits of other parties, and names the parties still awaited', () => {
      const s = asInstrument(
        spec
          .given([...allSigned, consented('ATG', 'ratification', '2020-01-10')])
          .when(accede('JAM', '2020-01-15'))
          .then([acceded('JAM', '2020-01-15')]),
      );
      expect(assessed(s)).toMatchObject({ date: null, awaiting: ['BRB', 'BLZ'], instrumentsRequired: 3, stillRequired: { instruments: 2 } });
    });

    it('is determined by the last of the named parties to deposit, on the latest deposit date even when recorded earlier', () => {
      const s = asInstrument(
        spec
          .given([...allSigned, consented('ATG', 'ratification', '2020-01-10'), consented('BRB', 'ratification', '2020-03-20'), acceded('JAM', '2020-01-15')])
          .when(deposit('BLZ', 'ratification', '2020-02-01'))
          .then([consented('BLZ', 'ratification', '2020-02-01'), determined('2020-03-20', 'all-named')]),
      );
      expect(datesByParty(assessed(s))).toEqual({ ATG: '2020-03-20', BRB: '2020-03-20', BLZ: '2020-03-20', JAM: '2020-03-20', GUY: null });
    });

    it('does not count an act of consent the rule does not name (acceptance instead of ratification)', () => {
      spec
        .given([...allSigned, consented('ATG', 'ratification', '2020-01-10'), consented('BRB', 'ratification', '2020-01-20')])
        .when(deposit('BLZ', 'acceptance', '2020-02-01'))
        .then([consented('BLZ', 'acceptance', '2020-02-01')]);
    });
  });

  describe('bilateral: the later of the two notifications that internal procedures are complete', () => {
    const agreement = (timing?: Timing): Setup & { rule: EntryIntoForceRule } => ({
      kind: 'agreement',
      parties: [JAM, BRB],
      rule: { type: 'bilateral', ...(timing ? { timing } : {}) },
    });
    const bothSigned = (timing?: Timing): History => {
      const { rule, ...setup } = agreement(timing);
      return [...openFor(rule, setup), signed('JAM', '2019-06-10'), signed('BRB', '2019-06-12')];
    };

    it('is not determined by one notification; it awaits the other party', () => {
      const s = asInstrument(
        spec.given(bothSigned(firstOfMonthAfter(0))).when(notify('JAM', '2020-03-10')).then([notified('JAM', '2020-03-10')]),
      );
      expect(assessed(s)).toMatchObject({ date: null, awaiting: ['BRB'], stillRequired: { instruments: 1 } });
    });

    it.each<[string, Timing | undefined, string]>([
      ['on the date of the later notification', undefined, '2020-03-10'],
      ['on the first day of the month following it', firstOfMonthAfter(0), '2020-04-01'],
      ['on the fifteenth day following it', days(15), '2020-03-25'],
    ])('is determined by the second notification, %s, even when that one is dated earlier', (_label, timing, expected) => {
      const s = asInstrument(
        spec
          .given([...bothSigned(timing), notified('JAM', '2020-03-10')])
          .when(notify('BRB', '2020-02-01'))
          .then([notified('BRB', '2020-02-01'), determined(expected, 'bilateral')]),
      );
      expect(datesByParty(assessed(s))).toEqual({ JAM: expected, BRB: expected });
    });

    it('lets a party bound by its notification give notice of withdrawal, twelve months by default', () => {
      spec
        .given([...bothSigned(), notified('JAM', '2020-03-10'), notified('BRB', '2020-03-12'), determined('2020-03-12', 'bilateral')])
        .when(withdraw('JAM', '2021-06-01'))
        .then([withdrawn('JAM', '2021-06-01', '2022-06-01')]);
      spec.given([...bothSigned(), notified('BRB', '2020-03-12')]).when(withdraw('BRB', '2020-03-11')).thenThrows('WITHDRAWAL_BEFORE_CONSENT');
    });

    it('is not brought about by ratifications: only the notifications count', () => {
      spec
        .given([...bothSigned(), consented('JAM', 'ratification', '2020-01-10')])
        .when(deposit('BRB', 'ratification', '2020-01-20'))
        .then([consented('BRB', 'ratification', '2020-01-20')]);
    });

    it('refuses a notification by a party that has not signed, a second one, and one dated before the signature', () => {
      const { rule, ...setup } = agreement();
      spec.given(openFor(rule, setup)).when(notify('JAM', '2020-03-10')).thenThrows('SIGNATURE_REQUIRED', { message: 'Jamaica' });
      spec.given([...bothSigned(), notified('JAM', '2020-03-10')]).when(notify('JAM', '2020-03-11')).thenThrows('ALREADY_NOTIFIED', { message: '2020-03-10' });
      spec.given(bothSigned()).when(notify('BRB', '2019-06-11')).thenThrows('NOTIFICATION_BEFORE_SIGNATURE');
      spec.given(bothSigned()).when(notify('BRB', '2022-01-01')).thenThrows('DATE_IN_FUTURE', { field: 'notifiedOn' });
      spec.given(negotiated(rule, setup)).when(notify('JAM', '2020-03-10')).thenThrows('ILLEGAL_STAGE');
    });

    it('moves the date when the later notification is corrected', () => {
      spec
        .given([...bothSigned(firstOfMonthAfter(0)), notified('JAM', '2020-03-10'), recorded(notified('BRB', '2020-02-01'), 'evt-notif-brb'), recorded(determined('2020-04-01', 'bilateral'), 'evt-eif')])
        .when(correct('evt-notif-brb', { notifiedOn: '2020-04-02' }))
        .then([corrected('evt-notif-brb', 'InternalProceduresNotified.v1', { notifiedOn: '2020-04-02' }), determined('2020-05-01', 'bilateral', 'evt-eif')]);
    });
  });

  describe('definitive signature by all parties (an MOU)', () => {
    const mou: Setup = { kind: 'mou', parties: [CCLEC, CPU] };

    it('is determined by the last definitive signature, plus the days the rule gives', () => {
      const rule: EntryIntoForceRule = { type: 'definitive-signature-by-all', timing: days(30) };
      const s = asInstrument(
        spec
          .given([...openFor(rule, mou), signed('CCLEC', '2019-06-20', true)])
          .when(sign('CPU', '2019-07-02', true))
          .then([signed('CPU', '2019-07-02', true), determined('2019-08-01', 'definitive-signature-by-all')]),
      );
      expect(instrumentStageAsOf(s, '2019-07-31')).toBe('open-for-signature');
      expect(instrumentStageAsOf(s, '2019-08-01')).toBe('in-force');
    });

    it('is not determined by a simple signature', () => {
      spec
        .given([...openFor({ type: 'definitive-signature-by-all' }, mou), signed('CCLEC', '2019-06-20', true)])
        .when(sign('CPU', '2019-07-02'))
        .then([signed('CPU', '2019-07-02')]);
    });
  });

  describe('a fixed date', () => {
    const rule: EntryIntoForceRule = { type: 'fixed-date', date: '2020-01-01' };

    it('is determined when the instrument opens for signature, not while the text is negotiated', () => {
      const s = asInstrument(
        spec
          .given([...negotiated(rule), adopted])
          .when({ type: 'OpenForSignature', data: { opensOn: '2019-06-01', closesOn: null, place: 'Castries' } })
          .then([opened('2019-06-01'), determined('2020-01-01', 'fixed-date')]),
      );
      expect(instrumentStageAsOf(s, '2019-12-31')).toBe('open-for-signature');
      expect(instrumentStageAsOf(s, '2020-01-01')).toBe('in-force');
    });

    it('is in force for a party from the date, or from its own later act; no further determination is made', () => {
      const history = [...openFor(rule), determined('2020-01-01', 'fixed-date'), acceded('ATG', '2019-08-01')];
      const s = asInstrument(spec.given(history).when(accede('BRB', '2020-03-01')).then([acceded('BRB', '2020-03-01')]));
      expect(datesByParty(assessed(s))).toMatchObject({ ATG: '2020-01-01', BRB: '2020-03-01', BLZ: null });
    });
  });

  describe('an amendment in force for the accepting parties once a share has accepted', () => {
    const rule = ENTRY_INTO_FORCE_RULE_EXAMPLES.acceptanceShare.value; // three quarters of the parties at adoption, then 90 days
    const parties = [ATG, BRB, BLZ, JAM];
    const twoAccepted = [
      ...openFor(rule, { kind: 'amendment', parties }),
      ...parties.map((p) => signed(p.code, '2019-06-10')),
      consented('ATG', 'acceptance', '2020-01-10'),
      consented('BRB', 'approval', '2020-02-10'),
    ];

    it('is accepted by a party that did not sign it: parties accept an amendment without signature', () => {
      const unsigned = [...openFor(rule, { kind: 'amendment', parties })];
      spec.given(unsigned).when(deposit('JAM', 'acceptance', '2020-01-10')).then([consented('JAM', 'acceptance', '2020-01-10')]);
    });

    it('is not determined by two acceptances of four', () => {
      const a = assessed(stateOf(twoAccepted));
      expect(a).toMatchObject({ date: null, instrumentsRequired: 3, shareDenominator: 4, stillRequired: { instruments: 1 } });
      expect(a.flags).toEqual([]);
    });

    it('is determined by the third, ninety days later, for the accepting parties only', () => {
      const s = asInstrument(
        spec
          .given(twoAccepted)
          .when(deposit('BLZ', 'acceptance', '2020-03-02'))
          .then([consented('BLZ', 'acceptance', '2020-03-02'), determined('2020-05-31', 'acceptance-share')]),
      );
      expect(datesByParty(assessed(s))).toEqual({ ATG: '2020-05-31', BRB: '2020-05-31', BLZ: '2020-05-31', JAM: null });
    });

    it('enters into force for a party accepting later ninety days after its own deposit', () => {
      const s = asInstrument(
        spec
          .given([...twoAccepted, consented('BLZ', 'acceptance', '2020-03-02'), determined('2020-05-31', 'acceptance-share')])
          .when(deposit('JAM', 'ratification', '2020-08-01'))
          .then([consented('JAM', 'ratification', '2020-08-01')]),
      );
      expect(partyIn(assessed(s), 'JAM').entryIntoForceOn).toBe('2020-10-30');
    });
  });

  // ---- revising the final clauses --------------------------------------------------------------------------

  describe('ReviseFinalClauses', () => {
    const tenth = ENTRY_INTO_FORCE_RULE_EXAMPLES.instrumentsDays.value;
    const vclt: WithdrawalTerms = { notice: 'months', period: 12 };

    it.each<[string, History]>([
      ['in drafting', [created({ type: 'definitive-signature-by-all' }), drafted]],
      ['in review', [created({ type: 'definitive-signature-by-all' }), drafted, reviewRequested]],
      ['once approved', negotiated({ type: 'definitive-signature-by-all' })],
    ])('records a revision %s, which replaces the rule', (_label, history) => {
      const s = asInstrument(spec.given(history).when(revise(tenth, vclt)).then([revised(tenth, vclt)]));
      expect(s.entryIntoForceRule).toEqual(tenth);
      expect(s.withdrawalTerms).toEqual(vclt);
      expect(s.term).toBeNull();
    });

    it.each<[string, History]>([
      ['adopted', [...negotiated({ type: 'definitive-signature-by-all' }), adopted]],
      ['open for signature', openFor({ type: 'definitive-signature-by-all' })],
    ])('refuses a revision once the text is %s', (_label, history) => {
      spec.given(history).when(revise(tenth)).thenThrows('ILLEGAL_STAGE', { kind: 'conflict', message: 'revising the final clauses' });
    });

    it.each<[string, InstrumentCommand, string]>([
      ['a count of zero', revise({ ...tenth, count: 0 }), 'entryIntoForce.count'],
      ['an unknown rule type', revise({ type: 'by-magic' } as unknown as EntryIntoForceRule), 'entryIntoForce.type'],
      ['a qualifier larger than the count', revise(nth(2, days(30), { qualifier: { atLeast: 3, ofParties: ['ATG', 'BRB', 'BLZ'] } })), 'entryIntoForce.qualifier.atLeast'],
      ['a timing without its days', revise({ type: 'instruments', count: 2, timing: { kind: 'days-after' } } as unknown as EntryIntoForceRule), 'entryIntoForce.timing.days'],
      ['a fixed date that is no calendar date', revise({ type: 'fixed-date', date: '2023-02-29' }), 'entryIntoForce.date'],
      ['a negative notice period', revise(tenth, { notice: 'months', period: -1 }), 'withdrawal.period'],
      ['a term without autoRenew', revise(tenth, null, { termYears: 2 } as TermTerms), 'term.autoRenew'],
    ])('refuses %s as invalid, naming the field', (_label, command, field) => {
      const error = spec.given(negotiated({ type: 'definitive-signature-by-all' })).when(command).thenThrows('INVALID_FINAL_CLAUSES', { kind: 'invalid', field });
      expect(error.message).toContain(field);
    });

    it('keeps the clauses a revision leaves out, and returns a clause given as null to its default', () => {
      const history = [created(tenth, { withdrawal: vclt }), drafted];
      const term: TermTerms = { termYears: 2, autoRenew: false };
      const s = asInstrument(
        spec
          .given(history)
          .when({ type: 'ReviseFinalClauses', data: { term } })
          .then([revised(tenth, vclt, term)]),
      );
      expect(instrumentTerms(s)).toEqual({ entryIntoForce: tenth, withdrawal: vclt, term });
      spec
        .given([...history, revised(tenth, vclt, term)])
        .when({ type: 'ReviseFinalClauses', data: { withdrawal: null } })
        .then([revised(tenth, null, term)]);
    });

    it('refuses a revision that names no clause', () => {
      spec.given([created(tenth), drafted]).when({ type: 'ReviseFinalClauses', data: {} }).thenThrows('NOTHING_TO_REVISE', { kind: 'invalid', field: 'entryIntoForce' });
    });

    it('refuses an invalid rule at creation too, naming the field', () => {
      spec
        .given([])
        .when({
          type: 'CreateInstrument',
          data: { instrumentId: ID, kind: 'treaty', title: 'T', parent: null, languages: [], depositary: null, eligibleParties: FIVE_STATES, entryIntoForce: { ...tenth, count: 0 }, text: null },
        })
        .thenThrows('INVALID_FINAL_CLAUSES', { kind: 'invalid', field: 'entryIntoForce.count' });
    });

    it('does not put a text under negotiation in force, even when revised to a fixed date already past', () => {
      const fixed: EntryIntoForceRule = { type: 'fixed-date', date: '2020-01-01' };
      const s = asInstrument(spec.given([created({ type: 'definitive-signature-by-all' }), drafted]).when(revise(fixed)).then([revised(fixed)]));
      expect(s.stage).toBe('drafting');
      expect(s.entryIntoForce).toBeNull();
      // ... and the negotiation goes on.
      spec.given([created({ type: 'definitive-signature-by-all' }), drafted, revised(fixed)]).when({ type: 'RequestReview', data: { reviewers: ['legal'], note: null } }).thenEvents((events) => {
        expect(events.map((e) => e.type)).toEqual(['ReviewRequested.v1']);
      });
    });

    it('changes the determination the same acts later bring about', () => {
      const acts = [acceded('ATG', '2020-01-10'), acceded('BRB', '2020-02-10')];
      // Under the default rule (definitive signature by all five) two accessions determine nothing...
      spec.given([...openFor({ type: 'definitive-signature-by-all' }), acceded('ATG', '2020-01-10')]).when(accede('BRB', '2020-02-10')).then([acceded('BRB', '2020-02-10')]);
      // ... revised to "the second instrument, then the first day of the month after two months", they do.
      const two = nth(2, firstOfMonthAfter(2));
      const history: History = [created({ type: 'definitive-signature-by-all' }), drafted, revised(two), reviewRequested, reviewApproved, adopted, opened(), acts[0]!];
      spec.given(history).when(accede('BRB', '2020-02-10')).then([acts[1]!, determined('2020-05-01', 'instruments')]);
    });
  });

  // ---- corrections -----------------------------------------------------------------------------------------

  describe('a correction of a deposit', () => {
    const rule = nth(3, days(30));
    const inForce: History = [
      ...openFor(rule),
      recorded(acceded('ATG', '2020-01-10'), 'evt-dep-atg'),
      recorded(acceded('BRB', '2020-01-20'), 'evt-dep-brb'),
      recorded(acceded('BLZ', '2020-01-31'), 'evt-dep-blz'),
      recorded(determined('2020-03-01', 'instruments'), 'evt-eif'),
    ];

    it('that moves the date determines a new one, pointing at the one it supersedes', () => {
      const s = asInstrument(
        spec
          .given(inForce)
          .when(correct('evt-dep-blz', { depositedOn: '2020-02-03' }))
          .then([corrected('evt-dep-blz', 'ConsentDeposited.v1', { depositedOn: '2020-02-03' }), determined('2020-03-04', 'instruments', 'evt-eif')]),
      );
      expect(instrumentStageAsOf(s, '2020-03-03')).toBe('open-for-signature');
      expect(instrumentStageAsOf(s, '2020-03-04')).toBe('in-force');
    });

    it('that moves an earlier deposit past the third leaves the date where the new third deposit puts it', () => {
      spec
        .given(inForce)
        .when(correct('evt-dep-atg', { depositedOn: '2020-02-15' }))
        .then([corrected('evt-dep-atg', 'ConsentDeposited.v1', { depositedOn: '2020-02-15' }), determined('2020-03-16', 'instruments', 'evt-eif')]);
    });

    it('that does not change the date records the correction only', () => {
      spec
        .given(inForce)
        .when(correct('evt-dep-atg', { depositedOn: '2020-01-11' }))
        .then([corrected('evt-dep-atg', 'ConsentDeposited.v1', { depositedOn: '2020-01-11' })]);
    });

    it('that takes away what met the condition revokes the determination; the instrument is no longer in force', () => {
      const s = asInstrument(
        spec
          .given(inForce)
          .when(correct('evt-dep-blz', { kind: 'succession' }))
          .then([
            corrected('evt-dep-blz', 'ConsentDeposited.v1', { kind: 'succession' }),
            {
              type: 'EntryIntoForceDeterminationRevoked.v1',
              data: { supersedes: 'evt-eif', reason: 'The acts on record no longer meet the condition for entry into force.' },
            },
          ]),
      );
      expect(s.stage).toBe('open-for-signature');
      expect(s.entryIntoForce).toBeNull();
      expect(instrumentStageAsOf(s, TODAY)).toBe('open-for-signature');
      expect(assessed(s).stillRequired.instruments).toBe(1);
    });

    it('determines it again when a later deposit meets the condition', () => {
      const revokedHistory: History = [
        ...inForce,
        corrected('evt-dep-blz', 'ConsentDeposited.v1', { kind: 'succession' }),
        { type: 'EntryIntoForceDeterminationRevoked.v1', data: { supersedes: 'evt-eif', reason: 'No longer met.' } },
      ];
      spec.given(revokedHistory).when(accede('JAM', '2020-06-01')).then([acceded('JAM', '2020-06-01'), determined('2020-07-01', 'instruments')]);
    });
  });

  // ---- after entry into force --------------------------------------------------------------------------------

  describe('after entry into force', () => {
    const inForce = (r: EntryIntoForceRule, setup: Setup = {}): History => [
      ...openFor(r, setup),
      acceded('ATG', '2020-01-10'),
      acceded('BRB', '2020-01-20'),
      acceded('BLZ', '2020-01-31'),
      recorded(determined('2020-03-01', 'instruments'), 'evt-eif'),
    ];

    it.each<[string, EntryIntoForceRule, string, string]>([
      ['the general day count', nth(3, days(30)), '2020-06-15', '2020-07-15'],
      ['its own month rule', nth(3, days(30), { laterParties: { timing: firstOfMonthAfter(3) } }), '2020-06-15', '2020-10-01'],
      ['the general day count, not before the general date (after the trigger, before the date)', nth(3, days(30)), '2020-02-10', '2020-03-11'],
      ['the general date, when only those joining after entry into force get their own', nth(3, days(30), { laterParties: { after: 'entry-into-force' } }), '2020-02-10', '2020-03-01'],
      ['a shorter count of its own, but never before the general date', nth(3, days(30), { laterParties: { timing: days(5) } }), '2020-02-10', '2020-03-01'],
    ])('gives an accession its own date under %s', (_label, r, depositedOn, expected) => {
      const s = asInstrument(spec.given(inForce(r)).when(accede('JAM', depositedOn)).then([acceded('JAM', depositedOn)]));
      const a = assessed(s);
      expect(partyIn(a, 'JAM').entryIntoForceOn).toBe(expected);
      expect(a.date).toBe('2020-03-01');
      expect(partyIn(a, 'ATG').entryIntoForceOn).toBe('2020-03-01');
    });

    it('stays in force when a withdrawal brings the parties below the number required', () => {
      const s = asInstrument(
        spec.given(inForce(nth(3, days(30)))).when(withdraw('ATG', '2020-06-01')).then([withdrawn('ATG', '2020-06-01', '2021-06-01')]),
      );
      const a = assessed(s);
      expect(a).toMatchObject({ status: 'in-force', date: '2020-03-01', instrumentsDeposited: 2, stillRequired: { instruments: 0 } });
      expect(partyIn(a, 'ATG')).toMatchObject({ entryIntoForceOn: '2020-03-01', withdrawalEffectiveOn: '2021-06-01' });
      expect(partyStatus(partyIn(a, 'ATG'), '2021-05-31')).toBe('in-force');
      expect(partyStatus(partyIn(a, 'ATG'), '2021-06-01')).toBe('withdrawn');
      expect(instrumentStageAsOf(s, TODAY)).toBe('in-force');
      expect(s.entryIntoForce?.date).toBe('2020-03-01');
    });

    describe('withdrawal', () => {
      it.each<[string, WithdrawalTerms, string, string]>([
        ['twelve months by default, from 29 February', { notice: 'months', period: 12 }, '2020-02-29', '2021-02-28'],
        ['ninety days', { notice: 'days', period: 90 }, '2020-11-15', '2021-02-13'],
        ['the first day of the month after twelve months', { notice: 'first-day-of-month-after-months', period: 12 }, '2020-06-15', '2021-07-01'],
        ['six months from 31 August', { notice: 'months', period: 6 }, '2020-08-31', '2021-02-28'],
      ])('takes effect after the notice period: %s', (_label, withdrawal, notifiedOn, effectiveOn) => {
        const s = asInstrument(spec.given(inForce(nth(3, days(30)), { withdrawal })).when(withdraw('BRB', notifiedOn)).then([withdrawn('BRB', notifiedOn, effectiveOn)]));
        expect(partyIn(assessed(s), 'BRB').withdrawalEffectiveOn).toBe(effectiveOn);
      });

      it('takes effect on a later date named in the notice, and refuses one before the end of the notice period', () => {
        const history = inForce(nth(3, days(30)), { withdrawal: { notice: 'first-day-of-month-after-months', period: 12 } });
        spec.given(history).when(withdraw('BRB', '2020-06-15', '2021-12-31')).then([withdrawn('BRB', '2020-06-15', '2021-12-31')]);
        spec
          .given(history)
          .when(withdraw('BRB', '2020-06-15', '2021-06-30'))
          .thenThrows('WITHDRAWAL_NOTICE_PERIOD', { kind: 'invalid', field: 'effectiveOn', message: '2021-07-01' });
      });

      describe('under a lock-in of three years', () => {
        const lockedParty: WithdrawalTerms = { notice: 'months', period: 12, lockInYears: 3 };
        const lockedInstrument: WithdrawalTerms = { ...lockedParty, lockInFrom: 'instrument' };
        const withLaterParty = (withdrawal: WithdrawalTerms): History => [...inForce(nth(3, days(30)), { withdrawal }), acceded('JAM', '2020-06-15')]; // JAM: in force 2020-07-15

        it('refuses a notice during the first three years after entry into force for the party', () => {
          spec
            .given(withLaterParty(lockedParty))
            .when(withdraw('ATG', '2021-06-01'))
            .thenThrows('WITHDRAWAL_LOCKED_IN', { kind: 'conflict', message: /2023-03-01.*Antigua and Barbuda.*2021-06-01/ });
        });

        it('accepts a notice on the first day after the lock-in', () => {
          spec
            .given(withLaterParty(lockedParty))
            .when(withdraw('ATG', '2023-03-01'), { today: '2023-03-01' })
            .then([withdrawn('ATG', '2023-03-01', '2024-03-01')]);
        });

        it('counts the lock-in from the party’s own date, or from the instrument’s when the terms say so', () => {
          spec.given(withLaterParty(lockedParty)).when(withdraw('JAM', '2023-03-01'), { today: '2024-01-01' }).thenThrows('WITHDRAWAL_LOCKED_IN', { message: '2023-07-15' });
          spec
            .given(withLaterParty(lockedInstrument))
            .when(withdraw('JAM', '2023-03-01'), { today: '2024-01-01' })
            .then([withdrawn('JAM', '2023-03-01', '2024-03-01')]);
        });

        it('refuses a notice by a party bound before the instrument is in force: the lock-in has not even begun', () => {
          const history = [...openFor(nth(3, days(30)), { withdrawal: lockedParty }), acceded('ATG', '2020-01-10')];
          spec.given(history).when(withdraw('ATG', '2020-06-01')).thenThrows('WITHDRAWAL_LOCKED_IN', { message: 'Antigua and Barbuda' });
        });

        it('assesses the first day a notice may be given', () => {
          const a = assessed(stateOf(withLaterParty(lockedParty)));
          expect(partyIn(a, 'ATG').withdrawalAllowedFrom).toBe('2023-03-01');
          expect(partyIn(a, 'JAM').withdrawalAllowedFrom).toBe('2023-07-15');
        });
      });

      describe('revocation of a notice before it takes effect', () => {
        const withdrawing = [...inForce(nth(3, days(30))), withdrawn('ATG', '2020-06-01', '2021-06-01')];

        it('is recorded, and the party stays in force', () => {
          const s = asInstrument(spec.given(withdrawing).when(revoke('ATG', '2021-05-31')).then([revoked('ATG', '2021-05-31')]));
          const atg = partyIn(assessed(s), 'ATG');
          expect(atg).toMatchObject({ withdrawalEffectiveOn: null, entryIntoForceOn: '2020-03-01' });
          expect(atg.withdrawal?.outcome).toBe('revoked');
          expect(partyStatus(atg, TODAY)).toBe('in-force');
        });

        it('is refused on or after the day the withdrawal takes effect, or before the notice', () => {
          spec.given(withdrawing).when(revoke('ATG', '2021-06-01')).thenThrows('REVOCATION_OUT_OF_TIME', { message: /2020-06-01.*2021-06-01/ });
          spec.given(withdrawing).when(revoke('ATG', '2020-05-31')).thenThrows('REVOCATION_OUT_OF_TIME');
        });

        it('is refused when there is no notice in course, or it was already revoked', () => {
          spec.given(inForce(nth(3, days(30)))).when(revoke('ATG', '2020-06-02')).thenThrows('NO_PENDING_WITHDRAWAL', { message: 'Antigua and Barbuda' });
          spec.given([...withdrawing, revoked('ATG', '2020-07-01')]).when(revoke('ATG', '2020-08-01')).thenThrows('NO_PENDING_WITHDRAWAL');
        });

        it('lets the party give a fresh notice afterwards', () => {
          spec.given([...withdrawing, revoked('ATG', '2020-07-01')]).when(withdraw('ATG', '2021-01-15')).then([withdrawn('ATG', '2021-01-15', '2022-01-15')]);
        });
      });
    });
  });

  describe('a revoked withdrawal is not counted against the number of instruments', () => {
    // Thirty days' notice: ATG's withdrawal would take effect on 2020-02-14, before the third deposit.
    const withdrawal: WithdrawalTerms = { notice: 'days', period: 30 };
    const history = [...openFor(nth(3, days(30)), { withdrawal }), acceded('ATG', '2020-01-10'), withdrawn('ATG', '2020-01-15', '2020-02-14'), acceded('BRB', '2020-01-20')];

    it('while the withdrawal stands, the third deposit does not bring the instrument into force', () => {
      const s = asInstrument(spec.given(history).when(accede('BLZ', '2020-03-01')).then([acceded('BLZ', '2020-03-01')]));
      expect(assessed(s)).toMatchObject({ date: null, instrumentsDeposited: 2, stillRequired: { instruments: 1 } });
    });

    it('once the notice is revoked in time, ATG counts again and the instrument is determined', () => {
      spec
        .given([...history, acceded('BLZ', '2020-03-01')])
        .when(revoke('ATG', '2020-02-01'))
        .then([revoked('ATG', '2020-02-01'), determined('2020-03-31', 'instruments')]);
    });
  });

  // ---- MOU term and termination on notice -----------------------------------------------------------------------

  describe('an MOU’s term', () => {
    const mou = (term: TermTerms): History => [
      ...openFor({ type: 'definitive-signature-by-all' }, { kind: 'mou', parties: [CCLEC, CPU], term }),
      signed('CCLEC', '2019-06-20', true),
      signed('CPU', '2019-07-02', true),
      determined('2019-07-02', 'definitive-signature-by-all'),
    ];

    it('expires at the end of a term without renewal: terminated from the day after its last day', () => {
      const s = stateOf(mou({ termYears: 2, autoRenew: false }));
      const term = assessInstrument(s, { asOf: TODAY }).term!;
      expect(term).toMatchObject({ startsOn: '2019-07-02', ceasesOn: '2021-07-02', lastDayInEffect: '2021-07-01', endsBy: 'expiry', status: 'expired', renews: false });
      expect(instrumentStageAsOf(s, '2021-07-01')).toBe('in-force');
      expect(instrumentStageAsOf(s, '2021-07-02')).toBe('terminated');
      expect(s.stage).toBe('in-force'); // nothing was recorded: the term simply ran out
    });

    it('renews itself: as at today it runs in its third one-year term', () => {
      const s = stateOf(mou({ termYears: 1, autoRenew: true, terminationNoticeMonths: 1 }));
      const term = assessInstrument(s, { asOf: TODAY }).term!;
      expect(term).toMatchObject({ status: 'in-effect', renews: true, ceasesOn: null, renewals: 2, currentTerm: { number: 3, startsOn: '2021-07-02', lastDay: '2022-07-01' } });
      expect(instrumentStageAsOf(s, TODAY)).toBe('in-force');
    });

    it('ends on notice: one month after a participant’s notice', () => {
      const s = asInstrument(
        spec
          .given(mou({ termYears: 1, autoRenew: true, terminationNoticeMonths: 1 }))
          .when(noticeOfTermination('CPU', '2021-10-31'))
          .then([terminationNotified('CPU', '2021-10-31')]),
      );
      const term = assessInstrument(s, { asOf: TODAY }).term!;
      expect(term).toMatchObject({ terminationEffectiveOn: '2021-11-30', ceasesOn: '2021-11-30', endsBy: 'termination', status: 'terminated' });
      expect(instrumentStageAsOf(s, '2021-11-29')).toBe('in-force');
      expect(instrumentStageAsOf(s, '2021-11-30')).toBe('terminated');
    });

    it('without a termination clause, a notice stops the renewal at the end of the term then running', () => {
      const s = asInstrument(
        spec.given(mou({ termYears: 1, autoRenew: true })).when(noticeOfTermination('CCLEC', '2021-03-15', null)).then([terminationNotified('CCLEC', '2021-03-15')]),
      );
      expect(assessInstrument(s, { asOf: TODAY }).term).toMatchObject({ ceasesOn: '2021-07-02', status: 'terminated', renews: true });
    });

    it('takes a later date named in the notice', () => {
      const s = asInstrument(
        spec
          .given(mou({ termYears: 1, autoRenew: true, terminationNoticeMonths: 1 }))
          .when(noticeOfTermination('CPU', '2021-10-31', '2022-01-31'))
          .then([terminationNotified('CPU', '2021-10-31', '2022-01-31')]),
      );
      expect(assessInstrument(s, { asOf: TODAY }).term).toMatchObject({ ceasesOn: '2022-01-31', status: 'in-effect' });
      expect(instrumentStageAsOf(s, '2022-01-31')).toBe('terminated');
    });

    it('accepts a notice only for an MOU, only from a participant bound by it, and only once', () => {
      const treaty = [...openFor(nth(3, days(30))), acceded('ATG', '2020-01-10')];
      spec.given(treaty).when(noticeOfTermination('ATG', '2021-01-10')).thenThrows('TERMINATION_NOTICE_FOR_MOUS', { message: 'withdrawal' });
      const oneSigned = [...openFor({ type: 'definitive-signature-by-all' }, { kind: 'mou', parties: [CCLEC, CPU] }), signed('CCLEC', '2019-06-20', true), signed('CPU', '2019-07-02')];
      spec.given(oneSigned).when(noticeOfTermination('CPU', '2020-01-10')).thenThrows('NOT_BOUND', { message: 'Caribbean Postal Union' });
      spec.given(oneSigned).when(noticeOfTermination('GUY', '2020-01-10')).thenThrows('PARTY_NOT_ELIGIBLE');
      spec
        .given([...mou({ termYears: 1, autoRenew: true }), terminationNotified('CPU', '2021-01-10')])
        .when(noticeOfTermination('CCLEC', '2021-02-10'))
        .thenThrows('ALREADY_NOTIFIED', { message: '2021-01-10' });
      spec.given(mou({ termYears: 1, autoRenew: true })).when(noticeOfTermination('CPU', '2021-10-31', '2021-10-30')).thenThrows('INVALID_INPUT', { field: 'effectiveOn' });
      spec.given(mou({ termYears: 1, autoRenew: true })).when(noticeOfTermination('CPU', '2022-01-01')).thenThrows('DATE_IN_FUTURE', { field: 'notifiedOn' });
    });

    it('refuses a notice dated before the participant was bound', () => {
      spec.given(mou({ termYears: 1, autoRenew: true })).when(noticeOfTermination('CPU', '2019-07-01')).thenThrows('TERMINATION_BEFORE_CONSENT', { message: /Caribbean Postal Union.*2019-07-01.*2019-07-02/ });
    });
  });

  // ---- reservations ----------------------------------------------------------------------------------------

  describe('the objection window of a reservation', () => {
    it('ends twelve months after the reservation, or on the objecting State’s own consent if later', () => {
      const s = stateOf([
        ...openFor(nth(3, days(30))),
        signed('ATG', '2019-06-10'),
        consented('ATG', 'ratification', '2020-02-29'),
        { type: 'ReservationMade.v1', data: { party: 'ATG', kind: 'reservation', text: 'Article 1 does not apply to ...', madeOn: '2020-02-29', madeAt: 'deposit' } },
        acceded('BRB', '2021-05-01'),
      ]);
      const madeOn = s.participants.ATG!.reservations[0]!.madeOn;
      expect(reservationObjectionWindowEnd(madeOn)).toBe('2021-02-28');
      expect(reservationObjectionWindowEnd(madeOn, s.participants.BRB!.consent!.depositedOn)).toBe('2021-05-01');
      expect(reservationObjectionWindows(s)).toEqual([
        { party: 'ATG', eventId: s.participants.ATG!.reservations[0]!.eventId, madeOn, objectionWindowEndsOn: '2021-02-28' },
      ]);
    });
  });

  // ---- the final clauses in words ----------------------------------------------------------------------------

  describe('the final clauses as the rules used here read', () => {
    it.each<[string, EntryIntoForceRule, Setup, string, string[]]>([
      [
        'the third instrument, then thirty days',
        nth(3, days(30)),
        {},
        'Agreement',
        [
          'This Agreement shall enter into force on the thirtieth day following the date of deposit of the third instrument of ratification, acceptance, approval or accession. ' +
            'For each State or international organisation that expresses its consent to be bound by this Agreement after the deposit of the third instrument of ratification, acceptance, approval or accession, this Agreement shall enter into force on the thirtieth day following the date of deposit of its instrument.',
        ],
      ],
      [
        'three States including two member States, with a lock-in on withdrawal',
        nth(3, firstOfMonthAfter(3), { countedPartyKinds: ['state'], qualifier: { atLeast: 2, ofParties: ['ATG', 'BRB', 'BLZ'], label: 'member States' } }),
        { withdrawal: { notice: 'first-day-of-month-after-months', period: 12, lockInYears: 3 } },
        'Treaty',
        [
          'This Treaty shall enter into force on the first day of the month following the expiration of a period of three months after the date on which three States, including at least two member States, have deposited their instruments of ratification, acceptance, approval or accession. ' +
            'For each State that expresses its consent to be bound by this Treaty after the conditions for its entry into force have been met, this Treaty shall enter into force on the first day of the month following the expiration of a period of three months after the date of deposit of its instrument.',
          'At any time after three years from the date on which this Treaty has entered into force for a Party, that Party may withdraw from this Treaty by written notification to the Depositary. ' +
            'Any such withdrawal shall take effect on the first day of the month following the expiration of a period of one year after the date of receipt of the notification, or on such later date as may be specified in the notification.',
        ],
      ],
      [
        'bilateral, the first day of the month following the later notification',
        { type: 'bilateral', timing: firstOfMonthAfter(0) },
        { kind: 'agreement', parties: [JAM, BRB] },
        'Agreement',
        [
          'This Agreement shall enter into force on the first day of the month following the date of the later of the notifications by which the Parties inform each other of the completion of their internal procedures required for its entry into force.',
        ],
      ],
      [
        'an MOU on signature by all, renewed each year, ended on a month’s notice',
        { type: 'definitive-signature-by-all' },
        { kind: 'mou', parties: [CCLEC, CPU], term: { termYears: 1, autoRenew: true, terminationNoticeMonths: 1 } },
        'Memorandum',
        [
          'This Memorandum shall come into effect on the date on which it has been signed by all the Participants.',
          'This Memorandum shall remain in effect for a period of one year from the date on which it comes into effect. It shall be renewed automatically for successive periods of one year. ' +
            'Any Participant may terminate this Memorandum at any time by written notice to the other Participants; the termination shall take effect one month after the date of the notice, or on such later date as may be specified in the notice.',
        ],
      ],
      ['a fixed date', { type: 'fixed-date', date: '2020-01-01' }, {}, 'Agreement', ['This Agreement shall enter into force on 1 January 2020.']],
    ])('%s', (_label, rule, setup, instrumentNoun, expected) => {
      // Read back from the instrument's own state, as the documents will.
      const s = stateOf([created(rule, setup)]);
      expect(finalClausesText(instrumentTerms(s), { instrumentNoun })).toEqual(expected);
    });

    it('provisional application from a date, after the clause on entry into force', () => {
      const event = created({ type: 'fixed-date', date: '2020-01-01' });
      const s = stateOf([{ ...event, data: { ...event.data, provisionalApplication: { from: 'date', date: '2019-07-01' } } } as InstrumentEvent]);
      expect(finalClausesText(instrumentTerms(s), { instrumentNoun: 'Agreement' })).toEqual([
        'This Agreement shall enter into force on 1 January 2020.',
        'This Agreement shall be applied provisionally by each signatory from 1 July 2019, or from the date of its signature if that is later, pending its entry into force for that signatory. ' +
          'Provisional application shall end for a signatory that notifies the other signatories of its intention not to become a Party to this Agreement.',
      ]);
    });

    it('refuses provisional application from a date without one, naming the field', () => {
      const command: InstrumentCommand = { type: 'ReviseFinalClauses', data: { provisionalApplication: { from: 'date' } as never } };
      spec.given(negotiated({ type: 'definitive-signature-by-all' })).when(command).thenThrows('INVALID_FINAL_CLAUSES', { kind: 'invalid', field: 'provisionalApplication.date' });
    });

    it('all named States, on the last ratification, by name', () => {
      const s = stateOf([created({ type: 'all-named', parties: ['ATG', 'BRB', 'BLZ'], countedConsents: ['ratification'] })]);
      const partyNames = Object.fromEntries(s.eligibleParties.map((p) => [p.code, p.name]));
      expect(finalClausesText(instrumentTerms(s), { instrumentNoun: 'Treaty', partyNames })).toEqual([
        'This Treaty shall enter into force on the date of deposit of the last instrument of ratification by Antigua and Barbuda, Barbados and Belize.',
      ]);
    });
  });
});
