import { cardinal, fractionInWords, listInWords, monthsInWords, ordinal } from './words.js';

describe('number words', () => {
  it.each([
    [0, 'zero'], [1, 'one'], [7, 'seven'], [11, 'eleven'], [13, 'thirteen'], [19, 'nineteen'], [20, 'twenty'],
    [21, 'twenty-one'], [22, 'twenty-two'], [30, 'thirty'], [45, 'forty-five'], [55, 'fifty-five'], [68, 'sixty-eight'],
    [90, 'ninety'], [99, 'ninety-nine'], [100, 'one hundred'], [101, 'one hundred and one'], [120, 'one hundred and twenty'],
    [180, 'one hundred and eighty'], [365, 'three hundred and sixty-five'], [1000, 'one thousand'], [1005, 'one thousand and five'],
    [1200, 'one thousand two hundred'], [3650, 'three thousand six hundred and fifty'], [999_999, 'nine hundred and ninety-nine thousand nine hundred and ninety-nine'],
  ])('given %d, when written as a cardinal, then it reads "%s"', (n, expected) => {
    expect(cardinal(n)).toBe(expected);
  });

  it.each([
    [1, 'first'], [2, 'second'], [3, 'third'], [4, 'fourth'], [5, 'fifth'], [8, 'eighth'], [9, 'ninth'], [10, 'tenth'],
    [11, 'eleventh'], [12, 'twelfth'], [15, 'fifteenth'], [20, 'twentieth'], [21, 'twenty-first'], [22, 'twenty-second'],
    [23, 'twenty-third'], [30, 'thirtieth'], [40, 'fortieth'], [55, 'fifty-fifth'], [60, 'sixtieth'], [90, 'ninetieth'],
    [99, 'ninety-ninth'], [100, 'one hundredth'], [101, 'one hundred and first'], [112, 'one hundred and twelfth'],
    [120, 'one hundred and twentieth'], [1000, 'one thousandth'],
  ])('given %d, when written as an ordinal, then it reads "%s"', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });

  it('given every number from 1 to 100, then cardinals and ordinals are distinct lower-case words', () => {
    const cardinals = new Set<string>();
    const ordinals = new Set<string>();
    for (let n = 1; n <= 100; n += 1) {
      expect(cardinal(n)).toMatch(/^[a-z -]+$/);
      expect(ordinal(n)).toMatch(/^[a-z -]+(st|nd|rd|th)$/);
      cardinals.add(cardinal(n));
      ordinals.add(ordinal(n));
    }
    expect(cardinals.size).toBe(100);
    expect(ordinals.size).toBe(100);
  });

  it.each([[-1], [1.5], [1_000_000]])('given %d, then it is refused', (n) => {
    expect(() => cardinal(n)).toThrow(RangeError);
  });

  it.each([
    [1, 'one month'], [3, 'three months'], [12, 'one year'], [18, 'eighteen months'], [24, 'two years'], [60, 'five years'],
  ])('given %d months, then it reads "%s"', (m, expected) => {
    expect(monthsInWords(m)).toBe(expected);
  });

  it.each([
    [1, 2, 'one half'], [2, 3, 'two thirds'], [3, 4, 'three quarters'], [1, 4, 'one quarter'], [3, 5, 'three fifths'], [1, 3, 'one third'],
  ])('given %d/%d, then it reads "%s"', (n, d, expected) => {
    expect(fractionInWords(n, d)).toBe(expected);
  });

  it('given a list, then it is joined with commas and a final conjunction', () => {
    expect(listInWords(['ratification', 'acceptance', 'approval', 'accession'], 'or')).toBe('ratification, acceptance, approval or accession');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(listInWords(['A'])).toBe('A');
  });
});
