import { createRequire } from 'node:module';
import { geoCentroid, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { esc, type StatusClass } from './svg.js';

/**
 * ISO 3166-1 alpha-3 (the parties' codes) to the numeric codes Natural Earth's features carry in world-atlas.
 * Only the region's administrations: a party without a shape here (an organisation) is listed beside the map.
 */
const NUMERIC: Readonly<Record<string, string>> = {
  AIA: '660', ATG: '028', ABW: '533', BHS: '044', BRB: '052', BLZ: '084', BMU: '060', VGB: '092', CAN: '124', CYM: '136',
  COL: '170', CRI: '188', CUB: '192', CUW: '531', DMA: '212', DOM: '214', FRA: '250', GRD: '308', GTM: '320', GUY: '328',
  HTI: '332', HND: '340', JAM: '388', MEX: '484', MSR: '500', NLD: '528', NIC: '558', PAN: '591', KNA: '659', LCA: '662',
  VCT: '670', SXM: '534', ESP: '724', SUR: '740', TTO: '780', TCA: '796', GBR: '826', USA: '840', VEN: '862',
};

/** Below this many square pixels an outline cannot be seen or clicked: the party is drawn as a marker. */
const SMALL_AREA_PX = 40;

interface Frame {
  readonly name: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** [[west, south], [east, north]] in degrees. */
  readonly bounds: readonly [readonly [number, number], readonly [number, number]];
}

/** The Americas and the Caribbean, and an inset for the European members. */
const FRAMES: readonly Frame[] = [
  { name: 'Americas', x: 0, y: 0, width: 720, height: 440, bounds: [[-125, -3], [-50, 52]] },
  { name: 'Europe', x: 730, y: 0, width: 170, height: 200, bounds: [[-11, 35], [10, 59]] },
];

interface Shape {
  readonly code: string;
  readonly name: string;
  readonly frame: string;
  readonly d: string | null;
  readonly marker: { readonly cx: number; readonly cy: number } | null;
}

interface Prepared {
  readonly land: readonly { readonly frame: Frame; readonly d: string }[];
  readonly shapes: ReadonlyMap<string, Shape>;
}

let prepared: Prepared | null = null;

/** Projected once per process: each request only colours the shapes. */
const prepare = (): Prepared => {
  if (prepared) return prepared;
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-50m.json');
  const countries = feature(topology, topology.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  // The land around the parties needs less detail than the parties themselves.
  const coarse = require('world-atlas/countries-110m.json');
  const background = feature(coarse, coarse.objects.countries) as unknown as FeatureCollection<Geometry, { name: string }>;
  const byNumeric = new Map(countries.features.map((f) => [String(f.id), f]));
  const coarseByNumeric = new Map(background.features.map((f) => [String(f.id), f]));
  const land: { frame: Frame; d: string }[] = [];
  const shapes = new Map<string, Shape>();
  const outlines = new Map<string, { frame: string; d: string }[]>();
  for (const frame of FRAMES) {
    const [[w, s], [e, n]] = frame.bounds;
    const corners = { type: 'MultiPoint', coordinates: [[w, s], [e, n]] } as GeoPermissibleObjects;
    const projection = geoMercator().fitExtent([[frame.x + 4, frame.y + 4], [frame.x + frame.width - 4, frame.y + frame.height - 4]], corners);
    // Clipped to the frame: only what lies inside is drawn.
    projection.clipExtent([[frame.x, frame.y], [frame.x + frame.width, frame.y + frame.height]]);
    const path = geoPath(projection).digits(1);
    land.push({ frame, d: background.features.map((f) => path(f) ?? '').join('') });
    for (const [code, numeric] of Object.entries(NUMERIC)) {
      const f = byNumeric.get(numeric);
      if (!f) continue;
      // Large countries from the coarse data (a fraction of the bytes), islands from the finer one.
      const coarseShape = coarseByNumeric.get(numeric);
      const shape = coarseShape && path.area(coarseShape) >= 20 * SMALL_AREA_PX ? coarseShape : f;
      // A party is drawn in every frame where its outline can be seen (France in Europe and in the Caribbean).
      if (path.area(shape) >= SMALL_AREA_PX) outlines.set(code, [...(outlines.get(code) ?? []), { frame: frame.name, d: path(shape) ?? '' }]);
    }
  }
  const americas = FRAMES[0]!;
  const [[w, s], [e, n]] = americas.bounds;
  const projection = geoMercator().fitExtent([[americas.x + 4, americas.y + 4], [americas.x + americas.width - 4, americas.y + americas.height - 4]], { type: 'MultiPoint', coordinates: [[w, s], [e, n]] } as GeoPermissibleObjects);
  for (const [code, numeric] of Object.entries(NUMERIC)) {
    const f = byNumeric.get(numeric);
    if (!f) continue;
    const drawn = outlines.get(code);
    // Too small to see anywhere: a marker where the island lies.
    const point = drawn ? null : projection(geoCentroid(f));
    shapes.set(code, { code, name: f.properties.name, frame: drawn?.[0]?.frame ?? americas.name, d: drawn ? drawn.map((o) => o.d).join('') : null, marker: point ? { cx: point[0], cy: point[1] } : null });
  }
  prepared = { land, shapes };
  return prepared;
};

export interface MapParty {
  readonly code: string;
  readonly name: string;
  readonly status: StatusClass;
  readonly statusLabel: string;
}

/** The region with each party coloured by its status; small islands and territories as circled markers. */
export const regionMapSvg = (options: { readonly parties: readonly MapParty[]; readonly title: string }): { svg: string | null; unmapped: readonly MapParty[] } => {
  const { land, shapes } = prepare();
  const parts: string[] = [];
  for (const { frame, d } of land) {
    parts.push(`<rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" fill="#dbe9f6" stroke="#8c959f"/>`);
    parts.push(`<path class="map-land" d="${d}"/>`);
  }
  const unmapped: MapParty[] = [];
  const markers: string[] = [];
  for (const party of options.parties) {
    const shape = shapes.get(party.code);
    if (!shape) {
      unmapped.push(party);
      continue;
    }
    const title = `<title>${esc(`${party.name}: ${party.statusLabel}`)}</title>`;
    if (shape.d) parts.push(`<path class="map-party s-${party.status}" data-party="${esc(party.code)}" d="${shape.d}">${title}</path>`);
    else if (shape.marker) {
      markers.push(
        `<circle class="map-party s-${party.status}" data-party="${esc(party.code)}" cx="${shape.marker.cx.toFixed(1)}" cy="${shape.marker.cy.toFixed(1)}" r="5" stroke-width="1.2">${title}</circle>`,
      );
    }
  }
  const width = FRAMES.reduce((m, f) => Math.max(m, f.x + f.width), 0);
  const height = FRAMES.reduce((m, f) => Math.max(m, f.y + f.height), 0);
  // Only organisations (an MOU between two of them): nothing to put on a map.
  if (unmapped.length === options.parties.length) return { svg: null, unmapped };
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(options.title)}">${parts.join('')}${markers.join('')}</svg>`,
    unmapped,
  };
};
