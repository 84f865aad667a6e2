import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoLog, DEMO_PARTIES, MOU_ID, TREATY_ID } from '../fixtures/demo-log.fixture.js';
import { DOCUMENT_FORMATS, DOCUMENT_TYPES, DocumentRenderer, instrumentRecord, type DocumentFormat, type DocumentRequest, type DocumentType } from '../index.js';

const { log, acts } = buildDemoLog();
const treaty = instrumentRecord(log.stream(TREATY_ID));
const mou = instrumentRecord(log.stream(MOU_ID));
const parties = DEMO_PARTIES;

const REQUESTS: Readonly<Record<DocumentType, DocumentRequest>> = {
  text: { type: 'text', record: treaty, parties },
  redline: { type: 'redline', record: treaty, from: 1, to: 2, parties },
  'signature-page': { type: 'signature-page', record: treaty, parties },
  'status-report': { type: 'status-report', record: treaty, asOf: '2024-05-01', parties },
  notification: { type: 'notification', record: treaty, eventId: acts.cubaRatification, parties },
  'full-powers': { type: 'full-powers', record: treaty, party: 'LCA', parties },
  'instrument-of-consent': { type: 'instrument-of-consent', record: treaty, party: 'NLD', parties },
  'progress-report': { type: 'progress-report', records: [treaty, mou], asOf: '2024-05-01', parties },
};

/** The letterhead as each format opens with it: the organisation's name, then its address where known. */
const letterheadOf = (format: DocumentFormat, name: string, address?: string): string =>
  format === 'html'
    ? `<header class="letterhead">\n<div>\n<div class="organisation">${name}</div>\n${address ? `<div class="address">${address}</div>\n` : ''}</div>`
    : format === 'md'
      ? `**${name}**${address ? ` · ${address}` : ''}\n`
      : `${name.toUpperCase()}\n${address ? `${address}\n` : ''}`;

const head = (format: DocumentFormat, body: string): string => (format === 'html' ? body.slice(body.indexOf('<header')) : body);

const cases = DOCUMENT_TYPES.flatMap((type) => DOCUMENT_FORMATS.map((format) => [type, format] as const));

describe('every letterhead names the organisation given to the renderer', () => {
  const organisation = { name: 'Organisation of Eastern Caribbean Customs', address: 'Basseterre, Saint Kitts and Nevis' };
  const renderer = new DocumentRenderer({ organisation });

  it.each(cases)('%s (%s): its name and address', (type, format) => {
    const body = renderer.render({ ...REQUESTS[type], format }).body;
    expect(head(format, body).startsWith(letterheadOf(format, organisation.name, organisation.address))).toBe(true);
  });

  it.each(cases)('%s (%s): its name alone where no address is known', (type, format) => {
    const body = new DocumentRenderer({ organisation: { name: 'Caribbean Customs Law Enforcement Council' } }).render({ ...REQUESTS[type], format }).body;
    expect(head(format, body).startsWith(letterheadOf(format, 'Caribbean Customs Law Enforcement Council'))).toBe(true);
    expect(body).not.toContain('****');
  });

  it('prints no empty name when the renderer is given no organisation', () => {
    const body = new DocumentRenderer().render({ ...REQUESTS['progress-report'], format: 'md' }).body;
    expect(body).not.toContain('****');
  });

  it('is completed by organisation.json in the templates directory, which may also rename it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'organisation-'));
    try {
      writeFileSync(join(dir, 'organisation.json'), JSON.stringify({ acronym: 'OECC' }));
      const completed = new DocumentRenderer({ organisation, overridesDir: dir });
      const notification = completed.render({ ...REQUESTS.notification, format: 'txt' }).body;
      expect(notification.startsWith(letterheadOf('txt', organisation.name, organisation.address))).toBe(true);
      expect(notification).toContain('Reference: OECC/2019/');
      writeFileSync(join(dir, 'organisation.json'), JSON.stringify({ name: 'Customs Council' }));
      const renamed = new DocumentRenderer({ organisation, overridesDir: dir }).render({ ...REQUESTS['progress-report'], format: 'md' }).body;
      expect(renamed.startsWith(letterheadOf('md', 'Customs Council', organisation.address))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
