import Parser from 'rss-parser';
import { recordOpenTreaty, SIGNATORY, TREATY_TEXT } from './support/open-treaty.fixture.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

type Link = { $: { href: string; rel?: string; type?: string } };
const parser = new Parser<Record<string, unknown>, { links: Link[]; id?: string }>({ customFields: { item: [['link', 'links', { keepArray: true }]] } });

/**
 * The Atom feeds, read as a feed reader would (rss-parser): every notification the documents route gives for
 * the instrument's acts is an entry, with its text and links to its HTML and PDF.
 */
/** A document as the route serves it, less its last paragraph, which must be the statement of its tree head. */
const withoutTreeHead = (document: string, statement: string): string => {
  const cut = document.trimEnd().lastIndexOf('\n\n');
  expect(document.slice(cut + 2)).toMatch(new RegExp(`^${statement} `));
  return document.slice(0, cut).trimEnd();
};

describe('Atom feeds of the depositary notifications', () => {
  let app: TestApp;
  let client: ReturnType<typeof api>;
  let anonymous: ReturnType<typeof api>;
  let treaty: string;
  let draft: string;
  /** The events of the treaty that have a notification, as the documents route says. */
  let notified: string[];
  const post = async (path: string, body: unknown) => {
    const answer = await client.post(path, body);
    expect([path, answer.status]).toEqual([path, 201]);
    return answer;
  };
  const feed = async (path: string, as = anonymous) => {
    const answer = await fetch(`${app.url}${path}`, { headers: as === client ? { authorization: `Bearer ${app.token}` } : {} });
    expect([path, answer.status, answer.headers.get('content-type')]).toEqual([path, 200, 'application/atom+xml; charset=utf-8']);
    return parser.parseString(await answer.text());
  };

  beforeAll(async () => {
    app = await startTestApp();
    client = api(app.url);
    anonymous = api(app.url, { token: null });
    treaty = await recordOpenTreaty(post);
    const base = `/api/instruments/${treaty}`;
    await post(`${base}/parties/JAM/signature`, { signedOn: '2019-05-22', signatory: SIGNATORY, place: 'Havana' });
    await post(`${base}/parties/CUB/consent`, { kind: 'ratification', depositedOn: '2019-11-01', domesticActOn: '2019-10-01' });
    await post(`${base}/parties/JAM/consent`, { kind: 'ratification', depositedOn: '2020-02-03' });
    draft = (await post('/api/instruments', { kind: 'treaty', title: 'A draft nobody outside may see', eligibleParties: ['VGB'], text: TREATY_TEXT, preparedOn: '2020-01-10', entryIntoForce: { type: 'definitive-signature-by-all' } })).body.id;
    notified = [];
    for (const event of (await client.get(`${base}/events`)).body.events as { id: string }[]) {
      if ((await client.get(`${base}/documents/notification?eventId=${event.id}&format=txt`)).status === 200) notified.push(event.id);
    }
  }, 30_000);
  afterAll(() => app.close());

  it('lists every notification of the instrument, with its text and links to its HTML and PDF', async () => {
    expect(notified.length).toBeGreaterThanOrEqual(5); // three signatures, two deposits, entry into force
    const parsed = await feed(`/api/feeds/instruments/${treaty}/notifications`);
    expect(parsed.title).toContain('Treaty establishing the Caribbean Customs Organization');
    expect(parsed.items.map((item) => item.id).sort()).toEqual(notified.map((id) => `urn:uuid:${id}`).sort());
    for (const item of parsed.items) {
      const eventId = item.id!.slice('urn:uuid:'.length);
      const text = (await client.get(`/api/instruments/${treaty}/documents/notification?eventId=${eventId}&format=txt`)).body as string;
      // the entry's content is the notification's text (the route's copy ends with the tree head it was rendered at)
      expect(withoutTreeHead(text, 'Recorded in the verifiable log at tree size')).toBe(item.content!.trimEnd());
      const html = item.links.find((l) => l.$.rel === 'alternate' && l.$.type === 'text/html')!.$.href;
      const pdf = item.links.find((l) => l.$.type === 'application/pdf')!.$.href;
      expect(new URL(html).searchParams.get('format')).toBe('html');
      expect(new URL(pdf).pathname).toBe(`/instruments/${treaty}/documents/notification/pdf`);
      expect(new URL(pdf).searchParams.get('eventId')).toBe(eventId);
      const page = await fetch(html);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/html')]);
    }
    // the PDF link of one entry answers a PDF, as a feed reader would fetch it
    const printed = await fetch(parsed.items[0]!.links.find((l) => l.$.type === 'application/pdf')!.$.href);
    expect([printed.status, printed.headers.get('content-type')]).toEqual([200, expect.stringContaining('application/pdf')]);
    expect(Buffer.from(await printed.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    // newest first
    const dates = parsed.items.map((item) => Date.parse(item.isoDate!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  }, 60_000);

  it('lists them in the feed of all notifications and in that of each party the instrument is open to', async () => {
    const all = await feed('/api/feeds/notifications');
    expect(all.items.map((i) => i.id).sort()).toEqual(notified.map((id) => `urn:uuid:${id}`).sort());
    for (const code of ['JAM', 'CUB', 'VGB']) {
      const party = await feed(`/api/feeds/parties/${code}/notifications`);
      expect([code, party.items.length]).toEqual([code, notified.length]);
    }
  });

  it('writes the notifications in the language asked for', async () => {
    const parsed = await feed(`/api/feeds/instruments/${treaty}/notifications?lang=fr`);
    const first = parsed.items[0]!;
    const french = (await client.get(`/api/instruments/${treaty}/documents/notification?eventId=${first.id!.slice(9)}&format=txt&lang=fr`)).body as string;
    expect(withoutTreeHead(french, 'Inscrit au registre vérifiable')).toBe(first.content!.trimEnd());
    expect(parsed.items[0]!.links.every((l) => l.$.href.endsWith('&lang=fr'))).toBe(true);
  });

  it('never shows a draft to readers outside it, nor answers for an unknown party', async () => {
    expect((await anonymous.get(`/api/feeds/instruments/${draft}/notifications`)).status).toBe(404);
    await feed(`/api/feeds/instruments/${draft}/notifications`, client);
    expect((await anonymous.get('/api/feeds/parties/ZZZ/notifications')).body.code).toBe('PARTY_NOT_FOUND');
    const bad = await anonymous.get('/api/feeds/notifications?lang=xx');
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'lang']);
  });
});
