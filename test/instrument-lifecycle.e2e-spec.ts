import { api, startTestApp, type TestApp } from './support/test-app.js';

const PARTIES = [
  { code: 'NLD', name: 'Netherlands', kind: 'state' },
  { code: 'GBR', name: 'United Kingdom', kind: 'state' },
  { code: 'BHS', name: 'Bahamas', kind: 'state' },
  { code: 'CUB', name: 'Cuba', kind: 'state' },
  { code: 'LCA', name: 'Saint Lucia', kind: 'state' },
  { code: 'CPU', name: 'Caribbean Postal Union', kind: 'organisation' },
];

const TEXT = {
  preamble: 'The Parties, desiring to establish the Caribbean Customs Organization,',
  articles: [
    { number: '1', heading: 'Establishment', body: 'The Caribbean Customs Organization is hereby established.' },
    { number: '2', heading: 'Mutual assistance', body: 'The Parties shall assist each other in customs matters.' },
  ],
};

describe('an instrument’s life over HTTP (embedded store)', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    app = await startTestApp();
    http = api(app.url);
    for (const party of PARTIES) expect((await http.post('/api/parties', party)).status).toBe(201);
  });
  afterAll(() => app.close());

  const createTreaty = async (eligibleParties = ['NLD', 'GBR', 'BHS', 'CUB', 'LCA']) => {
    const created = await http.post('/api/instruments', {
      kind: 'treaty',
      title: 'Agreement establishing the Caribbean Customs Organization',
      eligibleParties,
      languages: ['en', 'fr', 'es'],
      depositary: 'CCLEC Permanent Secretariat',
      text: TEXT,
      preparedOn: '2016-10-03',
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  const history = async (id: string) => (await http.get(`/api/instruments/${id}/events`)).body.events as { type: string; data: any; metadata: any; revision: number }[];

  it('takes a treaty from first draft through review, adoption, opening, signatures and ratifications', async () => {
    const id = await createTreaty();
    const base = `/api/instruments/${id}`;

    const draft2 = await http.post(`${base}/drafts`, { text: { ...TEXT, preamble: TEXT.preamble + ' considering' }, summary: 'Preamble expanded', preparedOn: '2016-12-01' });
    expect(draft2.status).toBe(201);
    expect(draft2.body.version).toBe(2);

    expect((await http.post(`${base}/reviews`, { reviewers: ['Legal Adviser, Netherlands'], note: 'For EXCO' })).status).toBe(201);
    expect((await http.post(`${base}/reviews/comments`, { author: 'Legal Adviser, Netherlands', text: 'Define customs offence.', article: '2' })).status).toBe(201);
    expect((await http.post(`${base}/reviews/decision`, { decision: 'request-changes' })).status).toBe(201);
    expect((await http.get(base)).body.stage).toBe('drafting');
    expect((await http.post(`${base}/drafts`, { text: TEXT, summary: 'Article 2 revised', preparedOn: '2017-02-01' })).body.version).toBe(3);
    expect((await http.post(`${base}/reviews`, { reviewers: ['Legal Adviser, United Kingdom'] })).status).toBe(201);
    expect((await http.post(`${base}/reviews/decision`, { decision: 'approve', comment: 'Ready' })).status).toBe(201);

    expect((await http.post(`${base}/adoption`, { adoptedOn: '2017-05-25', place: 'Miami', method: 'consensus' })).status).toBe(201);
    expect((await http.post(`${base}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' })).status).toBe(201);

    for (const code of ['NLD', 'GBR', 'BHS', 'CUB']) {
      const signed = await http.post(`${base}/parties/${code}/signature`, {
        signedOn: '2019-05-22',
        signatory: { name: 'Illustrative Signatory', title: 'Head of Delegation' },
        place: 'Havana',
      });
      expect(signed.status).toBe(201);
    }
    const ratified = await http.post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-01' });
    expect(ratified.status).toBe(201);
    expect(ratified.headers.get('etag')).toBe(`"${ratified.body.revision}"`);
    expect(Number(ratified.headers.get('x-log-position'))).toBeGreaterThan(0);
    expect((await http.post(`${base}/parties/LCA/consent`, { kind: 'accession', depositedOn: '2020-01-15' })).status).toBe(201);
    expect((await http.post(`${base}/parties/CUB/reservations`, { kind: 'declaration', text: 'Illustrative declaration.', madeOn: '2019-11-01' })).status).toBe(201);

    const instrument = (await http.get(base)).body;
    expect(instrument.stage).toBe('open-for-signature');
    expect(instrument.drafts).toHaveLength(3);
    expect(instrument.reviews.map((r: any) => r.decision)).toEqual(['request-changes', 'approve']);
    expect(instrument.adoption).toMatchObject({ adoptedOn: '2017-05-25', place: 'Miami', method: 'consensus', version: 3 });
    expect(instrument.participants.CUB.consent).toMatchObject({ kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-01' });
    expect(instrument.participants.CUB.reservations[0]).toMatchObject({ kind: 'declaration', madeAt: 'deposit' });
    expect(instrument.participants.LCA.consent.kind).toBe('accession');

    const events = await history(id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    expect(events[0].type).toBe('InstrumentCreated.v1');
    const consent = events.find((e) => e.type === 'ConsentDeposited.v1')!;
    // The actor is the authenticated principal, never a header the client chose.
    expect(consent.metadata).toMatchObject({
      legalDate: '2019-11-01',
      actor: 'secretariat',
      principal: { accountId: 'secretariat', displayName: 'Test secretariat', roles: ['admin', 'legal-officer', 'depositary'], actingFor: 'CUB' },
    });
    expect(Date.parse(consent.metadata.recordedAt)).not.toBeNaN();
    expect(consent.metadata.correlationId).toEqual(expect.any(String));
    expect(consent.metadata.causationId).toEqual(expect.any(String));
  });

  it('brings an MOU into force on definitive signature by all, skipping adoption', async () => {
    const created = await http.post('/api/instruments', { kind: 'mou', title: 'MOU between CCLEC and the Caribbean Postal Union', eligibleParties: ['LCA', 'CPU'], text: TEXT, preparedOn: '2016-10-17' });
    const base = `/api/instruments/${created.body.id}`;
    await http.post(`${base}/reviews`, { reviewers: ['Permanent Secretary'] });
    await http.post(`${base}/reviews/decision`, { decision: 'approve' });
    expect((await http.post(`${base}/signature-opening`, { opensOn: '2017-05-23', closesOn: '2017-05-25', place: 'Miami' })).status).toBe(201);
    const signatory = { name: 'Illustrative Signatory', title: 'Secretary General' };
    await http.post(`${base}/parties/LCA/signature`, { signedOn: '2017-05-24', signatory, definitive: true });
    const last = await http.post(`${base}/parties/CPU/signature`, { signedOn: '2017-05-25', signatory, definitive: true });
    expect(last.body.events.map((e: any) => e.type)).toEqual(['InstrumentSigned.v1', 'EntryIntoForceDetermined.v1']);
    const mou = (await http.get(base)).body;
    expect(mou.stage).toBe('in-force');
    expect(mou.entryIntoForce.date).toBe('2017-05-25');
  });

  it('refuses illegal acts with 409, a code and a sentence, and appends nothing', async () => {
    const id = await createTreaty(['NLD', 'CUB']);
    const base = `/api/instruments/${id}`;
    const before = (await history(id)).length;
    const early = await http.post(`${base}/parties/NLD/signature`, { signedOn: '2019-05-22', signatory: { name: 'A', title: 'B' } });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_STAGE');
    expect(early.body.message).toMatch(/stage "drafting"/);

    await http.post(`${base}/reviews`, { reviewers: ['R'] });
    await http.post(`${base}/reviews/decision`, { decision: 'approve' });
    await http.post(`${base}/adoption`, { adoptedOn: '2017-05-25', place: 'Miami', method: 'consensus' });
    await http.post(`${base}/signature-opening`, { opensOn: '2019-05-22', closesOn: '2019-12-31', place: 'Havana' });
    const ratifyUnsigned = await http.post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01' });
    expect(ratifyUnsigned.status).toBe(409);
    expect(ratifyUnsigned.body.code).toBe('SIGNATURE_REQUIRED');
    expect(ratifyUnsigned.body.message).toMatch(/accession/);
    const notEligible = await http.post(`${base}/parties/GBR/signature`, { signedOn: '2019-05-22', signatory: { name: 'A', title: 'B' } });
    expect(notEligible.body.code).toBe('PARTY_NOT_ELIGIBLE');
    const late = await http.post(`${base}/parties/NLD/signature`, { signedOn: '2020-01-02', signatory: { name: 'A', title: 'B' } });
    expect(late.body.code).toBe('SIGNATURE_AFTER_CLOSING');
    expect((await history(id)).length).toBe(before + 4);
  });

  it('answers 400 naming each bad field, 404 for unknown records, and appends nothing', async () => {
    const head = async () => (await http.get('/health')).body.eventStore.head;
    const start = await head();

    const bad = await http.post('/api/instruments', { kind: 'pact', title: '', eligibleParties: ['x'], surprise: true });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['eligibleParties', 'kind', 'surprise', 'title']);

    const id = await createTreaty(['NLD']);
    const afterCreate = await head();
    const badDate = await http.post(`/api/instruments/${id}/adoption`, { adoptedOn: '2023-02-29', place: 'Miami', method: 'vote' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors.map((e: any) => e.field)).toEqual(['adoptedOn']);
    const nested = await http.post(`/api/instruments/${id}/drafts`, { text: { preamble: 'p', articles: [{ number: '', heading: 'h' }] }, summary: 's' });
    expect(nested.status).toBe(400);
    expect(nested.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['text.articles.0.number', 'text.articles.0.body']));
    expect((await http.post('/api/instruments/not-a-uuid/drafts', { text: TEXT, summary: 's' })).body.errors[0].field).toBe('id');
    const malformed = await http.post('/api/instruments', '{"kind": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ field: 'body' }] });
    const huge = await http.post('/api/instruments', { kind: 'treaty', title: 'x', eligibleParties: [], text: { preamble: 'x'.repeat(2_000_000), articles: [] } });
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/larger than/);
    const future = await http.post(`/api/instruments/${id}/drafts`, { text: TEXT, summary: 'fine' });
    expect(future.status).toBe(201);

    const unknownInstrument = await http.get('/api/instruments/00000000-0000-4000-8000-000000000000');
    expect(unknownInstrument.status).toBe(404);
    expect(unknownInstrument.body.code).toBe('INSTRUMENT_NOT_FOUND');
    const unknownParty = await http.post('/api/instruments', { kind: 'treaty', title: 'T', eligibleParties: ['NLD', 'ZZZ'] });
    expect(unknownParty.status).toBe(404);
    expect(unknownParty.body.message).toMatch(/ZZZ/);
    expect((await http.get('/api/parties/ZZZ')).status).toBe(404);
    const noParent = await http.post('/api/instruments', { kind: 'protocol', title: 'P', eligibleParties: ['NLD'] });
    expect(noParent.status).toBe(400);
    expect(noParent.body.errors[0].field).toBe('parentId');

    expect(BigInt(await head())).toBe(BigInt(afterCreate) + 1n);
    expect(start === null || BigInt(afterCreate) > BigInt(start)).toBe(true);
  });

  it('maps If-Match to the expected revision: a stale revision is 412 and appends nothing', async () => {
    const id = await createTreaty(['NLD']);
    const base = `/api/instruments/${id}`;
    const current = await http.get(base);
    const etag = current.headers.get('etag')!;
    const ok = await http.post(`${base}/drafts`, { text: TEXT, summary: 'v2' }, { 'If-Match': etag });
    expect(ok.status).toBe(201);
    const stale = await http.post(`${base}/drafts`, { text: TEXT, summary: 'v3' }, { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('REVISION_MISMATCH');
    expect((await history(id)).filter((e) => e.type === 'DraftVersionRecorded.v2')).toHaveLength(2);
    expect((await http.post(`${base}/drafts`, { text: TEXT, summary: 'v3' }, { 'If-Match': 'W/"x"' })).status).toBe(400);
  });

  it('returns the first result for a repeated Idempotency-Key and appends nothing', async () => {
    const body = { kind: 'treaty', title: 'Idempotent treaty', eligibleParties: ['NLD'] };
    const first = await http.post('/api/instruments', body, { 'Idempotency-Key': 'create-123' });
    const again = await http.post('/api/instruments', body, { 'Idempotency-Key': 'create-123' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: first.body.id, revision: first.body.revision, position: first.body.position, replayed: true });
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const base = `/api/instruments/${first.body.id}`;
    const draft = await http.post(`${base}/drafts`, { text: TEXT, summary: 'v1' }, { 'Idempotency-Key': 'draft-1' });
    const draftAgain = await http.post(`${base}/drafts`, { text: TEXT, summary: 'v1' }, { 'Idempotency-Key': 'draft-1' });
    expect(draftAgain.body).toMatchObject({ version: draft.body.version, eventIds: draft.body.eventIds, replayed: true });
    expect((await history(first.body.id)).length).toBe(2);

    const reused = await http.post(`${base}/drafts`, { text: TEXT, summary: 'something else' }, { 'Idempotency-Key': 'draft-1' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await history(first.body.id)).length).toBe(2);

    // A key belongs to the instrument it was first used on: on another one it is refused, and nothing is recorded.
    const other = await createTreaty(['NLD']);
    const elsewhere = await http.post(`/api/instruments/${other}/drafts`, { text: TEXT, summary: 'v1' }, { 'Idempotency-Key': 'draft-1' });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await history(other)).length).toBe(2);

    // A refused request leaves no trace of its key: after a 404 and a domain refusal, the key is still free.
    const logHead = async () => (await http.get('/health')).body.eventStore.head;
    const headBefore = await logHead();
    const unknown = await http.post('/api/instruments/5a1c3e9e-0000-4000-8000-0000000000ff/drafts', { text: TEXT, summary: 'v1' }, { 'Idempotency-Key': 'fresh-key' });
    expect(unknown.status).toBe(404);
    const refused = await http.post(`/api/instruments/${other}/reviews`, { reviewers: ['x'], requestedOn: '2999-01-01' }, { 'Idempotency-Key': 'fresh-key' });
    expect(refused.status).toBe(400);
    expect(await logHead()).toBe(headBefore);
    const valid = await http.post(`/api/instruments/${other}/drafts`, { text: TEXT, summary: 'v2' }, { 'Idempotency-Key': 'fresh-key' });
    expect(valid.status).toBe(201);
    expect(valid.body.replayed).toBe(false);
  });

  it('handles 50 concurrent conflicting commands on one instrument: each lands once or is refused, nothing lost', async () => {
    const id = await createTreaty(['NLD', 'GBR', 'BHS', 'CUB', 'LCA']);
    const base = `/api/instruments/${id}`;
    await http.post(`${base}/reviews`, { reviewers: ['R'] });
    await http.post(`${base}/reviews/decision`, { decision: 'approve' });
    await http.post(`${base}/adoption`, { adoptedOn: '2017-05-25', place: 'Miami', method: 'consensus' });
    await http.post(`${base}/signature-opening`, { opensOn: '2019-05-22', place: 'Havana' });
    const before = (await history(id)).length;

    // 50 signatures at once by 5 parties (10 each): exactly one per party may land.
    const codes = ['NLD', 'GBR', 'BHS', 'CUB', 'LCA'];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        http.post(`${base}/parties/${codes[i % 5]}/signature`, { signedOn: '2019-05-22', signatory: { name: `Signatory ${i}`, title: 'Minister' } }),
      ),
    );
    const landed = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status === 409);
    expect(landed).toHaveLength(5);
    expect(refused).toHaveLength(45);
    expect(new Set(refused.map((r) => r.body.code))).toEqual(new Set(['ALREADY_SIGNED']));

    const events = await history(id);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    const signatures = events.filter((e) => e.type === 'InstrumentSigned.v1');
    expect(signatures.map((e) => e.data.party).sort()).toEqual([...codes].sort());
    expect(new Set(signatures.map((e) => e.data.signatory.name))).toEqual(new Set(landed.map((r) => r.body.events[0].data.signatory.name)));
    expect(events.length).toBe(before + 5);
  });

  it('discards a record created by mistake: gone from lists, queue and reports, kept in the log, closed to acts', async () => {
    const id = await createTreaty(['NLD', 'CUB']);
    const base = `/api/instruments/${id}`;
    const review = await http.post(`${base}/reviews`, { reviewers: ['Legal Adviser'], requestedOn: '2016-11-08' });
    const listed = async (position: string) => {
      const wait = { 'X-Min-Position': position };
      const list = (await http.get('/api/instruments?pageSize=100', wait)).body.items.map((i: { id: string }) => i.id);
      const queue = (await http.get('/api/reviews/pending?pageSize=100', wait)).body.items.map((r: { instrumentId: string }) => r.instrumentId);
      const report = (await http.get('/api/reports/progress?format=md', wait)).body as string;
      // The report names instruments by title; the other treaties of this spec share it, so count the rows.
      return { list: list.includes(id), queue: queue.includes(id), reportRows: report.split('Agreement establishing the Caribbean Customs Organization').length - 1 };
    };
    const before = await listed(review.headers.get('x-log-position')!);
    expect(before).toMatchObject({ list: true, queue: true });
    expect(before.reportRows).toBeGreaterThan(0);

    const discarded = await http.post(`${base}/discarding`, { reason: 'Recorded twice by mistake.' });
    expect(discarded.status).toBe(201);
    const after = await listed(discarded.headers.get('x-log-position')!);
    expect(after.list).toBe(false);
    expect(after.queue).toBe(false);
    expect(after.reportRows).toBe(before.reportRows - 1);
    expect((await http.get(base)).body.stage).toBe('discarded');
    expect((await history(id)).map((e) => e.type).at(-1)).toBe('InstrumentDiscarded.v1');

    const act = await http.post(`${base}/drafts`, { text: TEXT, summary: 'Again', preparedOn: '2016-12-01' });
    expect(act.status).toBe(409);
    expect(act.body.code).toBe('INSTRUMENT_DISCARDED');
  });

  it('lists every route in the OpenAPI document', async () => {
    const doc = (await http.get('/api/docs-json')).body;
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));
    for (const route of [
      'POST /api/parties',
      'GET /api/parties/{code}',
      'POST /api/instruments',
      'GET /api/instruments/{id}',
      'GET /api/instruments/{id}/events',
      'POST /api/instruments/{id}/drafts',
      'POST /api/instruments/{id}/reviews',
      'POST /api/instruments/{id}/reviews/comments',
      'POST /api/instruments/{id}/reviews/decision',
      'POST /api/instruments/{id}/adoption',
      'POST /api/instruments/{id}/signature-opening',
      'POST /api/instruments/{id}/parties/{code}/signature',
      'POST /api/instruments/{id}/parties/{code}/consent',
      'POST /api/instruments/{id}/parties/{code}/reservations',
      'POST /api/instruments/{id}/parties/{code}/withdrawal',
      'POST /api/instruments/{id}/corrections',
      'POST /api/instruments/{id}/termination',
      'GET /health',
    ]) {
      expect(routes).toContain(route);
    }
    expect(doc.components.schemas.CreateInstrumentRequestDto.properties).toHaveProperty('eligibleParties');
    expect((await fetch(`${app.url}/api/docs`)).status).toBe(200);
  });
});

describe('a restart on the same data', () => {
  it('shows the same state and history, and new commands continue the revisions', async () => {
    const first = await startTestApp();
    let http = api(first.url);
    await http.post('/api/parties', { code: 'NLD', name: 'Netherlands', kind: 'state' });
    const created = await http.post('/api/instruments', { kind: 'treaty', title: 'T', eligibleParties: ['NLD'], text: TEXT });
    const id = created.body.id;
    await http.post(`/api/instruments/${id}/drafts`, { text: TEXT, summary: 'v2' });
    const before = (await http.get(`/api/instruments/${id}`)).body;
    const eventsBefore = (await http.get(`/api/instruments/${id}/events`)).body;
    await first.close({ removeData: false });

    const second = await startTestApp({ dataDir: first.dataDir });
    http = api(second.url);
    try {
      expect((await http.get(`/api/instruments/${id}`)).body).toEqual(before);
      expect((await http.get(`/api/instruments/${id}/events`)).body).toEqual(eventsBefore);
      expect((await http.get('/api/parties/NLD')).body).toEqual({ code: 'NLD', name: 'Netherlands', kind: 'state' });
      const next = await http.post(`/api/instruments/${id}/drafts`, { text: TEXT, summary: 'v3' });
      expect(next.body.revision).toBe(before.revision + 1);
      expect(next.body.version).toBe(3);
    } finally {
      await second.close();
    }
  });
});
