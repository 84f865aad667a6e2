/**
 * Depositary practice over HTTP: objections to reservations and their withdrawal, the withdrawal of a reservation,
 * provisional and territorial application, succession; each refused where the law of treaties does not allow it,
 * and read back from the participants, the status, "as at" an earlier date and the notification in each language.
 */
import { api, startTestApp, type ApiResponse, type TestApp } from './support/test-app.js';

const PARTIES = [
  { code: 'CUB', name: 'Cuba', kind: 'state' },
  { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
  { code: 'NLD', name: 'Netherlands', kind: 'state' },
  { code: 'ABW', name: 'Aruba', kind: 'territory' },
  { code: 'SUR', name: 'Suriname', kind: 'state' },
  { code: 'GUY', name: 'Guyana', kind: 'state' },
];
const TEXT = { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Cooperation', body: 'The Parties shall assist each other.' }] };
const SIGNATORY = { name: 'Illustrative Signatory', title: 'Head of Delegation' };

describe('depositary practice over HTTP', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  let base: string;
  let reservationId: string;

  const expectStatus = (response: ApiResponse, status: number) => expect({ status: response.status, body: response.body }).toMatchObject({ status });
  let lastPosition = '0';
  const post = async (path: string, body: unknown, status = 201) => {
    const response = await http.post(path, body);
    expectStatus(response, status);
    lastPosition = response.headers.get('x-log-position') ?? lastPosition;
    return response.body;
  };
  /** Reads the live read model once it has the last write (or, with asOf, the fold of the log). */
  const read = async (path: string) => (await http.get(path, { 'x-min-position': lastPosition })).body;
  const refused = async (path: string, body: unknown, status: number, code: string) => {
    const response = await http.post(path, body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  };
  const participant = async (code: string, asOf?: string) =>
    ((await read(`${base}/participants${asOf ? `?asOf=${asOf}` : ''}`)).participants as { party: string }[]).find((p) => p.party === code) as any;

  beforeAll(async () => {
    app = await startTestApp();
    http = api(app.url);
    for (const party of PARTIES) await post('/api/parties', party);
    const id = (
      await post('/api/instruments', {
        kind: 'treaty',
        title: 'Agreement establishing the Caribbean Customs Organization (illustrative)',
        eligibleParties: ['CUB', 'LCA', 'NLD', 'ABW', 'SUR'],
        depositary: 'CCLEC Permanent Secretariat',
        entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'days-after', days: 30 } },
        provisionalApplication: { from: 'signature' },
        text: TEXT,
        preparedOn: '2018-01-02',
      })
    ).id as string;
    base = `/api/instruments/${id}`;
    await post(`${base}/reviews`, { reviewers: ['Legal Adviser'], requestedOn: '2018-02-01' });
    await post(`${base}/reviews/decision`, { decision: 'approve', decidedOn: '2018-03-01' });
    await post(`${base}/adoption`, { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus' });
    await post(`${base}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
    for (const code of ['CUB', 'LCA', 'NLD']) await post(`${base}/parties/${code}/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY });
    const reservation = await post(`${base}/parties/LCA/reservations`, { kind: 'reservation', text: 'Saint Lucia does not consider itself bound by article 1.', madeOn: '2019-05-22' });
    reservationId = reservation.eventIds[0];
  });
  afterAll(() => app.close());

  it('records an objection opposing entry into force between the two, and a late one; shows them under the reservation', async () => {
    await post(`${base}/parties/CUB/objections`, { reservationId, text: 'Cuba objects to the reservation of Saint Lucia.', objectedOn: '2019-09-02', opposesEntryIntoForce: true });
    await post(`${base}/parties/SUR/objections`, { reservationId, text: 'Suriname objects.', objectedOn: '2020-07-01' });
    const lca = await participant('LCA', '2020-12-31');
    expect(lca.reservations[0]).toMatchObject({
      objectionWindowEndsOn: '2020-05-22',
      deemedAccepted: true,
      objections: [
        { party: 'CUB', name: 'Cuba', objectedOn: '2019-09-02', opposesEntryIntoForce: true, late: false },
        { party: 'SUR', name: 'Suriname', late: true },
      ],
    });
    expect((await participant('LCA', '2019-12-31')).reservations[0]).toMatchObject({ deemedAccepted: false, objections: [{ party: 'CUB' }] });
    const status = await read(`${base}/status?asOf=2020-12-31`);
    expect(status.objections).toEqual({ total: 2, withdrawn: 0, opposingEntryIntoForce: 1, late: 1 });
  });

  it('refuses an objection by a party not entitled to become a party, to its own reservation, or to a reservation never made', async () => {
    await refused(`${base}/parties/GUY/objections`, { reservationId, text: 'Guyana objects.', objectedOn: '2019-09-02' }, 409, 'PARTY_NOT_ELIGIBLE');
    await refused(`${base}/parties/LCA/objections`, { reservationId, text: 'Saint Lucia objects.', objectedOn: '2019-09-02' }, 409, 'OWN_RESERVATION');
    await refused(`${base}/parties/NLD/objections`, { reservationId: '00000000-0000-4000-8000-000000000000', text: 'No.', objectedOn: '2019-09-02' }, 404, 'RESERVATION_NOT_FOUND');
    await refused(`${base}/parties/NLD/objections`, { reservationId, text: 'No.', objectedOn: '2019-09-02', opposesEntryIntoForce: 'yes' }, 400, 'VALIDATION_FAILED');
  });

  it('withdraws an objection and the reservation; "as at" an earlier date still shows them standing', async () => {
    const cub = await participant('CUB');
    const objectionId = cub.objectionsMade[0].eventId;
    await post(`${base}/parties/CUB/objection-withdrawals`, { objectionId, notifiedOn: '2020-09-01' });
    await refused(`${base}/parties/LCA/reservation-withdrawals`, { reservationId: objectionId, notifiedOn: '2021-01-10' }, 404, 'RESERVATION_NOT_FOUND');
    await post(`${base}/parties/LCA/reservation-withdrawals`, { reservationId, notifiedOn: '2021-01-10', effectiveOn: '2021-03-01' });
    await refused(`${base}/parties/LCA/reservation-withdrawals`, { reservationId, notifiedOn: '2021-02-10' }, 409, 'ALREADY_WITHDRAWN');
    expect((await participant('LCA', '2021-02-01')).reservations[0]).toMatchObject({ withdrawnOn: null, withdrawalEffectiveOn: '2021-03-01' });
    expect((await participant('LCA', '2021-03-01')).reservations[0]).toMatchObject({ withdrawnOn: '2021-03-01', objections: [{ party: 'CUB', withdrawnOn: '2020-09-01' }, { party: 'SUR' }] });
    expect((await participant('LCA', '2020-08-31')).reservations[0].objections[0].withdrawnOn).toBeNull();
  });

  it('applies provisionally under the final clauses from signature and by declaration, until entry into force for the party', async () => {
    expect((await participant('NLD', '2019-06-01')).provisionalApplication).toMatchObject({ basis: 'final-clauses', since: '2019-05-22', applied: true });
    await refused(`${base}/parties/NLD/provisional-application`, { notifiedOn: '2019-06-01' }, 409, 'ALREADY_APPLIED_PROVISIONALLY');
    await post(`${base}/parties/SUR/provisional-application`, { notifiedOn: '2019-07-01', appliesFrom: '2019-08-01' });
    expect((await participant('SUR', '2019-09-01')).provisionalApplication).toMatchObject({ basis: 'declaration', since: '2019-08-01', applied: true });
    // two ratifications: in force thirty days after the second, and provisional application ends then
    await post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01' });
    await post(`${base}/parties/NLD/consent`, { kind: 'ratification', depositedOn: '2019-12-02' });
    expect((await participant('NLD', '2020-01-01')).provisionalApplication).toMatchObject({ endedOn: '2020-01-01', endedBy: 'entry-into-force', applied: false });
    // the live read model (today) reads the final clauses' provisional application too
    expect((await participant('NLD')).provisionalApplication).toMatchObject({ basis: 'final-clauses', since: '2019-05-22', endedBy: 'entry-into-force' });
    // why this date, in the API and in the status report
    const status = await read(`${base}/status`);
    expect(status.entryIntoForce.explanation).toMatchObject({
      date: '2020-01-01',
      basis: 'condition-met',
      act: { party: 'NLD', act: 'deposit', kind: 'ratification', on: '2019-12-02', position: 2 },
      steps: [{ op: 'add-days', days: 30, result: '2020-01-01' }],
      text: 'The condition on the number of instruments: deposit of the second instrument (ratification) by Netherlands on 2 December 2019 (2 of the 2 required) + 30 days = 1 January 2020.',
    });
    expect((await participant('CUB')).entryIntoForceExplanation).toMatchObject({ basis: 'general-date', date: '2020-01-01' });
    const report = (await http.get(`${base}/documents/status-report?format=txt`)).body as string;
    expect(report).toContain('Why this date: deposit of the second instrument (ratification, Netherlands) on 2 December 2019, of the 2 required, + 30 days = 1 January 2020.');
    await refused(`${base}/parties/CUB/provisional-application`, { notifiedOn: '2020-02-01' }, 409, 'IN_FORCE_FOR_PARTY');
    // Suriname notifies that it will not become a party
    await post(`${base}/parties/SUR/provisional-application/termination`, { notifiedOn: '2021-04-01' });
    expect((await participant('SUR', '2021-04-01')).provisionalApplication).toMatchObject({ endedBy: 'notice', applied: false });
    await refused(`${base}/parties/CUB/provisional-application/termination`, { notifiedOn: '2021-04-01' }, 409, 'ALREADY_BOUND');
    expect((await read(`${base}/status?asOf=2019-09-01`)).provisionalApplication).toEqual({ applying: 4, ended: 0 }); // three signatories under the final clauses, Suriname by declaration;
  });

  it('refuses provisional application once the instrument is in force for the party', async () => {
    const id = (
      await post('/api/instruments', { kind: 'treaty', title: 'A second agreement (illustrative)', eligibleParties: ['CUB', 'LCA'], entryIntoForce: { type: 'instruments', count: 1, timing: { kind: 'days-after', days: 0 } }, text: TEXT, preparedOn: '2018-01-02' })
    ).id;
    const other = `/api/instruments/${id}`;
    await post(`${other}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`${other}/reviews/decision`, { decision: 'approve' });
    await post(`${other}/adoption`, { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus' });
    await post(`${other}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
    await post(`${other}/parties/CUB/consent`, { kind: 'accession', depositedOn: '2019-06-01' });
    await refused(`${other}/parties/CUB/provisional-application`, { notifiedOn: '2019-07-01' }, 409, 'IN_FORCE_FOR_PARTY');
  });

  it('extends the instrument to a registered territory by its code and to another by its name, shown under the party', async () => {
    await post(`${base}/parties/NLD/territorial-application`, { territory: 'ABW', declaredOn: '2019-12-02', effectiveOn: '2020-02-01' });
    await post(`${base}/parties/NLD/territorial-application`, { territory: 'Bonaire', extends: false, declaredOn: '2019-12-02' });
    await refused(`${base}/parties/NLD/territorial-application`, { territory: 'CUB', declaredOn: '2019-12-02' }, 409, 'NOT_A_TERRITORY');
    await refused(`${base}/parties/NLD/territorial-application`, { territory: 'XYZ', declaredOn: '2019-12-02' }, 404, 'PARTY_NOT_FOUND');
    await refused(`${base}/parties/ABW/territorial-application`, { territory: 'Bonaire', declaredOn: '2019-12-02' }, 409, 'TERRITORIAL_APPLICATION_BY_STATES');
    expect((await participant('NLD', '2020-01-15')).territories).toEqual([
      expect.objectContaining({ territory: { code: 'ABW', name: 'Aruba' }, extends: true, effectiveOn: '2020-02-01', inEffect: false }),
      expect.objectContaining({ territory: { code: null, name: 'Bonaire' }, extends: false, inEffect: true }),
    ]);
    const report = (await http.get(`${base}/documents/status-report?format=txt&asOf=2020-03-01`)).body as string;
    expect(report).toContain('Aruba');
  });

  it('records the date of succession beside that of the notification', async () => {
    await refused(`${base}/parties/LCA/consent`, { kind: 'ratification', depositedOn: '2021-05-01', succeededOn: '2021-01-01' }, 400, 'SUCCESSION_DATE_FOR_SUCCESSION');
    const id = (await post('/api/instruments', { kind: 'treaty', title: 'A third agreement (illustrative)', eligibleParties: ['SUR', 'CUB'], text: TEXT, preparedOn: '2018-01-02' })).id;
    const third = `/api/instruments/${id}`;
    await post(`${third}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`${third}/reviews/decision`, { decision: 'approve' });
    await post(`${third}/adoption`, { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus' });
    await post(`${third}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
    await post(`${third}/parties/SUR/consent`, { kind: 'succession', depositedOn: '2019-09-01', succeededOn: '2019-06-01' });
    const sur = ((await read(`${third}/participants`)).participants as any[]).find((p) => p.party === 'SUR');
    expect(sur.consent).toMatchObject({ kind: 'succession', depositedOn: '2019-09-01', succeededOn: '2019-06-01' });
  });

  it('gives every new act its depositary notification, in English, French, Spanish and Dutch', async () => {
    const events = (await http.get(`${base}/events`)).body.events as { id: string; type: string }[];
    const types = ['ReservationObjected.v1', 'ObjectionWithdrawn.v1', 'ReservationWithdrawn.v1', 'ProvisionalApplicationNotified.v1', 'ProvisionalApplicationTerminated.v1', 'TerritorialApplicationDeclared.v1'];
    for (const type of types) {
      const event = events.find((e) => e.type === type)!;
      for (const lang of ['en', 'fr', 'es', 'nl']) {
        const response = await http.get(`${base}/documents/notification?eventId=${event.id}&lang=${lang}&format=txt`);
        expect([type, lang, response.status, response.headers.get('x-language-fallback')]).toEqual([type, lang, 200, null]);
      }
    }
  });

  it('what if: projects hypothetical acts through the same rules, records nothing, and equals the outcome once recorded', async () => {
    const id = (
      await post('/api/instruments', { kind: 'treaty', title: 'A fourth agreement (illustrative)', eligibleParties: ['CUB', 'LCA', 'SUR'], entryIntoForce: { type: 'instruments', count: 2, timing: { kind: 'first-day-of-month-after-days', days: 60 } }, text: TEXT, preparedOn: '2018-01-02' })
    ).id;
    const fourth = `/api/instruments/${id}`;
    await post(`${fourth}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`${fourth}/reviews/decision`, { decision: 'approve' });
    await post(`${fourth}/adoption`, { adoptedOn: '2019-05-22', place: 'Havana', method: 'consensus' });
    await post(`${fourth}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
    await post(`${fourth}/parties/CUB/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY });
    const head = async () => (await http.get('/health')).body.eventStore.head;
    const before = await head();
    const acts = [
      { party: 'CUB', act: 'consent', kind: 'ratification', date: '2020-03-02' },
      { party: 'SUR', act: 'consent', kind: 'accession', date: '2020-04-15' },
    ];
    const projection = await http.post(`${fourth}/projection`, { acts });
    expect(projection.status).toBe(200);
    expect(await head()).toBe(before);
    // 15 April 2020 + 60 days = 14 June 2020; the first day of the following month: 1 July 2020
    expect(projection.body.status.entryIntoForce).toMatchObject({ date: '2020-07-01', explanation: { act: { party: 'SUR', position: 2 } } });
    expect(projection.body.acts.map((a: { events: { type: string }[] }) => a.events.map((e) => e.type))).toEqual([['ConsentDeposited.v1'], ['ConsentDeposited.v1', 'EntryIntoForceDetermined.v1']]);
    // anyone who may read the instrument may ask; an act the law does not allow is refused, naming it
    const anonymous = api(app.url, { token: null });
    expect((await anonymous.post(`${fourth}/projection`, { acts })).status).toBe(200);
    const refusal = await http.post(`${fourth}/projection`, { acts: [{ party: 'LCA', act: 'consent', kind: 'ratification', date: '2020-03-02' }] });
    expect({ status: refusal.status, code: refusal.body.code, field: refusal.body.errors?.[0]?.field }).toEqual({ status: 409, code: 'SIGNATURE_REQUIRED', field: 'acts.0' });
    expect(refusal.body.message).toContain('acts.0');
    expect((await http.post(`${fourth}/projection`, { acts }, { 'if-match': '"999"' })).status).toBe(412);
    expect((await http.post(`${fourth}/projection`, { acts: [] })).status).toBe(400);
    // recorded for real, the same acts give the same answer
    for (const act of acts) await post(`${fourth}/parties/${act.party}/consent`, { kind: act.kind, depositedOn: act.date });
    const status = await read(`${fourth}/status`);
    const participants = (await read(`${fourth}/participants`)).participants;
    expect(status.entryIntoForce).toEqual({ ...projection.body.status.entryIntoForce, status: status.entryIntoForce.status });
    const dates = (rows: any[]) => rows.map((p) => [p.party, p.boundOn, p.entryIntoForceOn, p.entryIntoForceExplanation?.text ?? null]);
    expect(dates(participants)).toEqual(dates(projection.body.participants));
  });
});
