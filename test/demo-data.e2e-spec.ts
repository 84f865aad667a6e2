import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DemoLoader, demoInstrumentId } from '../apps/api/src/demo/demo-loader.js';
import { DEMO_INSTRUMENTS, demoStory } from '../apps/api/src/demo/cclec-story.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

/** The first start of an empty embedded store tells the CCLEC story; the query routes show it as the log says. */
describe('the demonstration data', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  const treaty = demoInstrumentId(DEMO_INSTRUMENTS.treaty);
  const cpuMou = demoInstrumentId(DEMO_INSTRUMENTS.cpuMou);

  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_DATA: 'auto' } });
    http = api(app.url);
  });
  afterAll(async () => {
    await app.close();
    process.env.DEMO_DATA = 'off';
  });

  const status = async (id: string, asOf?: string) => {
    const response = await http.get(`/api/instruments/${id}/status${asOf ? `?asOf=${asOf}` : ''}`, { 'X-Min-Position': '1' });
    expect(response.status).toBe(200);
    return response.body;
  };

  it('opens one demonstration account per role, with passwords written once to an owner-only file, that sign in', async () => {
    const file = join(app.dataDir, 'demo-accounts.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { username: string; password: string; role: string; parties: string[] }[];
    expect(accounts.map((a) => [a.username, a.role, a.parties])).toEqual([
      ['admin', 'admin', []],
      ['legal.officer', 'legal-officer', []],
      ['depositary', 'depositary', []],
      ['acis.ioc', 'reviewer', []],
      ['donor', 'donor', []],
      ['cub.focal.point', 'member-state', ['CUB']],
      ['kna.focal.point', 'member-state', ['KNA']],
    ]);
    for (const account of accounts) {
      const response = await fetch(`${app.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: account.username, password: account.password }) });
      expect([account.username, response.status]).toEqual([account.username, 200]);
    }
  });

  it('registers the 39 member administrations and 5 organisations, and the four instruments', async () => {
    const parties = (await http.get('/api/parties?pageSize=200')).body;
    expect(parties.total).toBe(44);
    const list = parties.items;
    expect(list).toHaveLength(44);
    expect(list.filter((p: { kind: string }) => p.kind === 'organisation').map((p: { code: string }) => p.code).sort()).toEqual(['CCLEC', 'CPU', 'IMPACS', 'UNODC', 'WCO']);
    const instruments = (await http.get('/api/instruments')).body.items;
    expect(instruments).toHaveLength(4);
  });

  it('shows the treaty as the log says: changes requested by EXCO in November 2016, signed by 14 in Havana, ratified by Cuba', async () => {
    expect((await status(treaty, '2016-11-08')).stage).toBe('in-review');
    const early = await status(treaty, '2017-01-01');
    expect(early).toMatchObject({ stage: 'drafting', signatures: { total: 0 }, consents: { total: 0 } });
    expect((await status(treaty, '2017-06-01')).stage).toBe('approved');
    expect((await status(treaty, '2019-05-22')).signatures.total).toBe(14);
    const today = await status(treaty);
    expect(today).toMatchObject({ stage: 'open-for-signature', signatures: { total: 14 }, consents: { total: 1, byKind: { ratification: 1 } } });
    expect(today.entryIntoForce).toMatchObject({ status: 'not-in-force', date: null, instrumentsRequired: 10, instrumentsDeposited: 1, stillRequired: { instruments: 9 } });
    const cuba = (await http.get(`/api/instruments/${treaty}/participants`)).body;
    const rows = Array.isArray(cuba) ? cuba : cuba.participants ?? cuba.items;
    expect(rows.find((r: { party: string; code?: string }) => (r.party ?? r.code) === 'CUB')).toMatchObject({ consent: { kind: 'ratification', depositedOn: '2019-11-01' } });
  });

  it('shows one of each act of depositary practice, marked illustrative in the story', async () => {
    const row = async (instrument: string, code: string, asOf?: string) =>
      ((await http.get(`/api/instruments/${instrument}/participants${asOf ? `?asOf=${asOf}` : ''}`)).body.participants as { party: string }[]).find((p) => p.party === code) as any;
    const cuba = await row(treaty, 'CUB', '2021-01-01');
    expect(cuba.reservations[0]).toMatchObject({ kind: 'reservation', objections: [{ party: 'NLD', opposesEntryIntoForce: false, late: false, withdrawnOn: null }], withdrawnOn: null });
    expect((await row(treaty, 'CUB')).reservations[0]).toMatchObject({ withdrawnOn: '2023-07-01', objections: [{ party: 'NLD', withdrawnOn: '2021-09-01' }] });
    expect((await row(treaty, 'DOM')).provisionalApplication).toMatchObject({ basis: 'declaration', since: '2020-02-01', applied: true });
    expect((await row(treaty, 'HTI')).provisionalApplication).toMatchObject({ endedBy: 'notice', endedOn: '2022-06-01' });
    expect((await row(treaty, 'NLD')).territories).toEqual([expect.objectContaining({ territory: { code: null, name: 'Bonaire, Sint Eustatius and Saba' }, extends: true })]);
    const mou1989 = demoInstrumentId(DEMO_INSTRUMENTS.mou1989);
    expect((await row(mou1989, 'SXM')).consent).toMatchObject({ kind: 'succession', depositedOn: '2011-03-01', succeededOn: '2010-10-10' });
    const story = demoStory().filter((step) => 'command' in step && ['ObjectToReservation', 'WithdrawReservation', 'WithdrawObjection', 'NotifyProvisionalApplication', 'NotifyIntentionNotToBecomeParty', 'DeclareTerritorialApplication'].includes(step.command.type));
    expect(story.length).toBe(7);
    for (const step of story) expect([step.key, 'illustrative' in step && !!step.illustrative]).toEqual([step.key, true]);
  });

  it('shows the MOU with the Caribbean Postal Union in force since its signature at the May 2017 conference', async () => {
    expect((await status(cpuMou, '2017-05-23')).entryIntoForce.status).toBe('not-in-force');
    expect(await status(cpuMou)).toMatchObject({ stage: 'in-force', entryIntoForce: { status: 'in-force', date: '2017-05-24' } });
  });

  it('records nothing new when loaded again', async () => {
    const before = (await http.get('/health')).body.eventStore.head;
    expect(await app.app.get(DemoLoader).load()).toEqual({ recorded: 0, alreadyThere: expect.any(Number) });
    expect((await http.get('/health')).body.eventStore.head).toBe(before);
  });
});
