/// <reference lib="dom" />
/**
 * The web application in a real browser (Debian's chromium through playwright-core): the donor's journey on
 * the demonstration data, a member state recording its ratification, a stale form, a double submit, a forbidden
 * act, a legal officer taking a new MOU from its first draft to entry into force, and PDF. Every page passes
 * axe-core without serious or critical violations; each page is written as a screenshot for review.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_INSTRUMENTS } from '../apps/api/src/demo/cclec-story.js';
import { demoInstrumentId } from '../apps/api/src/demo/demo-loader.js';
import { launchBrowser, screenshot, seriousViolations } from './support/browser.js';
import { api, startTestApp, type TestApp } from './support/test-app.js';

const TREATY = demoInstrumentId(DEMO_INSTRUMENTS.treaty);

describe('the web application, in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let passwords: Record<string, string>;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp({ env: { DEMO_DATA: 'auto' } }), launchBrowser()]);
    const accounts = JSON.parse(readFileSync(join(app.dataDir, 'demo-accounts.json'), 'utf8')) as { username: string; password: string }[];
    passwords = Object.fromEntries(accounts.map((a) => [a.username, a.password]));
    // Antigua and Barbuda signed in Havana; its focal point is opened here (the demonstration has Cuba's and Saint Kitts').
    await app.account('atg.focal.point', ['member-state'], ['ATG']);
    passwords['atg.focal.point'] = 'atg.focal.point-password-for-tests';
    await app.account('mou.officer', ['legal-officer']);
    passwords['mou.officer'] = 'mou.officer-password-for-tests';
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    process.env.DEMO_DATA = 'off';
  });

  /** A fresh profile for each journey. */
  const journey = async (): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    return { context, page: await context.newPage() };
  };

  /** Each page: loaded, no serious accessibility violation, a screenshot. */
  const check = async (page: Page, name: string, shot: string) => {
    expect({ page: shot, violations: await seriousViolations(page) }).toEqual({ page: shot, violations: [] });
    await screenshot(page, name, shot);
  };

  const signIn = async (page: Page, username: string) => {
    await page.goto(`${app.url}/sign-in`);
    await page.fill('#username', username);
    await page.fill('#password', passwords[username]!);
    // From the keyboard: Enter in the password field submits.
    await page.press('#password', 'Enter');
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await expect(page.textContent('header .account')).resolves.toContain('Signed in as');
  };

  const treatyRow = (page: Page) => page.locator(`tr[data-instrument="${TREATY}"]`);

  it('shows a donor the CCLEC treaty: 14 signatories, Cuba’s ratification, 9 more required; as at 1 January 2019 no signature', async () => {
    const { context, page } = await journey();
    const response = await page.goto(`${app.url}/`);
    expect(response?.status()).toBe(200);
    // The policy the pages are served with: no inline script, scripts from this origin only.
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    await expect(treatyRow(page).locator('[data-field=signatures]').textContent()).resolves.toBe('14');
    await expect(treatyRow(page).textContent()).resolves.toContain('1 of 10 instruments; 9 more required');
    expect(Number(await page.textContent('[data-count=signatures]'))).toBeGreaterThanOrEqual(14);
    await expect(page.locator('figure.map-wrap svg [data-party=CUB]').getAttribute('class')).resolves.toContain('s-bound');
    await expect(page.locator('.matrix-wrap svg rect').count()).resolves.toBeGreaterThan(40);
    await check(page, 'donor', '1-dashboard');

    // The keyboard: the first Tab reaches the skip link; then on to the treaty and Enter follows it.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    let onTreaty = false;
    for (let i = 0; i < 40 && !onTreaty; i++) {
      await page.keyboard.press('Tab');
      onTreaty = await page.evaluate((id) => (document.activeElement as HTMLAnchorElement | null)?.href?.includes(`/instruments/${id}`) ?? false, TREATY);
    }
    expect(onTreaty).toBe(true);
    await Promise.all([page.waitForURL(`**/instruments/${TREATY}**`), page.keyboard.press('Enter')]);

    await expect(page.textContent('[data-field=signatures]')).resolves.toBe('14');
    await expect(page.locator('#status-table tbody tr').filter({ hasText: '22 May 2019' }).count()).resolves.toBe(14);
    await expect(page.textContent('#status-table tr[data-party=CUB]')).resolves.toContain('1 November 2019 (ratification)');
    await expect(page.textContent('main')).resolves.toContain('1 of 10 instruments; 9 more required');
    await expect(page.textContent('main')).resolves.toContain('on the first day of the month following the expiration of a period of three months');
    await check(page, 'donor', '2-instrument');

    // Signed in as the donor, the same; then as at 1 January 2019, through the date field.
    await signIn(page, 'donor');
    await page.goto(`${app.url}/instruments/${TREATY}`);
    await page.fill('#as-at-date', '2019-01-01');
    await Promise.all([page.waitForURL(/asOf=2019-01-01/), page.press('#as-at-date', 'Enter')]);
    await expect(page.textContent('[data-field=signatures]')).resolves.toBe('0');
    await expect(page.locator('#status-table tbody tr').filter({ hasText: '2019' }).count()).resolves.toBe(0);
    await expect(page.textContent('.as-at-note')).resolves.toContain('1 January 2019');
    await check(page, 'donor', '3-instrument-as-at-2019-01-01');
    // The date travels with the links: the dashboard of that day shows no signature either.
    await page.click('header nav a:has-text("Dashboard")');
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2019-01-01');
    await expect(treatyRow(page).locator('[data-field=signatures]').textContent()).resolves.toBe('0');
    await check(page, 'donor', '4-dashboard-as-at-2019-01-01');

    // In French and Spanish, the languages of the documents.
    await page.click('header .languages a[hreflang=fr]');
    await expect(page.textContent('h1')).resolves.toBe('Tableau de bord');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('fr');
    await check(page, 'donor', '5-dashboard-fr');
    // And in Dutch, for Aruba, Curaçao, Sint Maarten and Suriname.
    await page.click('header .languages a[hreflang=nl]');
    await expect(page.textContent('h1')).resolves.toBe('Overzicht');
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('nl');
    await check(page, 'donor', '5-dashboard-nl');

    // The party page, and the status report downloaded as PDF (printed by the same Chromium).
    await page.goto(`${app.url}/parties/CUB`);
    await expect(page.textContent(`tr[data-instrument="${TREATY}"]`)).resolves.toContain('1 November 2019');
    await check(page, 'donor', '6-party-cuba');
    const pdf = await context.request.get(`${app.url}/instruments/${TREATY}/documents/status-report/pdf?lang=en`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  }, 120_000);

  it('lets a member state record its ratification through a form, with errors beside the field, and see it on the dashboard', async () => {
    const { context, page } = await journey();
    await signIn(page, 'atg.focal.point');
    await page.goto(`${app.url}/our-party`);
    const toDo = page.locator('[data-list=to-ratify] li').filter({ hasText: 'Caribbean Customs Organization' });
    await expect(toDo.count()).resolves.toBe(1);
    await check(page, 'member-state', '1-our-party');
    await toDo.locator('a.button').click();
    await expect(page.inputValue('#field-kind')).resolves.toBe('ratification');
    await check(page, 'member-state', '2-consent-form');

    // Without a date, the API's refusal stands beside the field it names; the choice made is kept.
    await page.click('button[type=submit].primary');
    await expect(page.getAttribute('#field-depositedOn', 'aria-invalid')).resolves.toBe('true');
    await expect(page.textContent('#field-depositedOn-error')).resolves.toMatch(/depositedOn/);
    await expect(page.inputValue('#field-kind')).resolves.toBe('ratification');
    await check(page, 'member-state', '3-consent-form-error');

    await page.fill('#field-depositedOn', '2023-11-20');
    await Promise.all([page.waitForURL(`**/instruments/${TREATY}?**`), page.click('button[type=submit].primary')]);
    await expect(page.textContent('#recorded-notice')).resolves.toBe('Recorded.');
    await expect(page.textContent('#status-table tr[data-party=ATG]')).resolves.toContain('20 November 2023 (ratification)');
    await check(page, 'member-state', '4-instrument-after');
    await page.click('header nav a:has-text("Dashboard")');
    await expect(treatyRow(page).locator('[data-field=consents]').textContent()).resolves.toBe('2');
    await expect(treatyRow(page).textContent()).resolves.toContain('2 of 10 instruments; 8 more required');
    await check(page, 'member-state', '5-dashboard-after');
    await context.close();
  }, 90_000);

  it('keeps what was typed when the record changed meanwhile, says what changed, and records on the next submit', async () => {
    const { context, page } = await journey();
    await signIn(page, 'atg.focal.point');
    await page.goto(`${app.url}/instruments/${TREATY}/parties/ATG/acts/reservations`);
    await page.selectOption('#field-kind', 'declaration');
    await page.fill('#field-text', 'Antigua and Barbuda declares that it designates its Customs and Excise Division.');
    await page.fill('#field-madeOn', '2023-11-20');
    await page.selectOption('#field-madeAt', 'deposit');
    // Meanwhile the depositary records Jamaica's signature.
    expect((await api(app.url).post(`/api/instruments/${TREATY}/parties/JAM/signature`, { signedOn: '2020-02-03', signatory: { name: 'Illustrative', title: 'Commissioner' } })).status).toBe(201);
    await page.click('button[type=submit].primary');
    await expect(page.textContent('#stale-notice')).resolves.toContain('signature (JAM), 2020-02-03');
    await expect(page.inputValue('#field-text')).resolves.toBe('Antigua and Barbuda declares that it designates its Customs and Excise Division.');
    await check(page, 'stale', '1-stale-form');
    await Promise.all([page.waitForURL(`**/instruments/${TREATY}?**`), page.click('button[type=submit].primary')]);
    await expect(page.textContent('#status-table tr[data-party=ATG]')).resolves.toContain('designates its Customs and Excise Division');
    await check(page, 'stale', '2-recorded');
    await context.close();
  }, 60_000);

  it('records once when the same form is submitted twice', async () => {
    const { context, page } = await journey();
    await signIn(page, 'atg.focal.point');
    await page.goto(`${app.url}/instruments/${TREATY}/parties/ATG/acts/reservations`);
    await page.selectOption('#field-kind', 'declaration');
    await page.fill('#field-text', 'A second declaration, sent twice.');
    await page.fill('#field-madeOn', '2023-11-20');
    await page.selectOption('#field-madeAt', 'deposit');
    // Two submissions of the same form (its idempotency key and revision), as a double click without the script would send.
    const statuses = await page.evaluate(async () => {
      const form = document.querySelector('form[data-once]') as HTMLFormElement;
      const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>), redirect: 'manual' }).then((r) => r.status);
      const first = await send();
      return [first, await send()];
    });
    expect(statuses[0]).toBe(0); // an opaque redirect: 303 to the instrument page
    const events = (await api(app.url).get(`/api/instruments/${TREATY}/events`)).body.events as { type: string; data: { text?: string } }[];
    expect(events.filter((e) => e.type === 'ReservationMade.v1' && e.data.text === 'A second declaration, sent twice.')).toHaveLength(1);
    await context.close();
  }, 60_000);

  it('refuses a member state an act for another party, and sends an anonymous reader to sign in', async () => {
    const { context, page } = await journey();
    await signIn(page, 'atg.focal.point');
    const refused = await page.goto(`${app.url}/instruments/${TREATY}/parties/KNA/acts/signature`);
    expect(refused?.status()).toBe(403);
    await expect(page.textContent('main')).resolves.toContain('NOT_YOUR_PARTY');
    await expect(page.textContent('main')).resolves.toContain('an act for KNA is recorded by KNA or by the depositary');
    await check(page, 'forbidden', '1-not-your-party');
    const anonymous = await browser.newContext();
    const other = await anonymous.newPage();
    const signInFirst = await other.goto(`${app.url}/instruments/${TREATY}/acts/adoption`);
    expect(signInFirst?.status()).toBe(401);
    await expect(other.locator('#username').count()).resolves.toBe(1);
    await check(other, 'forbidden', '2-sign-in-first');
    await anonymous.close();
    await context.close();
  }, 60_000);

  it('takes a new MOU from its first draft to entry into force: create, edit with the redline, review, open, sign', async () => {
    const { context, page } = await journey();
    await signIn(page, 'mou.officer');
    await page.goto(`${app.url}/instruments/new`);
    await page.selectOption('#new-kind', 'mou');
    await page.fill('#new-title', 'Memorandum of Understanding between CCLEC and the World Customs Organization (browser test)');
    await page.fill('#new-prepared', '2020-01-10');
    await page.check('input[name=eligibleParties][value=CCLEC]');
    await page.check('input[name=eligibleParties][value=WCO]');
    await page.fill('#new-preamble', 'The Participants,');
    await page.fill('#new-heading', 'Purpose');
    await page.fill('#new-body', 'The Participants shall share information on customs offences.');
    await check(page, 'legal-officer', '1-new-instrument');
    await Promise.all([page.waitForURL('**/draft**'), page.click('button[type=submit].primary')]);
    const id = /instruments\/([^/]+)\/draft/.exec(page.url())![1]!;
    await check(page, 'legal-officer', '2-editor');

    // A second article, moved before the first; the redline shows it before anything is saved.
    await page.click('button[value=add]');
    await page.fill('#article-1-heading', 'Definitions');
    await page.fill('#article-1-body', 'In this Memorandum, information means customs intelligence.');
    await page.click('button[value="up:1"]');
    await expect(page.inputValue('#article-0-heading')).resolves.toBe('Definitions');
    await page.fill('#article-0-number', '1');
    await page.fill('#article-1-number', '2');
    await page.click('button[value=preview]');
    await expect(page.textContent('.redline ins')).resolves.toContain('Definitions');
    await expect(api(app.url).get(`/api/instruments/${id}`).then((r) => r.body.drafts.length)).resolves.toBe(1);
    await page.fill('#draft-summary', 'Definitions added before the purpose.');
    await page.fill('#draft-prepared', '2020-02-01');
    await check(page, 'legal-officer', '3-editor-redline');
    await Promise.all([page.waitForURL(`**/instruments/${id}?**`), page.click('button[value=save]')]);
    await expect(page.textContent('main')).resolves.toContain('Definitions added before the purpose.');

    // The final clauses as they will read.
    await page.goto(`${app.url}/instruments/${id}/final-clauses`);
    await page.click('button[value=preview]');
    await expect(page.textContent('#clause-sentence')).resolves.toMatch(/signed by all/i);
    await check(page, 'legal-officer', '4-final-clauses');

    const act = async (slug: string, fill: (p: Page) => Promise<void>, shot: string) => {
      await page.goto(`${app.url}/instruments/${id}/acts/${slug}`);
      await fill(page);
      await check(page, 'legal-officer', shot);
      await Promise.all([page.waitForURL(`**/instruments/${id}?**`), page.click('button[type=submit].primary')]);
    };
    await act('reviews', async (p) => { await p.fill('#field-reviewers', 'Legal Adviser'); await p.fill('#field-requestedOn', '2020-02-10'); }, '5-request-review');
    await page.goto(`${app.url}/reviews`);
    await expect(page.textContent('main')).resolves.toContain('(browser test)');
    await check(page, 'legal-officer', '6-review-queue');
    await act('reviews-decision', async (p) => { await p.selectOption('#field-decision', 'approve'); await p.fill('#field-decidedOn', '2020-03-01'); }, '7-decide');
    await act('signature-opening', async (p) => { await p.fill('#field-opensOn', '2020-03-05'); await p.fill('#field-place', 'Brussels'); }, '8-open');
    await context.close();

    // The depositary records both signatures, from the instrument page's act chooser.
    const depositary = await journey();
    await signIn(depositary.page, 'depositary');
    for (const party of ['CCLEC', 'WCO']) {
      await depositary.page.goto(`${app.url}/instruments/${id}`);
      await depositary.page.selectOption('#record-party', party);
      await depositary.page.selectOption('#record-act', 'signature');
      await depositary.page.click('form[aria-labelledby=record-heading] button');
      await depositary.page.fill('#field-signedOn', '2020-03-05');
      await depositary.page.fill('#field-signatory-name', 'Illustrative signatory');
      await depositary.page.fill('#field-signatory-title', 'Secretary General');
      await check(depositary.page, 'legal-officer', `9-signature-${party}`);
      await Promise.all([depositary.page.waitForURL(`**/instruments/${id}?**`), depositary.page.click('button[type=submit].primary')]);
    }
    await expect(depositary.page.textContent('#instrument-stage')).resolves.toBe('In force');
    await check(depositary.page, 'legal-officer', '10-in-force');
    await depositary.context.close();
  }, 120_000);
});

describe('PDF without Chromium', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
  });
  afterAll(async () => {
    await app.close();
    delete process.env.CHROMIUM_PATH;
  });

  it('answers 503 with a sentence that says so', async () => {
    const response = await fetch(`${app.url}/instruments/00000000-0000-4000-8000-000000000000/documents/text/pdf`);
    expect(response.status).toBe(503);
    await expect(response.text()).resolves.toMatch(/no Chromium browser is installed/);
  });
});
