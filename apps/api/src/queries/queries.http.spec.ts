/**
 * The query routes over HTTP, on the real service (embedded event store and read models): read your writes,
 * time travel, paging and filters, 400s that name the parameter, and the OpenAPI document.
 */
import { api, startTestApp, type TestApp } from '../../../../test/support/test-app.js';

const TEXT = { preamble: 'The Parties,', articles: [{ number: '1', heading: 'Establishment', body: 'The Organization is established.' }] };
const signatory = { name: 'Illustrative Signatory', title: 'Head of Delegation' };

describe('query routes', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  let treaty: string;
  let draft: string;
  let last = '0';
  let jamSignature: string;
  let correctedAt: string;

  // each write answers with its log position; sending it back makes the next read wait for it
  const post = async (path: string, body: unknown) => {
    const response = await http.post(path, body);
    expect(response.status).toBe(201);
    last = response.headers.get('x-log-position') ?? last;
    return response;
  };
  const read = (path: string) => http.get(path, { 'X-Min-Position': last });

  beforeAll(async () => {
    app = await startTestApp({ env: { READ_YOUR_WRITES_TIMEOUT_MS: '300' } });
    http = api(app.url);
    for (const [code, name, kind] of [['JAM', 'Jamaica', 'state'], ['CUB', 'Cuba', 'state'], ['VGB', 'British Virgin Islands', 'territory']]) {
      await post('/api/parties', { code, name, kind });
    }
    treaty = (await post('/api/instruments', { kind: 'treaty', title: 'Treaty establishing the Caribbean Customs Organization', eligibleParties: ['JAM', 'CUB', 'VGB'], text: TEXT, preparedOn: '2016-10-03' })).body.id;
    const base = `/api/instruments/${treaty}`;
    await post(`${base}/reviews`, { reviewers: ['Legal Adviser'] });
    await post(`${base}/reviews/decision`, { decision: 'approve' });
    await post(`${base}/adoption`, { adoptedOn: '2017-05-25', place: 'Miami', method: 'consensus' });
    await post(`${base}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
    const signed = await post(`${base}/parties/JAM/signature`, { signedOn: '2019-05-23', signatory, place: 'Havana' });
    jamSignature = signed.body.events[0].id;
    await post(`${base}/parties/CUB/signature`, { signedOn: '2019-05-22', signatory, place: 'Havana' });
    await post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-01' });
    await new Promise((resolve) => setTimeout(resolve, 20)); // so that knownAt can fall strictly between two recordings
    correctedAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await post(`${base}/corrections`, { eventId: jamSignature, reason: 'The note verbale says 22 May.', signedOn: '2019-05-22' });
    draft = (await post('/api/instruments', { kind: 'mou', title: 'MOU with the Caribbean Postal Union', eligibleParties: ['JAM', 'CUB'], text: TEXT, preparedOn: '2016-10-17' })).body.id;
    await post(`/api/instruments/${draft}/reviews`, { reviewers: ['Permanent Secretary', 'Legal Adviser'], note: 'For the conference' });
  });
  afterAll(async () => {
    await app.close();
    delete process.env.READ_YOUR_WRITES_TIMEOUT_MS;
  });

  it('answers the status from the read model once it has reached the client’s position', async () => {
    const response = await read(`/api/instruments/${treaty}/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-view-source')).toBe('read-model');
    expect(BigInt(response.headers.get('x-read-model-position')!)).toBeGreaterThanOrEqual(BigInt(last));
    expect(response.headers.get('x-read-model-stale')).toBeNull();
    expect(response.body).toMatchObject({
      id: treaty,
      kind: 'treaty',
      stage: 'open-for-signature',
      currentDraftVersion: 1,
      adoption: { adoptedOn: '2017-05-25', place: 'Miami' },
      opening: { opensOn: '2019-05-22', place: 'Havana' },
      eligibleParties: 3,
      signatures: { total: 2, definitive: 0 },
      consents: { total: 1, byKind: { ratification: 1 } },
      lastAct: { type: 'ActCorrected.v1', party: null },
    });
  });

  it('travels in time: as at a legal date, and as known at a moment (the later correction unseen)', async () => {
    const before = await http.get(`/api/instruments/${treaty}/status?asOf=2017-01-01`);
    expect(before.status).toBe(200);
    expect(before.headers.get('x-view-source')).toBe('event-log');
    expect(before.body).toMatchObject({ asOf: '2017-01-01', stage: 'approved', adoption: null, signatures: { total: 0 } });

    const onTheDay = await http.get(`/api/instruments/${treaty}/participants?asOf=2019-05-22`);
    expect(onTheDay.body.participants.map((p: any) => [p.party, p.status])).toEqual([['CUB', 'signatory'], ['JAM', 'signatory'], ['VGB', 'eligible']]);
    const asKnown = await http.get(`/api/instruments/${treaty}/participants?asOf=2019-05-22&knownAt=${encodeURIComponent(correctedAt)}`);
    expect(asKnown.body).toMatchObject({ asOf: '2019-05-22', knownAt: correctedAt });
    expect(asKnown.body.participants.find((p: any) => p.party === 'JAM').signature).toBeNull(); // recorded as the 23rd then

    const live = (await read(`/api/instruments/${treaty}/participants`)).body;
    expect(live.participants.find((p: any) => p.party === 'CUB')).toMatchObject({ status: 'bound', consent: { kind: 'ratification', domesticActOn: '2019-10-01' } });
  });

  it('answers 400 naming the malformed parameter, and 404 for an unknown instrument', async () => {
    const badDate = await http.get(`/api/instruments/${treaty}/status?asOf=2019-02-30`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors).toEqual([{ field: 'asOf', message: expect.stringContaining('asOf') }]);
    const badMoment = await http.get(`/api/instruments/${treaty}/participants?knownAt=yesterday`);
    expect(badMoment.status).toBe(400);
    expect(badMoment.body.errors[0].field).toBe('knownAt');
    const badPosition = await http.get(`/api/instruments?minPosition=soon`);
    expect(badPosition.status).toBe(400);
    expect(badPosition.body.errors[0].field).toBe('minPosition');
    const badHeader = await http.get('/api/activity', { 'X-Min-Position': '-1' });
    expect(badHeader.status).toBe(400);
    expect(badHeader.body.errors[0].field).toBe('X-Min-Position');
    const missing = await http.get('/api/instruments/00000000-0000-4000-8000-000000000000/status');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('INSTRUMENT_NOT_FOUND');
  });

  it('waits a bounded time for a position not reached, then answers and says it may be stale', async () => {
    const started = Date.now();
    const response = await http.get('/api/parties', { 'X-Min-Position': '999999999' });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(response.headers.get('x-read-model-stale')).toBe('true');
    expect(response.body.items.map((p: any) => p.code)).toEqual(['CUB', 'JAM', 'VGB']);
  });

  it('lists instruments filtered by kind, stage and party, sorted and paged', async () => {
    const all = (await read('/api/instruments?sort=-title')).body;
    expect(all).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(all.items.map((i: any) => i.title)).toEqual(['Treaty establishing the Caribbean Customs Organization', 'MOU with the Caribbean Postal Union']);
    expect((await read('/api/instruments?kind=mou')).body.items.map((i: any) => i.id)).toEqual([draft]);
    expect((await read('/api/instruments?stage=in-review')).body.items.map((i: any) => i.id)).toEqual([draft]);
    expect((await read('/api/instruments?party=VGB')).body.items.map((i: any) => i.id)).toEqual([treaty]);
    expect((await read('/api/instruments?pageSize=1&page=2&sort=title')).body).toMatchObject({ total: 2, items: [{ id: treaty }] });
    expect((await http.get('/api/instruments?stage=lost')).status).toBe(400);
  });

  it('gives a party’s instruments with its acts, the activity feed and the review queue', async () => {
    const jam = (await read('/api/parties/JAM/instruments')).body;
    expect(jam.items).toEqual([
      expect.objectContaining({ instrumentId: treaty, title: 'Treaty establishing the Caribbean Customs Organization', stage: 'open-for-signature', acts: [expect.objectContaining({ act: 'signature', date: '2019-05-22', corrections: [expect.objectContaining({ reason: 'The note verbale says 22 May.' })] })] }),
    ]);
    expect((await http.get('/api/parties/ZZZ/instruments')).status).toBe(404);

    const feed = (await read('/api/activity?order=recorded&pageSize=3')).body;
    expect(feed.total).toBeGreaterThan(10);
    expect(feed.items[0]).toMatchObject({ instrumentId: draft, type: 'ReviewRequested.v1', instrumentTitle: 'MOU with the Caribbean Postal Union' });
    const cub = (await read(`/api/activity?party=CUB&instrumentId=${treaty}`)).body.items.map((i: any) => [i.type, i.legalDate]);
    expect(cub).toEqual([['ConsentDeposited.v1', '2019-11-01'], ['InstrumentSigned.v1', '2019-05-22']]);

    const reviews = (await read('/api/reviews/pending')).body;
    expect(reviews.items).toEqual([
      expect.objectContaining({ instrumentId: draft, title: 'MOU with the Caribbean Postal Union', reviewers: ['Permanent Secretary', 'Legal Adviser'], round: 1, ageDays: 0 }),
    ]);
    expect((await read('/api/reviews/pending?reviewer=Nobody')).body.total).toBe(0);
    expect((await read('/api/parties?kind=territory')).body).toEqual({ items: [expect.objectContaining({ code: 'VGB', name: 'British Virgin Islands' })], page: 1, pageSize: 20, total: 1 });
  });

  it('documents every query route in the OpenAPI document', async () => {
    const doc = (await http.get('/api/docs-json')).body;
    for (const path of [
      '/api/instruments',
      '/api/instruments/{id}/status',
      '/api/instruments/{id}/participants',
      '/api/parties/{code}/instruments',
      '/api/activity',
      '/api/reviews/pending',
      '/api/parties',
    ]) {
      expect(doc.paths[path]?.get).toBeDefined();
    }
    const parameters = doc.paths['/api/instruments/{id}/status'].get.parameters.map((p: any) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['asOf', 'knownAt', 'minPosition', 'X-Min-Position']));
  });
});
