import { jest } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoLog, DEMO_ORGANISATION, DEMO_PARTIES, TREATY_ID } from '../fixtures/demo-log.fixture.js';
import { DocumentRenderer, instrumentRecord, resolveTemplatesDir, TemplateEngine, TemplateError } from '../index.js';

const { log } = buildDemoLog();
const treaty = instrumentRecord(log.stream(TREATY_ID));
const statusReport = { type: 'status-report', record: treaty, asOf: '2024-05-01', parties: DEMO_PARTIES } as const;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'documents-templates-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, content: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), content);
};
const withOverrides = () => new DocumentRenderer({ organisation: DEMO_ORGANISATION, overridesDir: dir });

describe('the organisation’s templates directory', () => {
  it('overrides a built-in partial by file name, for that format only', () => {
    write('partials/letterhead.html.hbs', '<header class="ours">{{name}} · Our own letterhead</header>\n');
    const renderer = withOverrides();
    const html = renderer.render({ ...statusReport, format: 'html' }).body;
    expect(html).toContain('<header class="ours">Caribbean Customs Law Enforcement Council · Our own letterhead</header>');
    expect(html).not.toContain('<header class="letterhead">');
    expect(renderer.render({ ...statusReport, format: 'txt' }).body).not.toContain('Our own letterhead');
    // Every document that uses the partial gets it.
    expect(renderer.render({ type: 'full-powers', record: treaty, party: 'LCA', format: 'html' }).body).toContain('Our own letterhead');
  });

  it('overrides a built-in document template, escaping still on', () => {
    write('status-report.md.hbs', '# {{instrument.title}}\n\n{{asAt}}: {{counts}} {{{asAt}}}\n');
    const body = withOverrides().render({ ...statusReport, format: 'md' }).body;
    expect(body).toBe(`# ${treaty.state.title}\n\nStatus as at 1 May 2024: Signatories: 7. Parties: 3. Status as at 1 May 2024\n`);
  });

  it('adds a language by writing the document in it', () => {
    write('fr/full-powers.txt.hbs', 'PLEINS POUVOIRS\n\n{{body}}\n');
    const doc = withOverrides().render({ type: 'full-powers', record: treaty, party: 'LCA', parties: DEMO_PARTIES, format: 'txt', lang: 'fr' });
    expect(doc.language).toBe('fr');
    expect(doc.body.startsWith('PLEINS POUVOIRS\n')).toBe(true);
    // The template used English messages, so the document says that part of it fell back.
    expect(doc.fallback).toBe(true);
  });

  it('replaces single messages from messages/<lang>.json', () => {
    write('messages/en.json', JSON.stringify({ status: { asAt: 'Position of signatures and ratifications on {{date}}' } }));
    const body = withOverrides().render({ ...statusReport, format: 'txt' }).body;
    expect(body).toContain('Position of signatures and ratifications on 1 May 2024');
    expect(body).toContain('Entry into force: not yet in force.');
  });

  it('gives the letterhead and the notification prefix from organisation.json', () => {
    write('organisation.json', JSON.stringify({ name: 'Organisation of Eastern Caribbean Customs', acronym: 'OECC', depositary: 'The Director-General' }));
    const renderer = new DocumentRenderer({ overridesDir: dir });
    const eventId = log.stream(TREATY_ID).find((e) => e.type === 'ConsentDeposited.v1')!.id;
    const body = renderer.render({ type: 'notification', record: treaty, eventId, format: 'txt' }).body;
    expect(body.startsWith('ORGANISATION OF EASTERN CARIBBEAN CUSTOMS\n')).toBe(true);
    expect(body).toContain('Reference: OECC/2019/9');
    expect(body).toContain('The Director-General, acting in its capacity as depositary');
    write('organisation.json', '{"acronym":"X"}');
    expect(() => new DocumentRenderer({ overridesDir: dir })).toThrow(/organisation\.json: must be an object with at least a "name"/);
  });

  it('must exist', () => {
    expect(() => new TemplateEngine({ overridesDir: join(dir, 'missing') })).toThrow(/does not exist/);
  });
});

describe('a broken template', () => {
  const loadError = (): TemplateError => {
    try {
      withOverrides();
    } catch (error) {
      return error as TemplateError;
    }
    throw new Error('the templates loaded');
  };

  it('fails at load time with the file and line of a syntax error', () => {
    write('status-report.html.hbs', '{{#> page}}\n<h1>{{instrument.title}}</h1>\n<p>{{asAt}</p>\n{{/page}}\n');
    const error = loadError();
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.file).toBe(join(dir, 'status-report.html.hbs'));
    expect(error.line).toBe(3);
    expect(error.message).toContain(`Template ${join(dir, 'status-report.html.hbs')}, line 3`);
  });

  it('names the line of a block closed by the wrong name', () => {
    write('partials/table.md.hbs', '| a |\n\n{{#each rows}}\n{{this}}\n{{/if}}\n');
    const error = loadError();
    expect([error.file, error.line]).toEqual([join(dir, 'partials/table.md.hbs'), 3]);
    expect(error.message).toMatch(/each doesn't match if/);
  });

  it('names the line that uses a partial nobody wrote', () => {
    write('signature-page.txt.hbs', '{{title}}\n\n{{> seal}}\n');
    const error = loadError();
    expect([error.file, error.line]).toEqual([join(dir, 'signature-page.txt.hbs'), 3]);
    expect(error.message).toContain('uses the partial "seal", but there is no partials/seal.txt.hbs');
  });

  it('names the file when it fails while rendering', () => {
    write('partials/letterhead.txt.hbs', '{{name}}\n{{nosuchhelper name}}\n');
    const renderer = withOverrides();
    expect(() => renderer.render({ ...statusReport, format: 'txt' })).toThrow(TemplateError);
    expect(() => renderer.render({ ...statusReport, format: 'txt' })).toThrow(`Template ${join(dir, 'partials/letterhead.txt.hbs')}`);
    expect(() => renderer.render({ ...statusReport, format: 'txt' })).toThrow(/Missing helper: "nosuchhelper"/);
  });

  it('in the messages file is named too', () => {
    write('messages/fr.json', '{ "status": ');
    expect(loadError().file).toBe(join(dir, 'messages/fr.json'));
  });
});

describe('templates', () => {
  it('are compiled once, when loaded: editing a file later changes nothing', () => {
    cpSync(resolveTemplatesDir(), dir, { recursive: true });
    const engine = new DocumentRenderer({ templatesDir: dir, organisation: DEMO_ORGANISATION });
    const before = engine.render({ ...statusReport, format: 'txt' }).body;
    writeFileSync(join(dir, 'status-report.txt.hbs'), 'changed\n');
    expect(engine.render({ ...statusReport, format: 'txt' }).body).toBe(before);
    expect(new DocumentRenderer({ templatesDir: dir }).render({ ...statusReport, format: 'txt' }).body).toBe('changed\n');
  });

  it('are found next to the package, and an explicit directory must hold them', () => {
    expect(resolveTemplatesDir()).toMatch(/libs[/\\]documents[/\\]templates$/);
    expect(() => resolveTemplatesDir(dir)).toThrow(/No document templates/);
  });

  it('cannot reach prototype properties or methods', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      write('status-report.txt.hbs', '[{{instrument.constructor}}][{{instrument.title.length}}][{{#with instrument}}{{__proto__}}{{/with}}][{{lookup instrument "toString"}}][{{instrument.title.toUpperCase}}]\n');
      const body = withOverrides().render({ ...statusReport, format: 'txt' }).body;
      // Own data (a string's length) is there; nothing from a prototype is.
      expect(body).toBe(`[][${treaty.state.title.length}][][][]\n`);
      write('status-report.txt.hbs', '{{#with instrument}}{{hasOwnProperty "title"}}{{/with}}\n');
      expect(() => withOverrides().render({ ...statusReport, format: 'txt' })).toThrow(/Missing helper: "hasOwnProperty"/);
    } finally {
      error.mockRestore();
    }
  });
});
