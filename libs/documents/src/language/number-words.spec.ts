import { cardinalWords, ordinalWords } from './number-words.js';
import { formatLegalDate } from './legal-dates.js';

describe('numbers in words', () => {
  it.each([
    [0, 'zero', 'zéro', 'cero'],
    [1, 'one', 'un', 'uno'],
    [16, 'sixteen', 'seize', 'dieciséis'],
    [21, 'twenty-one', 'vingt et un', 'veintiuno'],
    [22, 'twenty-two', 'vingt-deux', 'veintidós'],
    [71, 'seventy-one', 'soixante et onze', 'setenta y uno'],
    [80, 'eighty', 'quatre-vingts', 'ochenta'],
    [81, 'eighty-one', 'quatre-vingt-un', 'ochenta y uno'],
    [99, 'ninety-nine', 'quatre-vingt-dix-neuf', 'noventa y nueve'],
    [100, 'one hundred', 'cent', 'cien'],
    [101, 'one hundred and one', 'cent un', 'ciento uno'],
    [200, 'two hundred', 'deux cents', 'doscientos'],
    [580, 'five hundred and eighty', 'cinq cent quatre-vingts', 'quinientos ochenta'],
    [1005, 'one thousand and five', 'mille cinq', 'mil cinco'],
    [2019, 'two thousand and nineteen', 'deux mille dix-neuf', 'dos mil diecinueve'],
    [21000, 'twenty-one thousand', 'vingt et un mille', 'veintiún mil'],
    [200000, 'two hundred thousand', 'deux cent mille', 'doscientos mil'],
  ])('%i → %s / %s / %s', (n, en, fr, es) => {
    expect(cardinalWords(n, 'en')).toBe(en);
    expect(cardinalWords(n, 'fr')).toBe(fr);
    expect(cardinalWords(n, 'es')).toBe(es);
  });

  it.each([
    [1, 'first', 'premier', 'primero'],
    [3, 'third', 'troisième', 'tercero'],
    [5, 'fifth', 'cinquième', 'quinto'],
    [9, 'ninth', 'neuvième', 'noveno'],
    [10, 'tenth', 'dixième', 'décimo'],
    [12, 'twelfth', 'douzième', 'duodécimo'],
    [13, 'thirteenth', 'treizième', 'decimotercero'],
    [21, 'twenty-first', 'vingt et unième', 'vigésimo primero'],
    [22, 'twenty-second', 'vingt-deuxième', 'vigésimo segundo'],
    [30, 'thirtieth', 'trentième', 'trigésimo'],
    [80, 'eightieth', 'quatre-vingtième', 'octogésimo'],
    [100, 'one hundredth', 'centième', 'centésimo'],
    [200, 'two hundredth', 'deux centième', 'ducentésimo'],
  ])('ordinal %i → %s / %s / %s', (n, en, fr, es) => {
    expect(ordinalWords(n, 'en')).toBe(en);
    expect(ordinalWords(n, 'fr')).toBe(fr);
    expect(ordinalWords(n, 'es')).toBe(es);
  });

  it('agrees ordinals with the noun where the language does', () => {
    expect(ordinalWords(1, 'fr', { gender: 'f' })).toBe('première');
    expect(ordinalWords(22, 'es', { gender: 'f' })).toBe('vigésima segunda');
    expect(ordinalWords(1, 'es', { beforeNoun: true })).toBe('primer');
    expect(ordinalWords(23, 'es', { beforeNoun: true })).toBe('vigésimo tercer');
  });

  it.each([
    [1, 'een', 'eerste'],
    [3, 'drie', 'derde'],
    [8, 'acht', 'achtste'],
    [10, 'tien', 'tiende'],
    [19, 'negentien', 'negentiende'],
    [20, 'twintig', 'twintigste'],
    [22, 'tweeëntwintig', 'tweeëntwintigste'],
    [65, 'vijfenzestig', 'vijfenzestigste'],
    [101, 'honderdeen', 'honderdeerste'],
    [180, 'honderdtachtig', 'honderdtachtigste'],
    [2019, 'tweeduizendnegentien', 'tweeduizendnegentiende'],
  ])('Dutch %i → %s, %s', (n, cardinal, ordinal) => {
    expect(cardinalWords(n, 'nl')).toBe(cardinal);
    expect(ordinalWords(n, 'nl')).toBe(ordinal);
  });

  it('refuses what it cannot write', () => {
    expect(() => cardinalWords(-1, 'en')).toThrow(RangeError);
    expect(() => cardinalWords(1.5, 'fr')).toThrow(RangeError);
    expect(() => ordinalWords(0, 'es')).toThrow(RangeError);
  });
});

describe('legal dates in words', () => {
  it.each([
    ['2019-05-22', 'en', '22 May 2019', 'the twenty-second day of May two thousand and nineteen'],
    ['2019-05-22', 'fr', '22 mai 2019', 'le vingt-deux mai deux mille dix-neuf'],
    ['2019-05-22', 'es', '22 de mayo de 2019', 'el veintidós de mayo de dos mil diecinueve'],
    ['2019-11-01', 'en', '1 November 2019', 'the first day of November two thousand and nineteen'],
    ['2019-11-01', 'fr', '1er novembre 2019', 'le premier novembre deux mille dix-neuf'],
    ['2019-11-01', 'es', '1 de noviembre de 2019', 'el primero de noviembre de dos mil diecinueve'],
    ['2024-02-29', 'fr', '29 février 2024', 'le vingt-neuf février deux mille vingt-quatre'],
  ] as const)('%s in %s', (date, lang, long, words) => {
    expect(formatLegalDate(date, lang, 'long')).toBe(long);
    expect(formatLegalDate(date, lang, 'words')).toBe(words);
  });

  it('rejects what is not a legal date', () => {
    expect(() => formatLegalDate('2019-13-01', 'en')).toThrow(RangeError);
    expect(() => formatLegalDate('22/05/2019', 'en')).toThrow(RangeError);
  });
});
