/**
 * The access table, walked whole: every operation of the API document × every role × its own party and another's,
 * and no credentials. Each operation states its rule in the document (`x-access`, what the guard applies); an
 * operation without one fails here. What is asserted is the guard's answer: 401 without credentials, 403 when the
 * rule refuses, anything else (2xx, or the route's own 400/404/409 for the empty body sent) when it allows.
 */
import { ROLES, type Role } from '#libs/identity';
import { demoInstrumentId } from '../apps/api/src/demo/demo-loader.js';
import { DEMO_INSTRUMENTS } from '../apps/api/src/demo/cclec-story.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';
import { pageRoutes } from '../apps/api/src/web/web.module.js';

type Rule = { public: true } | { reader: true } | { signedIn: true } | { roles: Role[]; forParty?: string };
type Operation = { 'x-access'?: Rule; parameters?: { in: string; name: string }[] };

const OWN = 'CUB';
const OTHER = 'KNA';

interface Caller {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly parties: readonly string[];
  token: string | null;
}

describe('the access table: every route × every role × own and other party, and no credentials', () => {
  let app: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>> };
  const callers: Caller[] = [
    ...ROLES.map((role) => ({ name: role, roles: [role] as Role[], parties: role === 'member-state' ? [OWN] : [], token: null as string | null })),
    { name: 'no credentials', roles: [], parties: [], token: null },
  ];

  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: 'auto' } });
    for (const caller of callers) {
      if (caller.roles.length) caller.token = await app.account(`table.${caller.name}`, caller.roles, caller.parties);
    }
    await app.account('table.target', ['donor']);
    doc = (await api(app.url).get('/api/docs-json')).body;
  }, 60_000);
  afterAll(async () => {
    await app.close();
    process.env.DEMO_DATA = 'off';
  });

  const concrete = (template: string, party: string) =>
    template
      .replace('{id}', demoInstrumentId(DEMO_INSTRUMENTS.treaty))
      .replace('{code}', party)
      .replace('{type}', 'status-report')
      .replace('{jobId}', '5a1c3e9e-0000-4000-8000-000000000001')
      .replace('{username}', 'table.target') // an account of its own: admins disable it here
      .replace('{tokenId}', '0'.repeat(32));

  /** What the rule says this caller gets for this party: allowed, or the status the guard refuses with. */
  const expected = (rule: Rule, caller: Caller, party: string): 'allowed' | 401 | 403 => {
    if ('public' in rule) return 'allowed';
    if (!caller.token) return 'reader' in rule ? 'allowed' : 401; // ANONYMOUS_READ=published by default
    if ('reader' in rule || 'signedIn' in rule) return 'allowed';
    if (!caller.roles.some((r) => rule.roles.includes(r))) return 403;
    if (rule.forParty && !caller.roles.includes('depositary') && !caller.parties.includes(party)) return 403;
    return 'allowed';
  };

  it('has a rule for every operation, and the guard answers as the rule says', async () => {
    const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ template, method: method.toUpperCase(), operation })),
    );
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((o) => !o.operation['x-access']).map((o) => `${o.method} ${o.template}`)).toEqual([]);

    const mismatches: string[] = [];
    let checked = 0;
    for (const { template, method, operation } of operations) {
      const rule = operation['x-access']!;
      // The rebuild starts a job: walked last, so that a running rebuild does not slow the rest.
      if (template === '/api/admin/projections/rebuild') continue;
      const parties = template.includes('{code}') ? [OWN, OTHER] : [OWN];
      for (const caller of callers) {
        for (const party of parties) {
          const path = concrete(template, party);
          const response = await fetch(app.url + path, {
            method,
            headers: { 'content-type': 'application/json', ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) },
            ...(method === 'POST' ? { body: '{}' } : {}),
          });
          await response.arrayBuffer();
          checked++;
          const want = expected(rule, caller, party);
          const got = response.status;
          const ok = want === 'allowed' ? got !== 401 && got !== 403 && got < 500 : got === want;
          if (!ok) mismatches.push(`${method} ${path} as ${caller.name}: expected ${want}, got ${got}`);
        }
      }
    }
    // Last, the route that starts a rebuild (administrators only).
    const rebuild = doc.paths['/api/admin/projections/rebuild']!.post!['x-access']!;
    for (const caller of [...callers].reverse()) {
      const response = await fetch(`${app.url}/api/admin/projections/rebuild`, { method: 'POST', headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {} });
      await response.arrayBuffer();
      const want = expected(rebuild, caller, OWN);
      if (want === 'allowed' ? [401, 403].includes(response.status) : response.status !== want) mismatches.push(`POST rebuild as ${caller.name}: expected ${want}, got ${response.status}`);
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  }, 120_000);

  it('covers the web pages too: each page route states a rule, and the guard answers as it says', async () => {
    const pages = pageRoutes();
    expect(pages.length).toBeGreaterThan(15);
    expect(pages.filter((p) => !p.rule).map((p) => `${p.method} ${p.path}`)).toEqual([]);
    const registered = (app.app.getHttpAdapter().getInstance().router.stack as { route?: { path: string; methods: Record<string, boolean> } }[])
      .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`) : []));
    // Every route outside the API document is a page route declared here (the document's own pages and the request-logging middleware aside).
    const documented = new Set(Object.entries(doc.paths).flatMap(([template, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${template}`)));
    const undeclared = registered.filter((r) => !r.includes('*') && !documented.has(r) && !pages.some((p) => `${p.method} ${p.path}` === r) && !r.includes('/api/docs'));
    expect(undeclared).toEqual([]);
    const mismatches: string[] = [];
    for (const { method, path: template, rule } of pages) {
      const parties = template.includes('{code}') ? [OWN, OTHER] : [OWN];
      for (const caller of callers) {
        for (const party of parties) {
          const path = concrete(template, party).replace('{act}', template.includes('{code}') ? 'signature' : 'adoption').replace('{file}', 'web.css');
          const response = await fetch(app.url + path, {
            method,
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) },
            ...(method === 'POST' ? { body: '' } : {}),
          });
          await response.arrayBuffer();
          // An act's form posts to the act's API route: what that route's rule refuses, the page answers too.
          const apiRoute = template.includes('{act}') ? (template.includes('{code}') ? '/api/instruments/{id}/parties/{code}/signature' : '/api/instruments/{id}/adoption') : null;
          const answers = [expected(rule as Rule, caller, party), ...(apiRoute && method === 'POST' ? [expected(doc.paths[apiRoute]!.post!['x-access']!, caller, party)] : [])];
          const want = answers.find((a) => a === 401) ?? answers.find((a) => a === 403) ?? 'allowed';
          const got = response.status;
          const ok = want === 'allowed' ? got !== 401 && got !== 403 && got < 500 : got === want;
          if (!ok) mismatches.push(`${method} ${path} as ${caller.name}: expected ${want}, got ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('lets a member state record its own party’s signature, and refuses another party’s with 403', async () => {
    const cuba = callers.find((c) => c.name === 'member-state')!;
    const http = api(app.url, { token: cuba.token });
    // Cuba signed in Havana in the demonstration data: its focal point records Cuba's declaration made then.
    const treaty = `/api/instruments/${demoInstrumentId(DEMO_INSTRUMENTS.treaty)}`;
    const own = await http.post(`${treaty}/parties/CUB/reservations`, { kind: 'declaration', text: 'Cuba declares…', madeOn: '2019-05-22', madeAt: 'signature' });
    expect(own.status).toBe(201);
    const events = (await api(app.url).get(`${treaty}/events`)).body.events as { id: string; metadata: { actor: string; principal: { actingFor?: string; roles: string[] } } }[];
    const recorded = events.find((e) => e.id === own.body.eventIds[0])!;
    expect(recorded.metadata).toMatchObject({ actor: 'table.member-state', principal: { actingFor: 'CUB', roles: ['member-state'] } });
    const other = await http.post(`${treaty}/parties/KNA/signature`, { signedOn: '2019-05-22', signatory: { name: 'x', title: 'y' } });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('NOT_YOUR_PARTY');
  });

  it('lets a donor read status and reports, never drafts or unpublished instruments, and write nothing', async () => {
    const donor = api(app.url, { token: callers.find((c) => c.name === 'donor')!.token });
    const treaty = demoInstrumentId(DEMO_INSTRUMENTS.treaty);
    expect((await donor.get(`/api/instruments/${treaty}/status`)).status).toBe(200);
    expect((await donor.get('/api/reports/progress?format=md')).status).toBe(200);
    // The treaty's drafts and the redline between them are the negotiation's.
    expect((await donor.get(`/api/instruments/${treaty}/documents/text?version=1`)).status).toBe(403);
    expect((await donor.get(`/api/instruments/${treaty}/documents/redline?from=1&to=2`)).status).toBe(403);
    expect((await donor.get(`/api/instruments/${treaty}/documents/text`)).status).toBe(200); // the adopted text
    const instrument = (await donor.get(`/api/instruments/${treaty}`)).body;
    expect(instrument.reviews).toEqual([]);
    expect(instrument.drafts.map((d: { version: number }) => d.version)).toEqual([instrument.adoption.version]);
    const history = (await donor.get(`/api/instruments/${treaty}/events`)).body.events as { type: string }[];
    expect(history.some((e) => e.type.startsWith('Review') || e.type.startsWith('DraftVersion'))).toBe(false);
    // The arrangement under review is not published: it does not exist for a donor.
    const acis = demoInstrumentId(DEMO_INSTRUMENTS.acis);
    expect((await donor.get(`/api/instruments/${acis}`)).status).toBe(404);
    expect((await donor.get(`/api/instruments/${acis}/status`)).status).toBe(404);
    const listed = (await donor.get('/api/instruments?pageSize=100')).body.items.map((i: { id: string }) => i.id);
    expect(listed).toContain(treaty);
    expect(listed).not.toContain(acis);
    const activity = (await donor.get('/api/activity?pageSize=100')).body.items as { type: string; instrumentId: string }[];
    expect(activity.length).toBeGreaterThan(0);
    expect(activity.some((a) => a.instrumentId === acis || a.type.startsWith('Review') || a.type === 'InstrumentCreated.v1')).toBe(false);
    // The staff see the arrangement.
    expect((await api(app.url).get(`/api/instruments/${acis}`)).status).toBe(200);
  });

  it('lets a reviewer act only in the rounds it is named in', async () => {
    const named = await app.account('acis.ioc', ['reviewer']);
    const acis = `/api/instruments/${demoInstrumentId(DEMO_INSTRUMENTS.acis)}`;
    const comment = await api(app.url, { token: named }).post(`${acis}/reviews/comments`, { author: 'IOC', text: 'Fine as drafted.' });
    expect(comment.status).toBe(201);
    const other = callers.find((c) => c.name === 'reviewer')!;
    const refused = await api(app.url, { token: other.token }).post(`${acis}/reviews/comments`, { author: 'x', text: 'y' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('NOT_A_REVIEWER');
  });
});
