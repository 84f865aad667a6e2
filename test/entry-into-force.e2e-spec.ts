/**
 * Entry into force over HTTP: for each shape of final clause, create an instrument with that rule, record the
 * acts through the API, and read the computed dates from GET /api/instruments/:id (the `assessment` as at
 * today and today's `stage`). Acts are dated in the past (the domain refuses future dates); projected dates
 * may lie ahead of today, which is the real server clock here.
 */
import { addDays, format } from 'date-fns';
import { ENTRY_INTO_FORCE_RULE_EXAMPLES, TERM_EXAMPLES } from '#libs/entry-into-force';
import { api, startTestApp, type ApiResponse, type TestApp } from './support/test-app.js';

const PARTIES = [
  { code: 'ATG', name: 'Antigua and Barbuda', kind: 'state' },
  { code: 'BRB', name: 'Barbados', kind: 'state' },
  { code: 'BLZ', name: 'Belize', kind: 'state' },
  { code: 'JAM', name: 'Jamaica', kind: 'state' },
  { code: 'GUY', name: 'Guyana', kind: 'state' },
  { code: 'CCLEC', name: 'Caribbean Customs Law Enforcement Council', kind: 'organisation' },
  { code: 'CPU', name: 'Caribbean Postal Union', kind: 'organisation' },
];
const FIVE_STATES = ['ATG', 'BRB', 'BLZ', 'JAM', 'GUY'];

const TEXT = {
  preamble: 'The Parties, desiring to cooperate in customs matters,',
  articles: [{ number: '1', heading: 'Cooperation', body: 'The Parties shall assist each other.' }],
};
const SIGNATORY = { name: 'Illustrative Signatory', title: 'Head of Delegation' };
const ALL_FOUR = ['ratification', 'acceptance', 'approval', 'accession'];
const nth = (count: number, timing: object, extra: object = {}) => ({ type: 'instruments', count, countedConsents: ALL_FOUR, timing, ...extra });
const days = (n: number) => ({ kind: 'days-after', days: n });

describe('entry into force over HTTP', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    app = await startTestApp();
    http = api(app.url);
    for (const party of PARTIES) expect((await http.post('/api/parties', party)).status).toBe(201);
  });
  afterAll(() => app.close());

  // ---- helpers ----------------------------------------------------------------------------------------------

  /** The status, with the body shown when it is not the one expected. */
  const expectStatus = (response: ApiResponse, status: number) => expect({ status: response.status, body: response.body }).toMatchObject({ status });
  const post = async (path: string, body: unknown, status = 201) => {
    const response = await http.post(path, body);
    expectStatus(response, status);
    return response.body;
  };
  const typesOf = (body: { events: { type: string }[] }) => body.events.map((e) => e.type);

  const create = async (body: Record<string, unknown>) => (await post('/api/instruments', { kind: 'treaty', title: 'An instrument', text: TEXT, preparedOn: '1985-01-02', ...body })).id as string;
  /** Created, reviewed, approved; adopted (except an MOU) and open for signature from 2019-06-01. */
  const openInstrument = async (body: Record<string, unknown>) => {
    const id = await create(body);
    const base = `/api/instruments/${id}`;
    await post(`${base}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`${base}/reviews/decision`, { decision: 'approve' });
    if (body.kind !== 'mou') await post(`${base}/adoption`, { adoptedOn: '2019-05-10', place: 'Castries', method: 'consensus' });
    const opening = await post(`${base}/signature-opening`, { opensOn: '2019-06-01', place: 'Castries' });
    return { id, base, opening };
  };
  const sign = (base: string, code: string, signedOn: string, definitive = false) => post(`${base}/parties/${code}/signature`, { signedOn, signatory: SIGNATORY, definitive });
  const deposit = (base: string, code: string, kind: string, depositedOn: string) => post(`${base}/parties/${code}/consent`, { kind, depositedOn });
  const accede = (base: string, code: string, depositedOn: string) => deposit(base, code, 'accession', depositedOn);

  const read = async (base: string) => {
    const response = await http.get(base);
    expectStatus(response, 200);
    return response.body;
  };
  const assessmentOf = async (base: string) => (await read(base)).assessment.entryIntoForce;
  const partyDates = (eif: { parties: { code: string; entryIntoForceOn: string | null }[] }) =>
    Object.fromEntries(eif.parties.map((p) => [p.code, p.entryIntoForceOn]));
  const partyOf = (eif: { parties: { code: string }[] }, code: string): any => eif.parties.find((p) => p.code === code);
  const history = async (id: string) => (await http.get(`/api/instruments/${id}/events`)).body.events as { id: string; type: string; data: any }[];
  const head = async () => (await http.get('/health')).body.eventStore.head;

  // ---- each rule shape ----------------------------------------------------------------------------------------

  it('N instruments, then days: instruments still required, the date, and a later accession’s own date', async () => {
    const { base } = await openInstrument({ eligibleParties: FIVE_STATES, entryIntoForce: nth(3, days(30)) });
    await accede(base, 'ATG', '2020-01-10');
    await accede(base, 'BRB', '2020-01-20');
    let instrument = await read(base);
    expect(instrument.stage).toBe('open-for-signature');
    expect(instrument.assessment.entryIntoForce).toMatchObject({ status: 'not-in-force', date: null, instrumentsRequired: 3, instrumentsDeposited: 2 });
    expect(instrument.assessment.entryIntoForce.stillRequired).toEqual({ instruments: 1, qualifying: null, weightPercent: null });

    const third = await accede(base, 'BLZ', '2020-01-31');
    expect(typesOf(third)).toEqual(['ConsentDeposited.v1', 'EntryIntoForceDetermined.v1']);
    expect(third.events[1].data).toEqual({ date: '2020-03-01', rule: 'instruments', supersedes: null });

    await accede(base, 'JAM', '2020-06-15');
    instrument = await read(base);
    expect(instrument.stage).toBe('in-force');
    expect(instrument.entryIntoForce.date).toBe('2020-03-01');
    expect(instrument.assessment.entryIntoForce).toMatchObject({ status: 'in-force', date: '2020-03-01', triggerMetOn: '2020-01-31', stillRequired: { instruments: 0 } });
    expect(instrument.assessment.entryIntoForce.triggeredBy).toEqual({ act: 'deposit', party: 'BLZ', on: '2020-01-31', position: 3 });
    expect(partyDates(instrument.assessment.entryIntoForce)).toEqual({ ATG: '2020-03-01', BRB: '2020-03-01', BLZ: '2020-03-01', JAM: '2020-07-15', GUY: null });
    expect(instrument.assessment.term).toBeNull();
  });

  it('N instruments with a qualifier, then the first day of the month after three months', async () => {
    const rule = ENTRY_INTO_FORCE_RULE_EXAMPLES.instrumentsMonthsQualified.value; // three States, two of ATG, BRB, BLZ, JAM
    const { base } = await openInstrument({ eligibleParties: [...FIVE_STATES, 'CCLEC'], entryIntoForce: rule });
    await accede(base, 'GUY', '2020-01-10');
    await accede(base, 'CCLEC', '2020-01-15'); // an organisation: not one of the States counted
    await accede(base, 'ATG', '2020-02-05');
    let eif = await assessmentOf(base);
    expect(eif).toMatchObject({ date: null, instrumentsDeposited: 2, qualifyingDeposited: 1 });
    expect(eif.stillRequired).toEqual({ instruments: 1, qualifying: 1, weightPercent: null });

    const met = await accede(base, 'BRB', '2020-11-30');
    expect(met.events[1].data.date).toBe('2021-03-01');
    await accede(base, 'JAM', '2021-05-31');
    eif = await assessmentOf(base);
    expect(eif).toMatchObject({ status: 'in-force', date: '2021-03-01', stillRequired: { instruments: 0, qualifying: 0 } });
    expect(partyDates(eif)).toEqual({ ATG: '2021-03-01', BRB: '2021-03-01', BLZ: null, JAM: '2021-09-01', GUY: '2021-03-01', CCLEC: '2021-03-01' });
  });

  it('N instruments holding a weight; an organisation not counted in addition to its members', async () => {
    const rule = nth(3, days(90), {
      weight: { shares: { ATG: 40, BRB: 30, BLZ: 20, JAM: 10 }, minimumPercent: 50 },
      organisationMembers: { CCLEC: ['BLZ', 'JAM'] },
    });
    const { base } = await openInstrument({ eligibleParties: [...FIVE_STATES, 'CCLEC'], entryIntoForce: rule });
    await accede(base, 'CCLEC', '2020-01-10');
    await accede(base, 'ATG', '2020-02-01');
    expect(await assessmentOf(base)).toMatchObject({ instrumentsDeposited: 2, weightPercent: 40 });
    await accede(base, 'BLZ', '2020-03-01');
    const eif = await assessmentOf(base);
    expect(eif).toMatchObject({ date: null, instrumentsDeposited: 2, weightPercent: 60 });
    expect(eif.stillRequired).toEqual({ instruments: 1, qualifying: null, weightPercent: 0 });
    const met = await accede(base, 'BRB', '2020-04-01');
    expect(met.events[1].data.date).toBe('2020-06-30');
    expect(await assessmentOf(base)).toMatchObject({ status: 'in-force', date: '2020-06-30', weightPercent: 90 });
  });

  it('all named parties: in force on the latest of their deposits', async () => {
    const { base } = await openInstrument({ eligibleParties: FIVE_STATES, entryIntoForce: ENTRY_INTO_FORCE_RULE_EXAMPLES.allNamed.value });
    await accede(base, 'ATG', '2020-01-10');
    await accede(base, 'BLZ', '2020-03-20');
    await accede(base, 'GUY', '2020-03-25');
    expect(await assessmentOf(base)).toMatchObject({ date: null, awaiting: ['BRB'], stillRequired: { instruments: 1 } });
    const last = await accede(base, 'BRB', '2020-02-01');
    expect(last.events[1].data).toEqual({ date: '2020-03-20', rule: 'all-named', supersedes: null });
    expect(partyDates(await assessmentOf(base))).toEqual({ ATG: '2020-03-20', BRB: '2020-03-20', BLZ: '2020-03-20', JAM: null, GUY: '2020-03-25' });
  });

  it('bilateral: the first day of the month following the later notification', async () => {
    const { base } = await openInstrument({ kind: 'agreement', eligibleParties: ['JAM', 'BRB'], entryIntoForce: ENTRY_INTO_FORCE_RULE_EXAMPLES.bilateral.value });
    await sign(base, 'JAM', '2019-06-10');
    await sign(base, 'BRB', '2019-06-12');
    const first = await post(`${base}/parties/JAM/notification`, { notifiedOn: '2020-03-10' });
    expect(typesOf(first)).toEqual(['InternalProceduresNotified.v1']);
    expect(await assessmentOf(base)).toMatchObject({ date: null, awaiting: ['BRB'], stillRequired: { instruments: 1 } });

    const second = await post(`${base}/parties/BRB/notification`, { notifiedOn: '2020-02-01' });
    expect(typesOf(second)).toEqual(['InternalProceduresNotified.v1', 'EntryIntoForceDetermined.v1']);
    const instrument = await read(base);
    expect(instrument.stage).toBe('in-force');
    expect(instrument.assessment.entryIntoForce).toMatchObject({ status: 'in-force', date: '2020-04-01', awaiting: [] });
    expect(partyDates(instrument.assessment.entryIntoForce)).toEqual({ JAM: '2020-04-01', BRB: '2020-04-01' });

    const again = await http.post(`${base}/parties/BRB/notification`, { notifiedOn: '2020-02-02' });
    expectStatus(again, 409);
    expect(again.body.code).toBe('ALREADY_NOTIFIED');
  });

  it('definitive signature by all (an MOU) with a term that renews, then ends on notice', async () => {
    const { id, base } = await openInstrument({ kind: 'mou', eligibleParties: ['CCLEC', 'CPU'], term: TERM_EXAMPLES.renewing.value }); // two years, renewed, a month's notice
    await sign(base, 'CCLEC', '2019-06-20', true);
    const last = await sign(base, 'CPU', '2019-07-02', true);
    expect(last.events[1].data).toEqual({ date: '2019-07-02', rule: 'definitive-signature-by-all', supersedes: null });

    let instrument = await read(base);
    expect(instrument.stage).toBe('in-force');
    const today = format(new Date(), 'yyyy-MM-dd');
    let running = 1; // two-year terms from 2019-07-02
    while (`${2019 + 2 * running}-07-02` <= today) running += 1;
    expect(instrument.assessment.term).toMatchObject({
      startsOn: '2019-07-02',
      initialTerm: { number: 1, startsOn: '2019-07-02', lastDay: '2021-07-01' },
      renews: true,
      ceasesOn: null,
      status: 'in-effect',
      renewals: running - 1,
      currentTerm: { number: running, startsOn: `${2019 + 2 * (running - 1)}-07-02` },
    });

    const notice = await post(`${base}/parties/CPU/termination-notice`, { notifiedOn: '2020-10-31' });
    expect(notice.events).toEqual([{ id: expect.any(String), type: 'TerminationNotified.v1', data: { party: 'CPU', notifiedOn: '2020-10-31', namedEffectiveOn: null } }]);
    instrument = await read(base);
    expect(instrument.assessment.term).toMatchObject({ terminationEffectiveOn: '2020-11-30', ceasesOn: '2020-11-30', lastDayInEffect: '2020-11-29', endsBy: 'termination', status: 'terminated' });
    expect(instrument.stage).toBe('terminated');
    const twice = await http.post(`${base}/parties/CCLEC/termination-notice`, { notifiedOn: '2020-11-01' });
    expectStatus(twice, 409);
    expect(twice.body.code).toBe('ALREADY_NOTIFIED');
    expect((await history(id)).map((e) => e.type).filter((t) => t === 'TerminationNotified.v1')).toHaveLength(1);
  });

  it('an MOU with a fixed term that has expired reads as terminated, with its last day', async () => {
    const { base } = await openInstrument({ kind: 'mou', eligibleParties: ['CCLEC', 'CPU'], term: TERM_EXAMPLES.fixed.value }); // five years, no renewal
    await sign(base, 'CCLEC', '2019-06-20', true);
    await sign(base, 'CPU', '2019-07-02', true);
    const instrument = await read(base);
    expect(instrument.assessment.term).toMatchObject({ startsOn: '2019-07-02', ceasesOn: '2024-07-02', lastDayInEffect: '2024-07-01', endsBy: 'expiry', status: 'expired', renews: false });
    expect(instrument.stage).toBe('terminated');
  });

  it('a fixed date: determined when the instrument opens; a party joining later is in force from its own act', async () => {
    const { base, opening } = await openInstrument({ eligibleParties: FIVE_STATES, entryIntoForce: ENTRY_INTO_FORCE_RULE_EXAMPLES.fixedDate.value }); // 2025-01-01
    expect(typesOf(opening)).toEqual(['SignatureOpened.v1', 'EntryIntoForceDetermined.v1']);
    expect(opening.events[1].data).toEqual({ date: '2025-01-01', rule: 'fixed-date', supersedes: null });
    await accede(base, 'ATG', '2019-08-01');
    const late = await accede(base, 'BRB', '2025-03-01');
    expect(typesOf(late)).toEqual(['ConsentDeposited.v1']);
    const instrument = await read(base);
    expect(instrument.stage).toBe('in-force');
    expect(instrument.assessment.entryIntoForce).toMatchObject({ status: 'in-force', date: '2025-01-01', instrumentsRequired: null });
    expect(partyDates(instrument.assessment.entryIntoForce)).toMatchObject({ ATG: '2025-01-01', BRB: '2025-03-01', BLZ: null });
  });

  it('an amendment: in force for the accepting parties once three quarters have accepted, then for each on its own date', async () => {
    const parentId = await create({ eligibleParties: ['ATG', 'BRB', 'BLZ', 'JAM'] });
    const { base } = await openInstrument({
      kind: 'amendment',
      parentId,
      eligibleParties: ['ATG', 'BRB', 'BLZ', 'JAM'],
      entryIntoForce: ENTRY_INTO_FORCE_RULE_EXAMPLES.acceptanceShare.value, // 3/4 of the parties at adoption, then 90 days
    });
    for (const code of ['ATG', 'BRB', 'BLZ', 'JAM']) await sign(base, code, '2019-06-10');
    await deposit(base, 'ATG', 'acceptance', '2020-01-10');
    await deposit(base, 'BRB', 'approval', '2020-02-10');
    expect(await assessmentOf(base)).toMatchObject({ date: null, instrumentsRequired: 3, shareDenominator: 4, stillRequired: { instruments: 1 }, flags: [] });
    const met = await deposit(base, 'BLZ', 'ratification', '2020-03-02');
    expect(met.events[1].data).toEqual({ date: '2020-05-31', rule: 'acceptance-share', supersedes: null });
    expect(partyDates(await assessmentOf(base))).toEqual({ ATG: '2020-05-31', BRB: '2020-05-31', BLZ: '2020-05-31', JAM: null });
    await deposit(base, 'JAM', 'acceptance', '2020-08-01');
    expect(partyDates(await assessmentOf(base))).toMatchObject({ JAM: '2020-10-30' });
  });

  // ---- projections, corrections, withdrawals ------------------------------------------------------------------

  it('projects a date still ahead of today: pending, not yet in force, though the determination is recorded', async () => {
    const { id, base } = await openInstrument({ eligibleParties: FIVE_STATES, entryIntoForce: nth(3, days(90)) });
    const today = new Date();
    const triggerOn = format(addDays(today, -5), 'yyyy-MM-dd');
    const expected = format(addDays(today, 85), 'yyyy-MM-dd');
    await accede(base, 'ATG', '2020-01-10');
    await accede(base, 'BRB', '2020-01-20');
    await accede(base, 'BLZ', triggerOn);
    const instrument = await read(base);
    expect(instrument.stage).toBe('open-for-signature');
    expect(instrument.entryIntoForce.date).toBe(expected);
    expect(instrument.assessment.entryIntoForce).toMatchObject({ status: 'pending', date: expected, triggerMetOn: triggerOn, stillRequired: { instruments: 0 } });
    expect(partyDates(instrument.assessment.entryIntoForce)).toMatchObject({ ATG: expected, BRB: expected, BLZ: expected });
    expect((await history(id)).at(-1)).toMatchObject({ type: 'EntryIntoForceDetermined.v1', data: { date: expected } });
  });

  it('a correction of the deciding deposit’s date moves the date: a new determination points at the old one', async () => {
    const { id, base } = await openInstrument({ eligibleParties: FIVE_STATES, entryIntoForce: nth(3, days(30)) });
    await accede(base, 'ATG', '2020-01-10');
    await accede(base, 'BRB', '2020-01-20');
    const third = await accede(base, 'BLZ', '2020-01-31');
    const [depositId, firstDeterminationId] = third.events.map((e: { id: string }) => e.id);
    const correction = await post(`${base}/corrections`, { eventId: depositId, reason: 'The register shows 3 February.', depositedOn: '2020-02-03' });
    expect(typesOf(correction)).toEqual(['ActCorrected.v1', 'EntryIntoForceDetermined.v1']);
    expect(correction.events[1].data).toEqual({ date: '2020-03-04', rule: 'instruments', supersedes: firstDeterminationId });
    const instrument = await read(base);
    expect(instrument.entryIntoForce).toEqual({ date: '2020-03-04', eventId: correction.events[1].id });
    expect(instrument.assessment.entryIntoForce.date).toBe('2020-03-04');

    // A correction that takes away the condition (the accession was a succession, which this rule does not count).
    const undone = await post(`${base}/corrections`, { eventId: depositId, reason: 'It was a notification of succession.', kind: 'succession' });
    expect(typesOf(undone)).toEqual(['ActCorrected.v1', 'EntryIntoForceDeterminationRevoked.v1']);
    expect(undone.events[1].data.supersedes).toBe(correction.events[1].id);
    const after = await read(base);
    expect(after).toMatchObject({ stage: 'open-for-signature', entryIntoForce: null });
    expect(after.assessment.entryIntoForce).toMatchObject({ status: 'not-in-force', date: null, stillRequired: { instruments: 1 } });
    expect((await history(id)).filter((e) => e.type === 'EntryIntoForceDetermined.v1')).toHaveLength(2);
  });

  it('withdrawal: lock-in, notice period, effective dates, revocation; the instrument stays in force below N', async () => {
    const { base } = await openInstrument({
      eligibleParties: FIVE_STATES,
      entryIntoForce: nth(3, days(30)),
      withdrawal: { notice: 'first-day-of-month-after-months', period: 12, lockInYears: 3 },
    });
    await accede(base, 'ATG', '2020-01-10');
    await accede(base, 'BRB', '2020-01-20');
    await accede(base, 'BLZ', '2020-01-31'); // in force 2020-03-01; no notice before 2023-03-01

    const locked = await http.post(`${base}/parties/ATG/withdrawal`, { notifiedOn: '2021-06-01' });
    expectStatus(locked, 409);
    expect(locked.body).toMatchObject({ code: 'WITHDRAWAL_LOCKED_IN', message: expect.stringContaining('2023-03-01') });
    const tooEarly = await http.post(`${base}/parties/ATG/withdrawal`, { notifiedOn: '2023-03-15', effectiveOn: '2024-03-31' });
    expectStatus(tooEarly, 400);
    expect(tooEarly.body).toMatchObject({ code: 'WITHDRAWAL_NOTICE_PERIOD', errors: [{ field: 'effectiveOn' }] });

    const atg = await post(`${base}/parties/ATG/withdrawal`, { notifiedOn: '2023-03-15' });
    expect(atg.events[0].data).toEqual({ party: 'ATG', notifiedOn: '2023-03-15', effectiveOn: '2024-04-01' });
    await post(`${base}/parties/BRB/withdrawal`, { notifiedOn: '2023-06-10', effectiveOn: '2024-12-31' });
    const revocation = await post(`${base}/parties/BRB/withdrawal/revocation`, { revokedOn: '2024-06-30' });
    expect(revocation.events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([['WithdrawalRevoked.v1', { party: 'BRB', revokedOn: '2024-06-30' }]]);
    await post(`${base}/parties/BLZ/withdrawal`, { notifiedOn: '2023-05-01' }); // effective 2024-06-01
    const outOfTime = await http.post(`${base}/parties/BLZ/withdrawal/revocation`, { revokedOn: '2024-06-01' });
    expectStatus(outOfTime, 409);
    expect(outOfTime.body.code).toBe('REVOCATION_OUT_OF_TIME');
    const nothingPending = await http.post(`${base}/parties/BRB/withdrawal/revocation`, { revokedOn: '2024-07-01' });
    expectStatus(nothingPending, 409);
    expect(nothingPending.body.code).toBe('NO_PENDING_WITHDRAWAL');

    const instrument = await read(base);
    const eif = instrument.assessment.entryIntoForce;
    expect(instrument.stage).toBe('in-force');
    expect(eif).toMatchObject({ status: 'in-force', date: '2020-03-01', instrumentsDeposited: 1, stillRequired: { instruments: 0 } });
    expect(partyOf(eif, 'ATG')).toMatchObject({ entryIntoForceOn: '2020-03-01', withdrawalAllowedFrom: '2023-03-01', withdrawalEffectiveOn: '2024-04-01' });
    expect(partyOf(eif, 'BLZ')).toMatchObject({ withdrawalEffectiveOn: '2024-06-01' });
    expect(partyOf(eif, 'BRB')).toMatchObject({ withdrawalEffectiveOn: null, withdrawal: { outcome: 'revoked', revokedOn: '2024-06-30' } });
  });

  it('a termination notice is for MOUs only', async () => {
    const { base } = await openInstrument({ eligibleParties: FIVE_STATES, entryIntoForce: nth(1, days(0)) });
    await accede(base, 'ATG', '2020-01-10');
    const refused = await http.post(`${base}/parties/ATG/termination-notice`, { notifiedOn: '2021-01-10' });
    expectStatus(refused, 409);
    expect(refused.body.code).toBe('TERMINATION_NOTICE_FOR_MOUS');
  });

  // ---- the final clauses as input -------------------------------------------------------------------------------

  it('answers 400 naming the field of an invalid rule, and appends nothing', async () => {
    const before = await head();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ entryIntoForce: nth(0, days(30)) }, 'entryIntoForce.count', 'INVALID_FINAL_CLAUSES'],
      [{ entryIntoForce: nth(3, { kind: 'weeks-after', weeks: 2 }) }, 'entryIntoForce.timing.kind', 'INVALID_FINAL_CLAUSES'],
      [{ entryIntoForce: { type: 'fixed-date', date: '2023-02-29' } }, 'entryIntoForce.date', 'INVALID_FINAL_CLAUSES'],
      [{ entryIntoForce: { type: 'bilateral', parties: ['JAM'] } }, 'entryIntoForce.parties', 'INVALID_FINAL_CLAUSES'],
      [{ withdrawal: { notice: 'years', period: 1 } }, 'withdrawal.notice', 'INVALID_FINAL_CLAUSES'],
      [{ term: { termYears: 0, autoRenew: true } }, 'term.autoRenew', 'INVALID_FINAL_CLAUSES'],
      [{ entryIntoForce: 'thirty days after the tenth' }, 'entryIntoForce', 'VALIDATION_FAILED'],
    ];
    for (const [clauses, field, code] of cases) {
      const response = await http.post('/api/instruments', { kind: 'treaty', title: 'T', eligibleParties: FIVE_STATES, ...clauses });
      expectStatus(response, 400);
      expect(response.body.code).toBe(code);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(response.body.message).toContain(code === 'VALIDATION_FAILED' ? 'entryIntoForce' : field);
    }
    expect(await head()).toBe(before);
  });

  it('revises the final clauses until adoption; the revised rule then decides the date', async () => {
    const id = await create({ eligibleParties: FIVE_STATES });
    const base = `/api/instruments/${id}`;
    expect((await read(base)).entryIntoForceRule).toEqual({ type: 'definitive-signature-by-all' });

    const rule = nth(2, { kind: 'first-day-of-month-after', months: 2 });
    const withdrawal = { notice: 'days', period: 90 };
    const revision = await post(`${base}/final-clauses`, { entryIntoForce: rule, withdrawal });
    expect(revision.events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([['FinalClausesRevised.v1', { entryIntoForce: rule, withdrawal, term: null }]]);
    expect(await read(base)).toMatchObject({ entryIntoForceRule: rule, withdrawalTerms: withdrawal, term: null, stage: 'drafting' });

    const count = (await history(id)).length;
    const invalid = await http.post(`${base}/final-clauses`, { entryIntoForce: { ...rule, countedConsents: ['ratifcation'] } });
    expectStatus(invalid, 400);
    expect(invalid.body).toMatchObject({ code: 'INVALID_FINAL_CLAUSES', errors: [{ field: 'entryIntoForce.countedConsents.0' }] });
    expect((await history(id)).length).toBe(count);

    await post(`${base}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`${base}/reviews/decision`, { decision: 'approve' });
    await post(`${base}/adoption`, { adoptedOn: '2019-05-10', place: 'Castries', method: 'consensus' });
    const late = await http.post(`${base}/final-clauses`, { entryIntoForce: nth(3, days(30)) });
    expectStatus(late, 409);
    expect(late.body.code).toBe('ILLEGAL_STAGE');

    await post(`${base}/signature-opening`, { opensOn: '2019-06-01', place: 'Castries' });
    await accede(base, 'ATG', '2020-01-10');
    const second = await accede(base, 'BRB', '2020-02-10');
    expect(second.events[1].data).toEqual({ date: '2020-05-01', rule: 'instruments', supersedes: null });
    const notice = await post(`${base}/parties/ATG/withdrawal`, { notifiedOn: '2020-11-15' });
    expect(notice.events[0].data.effectiveOn).toBe('2021-02-13');
  });

  it('documents the new routes, and an example of each rule shape that the API accepts', async () => {
    const doc = (await http.get('/api/docs-json')).body;
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/instruments',
        'GET /api/instruments/{id}',
        'POST /api/instruments/{id}/final-clauses',
        'POST /api/instruments/{id}/parties/{code}/notification',
        'POST /api/instruments/{id}/parties/{code}/withdrawal',
        'POST /api/instruments/{id}/parties/{code}/withdrawal/revocation',
        'POST /api/instruments/{id}/parties/{code}/termination-notice',
      ]),
    );
    const shapes = Object.keys(ENTRY_INTO_FORCE_RULE_EXAMPLES);
    const createExamples = doc.paths['/api/instruments'].post.requestBody.content['application/json'].examples;
    const reviseExamples = doc.paths['/api/instruments/{id}/final-clauses'].post.requestBody.content['application/json'].examples;
    expect(Object.keys(createExamples).sort()).toEqual([...shapes].sort());
    expect(Object.keys(reviseExamples).sort()).toEqual([...shapes].sort());
    const ruleTypes = new Set<string>();
    for (const shape of shapes) {
      const rule = ENTRY_INTO_FORCE_RULE_EXAMPLES[shape as keyof typeof ENTRY_INTO_FORCE_RULE_EXAMPLES].value;
      expect(createExamples[shape].value.entryIntoForce).toEqual(rule);
      expect(reviseExamples[shape].value).toEqual({ entryIntoForce: rule });
      expect(createExamples[shape].summary).toEqual(expect.any(String));
      ruleTypes.add(rule.type);
      // Each documented example is accepted as it stands (with parties registered here).
      const kind = rule.type === 'bilateral' ? 'agreement' : rule.type === 'definitive-signature-by-all' ? 'mou' : 'treaty';
      // The parties the example's rule names must be registered and eligible (the domain refuses others).
      const named = [...new Set([...JSON.stringify(rule).matchAll(/"([A-Z0-9]{2,12})"/g)].map((m) => m[1]!))];
      for (const code of named) await http.post('/api/parties', { code, name: code, kind: 'state' });
      const base = kind === 'agreement' ? ['JAM', 'BRB'] : kind === 'mou' ? ['CCLEC', 'CPU'] : FIVE_STATES;
      const eligibleParties = kind === 'agreement' ? base : [...new Set([...base, ...named])];
      const parentId = rule.type === 'acceptance-share' ? await create({ eligibleParties }) : undefined;
      const response = await http.post('/api/instruments', { ...createExamples[shape].value, kind: parentId ? 'amendment' : kind, eligibleParties, ...(parentId ? { parentId } : {}) });
      expectStatus(response, 201);
    }
    expect([...ruleTypes].sort()).toEqual(['acceptance-share', 'all-named', 'bilateral', 'definitive-signature-by-all', 'fixed-date', 'instruments']);
    const clauses = doc.components.schemas.CreateInstrumentRequestDto.properties;
    expect(Object.keys(clauses)).toEqual(expect.arrayContaining(['entryIntoForce', 'withdrawal', 'term']));
  });
});
