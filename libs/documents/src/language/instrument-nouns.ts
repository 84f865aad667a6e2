import type { InstrumentKind } from '#libs/lifecycle';
import type { DocumentLanguage } from './languages.js';

/** English nouns have no grammatical gender: neuter ("it"). */
type Gender = 'masculine' | 'feminine' | 'neuter';

interface Noun {
  /** As written in running text, capitalised as the instrument's own name: "Treaty", "Traité", "Enmienda". */
  readonly noun: string;
  /** Chooses the article and the agreement of "susmentionné" / "mencionado" (English has neither). */
  readonly gender: Gender;
}

/**
 * How documents name an instrument: from its kind, never from its title (a treaty may be titled "Agreement
 * establishing ..."). One table per language; the compiler asks for every kind in every language.
 */
export const INSTRUMENT_NOUNS = {
  en: {
    treaty: { noun: 'Treaty', gender: 'neuter' },
    agreement: { noun: 'Agreement', gender: 'neuter' },
    mou: { noun: 'Memorandum of Understanding', gender: 'neuter' },
    protocol: { noun: 'Protocol', gender: 'neuter' },
    amendment: { noun: 'Amendment', gender: 'neuter' },
  },
  fr: {
    treaty: { noun: 'Traité', gender: 'masculine' },
    agreement: { noun: 'Accord', gender: 'masculine' },
    mou: { noun: "Mémorandum d'accord", gender: 'masculine' },
    protocol: { noun: 'Protocole', gender: 'masculine' },
    amendment: { noun: 'Amendement', gender: 'masculine' },
  },
  es: {
    treaty: { noun: 'Tratado', gender: 'masculine' },
    agreement: { noun: 'Acuerdo', gender: 'masculine' },
    mou: { noun: 'Memorando de Entendimiento', gender: 'masculine' },
    protocol: { noun: 'Protocolo', gender: 'masculine' },
    amendment: { noun: 'Enmienda', gender: 'feminine' },
  },
  // het Verdrag, het Protocol, het Memorandum (neuter); de Overeenkomst, de Wijziging (common gender).
  nl: {
    treaty: { noun: 'Verdrag', gender: 'neuter' },
    agreement: { noun: 'Overeenkomst', gender: 'feminine' },
    mou: { noun: 'Memorandum van Overeenstemming', gender: 'neuter' },
    protocol: { noun: 'Protocol', gender: 'neuter' },
    amendment: { noun: 'Wijziging', gender: 'feminine' },
  },
} as const satisfies Readonly<Record<DocumentLanguage, Readonly<Record<InstrumentKind, Noun>>>>;

/**
 * The forms of the noun the messages use, each a message placeholder: a sentence picks the one its grammar
 * needs ("de l'Accord", "au Traité", "a la Enmienda"). A capitalised form begins a sentence.
 */
export const NOUN_FORM_NAMES = [
  'noun', //               "Treaty"
  'theNoun', //            "the Treaty", "l'Accord", "la Enmienda"
  'TheNoun', //            "The Treaty", "L'Accord", "La Enmienda"
  'theNounMentioned', //   "the above-mentioned Treaty", "le Traité susmentionné", "la Enmienda mencionada"
  'TheNounMentioned', //   "The above-mentioned Treaty", "Le Traité susmentionné"
  'ofTheNounMentioned', // "of the above-mentioned Treaty", "de l'Accord susmentionné", "del Tratado mencionado"
  'toTheNounMentioned', // "to the above-mentioned Treaty", "au Traité susmentionné", "a la Enmienda mencionada"
] as const;
/** A mapped type, not an interface, so that it passes as message parameters. */
export type NounForms = { readonly [Form in (typeof NOUN_FORM_NAMES)[number]]: string };

interface Grammar {
  /** The definite article, alone and contracted with "of" and "to": the / of the / to the; le / du / au. */
  readonly articles: (noun: string, gender: Gender) => readonly [the: string, ofThe: string, toThe: string];
  /** The noun qualified as "above-mentioned", agreeing with it. */
  readonly mentioned: (noun: string, gender: Gender) => string;
}

const GRAMMAR: Readonly<Record<DocumentLanguage, Grammar>> = {
  en: {
    articles: () => ['the ', 'of the ', 'to the '],
    mentioned: (noun) => `above-mentioned ${noun}`,
  },
  fr: {
    // Before a vowel the article elides (l'Accord, de l'Amendement); de le → du, à le → au.
    articles: (noun, gender) =>
      /^[aeiouyàâéèêëîïôû]/i.test(noun) ? ["l'", "de l'", "à l'"] : gender === 'feminine' ? ['la ', 'de la ', 'à la '] : ['le ', 'du ', 'au '],
    mentioned: (noun, gender) => `${noun} susmentionné${gender === 'feminine' ? 'e' : ''}`,
  },
  es: {
    // de el → del, a el → al.
    articles: (_, gender) => (gender === 'feminine' ? ['la ', 'de la ', 'a la '] : ['el ', 'del ', 'al ']),
    mentioned: (noun, gender) => `${noun} mencionad${gender === 'feminine' ? 'a' : 'o'}`,
  },
  nl: {
    articles: (_, gender) => (gender === 'neuter' ? ['het ', 'van het ', 'tot het '] : ['de ', 'van de ', 'tot de ']),
    mentioned: (noun) => `bovengenoemde ${noun}`,
  },
};

const capitalise = (text: string, lang: DocumentLanguage): string => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/** Every form of the instrument's noun in the language, from its kind. */
export const nounForms = (kind: InstrumentKind, lang: DocumentLanguage): NounForms => {
  const { noun, gender } = INSTRUMENT_NOUNS[lang][kind];
  const grammar = GRAMMAR[lang];
  const [the, ofThe, toThe] = grammar.articles(noun, gender);
  const mentioned = grammar.mentioned(noun, gender);
  return {
    noun,
    theNoun: the + noun,
    TheNoun: capitalise(the + noun, lang),
    theNounMentioned: the + mentioned,
    TheNounMentioned: capitalise(the + mentioned, lang),
    ofTheNounMentioned: ofThe + mentioned,
    toTheNounMentioned: toThe + mentioned,
  };
};
