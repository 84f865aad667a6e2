import { en, type MessageNamespace, type Messages } from './messages/en.messages.js';
import { es } from './messages/es.messages.js';
import { fr } from './messages/fr.messages.js';
import { nl } from './messages/nl.messages.js';
import { FALLBACK_LANGUAGE, type DocumentLanguage } from './languages.js';

type Tree = { readonly [key: string]: string | Tree };
export type Catalogs = Readonly<Record<DocumentLanguage, Tree>>;

export const BUILT_IN_CATALOGS: Catalogs = { en, fr, es, nl };

export type MessageParams = Readonly<Record<string, string | number>>;

/** A message key the English catalog lacks: a template or code bug, never a missing translation. */
export class UnknownMessageError extends Error {
  constructor(readonly key: string) {
    super(`No message "${key}" in the English catalog (check the key in the template or a messages override).`);
    this.name = 'UnknownMessageError';
  }
}

const lookup = (tree: Tree | undefined, key: string): string | Tree | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
    node = node[part];
  }
  return node;
};

/** English, Spanish: one for 1 only; French: one for 0 and 1 ("0 instrument", "1 instrument"). */
export const pluralCategory = (count: number, lang: DocumentLanguage): 'one' | 'other' =>
  (lang === 'fr' ? count === 0 || count === 1 : count === 1) ? 'one' : 'other';

const interpolate = (message: string, params: MessageParams, key: string): string =>
  message.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_, name: string) => {
    if (!Object.hasOwn(params, name)) throw new Error(`Message "${key}" needs the value "${name}".`);
    return String(params[name]);
  });

/**
 * The messages of one document in one language. Lookups that had to use English are remembered, so the
 * rendered document can say it fell back.
 */
export class MessageLookup {
  readonly missing = new Set<string>();

  constructor(
    private readonly catalogs: Catalogs,
    readonly lang: DocumentLanguage,
  ) {}

  /** `t('status.asAt', { date })`; with a `count` param, `key.one` / `key.other` is chosen. */
  t(key: string, params: MessageParams = {}): string {
    const count = params.count;
    const fullKey = typeof count === 'number' && typeof lookup(this.catalogs.en, key) === 'object'
      ? `${key}.${pluralCategory(count, this.lang)}`
      : key;
    let message = lookup(this.catalogs[this.lang], fullKey);
    if (typeof message !== 'string') {
      message = lookup(this.catalogs[FALLBACK_LANGUAGE], fullKey);
      if (typeof message !== 'string') throw new UnknownMessageError(fullKey);
      if (this.lang !== FALLBACK_LANGUAGE) this.missing.add(fullKey);
    }
    return interpolate(message, params, fullKey);
  }
}

/** A language covers a document when its catalog has every namespace the document uses. */
export const coversNamespaces = (catalogs: Catalogs, lang: DocumentLanguage, namespaces: readonly MessageNamespace[]): boolean =>
  namespaces.every((ns) => typeof lookup(catalogs[lang], ns) === 'object');

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An organisation's `messages/<lang>.json` replaces single messages; anything it leaves out keeps the built-in text. */
export const mergeCatalog = (base: Tree, override: unknown, path = ''): Tree => {
  if (!isTree(override)) throw new Error(`Messages override${path ? ` at "${path}"` : ''} must be an object of strings.`);
  const result: Record<string, string | Tree> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    // Own keys only, and never the prototype: a JSON file must not reach Object.prototype.
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const here = path ? `${path}.${key}` : key;
    if (typeof value === 'string') result[key] = value;
    else result[key] = mergeCatalog(isTree(base[key]) ? (base[key] as Tree) : {}, value, here);
  }
  return result;
};

export type { Messages, MessageNamespace };
