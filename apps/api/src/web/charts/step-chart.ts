import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line } from 'd3-shape';
import { esc } from './svg.js';

export interface StepSeries {
  readonly label: string;
  readonly className: string;
  /** The legal dates of the acts counted (one per act). */
  readonly dates: readonly string[];
}

const day = (date: string): Date => new Date(`${date}T00:00:00Z`);

/**
 * Cumulative counts over time as steps (one step per act), with the rule's threshold as a dashed line:
 * drawn on the server, so the chart is there without scripts and in print.
 */
export const stepChartSvg = (options: {
  readonly series: readonly StepSeries[];
  readonly threshold: number | null;
  readonly thresholdLabel: string;
  readonly until: string;
  readonly title: string;
  readonly width?: number;
  readonly height?: number;
}): string => {
  const width = options.width ?? 640;
  const height = options.height ?? 240;
  const margin = { top: 16, right: 170, bottom: 28, left: 40 };
  const all = options.series.flatMap((s) => s.dates).sort();
  const start = all[0] ?? options.until;
  const from = day(start);
  from.setUTCMonth(from.getUTCMonth() - 1);
  const until = day(options.until > start ? options.until : start);
  until.setUTCMonth(until.getUTCMonth() + 1);
  const maxCount = Math.max(1, options.threshold ?? 0, ...options.series.map((s) => s.dates.length));
  const x = scaleUtc().domain([from, until]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, maxCount]).nice().range([height - margin.bottom, margin.top]);
  const path = line<[Date, number]>().x((d) => x(d[0])).y((d) => y(d[1])).curve(curveStepAfter);
  const parts: string[] = [];
  // Axes: years along the bottom, counts on the left.
  for (const tick of x.ticks(Math.min(8, Math.max(2, until.getUTCFullYear() - from.getUTCFullYear() + 1)))) {
    const tx = x(tick).toFixed(1);
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${height - margin.bottom}" y2="${height - margin.bottom + 4}" stroke="#57606a"/>`);
    parts.push(`<text x="${tx}" y="${height - 8}" text-anchor="middle">${esc(x.tickFormat()(tick))}</text>`);
  }
  for (const tick of y.ticks(5)) {
    const ty = y(tick).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="#e1e4e8"/>`);
    parts.push(`<text x="${margin.left - 6}" y="${ty}" dy="4" text-anchor="end">${tick}</text>`);
  }
  parts.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${height - margin.bottom}" y2="${height - margin.bottom}" stroke="#57606a"/>`);
  if (options.threshold) {
    const ty = y(options.threshold).toFixed(1);
    parts.push(`<line class="threshold" x1="${margin.left}" x2="${width - margin.right}" y1="${ty}" y2="${ty}" stroke="#9b1c1c" stroke-dasharray="6 4" stroke-width="1.5"/>`);
    parts.push(`<text x="${width - margin.right + 6}" y="${ty}" dy="4">${esc(options.thresholdLabel)} ${options.threshold}</text>`);
  }
  options.series.forEach((series, i) => {
    const dates = [...series.dates].sort();
    const points: [Date, number][] = [[from, 0], ...dates.map((d, n): [Date, number] => [day(d), n + 1]), [until, dates.length]];
    parts.push(`<path class="series ${esc(series.className)}" d="${path(points)}" fill="none" stroke-width="2.5"/>`);
    parts.push(`<text x="${width - margin.right + 6}" y="${(y(dates.length) + (i ? 14 : -4)).toFixed(1)}">${esc(series.label)} ${dates.length}</text>`);
  });
  const summary = options.series.map((s) => `${s.label}: ${s.dates.length}`).join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`${options.title}. ${summary}${options.threshold ? `; ${options.thresholdLabel} ${options.threshold}` : ''}`)}">${parts.join('')}</svg>`;
};
