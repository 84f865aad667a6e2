/**
 * Entry into force in the query routes, over HTTP on the real service: the status and participants answers
 * carry the final clauses evaluated as at the date asked (today by default), from the live read model and from
 * the fold of the log alike, and agree with the write side's own view (GET /api/instruments/:id).
 */
import { api, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

import { recordOpenTreaty, SIGNATORY as signatory, TREATY_TEXT as TEXT } from '../../../../test/support/open-treaty.fixture.js';

describe('entry into force in the query routes', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  let treaty: string;
  let mou: string;
  let last = '0';
  let beforeJamaica: string;
  let today: string;

  const post = async (path: string, body: unknown) => {
    const response = await http.post(path, body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    last = response.headers.get('x-log-position') ?? last;
    return response;
  };
  const read = (path: string) => http.get(path, { 'X-Min-Position': last });

  beforeAll(async () => {
    app = await startTestApp();
    http = api(app.url);
    // in force on the thirtieth day after the second instrument; open, signed by Cuba
    treaty = await recordOpenTreaty(post);
    const base = `/api/instruments/${treaty}`;
    await post(`${base}/parties/CUB/reservations`, { kind: 'reservation', text: 'Article 5 does not apply.', madeOn: '2019-05-22', madeAt: 'signature' });
    await post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeJamaica = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await post(`${base}/parties/JAM/consent`, { kind: 'accession', depositedOn: '2020-01-15' });
    await post(`${base}/parties/CUB/withdrawal`, { notifiedOn: '2022-01-10' });

    // an MOU of one year, renewed automatically, ended on three months' notice
    mou = (
      await post('/api/instruments', {
        kind: 'mou',
        title: 'MOU with the Caribbean Postal Union',
        eligibleParties: ['JAM', 'CUB'],
        text: TEXT,
        preparedOn: '1985-01-02',
        term: { effectiveOn: 'entry-into-force', termYears: 1, autoRenew: true, terminationNoticeMonths: 3 },
      })
    ).body.id;
    await post(`/api/instruments/${mou}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`/api/instruments/${mou}/reviews/decision`, { decision: 'approve' });
    await post(`/api/instruments/${mou}/signature-opening`, { opensOn: '2020-01-01', place: 'Kingston' });
    await post(`/api/instruments/${mou}/parties/JAM/signature`, { signedOn: '2020-02-01', signatory, definitive: true });
    await post(`/api/instruments/${mou}/parties/CUB/signature`, { signedOn: '2020-03-01', signatory, definitive: true });
    await post(`/api/instruments/${mou}/parties/JAM/termination-notice`, { notifiedOn: '2021-06-01' });
    today = (await http.get(`/api/instruments/${treaty}/status`)).body.asOf;
  });
  afterAll(() => app.close());

  it('answers today from the read model with the write side’s assessment: in force since the date, what met the condition', async () => {
    const status = await read(`/api/instruments/${treaty}/status`);
    expect(status.headers.get('x-view-source')).toBe('read-model');
    expect(status.body).toMatchObject({
      stage: 'in-force',
      entryIntoForce: {
        rule: 'instruments',
        status: 'in-force',
        date: '2020-02-14',
        triggerMetOn: '2020-01-15',
        triggeredBy: { act: 'deposit', party: 'JAM', on: '2020-01-15', position: 2 },
        instrumentsRequired: 2,
        instrumentsDeposited: 1, // Cuba's withdrawal took effect: the treaty stays in force
        stillRequired: { instruments: 0 },
      },
      withdrawals: { notified: 1, effective: 1 },
      term: null,
    });
    const instrument = (await http.get(`/api/instruments/${treaty}`)).body;
    expect(status.body.stage).toBe(instrument.stage);
    const { parties: _parties, asOf: _asOf, ruleType: _ruleType, ...assessed } = instrument.assessment.entryIntoForce;
    expect(status.body.entryIntoForce).toEqual({ rule: 'instruments', ...assessed });
  });

  it('the live answer for today equals the fold of the log for today, status and participants', async () => {
    for (const id of [treaty, mou]) {
      const live = await read(`/api/instruments/${id}/status`);
      const folded = await http.get(`/api/instruments/${id}/status?asOf=${today}`);
      expect(folded.headers.get('x-view-source')).toBe('event-log');
      expect(folded.body).toEqual(live.body);
      const liveParticipants = await read(`/api/instruments/${id}/participants`);
      const foldedParticipants = await http.get(`/api/instruments/${id}/participants?asOf=${today}`);
      expect(foldedParticipants.body).toEqual(liveParticipants.body);
    }
  });

  it('travels in time: not in force before the condition, pending with the projected date, and as known before the second deposit', async () => {
    const before = (await http.get(`/api/instruments/${treaty}/status?asOf=2020-01-01`)).body;
    expect(before).toMatchObject({ stage: 'open-for-signature', entryIntoForce: { status: 'not-in-force', date: null, instrumentsDeposited: 1, stillRequired: { instruments: 1 } } });
    const pending = (await http.get(`/api/instruments/${treaty}/status?asOf=2020-01-20`)).body;
    expect(pending).toMatchObject({ stage: 'open-for-signature', entryIntoForce: { status: 'pending', date: '2020-02-14', stillRequired: { instruments: 0 } } });
    const participants = (await http.get(`/api/instruments/${treaty}/participants?asOf=2020-01-20`)).body.participants;
    expect(participants.find((p: any) => p.party === 'CUB')).toMatchObject({ partyStatus: 'bound-not-in-force', entryIntoForceOn: '2020-02-14' });
    const asKnown = (await http.get(`/api/instruments/${treaty}/status?knownAt=${encodeURIComponent(beforeJamaica)}`)).body;
    expect(asKnown).toMatchObject({ asOf: today, stage: 'open-for-signature', entryIntoForce: { status: 'not-in-force', date: null, stillRequired: { instruments: 1 } } });
  });

  it('gives each party’s dates, status under the final clauses, and each reservation’s objection window', async () => {
    const { participants } = (await read(`/api/instruments/${treaty}/participants`)).body;
    const byParty = Object.fromEntries(participants.map((p: any) => [p.party, p]));
    expect(byParty.JAM).toMatchObject({ status: 'bound', partyStatus: 'in-force', boundOn: '2020-01-15', boundBy: 'consent', counted: true, entryIntoForceOn: '2020-02-14', withdrawalEffectiveOn: null });
    expect(byParty.CUB).toMatchObject({
      status: 'withdrawn',
      partyStatus: 'withdrawn',
      entryIntoForceOn: '2020-02-14',
      withdrawalEffectiveOn: '2023-01-10',
      reservations: [{ kind: 'reservation', madeOn: '2019-05-22', objectionWindowEndsOn: '2020-05-22' }],
    });
    expect(byParty.VGB).toMatchObject({ status: 'eligible', partyStatus: 'not-bound', entryIntoForceOn: null });
    const instrument = (await http.get(`/api/instruments/${treaty}`)).body;
    for (const p of instrument.assessment.entryIntoForce.parties) {
      expect([byParty[p.code].entryIntoForceOn, byParty[p.code].withdrawalEffectiveOn]).toEqual([p.entryIntoForceOn, p.withdrawalEffectiveOn]);
    }
  });

  it('shows an MOU’s term: renewals as at a date, and terminated once the notice takes effect', async () => {
    const running = (await http.get(`/api/instruments/${mou}/status?asOf=2021-05-01`)).body;
    expect(running).toMatchObject({
      stage: 'in-force',
      entryIntoForce: { rule: 'definitive-signature-by-all', status: 'in-force', date: '2020-03-01' },
      term: { startsOn: '2020-03-01', status: 'in-effect', renews: true, ceasesOn: null, currentTerm: { number: 2, startsOn: '2021-03-01' }, renewals: 1 },
    });
    const now = (await read(`/api/instruments/${mou}/status`)).body;
    expect(now).toMatchObject({ stage: 'terminated', term: { status: 'terminated', ceasesOn: '2021-09-01', endsBy: 'termination' }, terminationNotice: { by: 'JAM' } });
  });

  it('lists instruments with their entry into force as at today', async () => {
    const { items } = (await read('/api/instruments?sort=title')).body;
    expect(items.map((i: any) => [i.title, i.entryIntoForce.status, i.entryIntoForce.date, i.stage])).toEqual([
      ['MOU with the Caribbean Postal Union', 'terminated', '2020-03-01', 'terminated'],
      ['Treaty establishing the Caribbean Customs Organization', 'in-force', '2020-02-14', 'in-force'],
    ]);
  });

  it('documents the entry-into-force fields in the OpenAPI document', async () => {
    const schemas = (await http.get('/api/docs-json')).body.components.schemas;
    expect(Object.keys(schemas.EntryIntoForceResponse.properties)).toEqual(
      expect.arrayContaining(['status', 'date', 'triggeredBy', 'instrumentsRequired', 'instrumentsDeposited', 'stillRequired', 'awaiting']),
    );
    expect(Object.keys(schemas.InstrumentStatusResponse.properties)).toEqual(expect.arrayContaining(['entryIntoForce', 'term', 'stage']));
    expect(Object.keys(schemas.ParticipantResponse.properties)).toEqual(expect.arrayContaining(['entryIntoForceOn', 'withdrawalEffectiveOn', 'partyStatus']));
    expect(Object.keys(schemas.ParticipantReservationResponse.properties)).toContain('objectionWindowEndsOn');
  });
});
