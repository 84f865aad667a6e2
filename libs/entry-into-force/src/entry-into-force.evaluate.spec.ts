import type { ConsentKind, EntryIntoForceRule, InstrumentsRule, PartyKind, WithdrawalTerms } from './entry-into-force.rule.js';
import {
  entryIntoForceStatus,
  evaluateEntryIntoForce,
  evaluateInstrument,
  partyStatus,
  reservationObjectionWindowEnd,
  type InstrumentFacts,
  type PartyFacts,
} from './entry-into-force.evaluate.js';

// ---- fixtures --------------------------------------------------------------------------------------------

type Extra = Partial<Omit<PartyFacts, 'code'>>;
const party = (code: string, extra: Extra = {}): PartyFacts => ({ code, kind: 'state', ...extra });
const deposit = (code: string, depositedOn: string, kind: ConsentKind = 'ratification', extra: Extra = {}): PartyFacts =>
  party(code, { consent: { kind, depositedOn }, ...extra });
const org = (code: string, depositedOn: string): PartyFacts => deposit(code, depositedOn, 'formal-confirmation', { kind: 'organisation' as PartyKind });
const facts = (...eligibleParties: PartyFacts[]): InstrumentFacts => ({ eligibleParties });
const dateOf = (rule: EntryIntoForceRule, f: InstrumentFacts, asOf?: string) => evaluateEntryIntoForce(rule, f, asOf ? { asOf } : {}).date;
const partyDates = (rule: EntryIntoForceRule, f: InstrumentFacts, options = {}) =>
  Object.fromEntries(evaluateEntryIntoForce(rule, f, options).parties.map((p) => [p.code, p.entryIntoForceOn]));

const days = (n: number) => ({ kind: 'days-after', days: n }) as const;
const firstOfMonthAfter = (months: number) => ({ kind: 'first-day-of-month-after', months }) as const;
const nInstruments = (count: number, timing: InstrumentsRule['timing'], extra: Partial<InstrumentsRule> = {}): InstrumentsRule => ({
  type: 'instruments',
  count,
  timing,
  ...extra,
});

// ---- shape 1: N instruments, then a day count ------------------------------------------------------------

describe('N instruments, then a number of days', () => {
  it.each([
    ['a leap February', ['2024-01-05', '2024-01-20', '2024-02-10'], '2024-03-11'],
    ['a common February', ['2023-01-05', '2023-01-20', '2023-02-10'], '2023-03-12'],
    ['a deposit on the 31st', ['2023-11-01', '2023-12-01', '2024-01-31'], '2024-03-01'],
    ['a year end', ['2023-10-01', '2023-11-01', '2023-12-15'], '2024-01-14'],
    ['deposits listed out of date order', ['2024-02-10', '2024-01-05', '2024-01-20'], '2024-03-11'],
  ])('given the third instrument deposited across %s, when evaluated, then the thirtieth day after it is %s', (_, dates, expected) => {
    const f = facts(...dates.map((d, i) => deposit(`P${i}`, d)));
    expect(dateOf(nInstruments(3, days(30)), f)).toBe(expected);
  });

  it('given the Nth deposit, then the assessment names the party and its position', () => {
    const a = evaluateEntryIntoForce(nInstruments(3, days(30)), facts(deposit('AAA', '2024-01-05'), deposit('BBB', '2024-02-10'), deposit('CCC', '2024-01-20')));
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'BBB', on: '2024-02-10', position: 3 });
    expect(a.triggerMetOn).toBe('2024-02-10');
    expect(a.instrumentsRequired).toBe(3);
    expect(a.instrumentsDeposited).toBe(3);
    expect(a.stillRequired).toEqual({ instruments: 0, qualifying: null, weightPercent: null });
  });

  it('given several deposits on the day of the Nth, then the Nth is taken in input order, and the date is the same whichever it is', () => {
    const rule = nInstruments(3, days(30));
    const sameDay = ['BBB', 'CCC', 'DDD', 'EEE'].map((code) => deposit(code, '2024-03-01'));
    const f = facts(deposit('AAA', '2024-01-05'), ...sameDay);
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'CCC', on: '2024-03-01', position: 3 });
    expect(a.date).toBe('2024-03-31');
    // The deposits after the third on the same day: same date all the same.
    expect(partyDates(rule, f)).toEqual({ AAA: '2024-03-31', BBB: '2024-03-31', CCC: '2024-03-31', DDD: '2024-03-31', EEE: '2024-03-31' });
    // Given in the reverse order, the second of the same-day deposits in input order (DDD) is the third instrument.
    const reversed = evaluateEntryIntoForce(rule, facts(...[...sameDay].reverse(), deposit('AAA', '2024-01-05')));
    expect(reversed.triggeredBy).toEqual({ act: 'deposit', party: 'DDD', on: '2024-03-01', position: 3 });
    expect(reversed.date).toBe('2024-03-31');
  });

  it('given fewer instruments than required, then there is no date and the shortfall is reported', () => {
    const a = evaluateEntryIntoForce(nInstruments(10, days(30)), facts(deposit('AAA', '2024-01-05'), deposit('BBB', '2024-02-10'), party('CCC')));
    expect(a.date).toBeNull();
    expect(a.triggeredBy).toBeNull();
    expect(a.instrumentsDeposited).toBe(2);
    expect(a.stillRequired.instruments).toBe(8);
    expect(a.parties.map((p) => p.entryIntoForceOn)).toEqual([null, null, null]);
  });

  it('given the kinds of consent that count, then a succession is not counted, though the successor becomes bound', () => {
    const rule = nInstruments(2, days(30), { countedConsents: ['ratification', 'acceptance', 'approval', 'accession'] });
    const f = facts(deposit('AAA', '2024-01-05'), deposit('BBB', '2024-02-01', 'succession'), deposit('CCC', '2024-04-01', 'accession'));
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.triggeredBy?.party).toBe('CCC');
    expect(a.date).toBe('2024-05-01');
    expect(a.parties.find((p) => p.code === 'BBB')).toMatchObject({ counted: false, boundOn: '2024-02-01', entryIntoForceOn: '2024-05-01' });
  });

  it('given definitive signatures count, then a signature without reservation of ratification is an instrument', () => {
    const f = facts(party('AAA', { signature: { signedOn: '2024-01-10', definitive: true } }), party('BBB', { signature: { signedOn: '2024-01-10', definitive: false } }), deposit('CCC', '2024-02-01'));
    expect(dateOf(nInstruments(2, days(30), { countDefinitiveSignatures: true }), f)).toBe('2024-03-02');
    expect(evaluateEntryIntoForce(nInstruments(2, days(30), { countDefinitiveSignatures: true }), f).triggeredBy?.party).toBe('CCC');
    // Not counted when the rule does not say so.
    expect(dateOf(nInstruments(2, days(30)), f)).toBeNull();
  });

  it('given "three States", then an organisation\'s instrument is not counted', () => {
    const rule = nInstruments(3, days(0), { countedPartyKinds: ['state'] });
    const f = facts(deposit('AAA', '2024-01-05'), org('CCLEC', '2024-01-06'), deposit('BBB', '2024-01-07'), deposit('CCC', '2024-01-08'));
    expect(evaluateEntryIntoForce(rule, f).triggeredBy).toEqual({ act: 'deposit', party: 'CCC', on: '2024-01-08', position: 3 });
    expect(dateOf(rule, f)).toBe('2024-01-08');
  });

  it('given a deposit date corrected, when re-evaluated, then the date moves with it', () => {
    const rule = nInstruments(2, days(30));
    const before = facts(deposit('AAA', '2024-01-05'), deposit('BBB', '2024-02-10'));
    const corrected = facts(deposit('AAA', '2024-01-05'), deposit('BBB', '2024-02-20'));
    expect(dateOf(rule, before)).toBe('2024-03-11');
    expect(dateOf(rule, corrected)).toBe('2024-03-21');
  });
});

// ---- shape 2: N instruments, then the first day of a month -----------------------------------------------

describe('N instruments, then the first day of the month after M months', () => {
  it.each([
    ['2024-03-15', '2024-07-01'],
    ['2024-03-31', '2024-07-01'],
    ['2024-03-01', '2024-07-01'],
    ['2023-11-30', '2024-03-01'],
    ['2023-11-29', '2024-03-01'],
    ['2024-10-31', '2025-02-01'],
    ['2024-12-31', '2025-04-01'],
  ])('given the third deposit on %s, when evaluated, then in force on %s', (third, expected) => {
    const f = facts(deposit('AAA', '2023-01-01'), deposit('BBB', '2023-06-01'), deposit('CCC', third));
    expect(dateOf(nInstruments(3, firstOfMonthAfter(3)), f)).toBe(expected);
  });

  describe('with a qualifier: three States, including at least two member States', () => {
    const rule = nInstruments(3, firstOfMonthAfter(3), { qualifier: { atLeast: 2, ofParties: ['M1', 'M2', 'M3'], label: 'member States' } });
    const f = facts(
      deposit('X1', '2024-01-10'),
      deposit('X2', '2024-02-10'),
      deposit('M1', '2024-03-10'),
      deposit('X3', '2024-04-10'),
      deposit('M2', '2024-05-20'),
      party('M3'),
    );

    it('given four instruments of which one from a member, when evaluated before the second member deposits, then it is not in force and one member instrument is still required', () => {
      const a = evaluateEntryIntoForce(rule, f, { asOf: '2024-05-01' });
      expect(a.date).toBeNull();
      expect(a.status).toBe('not-in-force');
      expect(a.instrumentsDeposited).toBe(4);
      expect(a.qualifyingDeposited).toBe(1);
      expect(a.stillRequired).toEqual({ instruments: 1, qualifying: 1, weightPercent: null });
    });

    it('given the second member deposits, then that deposit triggers and the date is the first day of the month after three months', () => {
      const a = evaluateEntryIntoForce(rule, f);
      expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'M2', on: '2024-05-20', position: 5 });
      expect(a.date).toBe('2024-09-01');
    });

    it('given the two members are the first depositors, then the third instrument of any State triggers', () => {
      const g = facts(deposit('M1', '2024-01-10'), deposit('M2', '2024-02-10'), deposit('X1', '2024-03-10'));
      expect(evaluateEntryIntoForce(rule, g).triggeredBy?.party).toBe('X1');
      expect(dateOf(rule, g)).toBe('2024-07-01');
    });
  });
});

// ---- shape 3: count plus weight; organisations -------------------------------------------------------------

describe('count plus weight', () => {
  const rule = nInstruments(2, days(90), { weight: { shares: { AAA: 30, BBB: 20, CCC: 25, DDD: 25 }, minimumPercent: 55 } });
  const f = facts(deposit('BBB', '2024-01-01'), deposit('CCC', '2024-02-01'), deposit('EEE', '2024-02-15'), deposit('DDD', '2024-03-01'));

  it('given enough parties but not enough weight, when evaluated, then the weight shortfall is reported', () => {
    const a = evaluateEntryIntoForce(rule, f, { asOf: '2024-02-20' });
    expect(a.date).toBeNull();
    expect(a.instrumentsDeposited).toBe(3);
    expect(a.weightPercent).toBe(45);
    expect(a.stillRequired).toEqual({ instruments: 0, qualifying: null, weightPercent: 10 });
  });

  it('given the deposit that reaches the weight, then it triggers', () => {
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'DDD', on: '2024-03-01', position: 4 });
    expect(a.weightPercent).toBe(70);
    expect(a.date).toBe('2024-05-30');
  });

  it('given shares that are not whole numbers, then the threshold is met exactly at the boundary', () => {
    const fractional = nInstruments(1, days(0), { weight: { shares: { AAA: 0.1, BBB: 0.2, CCC: 0.7 }, minimumPercent: 30 } });
    expect(dateOf(fractional, facts(deposit('AAA', '2024-01-01'), deposit('BBB', '2024-01-02')))).toBe('2024-01-02');
  });
});

describe('an organisation is not counted in addition to its members', () => {
  const f = facts(org('EU', '2024-01-01'), deposit('FRA', '2024-02-01'), deposit('DEU', '2024-03-01'), deposit('USA', '2024-04-01'));

  it('given the organisation and two members deposit, then they count as two, and a third party triggers', () => {
    const rule = nInstruments(3, days(0), { organisationMembers: { EU: ['FRA', 'DEU'] } });
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.triggeredBy?.party).toBe('USA');
    expect(a.date).toBe('2024-04-01');
    expect(a.instrumentsDeposited).toBe(3);
  });

  it('given no such clause, then the organisation counts like any party', () => {
    expect(evaluateEntryIntoForce(nInstruments(3, days(0)), f).triggeredBy?.party).toBe('DEU');
  });

  it('given only the organisation has deposited, then its instrument counts once', () => {
    const rule = nInstruments(3, days(0), { organisationMembers: { EU: ['FRA', 'DEU'] } });
    expect(evaluateEntryIntoForce(rule, facts(org('EU', '2024-01-01'), party('FRA'))).instrumentsDeposited).toBe(1);
  });

  it('given a weight, then the organisation\'s share does not add to its members\'', () => {
    const rule = nInstruments(1, days(0), { weight: { shares: { EU: 40, FRA: 20, DEU: 20, USA: 20 }, minimumPercent: 60 }, organisationMembers: { EU: ['FRA', 'DEU'] } });
    const a = evaluateEntryIntoForce(rule, f);
    // EU alone: 40%; with FRA the EU no longer counts (20%); FRA+DEU 40%; + USA 60%.
    expect(a.triggeredBy?.party).toBe('USA');
  });
});

// ---- shape 4: all named ----------------------------------------------------------------------------------

describe('all named parties', () => {
  it.each([
    ['on the last deposit', undefined, '2024-05-02'],
    ['thirty days after it', days(30), '2024-06-01'],
    ['first day of the month after it', firstOfMonthAfter(0), '2024-06-01'],
  ])('given the three named States have deposited, when in force %s, then the date is %s', (_, timing, expected) => {
    const rule: EntryIntoForceRule = { type: 'all-named', parties: ['AAA', 'BBB', 'CCC'], ...(timing ? { timing } : {}) };
    const f = facts(deposit('AAA', '2024-01-10'), deposit('CCC', '2024-02-10'), deposit('BBB', '2024-05-02', 'approval'), party('DDD'));
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.date).toBe(expected);
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'BBB', on: '2024-05-02', position: 3 });
  });

  it('given one named State has not deposited, then it is awaited and others do not replace it', () => {
    const a = evaluateEntryIntoForce({ type: 'all-named', parties: ['AAA', 'BBB', 'CCC'] }, facts(deposit('AAA', '2024-01-10'), party('BBB'), deposit('CCC', '2024-02-10'), deposit('DDD', '2024-02-11')));
    expect(a.date).toBeNull();
    expect(a.awaiting).toEqual(['BBB']);
    expect(a.stillRequired.instruments).toBe(1);
  });

  it('given a State not named accedes after the date, then it has its own date', () => {
    const rule: EntryIntoForceRule = { type: 'all-named', parties: ['AAA', 'BBB'], laterParties: { timing: days(30) } };
    const f = facts(deposit('AAA', '2024-01-10'), deposit('BBB', '2024-02-10'), deposit('DDD', '2024-06-01', 'accession'));
    expect(partyDates(rule, f)).toEqual({ AAA: '2024-02-10', BBB: '2024-02-10', DDD: '2024-07-01' });
  });

  it('given the rule names a party that is not eligible, then it is flagged', () => {
    const a = evaluateEntryIntoForce({ type: 'all-named', parties: ['AAA', 'ZZZ'] }, facts(deposit('AAA', '2024-01-10')));
    expect(a.flags.map((f) => f.code)).toContain('UNKNOWN_PARTY');
    expect(a.date).toBeNull();
  });
});

// ---- shape 5: bilateral ----------------------------------------------------------------------------------

describe('bilateral', () => {
  const f = facts(party('AAA', { notification: { notifiedOn: '2024-03-02' } }), party('BBB', { notification: { notifiedOn: '2024-01-15' } }));
  it.each([
    ['on the later notification', undefined, '2024-03-02'],
    ['thirty days after it', days(30), '2024-04-01'],
    ['on the first day of the following month', firstOfMonthAfter(0), '2024-04-01'],
    ['on the first day of the month after one month', firstOfMonthAfter(1), '2024-05-01'],
  ])('given both notifications, when in force %s, then the date is %s', (_, timing, expected) => {
    const rule: EntryIntoForceRule = { type: 'bilateral', ...(timing ? { timing } : {}) };
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.date).toBe(expected);
    expect(a.triggeredBy).toEqual({ act: 'notification', party: 'AAA', on: '2024-03-02', position: 2 });
    expect(a.parties.map((p) => p.entryIntoForceOn)).toEqual([expected, expected]);
  });

  it('given one notification, then the other party is awaited', () => {
    const a = evaluateEntryIntoForce({ type: 'bilateral' }, facts(party('AAA', { notification: { notifiedOn: '2024-03-02' } }), party('BBB')));
    expect(a.date).toBeNull();
    expect(a.awaiting).toEqual(['BBB']);
    expect(a.stillRequired.instruments).toBe(1);
  });

  it('given three eligible parties and no pair named, then it is flagged and never in force', () => {
    const a = evaluateEntryIntoForce({ type: 'bilateral' }, facts(party('AAA'), party('BBB'), party('CCC')));
    expect(a.flags.map((x) => x.code)).toEqual(['BILATERAL_NEEDS_TWO_PARTIES']);
    expect(a.date).toBeNull();
  });
});

// ---- shape 6: definitive signature by all; fixed date ------------------------------------------------------

describe('definitive signature by all', () => {
  const signed = (code: string, signedOn: string, definitive = true) => party(code, { signature: { signedOn, definitive } });

  it('given all parties signed definitively, then in force on the last signature', () => {
    const a = evaluateEntryIntoForce({ type: 'definitive-signature-by-all' }, facts(signed('CCLEC', '2017-05-23'), signed('CPU', '2017-05-24')));
    expect(a.date).toBe('2017-05-24');
    expect(a.triggeredBy).toEqual({ act: 'definitive-signature', party: 'CPU', on: '2017-05-24', position: 2 });
  });

  it('given one signature subject to ratification, then it is not in force until that party deposits', () => {
    const f1 = facts(signed('CCLEC', '2017-05-23'), signed('CPU', '2017-05-23', false));
    expect(evaluateEntryIntoForce({ type: 'definitive-signature-by-all' }, f1)).toMatchObject({ date: null, awaiting: ['CPU'] });
    const f2 = facts(signed('CCLEC', '2017-05-23'), party('CPU', { signature: { signedOn: '2017-05-23', definitive: false }, consent: { kind: 'approval', depositedOn: '2017-07-03' } }));
    expect(dateOf({ type: 'definitive-signature-by-all' }, f2)).toBe('2017-07-03');
  });

  it('given the default rule and no parties, then it is never in force', () => {
    expect(dateOf({ type: 'definitive-signature-by-all' }, facts())).toBeNull();
  });
});

describe('fixed date', () => {
  const rule: EntryIntoForceRule = { type: 'fixed-date', date: '2025-01-01' };
  const f = facts(deposit('AAA', '2024-06-01'), deposit('BBB', '2025-03-15'), party('CCC'));

  it.each([
    ['2024-12-31', 'pending'],
    ['2025-01-01', 'in-force'],
  ])('given asOf %s, then the status is %s', (asOf, status) => {
    expect(evaluateEntryIntoForce(rule, f, { asOf })).toMatchObject({ date: '2025-01-01', status });
  });

  it('given a party bound after the date, then in force for it on its own act', () => {
    expect(partyDates(rule, f)).toEqual({ AAA: '2025-01-01', BBB: '2025-03-15', CCC: null });
  });
});

// ---- later parties ---------------------------------------------------------------------------------------

describe('parties that consent after the condition is met', () => {
  // Second deposit 2024-02-01 → in force 2024-03-02 (leap year).
  const base = [deposit('AAA', '2024-01-10'), deposit('BBB', '2024-02-01')];
  const f = facts(...base, deposit('CCC', '2024-02-15', 'accession'), deposit('DDD', '2024-06-01', 'accession'), deposit('EEE', '2024-03-02', 'accession'));

  it.each<[string, InstrumentsRule['laterParties'], Record<string, string | null>]>([
    ['by default, the general timing from their own deposit after the Nth', undefined, { AAA: '2024-03-02', BBB: '2024-03-02', CCC: '2024-03-16', DDD: '2024-07-01', EEE: '2024-04-01' }],
    ['only after entry into force (earlier ones get the general date)', { after: 'entry-into-force' }, { AAA: '2024-03-02', BBB: '2024-03-02', CCC: '2024-03-02', DDD: '2024-07-01', EEE: '2024-04-01' }],
    ['with their own month rule', { timing: firstOfMonthAfter(1) }, { AAA: '2024-03-02', BBB: '2024-03-02', CCC: '2024-04-01', DDD: '2024-08-01', EEE: '2024-05-01' }],
    ['with a shorter own period, never before the general date', { timing: days(10) }, { AAA: '2024-03-02', BBB: '2024-03-02', CCC: '2024-03-02', DDD: '2024-06-11', EEE: '2024-03-12' }],
  ])('given accessions after the Nth deposit, %s', (_, laterParties, expected) => {
    expect(partyDates(nInstruments(2, days(30), laterParties ? { laterParties } : {}), f)).toEqual(expected);
  });

  it('given an accession after entry into force, when looked at over time, then the party is bound, then in force', () => {
    const a = evaluateEntryIntoForce(nInstruments(2, days(30)), f);
    const ddd = a.parties.find((p) => p.code === 'DDD')!;
    expect(partyStatus(ddd, '2024-05-31')).toBe('not-bound');
    expect(partyStatus(ddd, '2024-06-01')).toBe('bound-not-in-force');
    expect(partyStatus(ddd, '2024-07-01')).toBe('in-force');
  });
});

// ---- shape 7: amendments and protocols ----------------------------------------------------------------------

describe('amendment in force for the accepting parties once a share has accepted', () => {
  const accepted = (code: string, on: string) => deposit(code, on, 'acceptance');
  // Eight parties at adoption; NEW joined the parent on 2024-03-01.
  const parties = [
    accepted('P1', '2024-01-10'),
    accepted('P2', '2024-01-20'),
    accepted('P3', '2024-02-01'),
    accepted('P4', '2024-02-15'),
    accepted('P5', '2024-03-10'),
    accepted('P6', '2024-04-02'),
    accepted('P7', '2024-05-20'),
    party('P8'),
    party('NEW'),
  ];
  const parentParties = [...['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8'].map((code) => ({ code, partyFrom: '2010-01-01' })), { code: 'NEW', partyFrom: '2024-03-01' }];
  const f: InstrumentFacts = { eligibleParties: parties, partiesAtAdoption: 8, parentParties };

  it('given a denominator fixed at adoption (8), when the sixth party accepts, then the amendment enters into force for the accepting parties ninety days later', () => {
    const rule: EntryIntoForceRule = { type: 'acceptance-share', share: { numerator: 3, denominator: 4 }, denominator: 'fixed-at-adoption', timing: days(90) };
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'P6', on: '2024-04-02', position: 6 });
    expect(a.instrumentsRequired).toBe(6);
    expect(a.shareDenominator).toBe(8);
    expect(a.date).toBe('2024-07-01');
    // P7 accepted after: its own ninety days. P8 and NEW did not accept: not in force for them.
    expect(partyDates(rule, f)).toEqual({ P1: '2024-07-01', P2: '2024-07-01', P3: '2024-07-01', P4: '2024-07-01', P5: '2024-07-01', P6: '2024-07-01', P7: '2024-08-18', P8: null, NEW: null });
  });

  it('given the current parties as denominator (9 from 1 March), then the seventh acceptance is needed', () => {
    const rule: EntryIntoForceRule = { type: 'acceptance-share', share: { numerator: 3, denominator: 4 }, denominator: 'current', timing: days(90) };
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'P7', on: '2024-05-20', position: 7 });
    expect(a.instrumentsRequired).toBe(7);
    expect(a.shareDenominator).toBe(9);
    expect(a.date).toBe('2024-08-18');
    expect(a.parties.filter((p) => p.entryIntoForceOn !== null).map((p) => p.code)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
  });

  it('given a current denominator and a party leaving the parent, then the share can be reached without a new acceptance', () => {
    const rule: EntryIntoForceRule = { type: 'acceptance-share', share: { numerator: 3, denominator: 4 }, denominator: 'current' };
    const g: InstrumentFacts = {
      eligibleParties: parties.slice(0, 6).concat(party('P7'), party('P8'), party('NEW')),
      parentParties: parentParties.map((p) => (p.code === 'NEW' ? { ...p, partyUntil: '2024-06-30' } : p)),
    };
    const a = evaluateEntryIntoForce(rule, g);
    expect(a.triggeredBy).toEqual({ act: 'parent-parties-changed', party: null, on: '2024-06-30', position: null });
    expect(a.date).toBe('2024-06-30');
  });

  it('given a share in per cent, then the required number is rounded up', () => {
    const rule: EntryIntoForceRule = { type: 'acceptance-share', share: { percent: 50 }, denominator: 'fixed-at-adoption' };
    const a = evaluateEntryIntoForce(rule, { eligibleParties: parties, partiesAtAdoption: 7 });
    expect(a.instrumentsRequired).toBe(4);
    expect(a.triggeredBy?.party).toBe('P4');
  });

  it('given the number at adoption is unknown, then the eligible parties are taken and it is flagged', () => {
    const rule: EntryIntoForceRule = { type: 'acceptance-share', share: { numerator: 2, denominator: 3 }, denominator: 'fixed-at-adoption' };
    const a = evaluateEntryIntoForce(rule, facts(...parties));
    expect(a.flags.map((x) => x.code)).toEqual(['DENOMINATOR_ASSUMED']);
    expect(a.instrumentsRequired).toBe(6);
  });

  it('given too few acceptances, then the number still required is reported', () => {
    const rule: EntryIntoForceRule = { type: 'acceptance-share', share: { numerator: 3, denominator: 4 }, denominator: 'fixed-at-adoption' };
    const a = evaluateEntryIntoForce(rule, f, { asOf: '2024-03-31' });
    expect(a).toMatchObject({ date: null, status: 'not-in-force', instrumentsDeposited: 5, stillRequired: { instruments: 1 } });
  });
});

// ---- withdrawal --------------------------------------------------------------------------------------------

describe('withdrawal effective dates', () => {
  // In force on 2020-03-01 for all three (third deposit 2020-01-31, thirty days in a leap year).
  const rule = nInstruments(3, days(30));
  const withNotice = (withdrawal: PartyFacts['withdrawal']) => facts(deposit('AAA', '2020-01-10'), deposit('BBB', '2020-01-20'), deposit('CCC', '2020-01-31', 'ratification', { withdrawal }));
  const ccc = (terms: WithdrawalTerms | undefined, withdrawal: PartyFacts['withdrawal']) =>
    evaluateEntryIntoForce(rule, withNotice(withdrawal), terms ? { withdrawal: terms } : {}).parties.find((p) => p.code === 'CCC')!;

  it('given the three deposits, then the instrument is in force on 2020-03-01', () => {
    expect(dateOf(rule, withNotice(null))).toBe('2020-03-01');
  });

  it.each<[string, WithdrawalTerms | undefined, PartyFacts['withdrawal'], string | null, string]>([
    ['the VCLT default of twelve months', undefined, { notifiedOn: '2024-01-15' }, '2025-01-15', 'takes-effect'],
    ['twelve months from a leap day', { notice: 'months', period: 12 }, { notifiedOn: '2024-02-29' }, '2025-02-28', 'takes-effect'],
    ['ninety days', { notice: 'days', period: 90 }, { notifiedOn: '2024-01-15' }, '2024-04-14', 'takes-effect'],
    ['six months from the 31st', { notice: 'months', period: 6 }, { notifiedOn: '2023-08-31' }, '2024-02-29', 'takes-effect'],
    ['the first day of the month after twelve months', { notice: 'first-day-of-month-after-months', period: 12 }, { notifiedOn: '2024-01-15' }, '2025-02-01', 'takes-effect'],
    ['a later date named in the notice', undefined, { notifiedOn: '2024-01-15', namedEffectiveOn: '2025-06-30' }, '2025-06-30', 'takes-effect'],
    ['an earlier date named in the notice (the period still runs)', undefined, { notifiedOn: '2024-01-15', namedEffectiveOn: '2024-06-30' }, '2025-01-15', 'takes-effect'],
    ['a notice revoked before it took effect', undefined, { notifiedOn: '2024-01-15', revokedOn: '2024-06-01' }, null, 'revoked'],
    ['a revocation on the day it took effect (too late)', undefined, { notifiedOn: '2024-01-15', revokedOn: '2025-01-15' }, '2025-01-15', 'takes-effect'],
    ['a notice during a three-year lock-in', { notice: 'months', period: 12, lockInYears: 3 }, { notifiedOn: '2023-02-28' }, null, 'refused-lock-in'],
    ['a notice on the first day after the lock-in', { notice: 'months', period: 12, lockInYears: 3 }, { notifiedOn: '2023-03-01' }, '2024-03-01', 'takes-effect'],
  ])('given %s, when evaluated, then the withdrawal takes effect on %s', (_, terms, withdrawal, expected, outcome) => {
    const p = ccc(terms, withdrawal);
    expect(p.withdrawalEffectiveOn).toBe(expected);
    expect(p.withdrawal?.outcome).toBe(outcome);
  });

  it('given a lock-in, then each party is told from when it may withdraw, and a notice during it is flagged', () => {
    const a = evaluateEntryIntoForce(rule, withNotice({ notifiedOn: '2021-06-01' }), { withdrawal: { notice: 'months', period: 12, lockInYears: 3 } });
    expect(a.parties.map((p) => p.withdrawalAllowedFrom)).toEqual(['2023-03-01', '2023-03-01', '2023-03-01']);
    expect(a.flags).toEqual([expect.objectContaining({ code: 'WITHDRAWAL_DURING_LOCK_IN', party: 'CCC' })]);
  });

  it('given flags for a named date too early and a late revocation, then both are reported', () => {
    expect(ccc(undefined, { notifiedOn: '2024-01-15', namedEffectiveOn: '2024-06-30' }).withdrawal?.flags.map((x) => x.code)).toEqual(['WITHDRAWAL_NAMED_DATE_TOO_EARLY']);
    expect(ccc(undefined, { notifiedOn: '2024-01-15', revokedOn: '2025-02-01' }).withdrawal?.flags.map((x) => x.code)).toEqual(['WITHDRAWAL_REVOCATION_TOO_LATE']);
  });

  it('given a withdrawal that brings the parties below N, when looked at after it takes effect, then the instrument stays in force', () => {
    const a = evaluateEntryIntoForce(rule, withNotice({ notifiedOn: '2024-01-15' }), { asOf: '2025-06-01' });
    expect(a.status).toBe('in-force');
    expect(a.date).toBe('2020-03-01');
    expect(a.instrumentsDeposited).toBe(2);
    expect(a.stillRequired.instruments).toBe(0);
    expect(a.parties.map((p) => partyStatus(p, '2025-06-01'))).toEqual(['in-force', 'in-force', 'withdrawn']);
    expect(a.parties.map((p) => partyStatus(p, '2025-01-14'))).toEqual(['in-force', 'in-force', 'in-force']);
  });

  it('given a notice dated after asOf, when evaluated as at an earlier date, then it is not yet known', () => {
    const a = evaluateEntryIntoForce(rule, withNotice({ notifiedOn: '2024-01-15' }), { asOf: '2023-12-31' });
    expect(a.parties.find((p) => p.code === 'CCC')?.withdrawal).toBeNull();
  });

  it('given a revocation dated after asOf, when evaluated as at a date before it, then the notice still stands', () => {
    const a = evaluateEntryIntoForce(rule, withNotice({ notifiedOn: '2024-01-15', revokedOn: '2024-06-01' }), { asOf: '2024-05-01' });
    expect(a.parties.find((p) => p.code === 'CCC')?.withdrawalEffectiveOn).toBe('2025-01-15');
  });

  it('given a withdrawal that takes effect before the Nth deposit, then that instrument no longer counts', () => {
    const f = facts(
      deposit('AAA', '2020-01-01', 'ratification', { withdrawal: { notifiedOn: '2020-02-01' } }),
      deposit('BBB', '2020-06-01'),
      deposit('CCC', '2021-03-01'),
      deposit('DDD', '2021-04-01'),
    );
    const a = evaluateEntryIntoForce(rule, f);
    // AAA's withdrawal took effect on 2021-02-01, before CCC's deposit: DDD's is the third standing instrument.
    expect(a.triggeredBy).toEqual({ act: 'deposit', party: 'DDD', on: '2021-04-01', position: 4 });
    expect(a.date).toBe('2021-05-01');
    expect(a.parties.find((p) => p.code === 'AAA')?.entryIntoForceOn).toBeNull();
    expect(a.flags.map((x) => x.code)).toContain('WITHDRAWN_BEFORE_ENTRY_INTO_FORCE');
  });
});

// ---- time travel and status ---------------------------------------------------------------------------------

describe('status as at a date', () => {
  const rule = nInstruments(2, days(30));
  const f = facts(deposit('AAA', '2024-01-10'), deposit('BBB', '2024-02-10'));

  it.each([
    ['2024-02-09', 'not-in-force', null],
    ['2024-02-10', 'pending', '2024-03-11'],
    ['2024-03-10', 'pending', '2024-03-11'],
    ['2024-03-11', 'in-force', '2024-03-11'],
  ])('given asOf %s, when evaluated, then the status is %s and the date %s', (asOf, status, date) => {
    expect(evaluateEntryIntoForce(rule, f, { asOf })).toMatchObject({ status, date });
  });

  it('given an assessment made without asOf, then the status helper still answers for any date', () => {
    const a = evaluateEntryIntoForce(rule, f);
    expect(a.status).toBeNull();
    expect(['2024-02-09', '2024-02-10', '2024-03-11'].map((d) => entryIntoForceStatus(a, d))).toEqual(['not-in-force', 'pending', 'in-force']);
  });
});

// ---- MOU term through evaluateInstrument --------------------------------------------------------------------

describe('an MOU with a term', () => {
  const signedBoth = facts(party('CCLEC', { signature: { signedOn: '2017-05-23', definitive: true } }), party('CPU', { signature: { signedOn: '2017-05-23', definitive: true } }));

  it('given a two-year term without renewal, then it expires two years after signature', () => {
    const terms = { entryIntoForce: { type: 'definitive-signature-by-all' }, term: { termYears: 2, autoRenew: false } } as const;
    expect(evaluateInstrument(terms, signedBoth, { asOf: '2019-05-22' }).term).toMatchObject({ status: 'in-effect', lastDayInEffect: '2019-05-22', ceasesOn: '2019-05-23', endsBy: 'expiry' });
    expect(evaluateInstrument(terms, signedBoth, { asOf: '2019-05-23' }).term?.status).toBe('expired');
  });

  it('given a one-year term that renews, then on a later date the current term is the fourth', () => {
    const terms = { entryIntoForce: { type: 'definitive-signature-by-all' }, term: { termYears: 1, autoRenew: true } } as const;
    const { term } = evaluateInstrument(terms, signedBoth, { asOf: '2020-06-01' });
    expect(term).toMatchObject({ status: 'in-effect', renewals: 3, ceasesOn: null, currentTerm: { number: 4, startsOn: '2020-05-23', lastDay: '2021-05-22' } });
  });
});

describe('reservations', () => {
  it.each([
    ['2024-01-15', undefined, '2025-01-15'],
    ['2024-02-29', undefined, '2025-02-28'],
    ['2024-01-15', '2025-06-01', '2025-06-01'],
    ['2024-01-15', '2024-06-01', '2025-01-15'],
  ])('given a reservation notified on %s (consent %s), then objections may be made until %s (VCLT 20(5))', (notifiedOn, consentOn, expected) => {
    expect(reservationObjectionWindowEnd(notifiedOn, consentOn)).toBe(expected);
  });
});
