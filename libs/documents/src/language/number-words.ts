/**
 * Numbers and ordinals in words for the document languages. Written out here (not taken from Intl, which
 * has no spell-out) so that output is byte-identical whatever ICU data the Node build carries.
 */
import type { DocumentLanguage } from './languages.js';

export interface OrdinalOptions {
  /** Grammatical gender of the noun the ordinal qualifies (fr: première; es: vigésima). Default masculine. */
  readonly gender?: 'm' | 'f';
  /** Spanish drops the final -o before a masculine noun: "el primer día", "el tercer instrumento". */
  readonly beforeNoun?: boolean;
}

const MAX = 999_999;
const requireWhole = (n: number, min = 0): void => {
  if (!Number.isInteger(n) || n < min || n > MAX) throw new RangeError(`Cannot write ${n} in words (whole numbers ${min}-${MAX}).`);
};

// ---- English (British treaty style: "one hundred and twenty", "twenty-second") ------------------------

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const enBelowHundred = (n: number): string =>
  n < 20 ? EN_UNITS[n]! : n % 10 === 0 ? EN_TENS[n / 10]! : `${EN_TENS[Math.floor(n / 10)]}-${EN_UNITS[n % 10]}`;
const enBelowThousand = (n: number): string => {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return enBelowHundred(rest);
  return rest === 0 ? `${EN_UNITS[h]} hundred` : `${EN_UNITS[h]} hundred and ${enBelowHundred(rest)}`;
};
const enCardinal = (n: number): string => {
  if (n < 1000) return enBelowThousand(n);
  const head = `${enBelowThousand(Math.floor(n / 1000))} thousand`;
  const rest = n % 1000;
  if (rest === 0) return head;
  return rest < 100 ? `${head} and ${enBelowHundred(rest)}` : `${head} ${enBelowThousand(rest)}`;
};
const EN_IRREGULAR: Readonly<Record<string, string>> = {
  one: 'first', two: 'second', three: 'third', five: 'fifth', eight: 'eighth', nine: 'ninth', twelve: 'twelfth',
};
const enOrdinal = (n: number): string => {
  const [, head, last] = /^(.*?)([a-z]+)$/.exec(enCardinal(n))!;
  return head! + (EN_IRREGULAR[last!] ?? (last!.endsWith('y') ? `${last!.slice(0, -1)}ieth` : `${last}th`));
};

// ---- French (traditional spelling: "vingt et un", "quatre-vingts", "deux cents") ------------------------

const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze',
  'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf'];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

const frBelowHundred = (n: number, final: boolean): string => {
  if (n < 20) return FR_UNITS[n]!;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7 || tens === 9) {
    // soixante-dix, soixante et onze, quatre-vingt-dix...
    const base = tens === 7 ? 'soixante' : 'quatre-vingt';
    const rest = n - (tens === 7 ? 60 : 80);
    return tens === 7 && rest === 11 ? `${base} et onze` : `${base}-${FR_UNITS[rest]}`;
  }
  if (tens === 8) return unit === 0 ? (final ? 'quatre-vingts' : 'quatre-vingt') : `quatre-vingt-${FR_UNITS[unit]}`;
  if (unit === 0) return FR_TENS[tens]!;
  return unit === 1 ? `${FR_TENS[tens]} et un` : `${FR_TENS[tens]}-${FR_UNITS[unit]}`;
};
const frBelowThousand = (n: number, final: boolean): string => {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return frBelowHundred(rest, final);
  const hundreds = h === 1 ? 'cent' : `${FR_UNITS[h]} cent${rest === 0 && final ? 's' : ''}`;
  return rest === 0 ? hundreds : `${hundreds} ${frBelowHundred(rest, final)}`;
};
const frCardinal = (n: number): string => {
  if (n < 1000) return frBelowThousand(n, true);
  const t = Math.floor(n / 1000);
  const rest = n % 1000;
  // "mille" never takes an s, and the hundreds before it do not either ("deux cent mille").
  const head = t === 1 ? 'mille' : `${frBelowThousand(t, false)} mille`;
  return rest === 0 ? head : `${head} ${frBelowThousand(rest, true)}`;
};
const frOrdinal = (n: number, gender: 'm' | 'f'): string => {
  if (n === 1) return gender === 'f' ? 'première' : 'premier';
  const [, head, last] = /^(.*?)([a-zéè]+)$/.exec(frCardinal(n))!;
  const stem =
    last === 'un' ? 'unième'
      : last === 'cinq' ? 'cinquième'
        : last === 'neuf' ? 'neuvième'
          : last === 'vingts' ? 'vingtième'
            : last === 'cents' ? 'centième'
              : last!.endsWith('e') ? `${last!.slice(0, -1)}ième`
                : `${last}ième`;
  return head! + stem;
};

// ---- Spanish --------------------------------------------------------------------------------------------

const ES_BELOW_30 = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce',
  'trece', 'catorce', 'quince', 'dieciséis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte', 'veintiuno', 'veintidós',
  'veintitrés', 'veinticuatro', 'veinticinco', 'veintiséis', 'veintisiete', 'veintiocho', 'veintinueve'];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const ES_HUNDREDS = ['', 'ciento', 'doscientos', 'trescientos', 'cuatrocientos', 'quinientos', 'seiscientos', 'setecientos',
  'ochocientos', 'novecientos'];

const esBelowHundred = (n: number): string =>
  n < 30 ? ES_BELOW_30[n]! : n % 10 === 0 ? ES_TENS[n / 10]! : `${ES_TENS[Math.floor(n / 10)]} y ${ES_BELOW_30[n % 10]}`;
const esBelowThousand = (n: number): string => {
  if (n === 100) return 'cien';
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 0) return esBelowHundred(rest);
  return rest === 0 ? ES_HUNDREDS[h]! : `${ES_HUNDREDS[h]} ${esBelowHundred(rest)}`;
};
const esCardinal = (n: number): string => {
  if (n < 1000) return esBelowThousand(n);
  const t = Math.floor(n / 1000);
  const rest = n % 1000;
  // "mil", "dos mil", "veintiún mil": uno shortens before mil.
  const head = t === 1 ? 'mil' : `${esBelowThousand(t).replace(/veintiuno$/, 'veintiún').replace(/uno$/, 'un')} mil`;
  return rest === 0 ? head : `${head} ${esBelowThousand(rest)}`;
};
const ES_ORD_UNITS = ['', 'primero', 'segundo', 'tercero', 'cuarto', 'quinto', 'sexto', 'séptimo', 'octavo', 'noveno'];
const ES_ORD_TEENS = ['décimo', 'undécimo', 'duodécimo', 'decimotercero', 'decimocuarto', 'decimoquinto', 'decimosexto',
  'decimoséptimo', 'decimoctavo', 'decimonoveno'];
const ES_ORD_TENS = ['', '', 'vigésimo', 'trigésimo', 'cuadragésimo', 'quincuagésimo', 'sexagésimo', 'septuagésimo',
  'octogésimo', 'nonagésimo'];
const ES_ORD_HUNDREDS = ['', 'centésimo', 'ducentésimo', 'tricentésimo', 'cuadringentésimo', 'quingentésimo', 'sexcentésimo',
  'septingentésimo', 'octingentésimo', 'noningentésimo'];
const esOrdinal = (n: number, gender: 'm' | 'f', beforeNoun: boolean): string => {
  // Ordinal words beyond the hundreds are not used in treaty texts; print the figure with its indicator.
  if (n > 999) return `${n}.${gender === 'f' ? 'ª' : 'º'}`;
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(ES_ORD_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) words.push(ES_ORD_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(ES_ORD_TENS[Math.floor(rest / 10)]!);
    if (rest % 10) words.push(ES_ORD_UNITS[rest % 10]!);
  }
  let text = words.join(' ');
  if (gender === 'f') return text.replace(/o\b/g, 'a');
  if (beforeNoun) text = text.replace(/(primer|tercer)o$/, '$1');
  return text;
};

// ---- Dutch ("eenentwintig", "tweeëntwintig", "tweeduizendnegentien"; ordinals "eerste", "twintigste") ------

const NL_UNITS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const NL_TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];

const nlBelowHundred = (n: number): string => {
  if (n < 20) return NL_UNITS[n]!;
  const unit = n % 10;
  const tens = NL_TENS[Math.floor(n / 10)]!;
  if (unit === 0) return tens;
  // "en" after a unit ending in e takes a diaeresis: tweeëntwintig, drieëntwintig.
  const u = NL_UNITS[unit]!;
  return `${u}${u.endsWith('e') ? 'ën' : 'en'}${tens}`;
};

const nlBelowThousand = (n: number): string => {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 0 ? '' : hundreds === 1 ? 'honderd' : `${NL_UNITS[hundreds]}honderd`;
  return rest === 0 ? head || 'nul' : `${head}${nlBelowHundred(rest)}`;
};

const nlCardinal = (n: number): string => {
  if (n < 1000) return nlBelowThousand(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  // Written as one word up to a million (tweeduizendnegentien); "duizend" alone for a thousand.
  const head = thousands === 1 ? 'duizend' : `${nlBelowThousand(thousands)}duizend`;
  return rest === 0 ? head : `${head}${nlBelowThousand(rest)}`;
};

const NL_ORD_IRREGULAR: Readonly<Record<string, string>> = { een: 'eerste', drie: 'derde', acht: 'achtste' };

const nlOrdinal = (n: number): string => {
  const words = nlCardinal(n);
  // Up to nineteen (and a compound ending in one): -de, with eerste, derde, achtste; from twenty, and after
  // honderd and duizend: -ste.
  const last = n % 100;
  if (last !== 0 && last < 20) {
    const unit = NL_UNITS[last]!;
    const stem = words.slice(0, words.length - unit.length);
    return `${stem}${NL_ORD_IRREGULAR[unit] ?? `${unit}de`}`;
  }
  return `${words}ste`;
};

// ---- entry points ---------------------------------------------------------------------------------------

export const cardinalWords = (n: number, lang: DocumentLanguage): string => {
  requireWhole(n);
  switch (lang) {
    case 'fr':
      return frCardinal(n);
    case 'es':
      return esCardinal(n);
    case 'nl':
      return nlCardinal(n);
    default:
      return enCardinal(n);
  }
};

export const ordinalWords = (n: number, lang: DocumentLanguage, options: OrdinalOptions = {}): string => {
  requireWhole(n, 1);
  const gender = options.gender ?? 'm';
  switch (lang) {
    case 'fr':
      return frOrdinal(n, gender);
    case 'es':
      return esOrdinal(n, gender, options.beforeNoun ?? false);
    case 'nl':
      return nlOrdinal(n);
    default:
      return enOrdinal(n);
  }
};
