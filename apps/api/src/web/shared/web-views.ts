import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { formatLegalDate, type DocumentLanguage } from '#libs/documents';
import { message } from './page-messages.js';

/** The templates and assets are not compiled: found beside the sources, or from dist/ by walking up to the package root. */
export const webDir = (name: 'templates' | 'assets'): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '..', name)];
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) candidates.push(join(dir, 'apps', 'api', 'src', 'web', name));
  candidates.push(resolve(process.cwd(), 'apps', 'api', 'src', 'web', name));
  const found = candidates.find((dir) => existsSync(join(dir, name === 'templates' ? 'layout.hbs' : 'web.css')));
  if (!found) throw new Error(`Cannot find the web ${name}; looked in ${candidates.join(', ')}.`);
  return found;
};

export const legalDate = (date: unknown, lang: string): string => {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(date)) return '';
  try {
    return formatLegalDate(date.slice(0, 10), lang as DocumentLanguage);
  } catch {
    return formatLegalDate(date.slice(0, 10), 'en');
  }
};

/** One Handlebars environment for the pages: values escaped, prototype access off (the default), one layout. */
export class WebViews {
  private readonly hbs = Handlebars.create();
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;

  constructor(dir = webDir('templates')) {
    const hbs = this.hbs;
    hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
      return message(options.data.root.lang, key, options.hash);
    });
    hbs.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) => legalDate(value, options.data.root.lang));
    hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
    hbs.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
    hbs.registerHelper('not', (a: unknown) => !a);
    hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
    hbs.registerHelper('raw', (html: unknown) => new hbs.SafeString(typeof html === 'string' ? html : ''));
    /** A link that keeps the page's language and "as at" date. */
    hbs.registerHelper('link', (path: string, options: Handlebars.HelperOptions) => pageLink(path, options.data.root, options.hash));
    for (const file of readdirSync(join(dir, 'partials'))) {
      hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(dir, 'partials', file), 'utf8'));
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      this.pages.set(file.replace(/\.hbs$/, ''), hbs.compile(readFileSync(join(dir, file), 'utf8'), { strict: false }));
    }
    this.layout = this.pages.get('layout')!;
  }

  render(page: string, context: Record<string, unknown>): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`No page template ${page}`);
    const body = template(context, { data: { root: context } });
    return this.layout({ ...context, body: new this.hbs.SafeString(body) }, { data: { root: context } });
  }
}

export const pageLink = (path: string, root: { lang?: string; asOf?: string | null }, extra: Record<string, unknown> = {}): string => {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  if (root.lang && !params.has('lang')) params.set('lang', root.lang);
  if (root.asOf && !params.has('asOf')) params.set('asOf', root.asOf);
  for (const [key, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === '') params.delete(key);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${base}?${search}` : base!;
};
