import { EVENT_STORE, type EventStore } from '#libs/event-store';
import { recordOpenTreaty, SIGNATORY, TREATY_TEXT } from './support/open-treaty.fixture.js';
import { rawRequest } from './support/raw-http.js';
import { api, startTestApp, type ApiResponse, type TestApp } from './support/test-app.js';

let token = '';
/** Sent as the secretariat's officer: what these specs refuse is the input, not the caller. */
const rawPost = (url: string, path: string, headers: Record<string, string | Buffer>, body?: string) =>
  rawRequest(url, { path, headers: { authorization: `Bearer ${token}`, ...headers }, body });

/** JSON text nesting objects and arrays `depth` levels around `leaf` (built as text: JSON.stringify would recurse). */
const nested = (depth: number, leaf = '1'): string => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return open + leaf + close;
};

describe('the HTTP edge: no input gives a 5xx or a malformed event', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  let store: EventStore;
  let treaty: string;
  let base: string;

  const post = async (path: string, body: unknown) => {
    const response = await http.post(path, body);
    expect(response.status).toBe(201);
    return response;
  };

  beforeAll(async () => {
    app = await startTestApp();
    token = app.token;
    http = api(app.url);
    store = app.app.get(EVENT_STORE);
    treaty = await recordOpenTreaty(post);
    base = `/api/instruments/${treaty}`;
  });
  afterAll(() => app.close());

  /** Runs the request and expects it refused with `status`, a code and a message, and nothing appended. */
  const refused = async (status: number, send: () => Promise<ApiResponse>): Promise<ApiResponse> => {
    const head = await store.headPosition();
    const response = await send();
    expect({ status: response.status, body: response.body }).toEqual({ status, body: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
    expect(await store.headPosition()).toBe(head);
    return response;
  };
  const fields = (response: ApiResponse) => (response.body.errors ?? []).map((e: { field: string }) => e.field);

  describe('nested objects and arrays are type-checked', () => {
    it('refuses a draft without text, or with text as an array, naming the field', async () => {
      const missing = await refused(400, () => http.post(`${base}/drafts`, { summary: 'no text' }));
      expect(missing.body.errors).toEqual([{ field: 'text', message: 'text is required' }]);
      const array = await refused(400, () => http.post(`${base}/drafts`, { text: [], summary: 'array' }));
      expect(array.body.errors).toEqual([{ field: 'text', message: 'text must be an object' }]);
      const articles = await refused(400, () => http.post(`${base}/drafts`, { text: { preamble: 'p', articles: [1] }, summary: 's' }));
      expect(fields(articles)).toEqual(['text.articles']);
    });

    it('refuses text as an array on creation, and an empty eligibleParties', async () => {
      const created = await refused(400, () => http.post('/api/instruments', { kind: 'treaty', title: 'T', eligibleParties: ['JAM'], text: [] }));
      expect(fields(created)).toEqual(['text']);
      const none = await refused(400, () => http.post('/api/instruments', { kind: 'treaty', title: 'T', eligibleParties: [] }));
      expect(none.body.errors).toEqual([{ field: 'eligibleParties', message: 'eligibleParties must name at least one registered party' }]);
    });

    it('refuses a signature without signatory or with signatory as an array', async () => {
      const missing = await refused(400, () => http.post(`${base}/parties/JAM/signature`, { signedOn: '2019-05-22' }));
      expect(missing.body.errors).toEqual([{ field: 'signatory', message: 'signatory is required' }]);
      const array = await refused(400, () => http.post(`${base}/parties/JAM/signature`, { signedOn: '2019-05-22', signatory: [] }));
      expect(array.body.errors).toEqual([{ field: 'signatory', message: 'signatory must be an object' }]);
    });

    it('refuses votes as an array on adoption (it used to be stored as {} and skip the votes rule)', async () => {
      const created = await post('/api/instruments', { kind: 'treaty', title: 'Adopted by vote', eligibleParties: ['JAM'], text: TREATY_TEXT });
      const id = created.body.id as string;
      await post(`/api/instruments/${id}/reviews`, { reviewers: ['R'] });
      await post(`/api/instruments/${id}/reviews/decision`, { decision: 'approve' });
      const response = await refused(400, () => http.post(`/api/instruments/${id}/adoption`, { adoptedOn: '2017-05-25', place: 'Miami', method: 'vote', votes: [] }));
      expect(response.body.errors).toEqual([{ field: 'votes', message: 'votes must be an object' }]);
    });

    it('type-checks each field of a correction: signatory as an array, a date as null', async () => {
      const events = (await http.get(`${base}/events`)).body.events as { id: string; type: string }[];
      const signature = events.find((e) => e.type === 'InstrumentSigned.v1')!;
      const array = await refused(400, () => http.post(`${base}/corrections`, { eventId: signature.id, reason: 'r', signatory: [] }));
      expect(fields(array)).toEqual(['signatory']);
      const nullDate = await refused(400, () => http.post(`${base}/corrections`, { eventId: signature.id, reason: 'r', signedOn: null }));
      expect(fields(nullDate)).toEqual(['signedOn']);
      const name = await refused(400, () => http.post(`${base}/corrections`, { eventId: signature.id, reason: 'r', signatory: { name: 5, title: 'T' } }));
      expect(name.body.errors).toEqual([{ field: 'signatory.name', message: 'name must be a string' }]);
    });
  });

  describe('the body is checked before anything walks it', () => {
    it('refuses a body nesting 10,000 levels with BODY_TOO_DEEP on every kind of route', async () => {
      const deep = `{"code":"DEE","name":"Deep","kind":"state","extra":${nested(10_000)}}`;
      expect(deep.length).toBeGreaterThan(40_000);
      for (const path of ['/api/parties', '/api/instruments', `${base}/drafts`, `${base}/parties/JAM/signature`, '/api/admin/projections/rebuild']) {
        const response = await refused(400, () => http.post(path, deep));
        expect(response.body.code).toBe('BODY_TOO_DEEP');
      }
    });

    it('counts levels: 32 are read, 33 are refused', async () => {
      // The body itself is level 1.
      const at = (levels: number) => `{"kind":"treaty","title":"T","eligibleParties":["JAM"],"entryIntoForce":${nested(levels - 2, '{}')}}`;
      expect((await http.post('/api/instruments', at(33))).body.code).toBe('BODY_TOO_DEEP');
      expect((await refused(400, () => http.post('/api/instruments', at(32)))).body.code).not.toBe('BODY_TOO_DEEP');
    });

    it('refuses __proto__, constructor and prototype keys like any unknown field, wherever they are', async () => {
      const top = await refused(400, () => http.post('/api/parties', '{"code":"PRO","name":"Proto","kind":"state","__proto__":{"admin":true}}'));
      expect(top.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: '__proto__', message: 'property __proto__ should not exist' }] });
      const inside = await refused(400, () =>
        http.post(`${base}/parties/JAM/signature`, `{"signedOn":"2019-05-22","signatory":{"name":"A","title":"B","constructor":{"prototype":1}}}`),
      );
      expect(fields(inside)).toEqual(['signatory.constructor', 'signatory.constructor.prototype']);
    });

    it('names the type first, once per problem: a number where a string or a date is expected', async () => {
      const date = await refused(400, () => http.post(`${base}/parties/JAM/signature`, { signedOn: 20190522, signatory: SIGNATORY }));
      expect(date.body.errors).toEqual([{ field: 'signedOn', message: 'signedOn must be a string (a calendar date as YYYY-MM-DD)' }]);
      expect(date.body.message).toBe('signedOn must be a string (a calendar date as YYYY-MM-DD)');
      const text = await refused(400, () => http.post(`${base}/parties/JAM/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY, place: 42 }));
      expect(text.body.errors).toEqual([{ field: 'place', message: 'place must be a string' }]);
      const reviewers = await refused(400, () => http.post('/api/parties', { code: 12, name: 'N', kind: 'state' }));
      expect(reviewers.body.errors).toEqual([{ field: 'code', message: 'code must be a string' }]);
    });

    it('refuses legal dates before 1800 and dates that do not exist, naming the field', async () => {
      const early = await refused(400, () => http.post(`${base}/parties/JAM/signature`, { signedOn: '1799-12-31', signatory: SIGNATORY }));
      expect(early.body.errors).toEqual([{ field: 'signedOn', message: 'signedOn must be on or after 1800-01-01' }]);
      const none = await refused(400, () => http.post(`${base}/parties/JAM/signature`, { signedOn: '2023-02-30', signatory: SIGNATORY }));
      expect(none.body.errors).toEqual([{ field: 'signedOn', message: 'signedOn must be a calendar date as YYYY-MM-DD' }]);
    });

    it('answers a write without a JSON body with 415 UNSUPPORTED_MEDIA_TYPE, not a list of missing fields', async () => {
      const text = await refused(415, () => rawPost(app.url, '/api/parties', { 'content-type': 'text/plain' }, '{"code":"TXT","name":"T","kind":"state"}'));
      expect(text.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringMatching(/application\/json.*text\/plain/) });
      const form = await refused(415, () => rawPost(app.url, '/api/parties', { 'content-type': 'application/x-www-form-urlencoded' }, 'code=FRM&name=F&kind=state'));
      expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const none = await refused(415, () => rawPost(app.url, `${base}/parties/JAM/signature`, {}));
      expect(none.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const array = await refused(400, () => http.post('/api/parties', '[]'));
      expect(fields(array)).toEqual(['body']);
    });
  });

  describe('ETags are stream revisions only', () => {
    it('gives error answers and lists no ETag, and a party its stream revision', async () => {
      const missing = await http.get('/api/parties/ZZZ');
      expect(missing.status).toBe(404);
      expect(missing.headers.get('etag')).toBeNull();
      expect((await http.post('/api/parties', { code: 'x' })).headers.get('etag')).toBeNull();
      expect((await http.get('/api/parties')).headers.get('etag')).toBeNull();
      const party = await http.get('/api/parties/JAM');
      expect(party.status).toBe(200);
      expect(party.headers.get('etag')).toBe('"0"');
    });

    it('accepts If-Match: * and refuses a list of ETags or a weak ETag, naming If-Match', async () => {
      const current = (await http.get(base)).headers.get('etag')!;
      expect(current).toMatch(/^"\d+"$/);
      for (const ifMatch of [`${current}, "999"`, `W/${current}`, 'three']) {
        const response = await refused(400, () => http.post(`${base}/reviews/comments`, { author: 'A', text: 'T' }, { 'If-Match': ifMatch }));
        expect(response.body).toMatchObject({ code: 'INVALID_IF_MATCH', errors: [{ field: 'If-Match' }] });
      }
      const created = await post('/api/instruments', { kind: 'treaty', title: 'Any revision', eligibleParties: ['JAM'], text: TREATY_TEXT });
      const drafted = await http.post(`/api/instruments/${created.body.id}/drafts`, { text: TREATY_TEXT, summary: 'v2' }, { 'If-Match': '*' });
      expect(drafted.status).toBe(201);
    });
  });

  describe('parties', () => {
    it('answers an act by an unregistered party with 404 PARTY_NOT_FOUND, and a registered one not eligible with 409', async () => {
      const unknown = await refused(404, () => http.post(`${base}/parties/ZZZ/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY }));
      expect(unknown.body.code).toBe('PARTY_NOT_FOUND');
      const consent = await refused(404, () => http.post(`${base}/parties/ZZZ/consent`, { kind: 'accession', depositedOn: '2019-05-22' }));
      expect(consent.body.code).toBe('PARTY_NOT_FOUND');
      await post('/api/parties', { code: 'BRB', name: 'Barbados', kind: 'state' });
      const notEligible = await refused(409, () => http.post(`${base}/parties/BRB/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY }));
      expect(notEligible.body.code).toBe('PARTY_NOT_ELIGIBLE');
    });

    it('pages the party list as the instrument list is paged', async () => {
      const first = await http.get('/api/parties?pageSize=2&sort=-code', { 'X-Min-Position': String(await store.headPosition()) });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ items: [expect.objectContaining({ code: 'VGB' }), expect.objectContaining({ code: 'JAM' })], page: 1, pageSize: 2, total: 4 });
      const second = await http.get('/api/parties?pageSize=2&page=2&sort=-code');
      expect(second.body.items.map((p: { code: string }) => p.code)).toEqual(['CUB', 'BRB']);
      expect((await http.get('/api/parties?kind=territory')).body).toMatchObject({ items: [{ code: 'VGB' }], total: 1 });
      expect((await http.get('/api/parties?sort=size')).status).toBe(400);
    });
  });
});
