import { NOUN_FORM_NAMES } from './instrument-nouns.js';
import { BUILT_IN_CATALOGS, MessageLookup, UnknownMessageError, coversNamespaces, mergeCatalog, pluralCategory } from './message-catalog.js';

type Tree = { readonly [key: string]: string | Tree };
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const nounForm = (p: string) => (NOUN_FORM_NAMES as readonly string[]).includes(p);
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  // A translated namespace must be complete (a document is either in the language or falls back as a whole),
  // and a translation may leave a value out but never need a new one, except another form of the instrument's
  // noun where English names it ("au Traité susmentionné" for "the above-mentioned {{noun}}"): every message
  // that names the instrument is given all its forms.
  it.each(['fr', 'es', 'nl'] as const)('%s translates every key of each namespace it has, needing no value English lacks', (lang) => {
    const catalog = BUILT_IN_CATALOGS[lang];
    for (const ns of Object.keys(catalog)) {
      const en = BUILT_IN_CATALOGS.en[ns] as Tree;
      const translated = catalog[ns] as Tree;
      expect(keys(translated).sort()).toEqual(keys(en).sort());
      for (const key of keys(en)) {
        const path = key.split('.');
        const pick = (t: Tree) => path.reduce<string | Tree>((n, p) => (n as Tree)[p]!, t) as string;
        const english = placeholders(pick(en));
        const given = english.some((p) => nounForm(p)) ? [...english, ...NOUN_FORM_NAMES] : english;
        const extra = placeholders(pick(translated)).filter((p) => !given.includes(p));
        expect([key, extra]).toEqual([key, []]);
      }
    }
  });

  it('covers the status report and the notification in French, Spanish and Dutch, but not the model instruments', () => {
    for (const lang of ['fr', 'es', 'nl'] as const) {
      expect(coversNamespaces(BUILT_IN_CATALOGS, lang, ['common', 'status', 'conditions'])).toBe(true);
      expect(coversNamespaces(BUILT_IN_CATALOGS, lang, ['common', 'notification'])).toBe(true);
      expect(coversNamespaces(BUILT_IN_CATALOGS, lang, ['common', 'fullPowers'])).toBe(false);
    }
  });

  it('falls back to English key by key and remembers it', () => {
    const lookup = new MessageLookup(BUILT_IN_CATALOGS, 'fr');
    expect(lookup.t('status.asAt', { date: '1er mai 2024' })).toBe('État au 1er mai 2024');
    expect(lookup.missing.size).toBe(0);
    expect(lookup.t('fullPowers.heading')).toBe('FULL POWERS');
    expect([...lookup.missing]).toEqual(['fullPowers.heading']);
  });

  it('chooses the plural form by the language’s rule', () => {
    expect(pluralCategory(0, 'fr')).toBe('one');
    expect(pluralCategory(0, 'en')).toBe('other');
    const en = new MessageLookup(BUILT_IN_CATALOGS, 'en');
    expect(en.t('conditions.stillRequired', { count: 1 })).toBe('One further instrument is required for entry into force.');
    expect(en.t('conditions.stillRequired', { count: 7 })).toBe('7 further instruments are required for entry into force.');
  });

  it('names an unknown key and a missing value', () => {
    const en = new MessageLookup(BUILT_IN_CATALOGS, 'en');
    expect(() => en.t('status.nope')).toThrow(UnknownMessageError);
    expect(() => en.t('status.asAt')).toThrow(/needs the value "date"/);
  });

  it('merges an override without letting it reach the prototype', () => {
    const merged = mergeCatalog(BUILT_IN_CATALOGS.en, JSON.parse('{"status":{"asAt":"Position at {{date}}"},"__proto__":{"polluted":"yes"}}'));
    expect(((merged.status as Tree).asAt)).toBe('Position at {{date}}');
    expect(((merged.status as Tree).inForce)).toBe((BUILT_IN_CATALOGS.en.status as Tree).inForce);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => mergeCatalog(BUILT_IN_CATALOGS.en, ['not', 'an', 'object'])).toThrow(/must be an object/);
  });
});
