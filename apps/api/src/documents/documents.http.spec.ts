/**
 * The document routes over HTTP on the real service, with the CCLEC demonstration data loaded through the
 * command bus: every document for the demo treaty and MOU, in English and the second languages, identical on
 * re-render; 400s that list the valid values; a template override from TEMPLATES_DIR.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, startTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { DemoLoader, demoInstrumentId } from '../demo/demo-loader.js';
import { DEMO_INSTRUMENTS } from '../demo/cclec-story.js';
import { DEFAULT_ORGANISATION_NAME } from './documents.config.js';

const treaty = demoInstrumentId(DEMO_INSTRUMENTS.treaty);
const cpuMou = demoInstrumentId(DEMO_INSTRUMENTS.cpuMou);

describe('document routes', () => {
  let app: TestApp;
  let http: ReturnType<typeof api>;
  let events: { id: string; type: string; position: string }[];

  beforeAll(async () => {
    app = await startTestApp();
    await app.app.get(DemoLoader).load();
    http = api(app.url);
    events = (await http.get(`/api/instruments/${treaty}/events`)).body.events;
  });
  afterAll(() => app.close());

  const text = async (path: string) => {
    const response = await fetch(app.url + path, { headers: { authorization: `Bearer ${app.token}` } });
    return { status: response.status, headers: response.headers, body: await response.text() };
  };

  it.each([
    ['text', ''],
    ['redline', '&from=1&to=2'],
    ['signature-page', ''],
    ['status-report', '&asOf=2024-05-01'],
  ])('renders the treaty’s %s in every format, identical on re-render', async (type, extra) => {
    for (const format of ['html', 'md', 'txt']) {
      const path = `/api/instruments/${treaty}/documents/${type}?format=${format}${extra}`;
      const first = await text(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toMatch(new RegExp(`^text/(${format === 'md' ? 'markdown' : format === 'txt' ? 'plain' : 'html'}); charset=utf-8`));
      expect(first.headers.get('content-language')).toBe('en');
      expect(first.headers.get('x-log-position')).toBe(events.at(-1)!.position);
      expect(first.headers.get('x-content-type-options')).toBe('nosniff');
      expect(first.body).toContain('Agreement establishing the Caribbean Customs Organization');
      expect((await text(path)).body).toBe(first.body);
    }
  });

  it('renders the status report and a notification in French and Spanish', async () => {
    const status = await text(`/api/instruments/${treaty}/documents/status-report?asOf=2024-05-01&lang=fr&format=txt`);
    expect(status.headers.get('content-language')).toBe('fr');
    expect(status.headers.get('x-language-fallback')).toBeNull();
    expect(status.body).toContain('État au 1er mai 2024');
    const ratification = events.find((e) => e.type === 'ConsentDeposited.v1')!;
    const es = await text(`/api/instruments/${treaty}/documents/notification?eventId=${ratification.id}&lang=es&format=txt`);
    expect(es.status).toBe(200);
    expect(es.body).toContain('CUBA: RATIFICACIÓN');
    expect(es.body).toContain('1 de noviembre de 2019');
    // Rendered from the log as it stood at the act.
    expect(es.headers.get('x-log-position')).toBe(ratification.position);
  });

  it('renders the MOU with the Caribbean Postal Union, and its entry into force notification', async () => {
    const mouEvents = (await http.get(`/api/instruments/${cpuMou}/events`)).body.events as typeof events;
    const status = await text(`/api/instruments/${cpuMou}/documents/status-report?format=txt`);
    expect(status.status).toBe(200);
    expect(status.body).toMatch(/Entry into force: 24 May 2017\./);
    const entry = mouEvents.find((e) => e.type === 'EntryIntoForceDetermined.v1')!;
    const notification = await text(`/api/instruments/${cpuMou}/documents/notification?eventId=${entry.id}&format=txt&lang=fr`);
    expect(notification.body).toContain('ENTRÉE EN VIGUEUR');
    expect((await text(`/api/instruments/${cpuMou}/documents/signature-page?format=md`)).body).toContain('Caribbean Postal Union');
  });

  it('renders model instruments for a party and the progress report', async () => {
    const fullPowers = await text(`/api/parties/LCA/documents/full-powers?instrumentId=${treaty}&format=txt`);
    expect(fullPowers.status).toBe(200);
    expect(fullPowers.body).toContain('FULL POWERS');
    const consent = await text(`/api/parties/CUB/documents/instrument-of-consent?instrumentId=${treaty}&kind=ratification&format=txt`);
    expect(consent.body).toContain('INSTRUMENT OF RATIFICATION');
    const progress = await text('/api/reports/progress?asOf=2024-05-01&format=md');
    expect(progress.status).toBe(200);
    expect(progress.body).toContain('# Progress report');
    expect(progress.body).toContain('| Memorandum of Understanding between the Caribbean Customs Law Enforcement Council and the Caribbean Postal Union (Memorandum of Understanding) | In force |');
    expect(progress.body).toContain('| Open for signature | 22 May 2019 | 14 | 1 | not yet; 9 more instruments required; applied provisionally by 1 party since 1 February 2020 |');
  });

  it('says when a language fell back to English', async () => {
    const response = await text(`/api/parties/LCA/documents/full-powers?instrumentId=${treaty}&lang=es`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('en');
    expect(response.headers.get('x-language-fallback')).toBe('true');
    expect(response.headers.get('x-requested-language')).toBe('es');
  });

  it('renders the log up to a position: the same bytes as then', async () => {
    const ratification = events.find((e) => e.type === 'ConsentDeposited.v1')!;
    const then = await text(`/api/instruments/${treaty}/documents/status-report?asOf=2024-05-01&format=txt&position=${ratification.position}`);
    expect(then.headers.get('x-log-position')).toBe(ratification.position);
    expect(then.body).toContain('Parties: 1.');
  });

  it.each([
    [`/api/instruments/${treaty}/documents/minutes`, 'type must be one of: text, redline, signature-page, status-report, notification'],
    [`/api/instruments/${treaty}/documents/text?lang=de`, 'lang must be one of: en, fr, es, nl'],
    [`/api/instruments/${treaty}/documents/text?format=pdf`, 'format must be one of: html, md, txt'],
    [`/api/parties/LCA/documents/letter?instrumentId=${treaty}`, 'type must be one of: full-powers, instrument-of-consent'],
    [`/api/parties/LCA/documents/instrument-of-consent?instrumentId=${treaty}&kind=signature`, 'kind must be one of: ratification, acceptance, approval, accession, succession, formal-confirmation'],
    [`/api/instruments/${treaty}/documents/notification`, 'give its event id as ?eventId='],
    [`/api/instruments/${treaty}/documents/status-report?version=2`, 'version does not apply to the status-report document; it takes asOf'],
    ['/api/reports/progress?lang=pt', 'lang must be one of: en, fr, es, nl'],
  ])('answers 400 for %s, naming what is valid', async (path, message) => {
    const response = await http.get(path);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(message);
  });

  it('answers 404 for an unknown instrument, version or act', async () => {
    expect((await http.get('/api/instruments/00000000-0000-4000-8000-000000000000/documents/text')).status).toBe(404);
    expect((await http.get(`/api/instruments/${treaty}/documents/text?version=99`)).body.code).toBe('UNKNOWN_VERSION');
    const adoption = events.find((e) => e.type === 'TextAdopted.v1')!;
    expect((await http.get(`/api/instruments/${treaty}/documents/notification?eventId=${adoption.id}`)).body.code).toBe('NOTIFICATION_NOT_FOUND');
  });

  it.each(['full-powers', 'instrument-of-consent'])('answers 404 PARTY_NOT_FOUND for %s of a party that is not registered', async (type) => {
    const unknown = await http.get(`/api/parties/ZZZ/documents/${type}?instrumentId=${treaty}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PARTY_NOT_FOUND']);
    // Registered, but the instrument is not open to it.
    const ineligible = await http.get(`/api/parties/CPU/documents/${type}?instrumentId=${treaty}`);
    expect([ineligible.status, ineligible.body.code]).toEqual([404, 'PARTY_NOT_ELIGIBLE']);
    // Not yet registered at that point of the log.
    const before = await http.get(`/api/parties/LCA/documents/${type}?instrumentId=${treaty}&position=1`);
    expect([before.status, before.body.code]).toEqual([404, 'PARTY_NOT_FOUND']);
  });

  it('documents the routes in OpenAPI', async () => {
    const { body } = await http.get('/api/docs-json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/instruments/{id}/documents/{type}', '/api/parties/{code}/documents/{type}', '/api/reports/progress']),
    );
  });
});

/** Every document route, in every format: the letterhead opens the document. */
const everyDocument = (): string[] => {
  const routes = [
    `/api/instruments/${treaty}/documents/text?`,
    `/api/instruments/${treaty}/documents/redline?from=1&to=2&`,
    `/api/instruments/${treaty}/documents/signature-page?`,
    `/api/instruments/${treaty}/documents/status-report?asOf=2024-05-01&`,
    `/api/parties/LCA/documents/full-powers?instrumentId=${treaty}&`,
    `/api/parties/NLD/documents/instrument-of-consent?instrumentId=${treaty}&`,
    '/api/reports/progress?asOf=2024-05-01&',
  ];
  return routes.flatMap((route) => ['html', 'md', 'txt'].map((format) => `${route}format=${format}`));
};

const letterheadNames = (body: string, format: string, name: string, address?: string): boolean =>
  format === 'html'
    ? body.includes(`<div class="organisation">${name}</div>${address ? `\n<div class="address">${address}</div>` : ''}`)
    : format === 'md'
      ? body.startsWith(`**${name}**${address ? ` · ${address}` : ''}\n`)
      : body.startsWith(`${name.toUpperCase()}\n${address ? `${address}\n` : ''}`);

describe('the letterhead (ORGANISATION_NAME, ORGANISATION_ADDRESS)', () => {
  const render = async (app: TestApp, path: string) => {
    const response = await fetch(app.url + path, { headers: { authorization: `Bearer ${app.token}` } });
    expect(response.status).toBe(200);
    return response.text();
  };

  describe('by default', () => {
    let app: TestApp;
    let notification: string;
    beforeAll(async () => {
      app = await startTestApp();
      await app.app.get(DemoLoader).load();
      const events = (await api(app.url).get(`/api/instruments/${treaty}/events`)).body.events as { id: string; type: string }[];
      notification = `/api/instruments/${treaty}/documents/notification?eventId=${events.find((e) => e.type === 'ConsentDeposited.v1')!.id}&`;
    });
    afterAll(() => app.close());

    it('names the Caribbean Customs Law Enforcement Council on every document in every format', async () => {
      for (const path of [...everyDocument(), ...['html', 'md', 'txt'].map((f) => `${notification}format=${f}`)]) {
        const format = /format=(\w+)/.exec(path)![1]!;
        expect([path, letterheadNames(await render(app, path), format, DEFAULT_ORGANISATION_NAME)]).toEqual([path, true]);
      }
    });
  });

  describe('when configured', () => {
    let app: TestApp;
    const name = 'Organisation of Eastern Caribbean Customs';
    const address = 'Basseterre, Saint Kitts and Nevis';
    beforeAll(async () => {
      app = await startTestApp({ env: { ORGANISATION_NAME: name, ORGANISATION_ADDRESS: address } });
      await app.app.get(DemoLoader).load();
    });
    afterAll(async () => {
      await app.close();
      delete process.env.ORGANISATION_NAME;
      delete process.env.ORGANISATION_ADDRESS;
    });

    it('names the configured organisation, with its address, instead', async () => {
      for (const path of everyDocument()) {
        const format = /format=(\w+)/.exec(path)![1]!;
        const body = await render(app, path);
        expect([path, letterheadNames(body, format, name, address)]).toEqual([path, true]);
        expect(body).not.toContain(DEFAULT_ORGANISATION_NAME.toUpperCase());
      }
    });
  });
});

describe('the organisation’s templates (TEMPLATES_DIR)', () => {
  let dir: string;
  let app: TestApp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'org-templates-'));
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'letterhead.txt.hbs'), 'OUR LETTERHEAD: {{name}}\n');
    writeFileSync(join(dir, 'organisation.json'), JSON.stringify({ name: 'Caribbean Customs Law Enforcement Council', acronym: 'CCLEC' }));
    app = await startTestApp({ env: { TEMPLATES_DIR: dir } });
    await app.app.get(DemoLoader).load();
  });
  afterAll(async () => {
    await app.close();
    delete process.env.TEMPLATES_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('changes the output without a code change', async () => {
    const response = await fetch(`${app.url}/api/instruments/${treaty}/documents/status-report?asOf=2024-05-01&format=txt`);
    const body = await response.text();
    expect(body.startsWith('OUR LETTERHEAD: Caribbean Customs Law Enforcement Council\n')).toBe(true);
  });
});
