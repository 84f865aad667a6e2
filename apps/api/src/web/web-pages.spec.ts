import type { OpenAPIObject } from '@nestjs/swagger';
import { CCLEC_MEMBERS_FOR_SPEC } from './cclec-members.fixture.js';
import { regionMapSvg } from './charts/region-map.js';
import { stepChartSvg } from './charts/step-chart.js';
import { statusClassOf } from './charts/svg.js';
import { applyEdit, redlineHtml, textFromForm } from './drafting/draft-text.js';
import { ApiForms, bodyFromForm, errorsByField } from './forms/api-forms.js';
import { message, pickLanguage } from './shared/page-messages.js';
import { safeNext } from './sign-in/sign-in.page.controller.js';

const document = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/instruments/{id}/parties/{code}/signature': {
      post: { summary: 'Sign', 'x-access': { roles: ['depositary'] }, requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Sign' } } } } },
    },
    '/api/instruments/{id}/parties/{code}/withdrawal/revocation': {
      post: { summary: 'Revoke', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { revokedOn: { type: 'string', format: 'date' } }, required: ['revokedOn'] } } } } },
    },
    '/api/instruments/{id}/drafts': { post: { summary: 'Draft', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: {} } } } } } },
    '/api/instruments/{id}/reviews': {
      post: { summary: 'Review', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { reviewers: { type: 'array', items: { type: 'string' } }, count: { type: 'integer' } } } } } } },
    },
  },
  components: {
    schemas: {
      Sign: {
        type: 'object',
        properties: { signedOn: { type: 'string', format: 'date' }, signatory: { $ref: '#/components/schemas/Signatory' }, definitive: { type: 'boolean' }, kind: { type: 'string', enum: ['simple', 'definitive'] } },
        required: ['signedOn', 'signatory'],
      },
      Signatory: { type: 'object', properties: { name: { type: 'string' }, title: { type: 'string' } }, required: ['name'] },
    },
  },
} as unknown as OpenAPIObject;

describe('forms made from the write routes’ schemas', () => {
  const forms = new ApiForms(document);

  it('finds every party act and instrument act, but not the routes with editors of their own', () => {
    expect(forms.list('party').map((f) => f.slug)).toEqual(['signature', 'withdrawal-revocation']);
    expect(forms.list('instrument').map((f) => f.slug)).toEqual(['reviews']);
  });

  it('makes a control of each field: dates, nested objects, choices, booleans, lines and numbers', () => {
    const sign = forms.find('party', 'signature')!;
    expect(sign.fields.map((f) => [f.name, f.control, f.required])).toEqual([
      ['signedOn', 'date', true],
      ['signatory.name', 'text', true],
      ['signatory.title', 'text', false],
      ['definitive', 'boolean', false],
      ['kind', 'select', false],
    ]);
    expect(sign.fields.find((f) => f.name === 'kind')!.choices).toEqual(['simple', 'definitive']);
    expect(forms.find('instrument', 'reviews')!.fields.map((f) => f.control)).toEqual(['lines', 'number']);
  });

  it('posts the JSON body the route reads, leaving empty fields out', () => {
    const sign = forms.find('party', 'signature')!;
    expect(bodyFromForm(sign, { signedOn: '2019-05-22', 'signatory.name': 'A', 'signatory.title': '', definitive: 'false', kind: '', _csrf: 'x' })).toEqual({
      signedOn: '2019-05-22',
      signatory: { name: 'A' },
      definitive: false,
    });
    expect(bodyFromForm(forms.find('instrument', 'reviews')!, { reviewers: 'One\n\n Two \n', count: '3' })).toEqual({ reviewers: ['One', 'Two'], count: 3 });
  });

  it('puts each API error beside the field it names, a nested object’s error on its first field, the rest above the form', () => {
    const sign = forms.find('party', 'signature')!;
    const { byField, general } = errorsByField(
      [
        { field: 'signedOn', message: 'signedOn must be a date' },
        { field: 'signatory', message: 'signatory is required' },
        { field: 'party', message: 'not eligible' },
      ],
      sign,
    );
    expect(byField).toEqual({ signedOn: ['signedOn must be a date'], 'signatory.name': ['signatory is required'] });
    expect(general).toEqual(['not eligible']);
  });
});

describe('the drafting editor', () => {
  const posted = { preamble: 'The Parties,', 'article.0.number': '1', 'article.0.heading': 'A', 'article.0.body': 'a', 'article.1.number': '2', 'article.1.heading': 'B', 'article.1.body': 'b' };

  it('reads the articles in order from the form, and adds, removes and moves them', () => {
    const text = textFromForm(posted);
    expect(text.articles.map((a) => a.heading)).toEqual(['A', 'B']);
    expect(applyEdit(text, 'add').articles).toHaveLength(3);
    expect(applyEdit(text, 'remove:0').articles.map((a) => a.heading)).toEqual(['B']);
    expect(applyEdit(text, 'up:1').articles.map((a) => a.heading)).toEqual(['B', 'A']);
    expect(applyEdit(text, 'down:0').articles.map((a) => a.heading)).toEqual(['B', 'A']);
    expect(applyEdit(text, 'up:0')).toEqual(text);
    expect(applyEdit(text, 'preview')).toBe(text);
  });

  it('shows the words inserted and deleted against the saved version, escaped', () => {
    const before = textFromForm(posted);
    const after = { ...before, articles: [{ number: '1', heading: 'A', body: 'a <b>new</b> word' }] };
    const redline = redlineHtml(before, after);
    expect(redline.html).toContain('<ins>');
    expect(redline.html).toContain('&lt;');
    expect(redline.html).not.toContain('<b>');
    expect(redline.deleted).toBeGreaterThan(0);
  });
});

describe('charts and the map', () => {
  it('steps once per act, cumulatively, with the threshold line', () => {
    const svg = stepChartSvg({ title: 'T', series: [{ label: 'Signatures', className: 'sig', dates: ['2019-05-22', '2019-05-22', '2020-01-01'] }], threshold: 10, thresholdLabel: 'Threshold', until: '2021-01-01' });
    expect(svg).toContain('class="threshold"');
    expect(svg).toContain('Signatures 3');
    // curveStepAfter: a horizontal then a vertical segment per step (H and V commands once the path is flat).
    const d = /class="series sig" d="([^"]+)"/.exec(svg)![1]!;
    expect(d.split(/[LHV]/).length).toBeGreaterThan(6);
    expect(stepChartSvg({ title: 'T', series: [], threshold: null, thresholdLabel: 'Threshold', until: '2021-01-01' })).not.toContain('threshold');
  });

  it('shows every member administration: an outline, or a marker where the outline is too small', () => {
    const { svg, unmapped } = regionMapSvg({ title: 'Map', parties: [...CCLEC_MEMBERS_FOR_SPEC, 'CCLEC'].map((code) => ({ code, name: code, status: 'eligible', statusLabel: 'Eligible' })) });
    for (const code of CCLEC_MEMBERS_FOR_SPEC) expect(svg).toContain(`data-party="${code}"`);
    expect(unmapped.map((p) => p.code)).toEqual(['CCLEC']);
    // Saint Kitts and Nevis and Anguilla are too small to see at this scale: markers.
    expect(svg).toMatch(/<circle[^>]*data-party="KNA"/);
    expect(svg).toMatch(/<path[^>]*data-party="MEX"/);
  });

  it('colours a party by where it stands', () => {
    expect(statusClassOf(undefined)).toBe('none');
    expect(statusClassOf({ status: 'signatory', partyStatus: 'not-bound' })).toBe('signatory');
    expect(statusClassOf({ status: 'bound', partyStatus: 'in-force' })).toBe('in-force');
    expect(statusClassOf({ status: 'bound', partyStatus: 'bound-not-in-force' })).toBe('bound');
    expect(statusClassOf({ status: 'withdrawn', partyStatus: 'withdrawn' })).toBe('withdrawn');
  });
});

describe('languages and sign-in', () => {
  it('takes the language asked for, else the browser’s, else English; every language of the documents has its page words', () => {
    expect(pickLanguage('fr', 'es')).toBe('fr');
    expect(pickLanguage(undefined, 'es-ES,es;q=0.9')).toBe('es');
    expect(pickLanguage('xx', 'de')).toBe('en');
    expect(message('fr', 'dashboard')).toBe('Tableau de bord');
    expect(pickLanguage(undefined, 'nl-NL,nl;q=0.9')).toBe('nl');
    expect(message('nl', 'progressLine', { have: 1, need: 10, more: 9 })).toBe('1 van 10 akten; nog 9 nodig');
    expect(message('xx', 'dashboard')).toBe('Dashboard');
    expect(message('en', 'progressLine', { have: 1, need: 10, more: 9 })).toBe('1 of 10 instruments; 9 more required');
  });

  it('returns only to a path on this site after signing in', () => {
    expect(safeNext('/our-party?lang=fr')).toBe('/our-party?lang=fr');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});
