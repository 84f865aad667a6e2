/** Plain-text tables: columns padded to a common width, long cells wrapped at word boundaries. */

const width = (s: string): number => [...s].length;
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));

export const wrapText = (text: string, max: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (width(word) > max) {
      // A word longer than the column is cut, so the table never overflows.
      if (line) lines.push(line), (line = '');
      const chars = [...word];
      lines.push(chars.slice(0, max).join(''));
      word = chars.slice(max).join('');
    }
    if (!line) line = word;
    else if (width(line) + 1 + width(word) <= max) line += ` ${word}`;
    else lines.push(line), (line = word);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
};

/** Cells up to this width (a date, a name) are kept on one line when the table is narrowed. */
const SHORT_CELL = 20;

export interface TextTableOptions {
  /** Total width the table may take; wide columns are narrowed to fit. */
  readonly maxWidth?: number;
  readonly minColumn?: number;
}

export const textTable = (headers: readonly string[], rows: readonly (readonly string[])[], options: TextTableOptions = {}): string => {
  const maxWidth = options.maxWidth ?? 100;
  const minColumn = options.minColumn ?? 10;
  const gap = '  ';
  const all = [headers, ...rows];
  const natural = headers.map((_, c) => Math.max(...all.map((r) => width(r[c] ?? ''))));
  // A column is never narrower than its longest word, nor than its short cells (a date should not wrap).
  const longestWord = (cell: string): number => Math.max(0, ...cell.split(/\s+/).map(width));
  const unbreakable = (cell: string): number =>
    width(cell) <= SHORT_CELL ? width(cell) : longestWord(cell);
  const floor = headers.map((h, c) =>
    Math.min(natural[c]!, Math.max(minColumn, longestWord(h), ...rows.map((r) => unbreakable(r[c] ?? '')))),
  );
  const gaps = gap.length * (headers.length - 1);
  let cols = natural;
  if (natural.reduce((a, b) => a + b, 0) + gaps > maxWidth) {
    // Share the width left above the floors in proportion to what each column would still like to have.
    const spare = Math.max(0, maxWidth - gaps - floor.reduce((a, b) => a + b, 0));
    const wants = natural.map((n, c) => n - floor[c]!);
    const totalWant = wants.reduce((a, b) => a + b, 0);
    cols = floor.map((f, c) => f + Math.floor((spare * wants[c]!) / totalWant));
    let left = spare - cols.reduce((a, b) => a + b, 0) + floor.reduce((a, b) => a + b, 0);
    for (let c = 0; left > 0 && c < cols.length; c++) {
      if (cols[c]! < natural[c]!) {
        cols[c] = cols[c]! + 1;
        left--;
      }
    }
  }
  const renderRow = (cells: readonly string[]): string[] => {
    const wrapped = cols.map((w, c) => wrapText(cells[c] ?? '', w));
    const height = Math.max(...wrapped.map((w) => w.length));
    return Array.from({ length: height }, (_, i) =>
      wrapped.map((w, c) => padEnd(w[i] ?? '', cols[c]!)).join(gap).trimEnd(),
    );
  };
  const body = rows.map(renderRow);
  const spaced = body.some((r) => r.length > 1);
  const lines = [...renderRow(headers), cols.map((w) => '-'.repeat(w)).join(gap)];
  body.forEach((r, i) => {
    if (spaced && i > 0) lines.push('');
    lines.push(...r);
  });
  return lines.join('\n');
};
