import { textTable, wrapText } from './text-table.js';

describe('plain-text tables', () => {
  it('pads columns to a common width when the table fits', () => {
    expect(textTable(['Party', 'Date'], [['Cuba', '1 November 2019'], ['Saint Lucia', '12 February 2024']])).toBe(
      ['Party        Date', '-----------  ----------------', 'Cuba         1 November 2019', 'Saint Lucia  12 February 2024'].join('\n'),
    );
  });

  it('narrows long columns to fit, wrapping at words and keeping short cells whole', () => {
    const long = 'Agreement establishing the Caribbean Customs Organization and on Mutual Administrative Assistance in Customs Matters';
    const table = textTable(['Instrument', 'Date'], [[long, '22 May 2019']], { maxWidth: 40 });
    const lines = table.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    expect(lines[2]).toMatch(/^Agreement establishing the\s+22 May 2019$/);
    expect(lines.map((l) => l.slice(0, 27).trim()).join(' ').replace(/\s+/g, ' ')).toContain(long);
  });

  it('cuts a word only when it is longer than its column', () => {
    expect(wrapText('a verylongwordindeed b', 8)).toEqual(['a', 'verylong', 'wordinde', 'ed b']);
    expect(wrapText('', 8)).toEqual(['']);
  });
});
