import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { formatLegalDate, type DateStyle } from '../language/legal-dates.js';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../language/languages.js';
import { BUILT_IN_CATALOGS, mergeCatalog, type Catalogs, type MessageLookup, type MessageParams } from '../language/message-catalog.js';
import { cardinalWords, ordinalWords } from '../language/number-words.js';
import type { PartyDirectory } from '../model/party-directory.js';
import { DOCUMENT_FORMATS, type DocumentFormat } from './document-format.js';
import { TemplateError } from './template-error.js';
import { escapeMarkdown } from './markup-escape.js';
import { textTable } from './text-table.js';
import { resolveTemplatesDir } from './templates-dir.js';

export interface TemplateEngineOptions {
  /** The built-in templates; found next to the package by default. */
  readonly templatesDir?: string;
  /**
   * The organisation's own templates (configuration TEMPLATES_DIR): a file at the same relative path replaces
   * the built-in template or partial; `<lang>/<name>.<format>.hbs` adds a language; `messages/<lang>.json`
   * replaces single messages.
   */
  readonly overridesDir?: string | null;
}

/** What every render passes to the helpers through Handlebars' @data. */
export interface RenderData {
  readonly lang: DocumentLanguage;
  readonly messages: MessageLookup;
  readonly parties: PartyDirectory;
}

interface LoadedTemplate {
  readonly file: string;
  readonly source: string;
}

interface CompiledTemplate {
  readonly file: string;
  readonly render: Handlebars.TemplateDelegate;
}

type Env = typeof Handlebars;

/** Prototype access stays off whatever Handlebars' defaults become: templates see own data properties only. */
const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowedProtoProperties: {},
  allowedProtoMethods: {},
} as const;

const listTemplates = (dir: string): Map<string, LoadedTemplate> => {
  const found = new Map<string, LoadedTemplate>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.hbs')) {
        const id = relative(dir, path).split(sep).join('/').replace(/\.hbs$/, '');
        found.set(id, { file: path, source: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(dir);
  return found;
};

const readMessageOverrides = (dir: string, catalogs: Catalogs): Catalogs => {
  const result: Record<string, unknown> = { ...catalogs };
  for (const lang of DOCUMENT_LANGUAGES) {
    const file = join(dir, 'messages', `${lang}.json`);
    if (!existsSync(file)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new TemplateError(file, null, null, `not valid JSON: ${(error as Error).message}`);
    }
    try {
      result[lang] = mergeCatalog(catalogs[lang], parsed);
    } catch (error) {
      throw new TemplateError(file, null, null, (error as Error).message);
    }
  }
  return result as Catalogs;
};

/** Partial names a template uses, with the line of each use, so a missing partial fails at load time. */
const partialsUsed = (ast: hbs.AST.Program): { name: string; line: number; column: number }[] => {
  const used: { name: string; line: number; column: number }[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: unknown }; loc?: hbs.AST.SourceLocation };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
      const name = String(n.name.original);
      if (!name.startsWith('@')) used.push({ name, line: n.loc?.start.line ?? 0, column: n.loc?.start.column ?? 0 });
    }
    for (const key of ['body', 'program', 'inverse']) {
      const child = (node as Record<string, unknown>)[key];
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(ast);
  return used;
};

const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * Loads, checks and compiles every template once; renders are then pure calls on the cached functions.
 * One Handlebars environment per format: HTML and Markdown escape every value (Markdown renders inline HTML,
 * so an escaped `<script>` shows as text); plain text is never interpreted as markup, so it is not escaped
 * and "Antigua & Barbuda" stays as written.
 */
export class TemplateEngine {
  readonly templatesDir: string;
  readonly overridesDir: string | null;
  readonly catalogs: Catalogs;
  private readonly envs = new Map<DocumentFormat, Env>();
  private readonly documents = new Map<string, CompiledTemplate>();

  constructor(options: TemplateEngineOptions = {}) {
    this.templatesDir = resolveTemplatesDir(options.templatesDir);
    this.overridesDir = options.overridesDir ?? null;
    const templates = listTemplates(this.templatesDir);
    let catalogs = BUILT_IN_CATALOGS;
    if (this.overridesDir) {
      if (!existsSync(this.overridesDir) || !statSync(this.overridesDir).isDirectory()) {
        throw new Error(`The templates directory ${this.overridesDir} (TEMPLATES_DIR) does not exist.`);
      }
      for (const [id, template] of listTemplates(this.overridesDir)) templates.set(id, template);
      catalogs = readMessageOverrides(this.overridesDir, catalogs);
    }
    this.catalogs = catalogs;
    for (const format of DOCUMENT_FORMATS) this.envs.set(format, this.createEnv(format));
    this.compileAll(templates);
  }

  /** Whether `<lang>/<name>.<format>.hbs` exists: a language written as its own template needs no catalog. */
  hasLanguageTemplate(name: string, format: DocumentFormat, lang: DocumentLanguage): boolean {
    return this.documents.has(`${lang}/${name}.${format}`);
  }

  render(name: string, format: DocumentFormat, context: object, data: RenderData): string {
    const template = this.documents.get(`${data.lang}/${name}.${format}`) ?? this.documents.get(`${name}.${format}`);
    if (!template) throw new Error(`No template ${name}.${format}.hbs in ${this.templatesDir}.`);
    try {
      return template.render(context, { data, ...RUNTIME_OPTIONS });
    } catch (error) {
      throw TemplateError.from(template.file, error);
    }
  }

  private compileAll(templates: Map<string, LoadedTemplate>): void {
    const compiled: { id: string; file: string; ast: hbs.AST.Program; format: DocumentFormat }[] = [];
    const partialNames = new Map<DocumentFormat, Set<string>>(DOCUMENT_FORMATS.map((f) => [f, new Set<string>()]));
    for (const [id, { file, source }] of templates) {
      const match = /^(?:(.+)\/)?([^/]+)\.(html|md|txt)$/.exec(id);
      if (!match) continue; // not a document or partial template (e.g. a README.hbs the organisation keeps)
      const format = match[3] as DocumentFormat;
      const env = this.envs.get(format)!;
      let ast: hbs.AST.Program;
      try {
        ast = env.parse(source);
      } catch (error) {
        throw TemplateError.from(file, error);
      }
      if (match[1] === 'partials') partialNames.get(format)!.add(match[2]!);
      compiled.push({ id, file, ast, format });
    }
    for (const { id, file, ast, format } of compiled) {
      for (const use of partialsUsed(ast)) {
        if (!partialNames.get(format)!.has(use.name)) {
          throw new TemplateError(file, use.line, use.column, `uses the partial "${use.name}", but there is no partials/${use.name}.${format}.hbs`);
        }
      }
      const render = this.compile(format, ast, file);
      const slash = id.lastIndexOf('/');
      const [folder, base] = slash >= 0 ? [id.slice(0, slash), id.slice(slash + 1)] : ['', id];
      if (folder === 'partials') {
        const env = this.envs.get(format)!;
        env.registerPartial(base.slice(0, base.lastIndexOf('.')), (context: unknown, options?: Handlebars.RuntimeOptions) => {
          try {
            return render(context, options);
          } catch (error) {
            throw TemplateError.from(file, error);
          }
        });
      } else {
        this.documents.set(id, { file, render });
      }
    }
  }

  /**
   * Compiled now, not on first use. Handlebars binds its escape function when a template is instantiated,
   * so Markdown templates are instantiated with the Markdown escaper in place (synchronously, then restored).
   */
  private compile(format: DocumentFormat, ast: hbs.AST.Program, file: string): Handlebars.TemplateDelegate {
    const env = this.envs.get(format)!;
    let spec: unknown;
    try {
      spec = new Function(`return ${env.precompile(ast, this.compileOptions(format))}`)();
    } catch (error) {
      throw TemplateError.from(file, error);
    }
    if (format !== 'md') return env.template(spec as TemplateSpecification);
    const original = env.Utils.escapeExpression;
    env.Utils.escapeExpression = escapeMarkdown;
    try {
      return env.template(spec as TemplateSpecification);
    } finally {
      env.Utils.escapeExpression = original;
    }
  }

  private compileOptions(format: DocumentFormat): CompileOptions {
    return { noEscape: format === 'txt', preventIndent: true, strict: false };
  }

  private createEnv(format: DocumentFormat): Env {
    const env = Handlebars.create();
    const data = (options: Handlebars.HelperOptions): RenderData => options.data as RenderData;
    const params = (hash: Record<string, unknown>): MessageParams =>
      Object.fromEntries(Object.entries(hash).map(([k, v]) => [k, typeof v === 'number' ? v : str(v)]));

    env.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => data(options).messages.t(str(key), params(options.hash)));
    env.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) =>
      value ? formatLegalDate(str(value), data(options).lang, (options.hash.style as DateStyle | undefined) ?? 'long') : '',
    );
    env.registerHelper('ordinal', (n: unknown, options: Handlebars.HelperOptions) =>
      ordinalWords(Number(n), data(options).lang, { gender: options.hash.gender, beforeNoun: options.hash.beforeNoun }),
    );
    env.registerHelper('cardinal', (n: unknown, options: Handlebars.HelperOptions) => cardinalWords(Number(n), data(options).lang));
    env.registerHelper('party', (code: unknown, options: Handlebars.HelperOptions) => data(options).parties.name(str(code), data(options).lang));
    env.registerHelper('upper', (value: unknown, options: Handlebars.HelperOptions) => str(value).toLocaleUpperCase(data(options).lang));
    env.registerHelper('list', (items: unknown, options: Handlebars.HelperOptions) => {
      const words = Array.isArray(items) ? items.map(str) : [];
      const conjunction = data(options).messages.t(options.hash.conjunction === 'or' ? 'common.or' : 'common.and');
      return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
    });
    env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    env.registerHelper('underline', (value: unknown, char: unknown) => (typeof char === 'string' ? char : '=').repeat([...str(value)].length));
    const escape = format === 'html' ? env.Utils.escapeExpression : format === 'md' ? escapeMarkdown : str;
    const safe = (html: string) => (format === 'txt' ? html : new env.SafeString(html));
    // Markdown table cells: a pipe would end the cell and a newline the row.
    env.registerHelper('cell', (value: unknown) => safe(escape(str(value).replace(/\s*\n\s*/g, ' ')).replace(/\|/g, '\\|')));
    // Text with insertions and deletions: <ins>/<del> in HTML, {+ +} and [- -] (as git's word diff) otherwise.
    const [insOpen, insClose, delOpen, delClose] = format === 'html' ? ['<ins>', '</ins>', '<del>', '</del>'] : ['{+', '+}', '[-', '-]'];
    env.registerHelper('marked', (segments: unknown) => {
      if (!Array.isArray(segments)) return '';
      return safe(
        segments
          .map((s: { text?: unknown; ins?: unknown; del?: unknown }) =>
            s.ins ? insOpen + escape(str(s.text)) + insClose : s.del ? delOpen + escape(str(s.text)) + delClose : escape(str(s.text)),
          )
          .join(''),
      );
    });
    env.registerHelper('textTable', (table: unknown, options: Handlebars.HelperOptions) => {
      const t = table as { headers?: unknown; rows?: unknown } | null;
      if (!t || !Array.isArray(t.headers) || !Array.isArray(t.rows)) return '';
      const width = Number(options.hash.width);
      return textTable(t.headers.map(str), (t.rows as unknown[][]).map((r) => r.map(str)), Number.isInteger(width) && width > 0 ? { maxWidth: width } : {});
    });
    return env;
  }
}
