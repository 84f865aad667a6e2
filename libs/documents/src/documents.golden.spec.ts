import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemoLog, DEMO_ORGANISATION, DEMO_PARTIES, MOU_ID, TREATY_ID } from './fixtures/demo-log.fixture.js';
import { DOCUMENT_FORMATS, DocumentRenderer, instrumentRecord, type DocumentRequest } from './index.js';

/**
 * Golden files: every document type, in every language it is written in, in each format, rendered from the
 * fixed demo log. `UPDATE_GOLDEN=1` (re)writes them; otherwise a difference fails with the file to look at.
 */
const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '__golden__');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const { log, acts } = buildDemoLog();
const treaty = instrumentRecord(log.stream(TREATY_ID));
const mou = instrumentRecord(log.stream(MOU_ID));
const renderer = new DocumentRenderer({ organisation: DEMO_ORGANISATION });
const parties = DEMO_PARTIES;

type Case = readonly [name: string, langs: readonly string[], request: DocumentRequest];
const cases: readonly Case[] = [
  ['text', ['en'], { type: 'text', record: treaty, parties }],
  ['text-draft-1', ['en'], { type: 'text', record: treaty, version: 1, parties }],
  ['redline', ['en'], { type: 'redline', record: treaty, from: 1, to: 2, parties }],
  ['signature-page', ['en'], { type: 'signature-page', record: treaty, parties }],
  ['status-report', ['en', 'fr', 'es', 'nl'], { type: 'status-report', record: treaty, asOf: '2024-05-01', parties }],
  ['status-report-mou', ['en'], { type: 'status-report', record: mou, asOf: '2024-05-01', parties }],
  ['notification-accession', ['en', 'fr', 'es', 'nl'], { type: 'notification', record: treaty, eventId: acts.stLuciaAccession, parties }],
  ['notification-reservation', ['en'], { type: 'notification', record: treaty, eventId: acts.stLuciaReservation, parties }],
  ['notification-correction', ['en'], { type: 'notification', record: treaty, eventId: acts.antiguaCorrection, parties }],
  ['notification-entry-into-force', ['en', 'fr', 'es', 'nl'], { type: 'notification', record: mou, eventId: acts.mouEntryIntoForce, parties }],
  ['full-powers', ['en'], { type: 'full-powers', record: treaty, party: 'LCA', parties }],
  ['instrument-of-consent', ['en'], { type: 'instrument-of-consent', record: treaty, party: 'NLD', parties }],
  ['progress-report', ['en'], { type: 'progress-report', records: [treaty, mou], asOf: '2024-05-01', parties }],
];

describe('golden documents from the demo log', () => {
  if (UPDATE) mkdirSync(GOLDEN_DIR, { recursive: true });

  const table: [string, DocumentRequest & { lang: string }][] = cases.flatMap(([name, langs, request]) =>
    langs.flatMap((lang) => DOCUMENT_FORMATS.map((format): [string, DocumentRequest & { lang: string }] => [`${name}.${lang}.${format}`, { ...request, lang, format }])),
  );

  it.each(table)('%s matches its golden file', (file, request) => {
    const rendered = renderer.render(request);
    expect(rendered.language).toBe(request.lang);
    expect(rendered.fallback).toBe(false);
    const path = join(GOLDEN_DIR, file);
    if (UPDATE) writeFileSync(path, rendered.body);
    if (!existsSync(path)) throw new Error(`No golden file ${path}; run the tests with UPDATE_GOLDEN=1 to write it, then review it.`);
    expect(rendered.body).toBe(readFileSync(path, 'utf8'));
  });

  it('has no golden file without a case (a removed case leaves no stale file behind)', () => {
    const expected = new Set(table.map(([file]) => file));
    const present = existsSync(GOLDEN_DIR) ? readdirSync(GOLDEN_DIR).filter((f) => !f.startsWith('.')) : [];
    expect(present.filter((f) => !expected.has(f))).toEqual([]);
  });
});
