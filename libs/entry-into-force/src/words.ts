/**
 * English number words for final clauses ("the thirtieth day", "three months", "three quarters").
 * No installed package does this (checked node_modules for number-to-words / n2words), so a small helper.
 * British treaty style: "one hundred and twenty", hyphenated tens ("twenty-second").
 */

const UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
] as const;
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

/** The largest number the helpers spell out; rule validation keeps periods well below it. */
export const MAX_WORDS = 999_999;

const requireWordable = (n: number): void => {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORDS) {
    throw new RangeError(`Only whole numbers from 0 to ${MAX_WORDS} can be written in words (got ${n}).`);
  }
};

const belowHundred = (n: number): string =>
  n < 20 ? UNITS[n]! : n % 10 === 0 ? TENS[n / 10]! : `${TENS[Math.floor(n / 10)]}-${UNITS[n % 10]}`;

const belowThousand = (n: number): string => {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return belowHundred(rest);
  return rest === 0 ? `${UNITS[hundreds]} hundred` : `${UNITS[hundreds]} hundred and ${belowHundred(rest)}`;
};

/** 0 → "zero", 21 → "twenty-one", 101 → "one hundred and one", 1005 → "one thousand and five". */
export const cardinal = (n: number): string => {
  requireWordable(n);
  if (n < 1000) return belowThousand(n);
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = `${belowThousand(thousands)} thousand`;
  if (rest === 0) return head;
  // "one thousand and five" but "one thousand two hundred": "and" only before a last part below a hundred.
  return rest < 100 ? `${head} and ${belowHundred(rest)}` : `${head} ${belowThousand(rest)}`;
};

const IRREGULAR_ORDINALS: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 1 → "first", 22 → "twenty-second", 30 → "thirtieth", 100 → "one hundredth". Only the last word changes. */
export const ordinal = (n: number): string => {
  if (n === 0) throw new RangeError('There is no ordinal for zero.');
  const words = cardinal(n);
  const match = /^(.*?)([a-z]+)$/.exec(words)!;
  const [, head, last] = match as unknown as [string, string, string];
  const lastOrdinal = IRREGULAR_ORDINALS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return head + lastOrdinal;
};

/** "one month", "three months"; whole years read as years ("five years"). */
export const monthsInWords = (months: number): string => {
  if (months > 0 && months % 12 === 0) {
    const years = months / 12;
    return `${cardinal(years)} ${years === 1 ? 'year' : 'years'}`;
  }
  return `${cardinal(months)} ${months === 1 ? 'month' : 'months'}`;
};

/** "one half", "two thirds", "three quarters", "three fifths" (treaty usage, e.g. VCLT-era amendment clauses). */
export const fractionInWords = (numerator: number, denominator: number): string => {
  if (!Number.isInteger(denominator) || denominator < 2) throw new RangeError(`A fraction needs a denominator of 2 or more (got ${denominator}).`);
  const plural = numerator !== 1;
  const part =
    denominator === 2 ? (plural ? 'halves' : 'half') : denominator === 4 ? (plural ? 'quarters' : 'quarter') : `${ordinal(denominator)}${plural ? 's' : ''}`;
  return `${cardinal(numerator)} ${part}`;
};

/** "A, B and C"; "A or B" with conjunction 'or'. */
export const listInWords = (items: readonly string[], conjunction: 'and' | 'or' = 'and'): string => {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
};
