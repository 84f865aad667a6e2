import { scaleBand } from 'd3-scale';
import { esc, type StatusClass } from './svg.js';

export interface MatrixRow {
  readonly label: string;
  /** Status by party code; a party missing is not eligible for the instrument. */
  readonly cells: ReadonlyMap<string, { readonly status: StatusClass; readonly label: string }>;
}

/** Instrument × party, each cell coloured by where the party stands (the classes are the legend's). */
export const participationMatrixSvg = (options: {
  readonly rows: readonly MatrixRow[];
  readonly parties: readonly { readonly code: string; readonly name: string }[];
  readonly notEligible: string;
  readonly title: string;
}): string => {
  const cell = 16;
  const left = 230;
  const top = 44;
  const width = left + options.parties.length * cell + 8;
  const height = top + options.rows.length * (cell + 6) + 8;
  const x = scaleBand<string>().domain(options.parties.map((p) => p.code)).range([left, left + options.parties.length * cell]).padding(0.08);
  const y = scaleBand<number>().domain(options.rows.map((_r, i) => i)).range([top, top + options.rows.length * (cell + 6)]).padding(0.15);
  const parts: string[] = [];
  for (const party of options.parties) {
    const px = x(party.code)! + x.bandwidth() / 2;
    parts.push(`<text transform="translate(${px.toFixed(1)},${top - 4}) rotate(-60)" font-size="9">${esc(party.code)}<title>${esc(party.name)}</title></text>`);
  }
  options.rows.forEach((row, i) => {
    const ry = y(i)!;
    const short = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    // No links inside: the chart is one image to assistive technology (the table above links each instrument).
    parts.push(`<text x="${left - 6}" y="${(ry + y.bandwidth() / 2 + 4).toFixed(1)}" text-anchor="end">${esc(short)}<title>${esc(row.label)}</title></text>`);
    for (const party of options.parties) {
      const value = row.cells.get(party.code);
      const status = value?.status ?? 'none';
      const label = value?.label ?? options.notEligible;
      parts.push(`<rect class="s-${status}" x="${x(party.code)!.toFixed(1)}" y="${ry.toFixed(1)}" width="${x.bandwidth().toFixed(1)}" height="${y.bandwidth().toFixed(1)}" stroke="#8c959f" stroke-width=".5"><title>${esc(`${party.name}: ${label}`)}</title></rect>`);
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(options.title)}">${parts.join('')}</svg>`;
};
