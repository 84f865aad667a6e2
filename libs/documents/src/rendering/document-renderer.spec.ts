import { jest } from '@jest/globals';
import { buildDemoLog, DEMO_ORGANISATION, DEMO_PARTIES, MOU_ID, TREATY_ID } from '../fixtures/demo-log.fixture.js';
import { LogBuilder } from '../fixtures/log-builder.fixture.js';
import {
  DOCUMENT_LANGUAGES,
  DOCUMENT_TYPES,
  DocumentRenderer,
  DocumentRequestError,
  instrumentRecord,
  notifiableActs,
  type DocumentRequest,
  type InstrumentRecord,
} from '../index.js';

const { log, acts } = buildDemoLog();
const treaty = instrumentRecord(log.stream(TREATY_ID));
const mou = instrumentRecord(log.stream(MOU_ID));
const parties = DEMO_PARTIES;
const renderer = new DocumentRenderer({ organisation: DEMO_ORGANISATION });

/** One request per document type, on the demo log. */
const everyType = (record: InstrumentRecord = treaty): DocumentRequest[] => [
  { type: 'text', record, parties },
  { type: 'redline', record, from: 1, to: 2, parties },
  { type: 'signature-page', record, parties },
  { type: 'status-report', record, asOf: '2024-05-01', parties },
  { type: 'notification', record, eventId: acts.cubaRatification, parties },
  { type: 'full-powers', record, party: 'LCA', parties },
  { type: 'instrument-of-consent', record, party: 'NLD', parties },
  { type: 'progress-report', records: [record, mou], asOf: '2024-05-01', parties },
];

describe('DocumentRenderer', () => {
  it('covers every document type', () => {
    expect(new Set(everyType().map((r) => r.type))).toEqual(new Set(DOCUMENT_TYPES));
  });

  describe('a document is a pure function of its inputs', () => {
    afterEach(() => jest.useRealTimers());

    it.each(everyType().map((r) => [r.type, r] as const))('%s: byte-identical across renderers and clocks', (_, request) => {
      const formats = ['html', 'md', 'txt'] as const;
      jest.useFakeTimers({ now: new Date('2020-01-01T00:00:00Z') });
      const first = formats.map((format) => renderer.render({ ...request, format }));
      jest.setSystemTime(new Date('2031-07-15T23:59:59Z'));
      const again = formats.map((format) => new DocumentRenderer({ organisation: DEMO_ORGANISATION }).render({ ...request, format }));
      expect(again).toEqual(first);
    });

    it('carries the position it was rendered from', () => {
      const last = log.stream(TREATY_ID).at(-1)!.position;
      expect(renderer.render({ type: 'text', record: treaty, parties }).position).toBe(last);
      // A notification is what was communicated: rendered from the log as it stood at the act.
      const cuba = log.events.find((e) => e.id === acts.cubaRatification)!;
      expect(renderer.render({ type: 'notification', record: treaty, eventId: acts.cubaRatification, parties }).position).toBe(cuba.position);
      const both = renderer.render({ type: 'progress-report', records: [treaty, mou], asOf: '2024-05-01', parties });
      expect(both.position).toBe(log.events.at(-1)!.position);
    });

    it('renders the log up to a position, whatever was appended after it', () => {
      const cuba = log.events.find((e) => e.id === acts.cubaRatification)!;
      const then = instrumentRecord(log.stream(TREATY_ID), cuba.position);
      const report = renderer.render({ type: 'status-report', record: then, asOf: '2024-05-01', parties, format: 'txt' });
      expect(report.position).toBe(cuba.position);
      expect(report.body).toContain('1 November 2019');
      expect(report.body).not.toContain('Antigua and Barbuda  22 May 2019  29 November 2023');
      expect(report.body).toContain('Parties: 1.');
      expect(() => instrumentRecord(log.stream(TREATY_ID), 0n)).toThrow(/No instrument is recorded/);
    });
  });

  describe('status report as at a date', () => {
    const txt = (asOf: string, lang = 'en') => renderer.render({ type: 'status-report', record: treaty, asOf, parties, format: 'txt', lang }).body;

    it('uses legal dates: acts dated after the date are left out, corrections apply to the act they correct', () => {
      const end2019 = txt('2019-12-31');
      expect(end2019).toContain('Signatories: 7. Parties: 1.');
      expect(end2019).toMatch(/Cuba\s+22 May 2019\s+1 November 2019\n/);
      expect(end2019).not.toMatch(/^Saint Lucia/m);
      // The deposit was recorded as 30 November and corrected to 29 November: the report shows the corrected date.
      expect(txt('2024-05-01')).toContain('29 November 2023 AA (domestic act 9');
      expect(txt('2023-11-29')).toContain('Parties: 2.');
    });

    it('shows the conditions and the instruments still required (from the entry-into-force engine)', () => {
      expect(txt('2024-05-01')).toContain('7 further instruments are required for entry into force.');
      expect(txt('2024-05-01', 'fr')).toContain('7 instruments supplémentaires sont requis');
      expect(txt('2024-05-01', 'es')).toContain('Se requieren 7 instrumentos más');
    });

    it('before anyone signed, says so', () => {
      expect(txt('2019-05-21')).toContain('No participant has signed or expressed its consent to be bound as at this date.');
    });

    it('marks each kind of consent as the depositary does', () => {
      const body = txt('2024-05-01');
      expect(body).toMatch(/Cuba\s+22 May 2019\s+1 November 2019\s/); // ratification: no marker
      expect(body).toContain('29 November 2023 AA');
      expect(body).toContain('12 February 2024 a');
    });
  });

  describe('depositary notifications', () => {
    it('number per instrument and year in log order, and refer back to the notifications they follow', () => {
      const refs = Object.fromEntries(notifiableActs(treaty).map((a) => [a.eventId, a]));
      expect(refs[acts.cubaSignature]!.reference).toBe('CCLEC/2019/5');
      expect(refs[acts.netherlandsDeclaration]!).toMatchObject({ reference: 'CCLEC/2019/8', follows: ['CCLEC/2019/1'] });
      expect(refs[acts.cubaRatification]!).toMatchObject({ reference: 'CCLEC/2019/9', follows: ['CCLEC/2019/5'], notifiedOn: '2019-11-04' });
      expect(refs[acts.antiguaApproval]!).toMatchObject({ reference: 'CCLEC/2023/1', follows: ['CCLEC/2019/4'] });
      expect(refs[acts.antiguaCorrection]!).toMatchObject({ reference: 'CCLEC/2023/2', follows: ['CCLEC/2023/1'] });
      expect(refs[acts.stLuciaAccession]!).toMatchObject({ reference: 'CCLEC/2024/1', follows: [] });
      expect(refs[acts.stLuciaReservation]!).toMatchObject({ reference: 'CCLEC/2024/2', follows: ['CCLEC/2024/1'] });
    });

    it('never renumber when later acts are appended', () => {
      const cut = instrumentRecord(log.stream(TREATY_ID), log.events.find((e) => e.id === acts.antiguaApproval)!.position);
      const before = notifiableActs(cut).map((a) => a.reference);
      expect(notifiableActs(treaty).map((a) => a.reference).slice(0, before.length)).toEqual(before);
    });

    it('state the action in depositary style, with the dates effected and notified', () => {
      const body = renderer.render({ type: 'notification', record: treaty, eventId: acts.cubaRatification, parties, format: 'txt' }).body;
      expect(body).toContain('CUBA: RATIFICATION');
      expect(body).toContain('On 1 November 2019, Cuba deposited its instrument of ratification of the above-mentioned Treaty.');
      expect(body).toContain('Date the action was effected: 1 November 2019');
      expect(body).toContain('Date of notification: 4 November 2019');
      expect(body).toContain('This notification follows notification CCLEC/2019/5.');
      const fr = renderer.render({ type: 'notification', record: treaty, eventId: acts.stLuciaAccession, parties, format: 'txt', lang: 'fr' }).body;
      expect(fr).toContain('SAINTE-LUCIE : ADHÉSION');
      expect(fr).toContain('Date de la notification : 14 février 2024');
    });

    it('refuse an event that is not a notifiable act, listing those that are', () => {
      const adoption = log.stream(TREATY_ID).find((e) => e.type === 'TextAdopted.v1')!;
      const attempt = () => renderer.render({ type: 'notification', record: treaty, eventId: adoption.id, parties });
      expect(attempt).toThrow(DocumentRequestError);
      expect(attempt).toThrow(expect.objectContaining({ kind: 'not-found', code: 'NOTIFICATION_NOT_FOUND', allowed: notifiableActs(treaty).map((a) => a.eventId) }));
    });
  });

  describe('languages', () => {
    it('writes the status report and the notification in French, Spanish and Dutch', () => {
      for (const lang of ['fr', 'es', 'nl'] as const) {
        for (const request of [everyType()[3]!, everyType()[4]!]) {
          const doc = renderer.render({ ...request, lang });
          expect([doc.language, doc.requestedLanguage, doc.fallback]).toEqual([lang, lang, false]);
        }
      }
      expect(renderer.languagesOf('status-report')).toEqual(['en', 'fr', 'es', 'nl']);
      expect(renderer.languagesOf('full-powers')).toEqual(['en']);
    });

    it('falls back to English where a translation is missing, and says so', () => {
      const doc = renderer.render({ type: 'full-powers', record: treaty, party: 'LCA', parties, lang: 'es' });
      expect(doc).toMatchObject({ language: 'en', requestedLanguage: 'es', fallback: true });
      expect(doc.body).toContain('<html lang="en">');
      expect(doc.body).toContain('FULL POWERS');
    });

    it('refuses an unknown language, format or type with the valid ones', () => {
      const request = everyType()[0]!;
      expect(() => renderer.render({ ...request, lang: 'de' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_LANG', kind: 'invalid', field: 'lang', allowed: DOCUMENT_LANGUAGES }));
      expect(() => renderer.render({ ...request, format: 'pdf' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_FORMAT', allowed: ['html', 'md', 'txt'] }));
      expect(() => renderer.render({ ...request, type: 'minutes' } as unknown as DocumentRequest)).toThrow(/"minutes" is not a known document type; use one of: text, redline/);
      expect(() => renderer.render({ type: 'status-report', record: treaty, asOf: '1 May 2024' })).toThrow(expect.objectContaining({ code: 'INVALID_DATE', field: 'asOf' }));
    });
  });

  describe('instrument text and redline', () => {
    it('renders any draft version or the adopted text, and refuses a version that does not exist', () => {
      const v1 = renderer.render({ type: 'text', record: treaty, version: 1, format: 'txt' }).body;
      expect(v1).toContain('Draft version 1 of 3 October 2016');
      expect(v1).toContain('Budget');
      const adopted = renderer.render({ type: 'text', record: treaty, format: 'txt' }).body;
      expect(adopted).toContain('Text as adopted at Havana on 22 May 2019');
      expect(adopted).not.toContain('Budget');
      expect(() => renderer.render({ type: 'text', record: treaty, version: 9 })).toThrow(expect.objectContaining({ code: 'UNKNOWN_VERSION', allowed: ['adopted', 'latest', '1', '2'] }));
      expect(() => renderer.render({ type: 'text', record: mou, version: 'adopted' })).toThrow(expect.objectContaining({ code: 'NOT_ADOPTED' }));
    });

    it('marks insertions and deletions word by word', () => {
      const html = renderer.render({ type: 'redline', record: treaty, from: 1, to: 2, format: 'html' }).body;
      expect(html).toContain('into <del>an</del><ins>a treaty-based</ins> international organisation');
      const txt = renderer.render({ type: 'redline', record: treaty, from: 1, to: 2, format: 'txt' }).body;
      expect(txt).toContain('into [-an-]{+a treaty-based+} international organisation');
      expect(txt).toContain('Words inserted: 34. Words deleted: 12.');
      // The deleted article stands where it stood, before the one inserted after the last shared article.
      expect(txt.indexOf('Article 4')).toBeLessThan(txt.indexOf('Article 5'));
      const same = renderer.render({ type: 'redline', record: treaty, from: 2, to: 2, format: 'txt' }).body;
      expect(same).toContain('The two versions are identical.');
      expect(same).not.toMatch(/\{\+\S|\[-\S/);
    });
  });

  describe('without the entry-into-force engine', () => {
    const bare = new DocumentRenderer({ organisation: DEMO_ORGANISATION, entryIntoForce: {} });

    it('leaves out the final clauses and the instruments still required, and still renders', () => {
      const text = bare.render({ type: 'text', record: treaty, format: 'txt' }).body;
      expect(text).not.toContain('Final clauses');
      const report = bare.render({ type: 'status-report', record: treaty, asOf: '2024-05-01', parties, format: 'txt' }).body;
      expect(report).not.toContain('further instruments');
      expect(report).toContain('On the first day of the month following the expiry of three months after the date of deposit of the tenth instrument');
      const mouReport = bare.render({ type: 'status-report', record: mou, asOf: '2024-05-01', parties, format: 'txt' }).body;
      expect(mouReport).toContain('Entry into force: 24 May 2017.');
    });

    it('uses a port given to it', () => {
      const port = new DocumentRenderer({
        entryIntoForce: { finalClauses: () => ['CLAUSE ONE.', 'CLAUSE TWO.'], assess: () => ({ date: null, stillRequired: 4, partyDates: { CUB: '2030-01-01' } }) },
      });
      expect(port.render({ type: 'text', record: treaty, format: 'txt' }).body).toMatch(/Final clauses\n\nCLAUSE ONE\.\n\nCLAUSE TWO\./);
      const report = port.render({ type: 'status-report', record: treaty, asOf: '2024-05-01', format: 'txt' }).body;
      expect(report).toContain('4 further instruments are required');
      expect(report).toMatch(/Cuba\s+22 May 2019\s+1 November 2019\s+1 January\s+2030/);
    });
  });

  describe('model instruments', () => {
    const txt = (request: DocumentRequest) => renderer.render({ ...request, format: 'txt' }).body;

    it('pre-fill the instrument of consent with the kind that fits the party', () => {
      expect(txt({ type: 'instrument-of-consent', record: treaty, party: 'LCA', parties })).toContain('INSTRUMENT OF ACCESSION');
      expect(txt({ type: 'instrument-of-consent', record: treaty, party: 'NLD', parties })).toContain('the Government of the Netherlands, having considered the above-mentioned Treaty, ratifies the same');
      expect(txt({ type: 'instrument-of-consent', record: mou, party: 'CPU', parties })).toContain('INSTRUMENT OF FORMAL CONFIRMATION');
      expect(txt({ type: 'instrument-of-consent', record: treaty, party: 'BHS', kind: 'acceptance', parties })).toContain('accepts the same');
    });

    it('confirm reservations and declarations made upon signature', () => {
      expect(txt({ type: 'instrument-of-consent', record: treaty, party: 'NLD', parties })).toMatch(/The following declaration, made upon signature, is hereby confirmed:\n\n {4}The Kingdom of the Netherlands signs this Agreement/);
    });

    it('refuse a party the instrument is not open to', () => {
      expect(() => txt({ type: 'full-powers', record: treaty, party: 'FRA', parties })).toThrow(expect.objectContaining({ code: 'PARTY_NOT_ELIGIBLE', kind: 'not-found' }));
    });
  });
});

describe('escaping', () => {
  const hostile = '<script>alert("x")</script> & [click](javascript:alert(1))';
  const build = new LogBuilder();
  const id = '00000000-0000-4000-8000-0000000000ee';
  build.instrument(id, '2020-01-01', {
    type: 'CreateInstrument',
    data: {
      instrumentId: id,
      kind: 'treaty',
      title: hostile,
      parent: null,
      languages: ['en'],
      depositary: '<b>Depositary</b>',
      eligibleParties: [{ code: 'XSS', name: '<img src=x onerror=alert(1)>', kind: 'state' }],
      entryIntoForce: { type: 'definitive-signature-by-all' },
      text: { preamble: hostile, articles: [{ number: '1', heading: '<i>h</i>', body: '<iframe src="javascript:alert(1)"></iframe>' }] },
    },
  });
  build.instrument(id, '2020-01-02', { type: 'RecordDraft', data: { text: { preamble: `${hostile} <svg onload=alert(1)>`, articles: [] }, summary: 'x' } });
  build.instrument(id, '2020-01-03', { type: 'RequestReview', data: { reviewers: ['r'], note: null } });
  build.instrument(id, '2020-01-04', { type: 'DecideReview', data: { decision: 'approve', comment: null } });
  build.instrument(id, '2020-01-05', { type: 'AdoptText', data: { adoptedOn: '2020-01-05', place: '<u>Place</u>', method: 'consensus', votes: null } });
  build.instrument(id, '2020-01-05', { type: 'OpenForSignature', data: { opensOn: '2020-01-05', closesOn: null, place: '<u>Place</u>' } });
  const [signed] = build.instrument(id, '2020-01-06', { type: 'SignInstrument', data: { party: 'XSS', signedOn: '2020-01-06', signatory: { name: '<script>s()</script>', title: '"><svg>' }, definitive: true, place: null } });
  build.instrument(id, '2020-01-07', { type: 'MakeReservation', data: { party: 'XSS', kind: 'declaration', text: '</blockquote><script>r()</script>', madeOn: '2020-01-06', madeAt: 'signature' } });
  const record = instrumentRecord(build.stream(id));
  const requests: DocumentRequest[] = [
    { type: 'text', record, version: 1 },
    { type: 'redline', record, from: 1, to: 2 },
    { type: 'signature-page', record },
    { type: 'status-report', record, asOf: '2020-12-31' },
    { type: 'notification', record, eventId: signed!.id },
    { type: 'full-powers', record, party: 'XSS' },
    { type: 'instrument-of-consent', record, party: 'XSS' },
    { type: 'progress-report', records: [record], asOf: '2020-12-31' },
  ];

  it.each(requests.map((r) => [r.type, r] as const))('%s: user data prints as text in every format', (_, request) => {
    const html = renderer.render({ ...request, format: 'html' }).body;
    // Only the page's own markup: no element from the data survives.
    expect(html).not.toMatch(/<(script|img|iframe|svg|b|u|i)[\s>]/);
    const ours = ['<html', '<head', '<meta', '<title', '<style', '<body', '<header', '<div', '<h1', '<h2', '<h3', '<p', '<section', '<table', '<thead', '<tbody', '<tr', '<th', '<td', '<ol', '<ul', '<li', '<blockquote', '<strong', '<br', '<ins', '<del'];
    expect(html.match(/<[a-z0-9]+/g)!.filter((tag) => !ours.includes(tag))).toEqual([]);
    const md = renderer.render({ ...request, format: 'md' }).body;
    expect(md).not.toMatch(/<(script|img|iframe|svg|b|u|i)[\s>]/);
    expect(md).not.toContain('](javascript');
    const txt = renderer.render({ ...request, format: 'txt' }).body;
    expect(txt).not.toContain('&lt;');
  });

  it('shows a <script> title as text', () => {
    const html = renderer.render({ type: 'text', record, format: 'html' }).body;
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; [click](javascript:alert(1))</h1>');
    expect(renderer.render({ type: 'text', record, format: 'md' }).body).toContain('# &lt;script&gt;alert("x")&lt;/script&gt; & [click]\\(javascript:alert(1))');
    expect(renderer.render({ type: 'text', record, format: 'txt' }).body).toContain(hostile);
  });
});
