import { bbox, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Catalog } from '../data/catalog';
import type { FeatureKind, GeoFeature, ZoneId } from '../data/schema';
import { PALETTE, ZONE_COLOURS } from '../map/palette';
import { fitMercator, type BBox, type Insets, type LonLat, type Pixel, type Projection } from './project';

/**
 * The park drawn as one SVG string: the same geo/ features, palette and label order as the
 * MapLibre map, for when the map cannot draw (no WebGL, a lost context) and for print or export.
 * No DOM, no Vue, no MapLibre: features and options in, markup out.
 *
 * Every selectable feature (zone, key building, station, located place) is one element carrying
 * data-feature-id, tabindex="0", role="button", an aria-label (name in the interface language and
 * its kind) and a <title>; the caller wires clicks and keys by delegation.
 */

export interface StaticMapData {
  districts: GeoFeature[];
  water: GeoFeature[];
  green: GeoFeature[];
  roads: GeoFeature[];
  zones: GeoFeature[];
  lines: GeoFeature[];
  stations: GeoFeature[];
  /** the other lines' stations (OpenStreetMap), drawn quietly under Line 2's */
  metroStations?: GeoFeature[];
  buildings: GeoFeature[];
  places: GeoFeature[];
  /** one label point per area (zones, districts), by id; an area without one is labelled at its box centre */
  labelPoints?: ReadonlyMap<string, LonLat>;
}

export interface StaticMapPalette {
  zones: Record<ZoneId, string>;
  base: typeof PALETTE;
}

export interface StaticMapOptions {
  width: number;
  height: number;
  /** the interface language: its name comes first in labels and is the one in aria-labels */
  lang: 'zh' | 'en';
  selectedId?: string | null;
  palette?: StaticMapPalette;
  /** room kept free around the drawing (e.g. the top for a notice), in pixels */
  padding?: number | Partial<Insets>;
  /** what each selectable kind is called in the interface language (for aria-labels) */
  kindNames?: Partial<Record<FeatureKind, string>>;
  /** the accessible name of the whole drawing */
  title?: string;
  /** the area to fit; by default the focus district, the zones, Line 2's stations and every located feature */
  bbox?: BBox;
  /** boxes (pixels) that labels keep clear of, e.g. controls drawn over the map */
  keepClear?: Box[];
  /** false: a picture (print), one image named by `title`, with no focusable or clickable features */
  interactive?: boolean;
}

/** The features the drawing needs, from the app's catalog (and the build-time area label points). */
export function staticMapData(catalog: Pick<Catalog, 'geo' | 'zones' | 'lines' | 'stations' | 'metroStations' | 'buildings' | 'places'>, areaLabels?: FeatureCollection<Point>): StaticMapData {
  const g = catalog.geo;
  const labelPoints = new Map<string, LonLat>();
  for (const f of areaLabels?.features ?? []) {
    const id = f.properties?.id;
    if (typeof id === 'string') labelPoints.set(id, f.geometry.coordinates as LonLat);
  }
  return {
    districts: g['districts.geojson'],
    water: g['water.geojson'],
    green: g['green.geojson'],
    roads: g['roads.geojson'],
    zones: catalog.zones,
    lines: catalog.lines,
    stations: catalog.stations,
    metroStations: catalog.metroStations,
    buildings: catalog.buildings,
    places: catalog.places,
    labelPoints,
  };
}

const DEFAULT_KIND_NAMES: Record<'zh' | 'en', Partial<Record<FeatureKind, string>>> = {
  zh: { zone: '片区', 'key-building': '重点楼宇（候选）', station: '地铁站', 'metro-station': '地铁站（其他线路）', place: '报告提到的地点' },
  en: { zone: 'zone', 'key-building': 'key building (candidate)', station: 'metro station', 'metro-station': 'metro station (another line)', place: 'place named in the report' },
};

const FONT = "'Noto Sans', 'Noto Sans SC', 'Noto Sans SC Fallback', system-ui, sans-serif";

/** Text safe inside XML content and double- or single-quoted attributes. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const num = (n: number) => String(Math.round(n * 10) / 10);

/** The bounding box of the located features (turf's, as the map's own bounds use). */
export function bboxOf(features: GeoFeature[]): BBox {
  const located = features.filter((f) => f.geometry) as Feature[];
  if (located.length === 0) throw new Error('bboxOf: no located features');
  return bbox(featureCollection(located)) as BBox;
}

export function parkBBox(data: StaticMapData): BBox {
  const focus = data.districts.filter((d) => d.properties.class === 'focus');
  return bboxOf([...focus, ...data.zones, ...data.stations, ...data.buildings, ...data.places.filter((p) => p.geometry)]);
}

function pathOf(f: GeoFeature, project: Projection['project']): string {
  const g = f.geometry;
  if (!g) return '';
  const line = (coords: LonLat[], close: boolean) =>
    coords.map((c, i) => {
      const [x, y] = project(c);
      return `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`;
    }).join('') + (close ? 'Z' : '');
  switch (g.type) {
    case 'LineString':
      return line(g.coordinates, false);
    case 'MultiLineString':
      return g.coordinates.map((c) => line(c, false)).join('');
    case 'Polygon':
      return g.coordinates.map((r) => line(r, true)).join('');
    case 'MultiPolygon':
      return g.coordinates.flat().map((r) => line(r, true)).join('');
    case 'Point':
      return '';
  }
}

const attrs = (a: Record<string, string | number | undefined | false>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

// ---- labels: sizes estimated without a DOM, placed greedily so none covers another ----

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export type Anchor = 'center' | 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left';
export interface LabelLine {
  text: string;
  size: number;
}
export interface LabelRequest {
  id: string;
  at: Pixel;
  lines: LabelLine[];
  colour: string;
  anchors: Anchor[];
  /** distance from the point to the label, for markers */
  offset: number;
  weight: number;
  /** placed even where it collides (zone names, the selection) */
  force?: boolean;
  haloWidth: number;
  letterSpacing?: number;
}

const isWide = (code: number) => code >= 0x2e80;

/** Width of a line of Noto Sans / Noto Sans SC text, estimated from character classes (~±10 %). */
export function textWidth(text: string, size: number, letterSpacing = 0): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isWide(c)) em += 1;
    else if (ch === ' ') em += 0.26;
    else if (/[A-Z0-9]/.test(ch)) em += 0.64;
    else if (/[mwMW]/.test(ch)) em += 0.82;
    else if (/[ilj'’.,:;|!()]/.test(ch)) em += 0.28;
    else em += 0.54;
  }
  return em * size + letterSpacing * size * [...text].length;
}

/** Breaks Latin text into lines of at most `max` pixels at spaces (CJK names stay on one line). */
function wrap(text: string, size: number, max: number): string[] {
  if (textWidth(text, size) <= max || !text.includes(' ')) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > max) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

const LINE_HEIGHT = 1.2;

/** Room kept around each label's estimated box, so an estimate a little short does not let two touch. */
const LABEL_GAP = 2;

function boxFor(req: LabelRequest, anchor: Anchor): Box {
  // Bold runs wider than regular: widen the estimate with the weight.
  const boldness = req.weight >= 600 ? 1.08 : 1;
  const w = Math.max(...req.lines.map((l) => textWidth(l.text, l.size, req.letterSpacing))) * boldness;
  const h = req.lines.reduce((s, l) => s + l.size * LINE_HEIGHT, 0);
  const [x, y] = req.at;
  const o = req.offset;
  switch (anchor) {
    case 'center':
      return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
    case 'right':
      return { x0: x + o, y0: y - h / 2, x1: x + o + w, y1: y + h / 2 };
    case 'left':
      return { x0: x - o - w, y0: y - h / 2, x1: x - o, y1: y + h / 2 };
    case 'top':
      return { x0: x - w / 2, y0: y - o - h, x1: x + w / 2, y1: y - o };
    case 'bottom':
      return { x0: x - w / 2, y0: y + o, x1: x + w / 2, y1: y + o + h };
  }
  // Diagonals: the label's corner sits off the point at the same distance.
  const d = o * Math.SQRT1_2;
  const [horizontal, vertical] = [anchor.endsWith('right') ? 'right' : 'left', anchor.startsWith('top') ? 'top' : 'bottom'];
  const x0 = horizontal === 'right' ? x + d : x - d - w;
  const y0 = vertical === 'bottom' ? y + d : y - d - h;
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

const overlaps = (a: Box, b: Box) => a.x0 - LABEL_GAP < b.x1 && b.x0 - LABEL_GAP < a.x1 && a.y0 - LABEL_GAP < b.y1 && b.y0 - LABEL_GAP < a.y1;
const inside = (a: Box, frame: Box) => a.x0 >= frame.x0 && a.y0 >= frame.y0 && a.x1 <= frame.x1 && a.y1 <= frame.y1;

function labelSvg(req: LabelRequest, anchor: Anchor, box: Box): string {
  const textAnchor = anchor.endsWith('right') ? 'start' : anchor.endsWith('left') ? 'end' : 'middle';
  const x = textAnchor === 'start' ? box.x0 : textAnchor === 'end' ? box.x1 : (box.x0 + box.x1) / 2;
  let y = box.y0;
  const spans = req.lines.map((l) => {
    const baseline = y + l.size * 0.95;
    y += l.size * LINE_HEIGHT;
    return `<tspan${attrs({ x: num(x), y: num(baseline), 'font-size': num(l.size) })}>${escapeXml(l.text)}</tspan>`;
  });
  return (
    `<text${attrs({
      'data-label-for': req.id,
      'text-anchor': textAnchor,
      fill: req.colour,
      'font-weight': req.weight,
      'letter-spacing': req.letterSpacing ? `${req.letterSpacing}em` : undefined,
      stroke: PALETTE.halo,
      'stroke-width': req.haloWidth * 2,
      'stroke-linejoin': 'round',
      'paint-order': 'stroke',
    })}>` +
    spans.join('') +
    '</text>'
  );
}

/**
 * Places labels in the order given: each takes the first of its anchors whose box stays inside the
 * frame and clear of the labels already placed and of other features' markers; if none is free the
 * label is left out (unless forced).
 */
export function placeLabels(requests: LabelRequest[], frame: Box, markers: { id: string; box: Box }[]): string[] {
  const placed: Box[] = [];
  const out: string[] = [];
  for (const req of requests) {
    // How badly a box sits: off the frame is worst, then over a placed label, then over a marker.
    const cost = (box: Box) =>
      (inside(box, frame) ? 0 : 1000) + 10 * placed.filter((p) => overlaps(p, box)).length + markers.filter((m) => m.id !== req.id && overlaps(m.box, box)).length;
    const candidates = req.anchors.map((a) => {
      const box = boxFor(req, a);
      return { a, box, cost: cost(box) };
    });
    const free = candidates.find((c) => c.cost === 0);
    // A forced label (a zone name, the selection) takes its least bad place.
    const chosen = free ?? (req.force ? candidates.reduce((best, c) => (c.cost < best.cost ? c : best)) : null);
    if (!chosen) continue;
    placed.push(chosen.box);
    out.push(labelSvg(req, chosen.a, chosen.box));
  }
  return out;
}

// ---- the drawing ----

/** Selectable features get a touch target at least this wide (px), up to 44 where neighbours allow. */
const MIN_HIT = 24;
const MAX_HIT = 44;

export function renderStaticMap(data: StaticMapData, options: StaticMapOptions): string {
  const { width, height, lang } = options;
  const palette = options.palette ?? { zones: ZONE_COLOURS, base: PALETTE };
  const P = palette.base;
  const selectedId = options.selectedId ?? null;
  const interactive = options.interactive !== false;
  const kindNames = { ...DEFAULT_KIND_NAMES[lang], ...options.kindNames };
  const padding = options.padding ?? 16;
  const pad: Insets = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : { top: 16, right: 16, bottom: 16, left: 16, ...padding };
  const projection = fitMercator(options.bbox ?? parkBBox(data), width, height, pad);
  const { project } = projection;
  const primary = (f: GeoFeature) => (lang === 'zh' ? f.properties.name_zh : f.properties.name_en);
  const secondary = (f: GeoFeature) => (lang === 'zh' ? f.properties.name_en : f.properties.name_zh);
  const isSelected = (f: GeoFeature) => f.properties.id === selectedId;
  // Small frames (phones) get slightly smaller type, as a map zoomed out would.
  const typeScale = Math.max(0.82, Math.min(1, Math.min(width, height * 1.4) / 900));
  const zoneColour = (f: GeoFeature) => (f.properties.zone ? palette.zones[f.properties.zone] : P.inkSoft);

  /** The wrapper that makes a feature selectable: one element per feature, named for assistive tech. */
  const selectable = (f: GeoFeature, body: string) => {
    const p = f.properties;
    const kind = kindNames[p.kind] ?? p.kind;
    const sel = isSelected(f);
    return (
      `<g${attrs({
        class: `zjcn-f zjcn-${p.kind}`,
        'data-feature-id': p.id,
        'data-kind': p.kind,
        'data-selected': sel ? 'true' : undefined,
        'aria-current': sel ? 'true' : undefined,
        ...(interactive ? { tabindex: 0, role: 'button', 'aria-label': `${primary(f)}${lang === 'zh' ? '，' : ', '}${kind}` } : {}),
      })}>` +
      (interactive ? `<title>${escapeXml(`${primary(f)} · ${secondary(f)}`)}</title>` : '') +
      body +
      '</g>'
    );
  };

  const out: string[] = [];
  out.push(
    `<svg${attrs({
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: interactive ? 'group' : 'img',
      'aria-label': options.title,
      lang: lang === 'zh' ? 'zh-Hans' : 'en',
      'font-family': FONT,
    })}>`,
  );
  if (interactive) {
    out.push(
      '<style>' +
        '.zjcn-f{cursor:pointer}' +
        '.zjcn-f:focus{outline:none}' +
        `.zjcn-f:focus-visible .zjcn-shape{stroke:${P.ink};stroke-width:3px}` +
        `.zjcn-f:focus-visible .zjcn-ring{stroke:${P.ink};stroke-width:2.5px;fill:${P.halo};fill-opacity:.35}` +
        '.zjcn-hit{cursor:pointer}' +
        '.zjcn-zone:not([aria-current]):hover .zjcn-shape{fill-opacity:.26;stroke-width:3px}' +
        '.zjcn-place:not([aria-current]):hover .zjcn-shape{stroke-width:3px}' +
        '.zjcn-labels{pointer-events:none}' +
        '</style>',
    );
  }

  out.push(`<rect width="${width}" height="${height}" fill="${P.background}"/>`);

  // Basemap: faint neighbours, the focus district, green, water, roads. Not selectable.
  out.push('<g aria-hidden="true" data-layer="basemap">');
  for (const d of data.districts) {
    const focus = d.properties.class === 'focus';
    out.push(`<path${attrs({ d: pathOf(d, project), fill: focus ? P.districtFocus : P.district, stroke: focus ? 'none' : P.districtLine, 'stroke-width': 0.8, 'stroke-dasharray': focus ? undefined : '3 2', 'fill-rule': 'evenodd', 'data-district': d.properties.id })}/>`);
  }
  for (const g of data.green) out.push(`<path${attrs({ d: pathOf(g, project), fill: P.green, 'fill-opacity': 0.8 })}/>`);
  for (const w of data.water) out.push(`<path${attrs({ d: pathOf(w, project), fill: 'none', stroke: P.water, 'stroke-width': 3, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`);
  for (const r of data.roads) {
    const schematic = r.properties.schematic === true;
    const wide = r.properties.class === 'expressway';
    const d = pathOf(r, project);
    if (schematic) out.push(`<path${attrs({ d, fill: 'none', stroke: P.roadCasing, 'stroke-width': wide ? 1.8 : 1, 'stroke-dasharray': '4 4' })}/>`);
    else {
      out.push(`<path${attrs({ d, fill: 'none', stroke: P.roadCasing, 'stroke-width': wide ? 3.4 : 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`);
      out.push(`<path${attrs({ d, fill: 'none', stroke: P.road, 'stroke-width': wide ? 2 : 1, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`);
    }
  }
  for (const d of data.districts.filter((x) => x.properties.class === 'focus')) {
    out.push(`<path${attrs({ d: pathOf(d, project), fill: 'none', stroke: P.districtFocusLine, 'stroke-width': 1.6, 'stroke-linejoin': 'round', 'data-focus-district': d.properties.id })}/>`);
  }
  out.push('</g>');

  // Zones.
  out.push('<g data-layer="zones">');
  for (const z of data.zones) {
    if (!z.geometry) continue;
    const c = zoneColour(z);
    const sel = isSelected(z);
    out.push(selectable(z, `<path${attrs({ class: 'zjcn-shape', d: pathOf(z, project), fill: c, 'fill-opacity': sel ? 0.34 : 0.17, stroke: c, 'stroke-width': sel ? 3.5 : 1.8, 'stroke-linejoin': 'round', 'fill-rule': 'evenodd' })}/>`));
  }
  out.push('</g>');

  // Line 2: a white casing and the line's own green; schematic stretches dashed.
  out.push('<g aria-hidden="true" data-layer="line2">');
  for (const l of data.lines) {
    const d = pathOf(l, project);
    out.push(`<path${attrs({ d, fill: 'none', stroke: P.halo, 'stroke-width': 6, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`);
    out.push(`<path${attrs({ d, fill: 'none', stroke: P.line2, 'stroke-width': 3.5, 'stroke-linejoin': 'round', 'stroke-dasharray': l.properties.schematic ? '4 3' : undefined, 'data-line-id': l.properties.id })}/>`);
  }
  out.push('</g>');

  // Point markers share one touch-target budget: as wide as the nearest neighbour leaves room for.
  const metroStations = data.metroStations ?? [];
  const pointFeatures = [...data.places, ...metroStations, ...data.stations, ...data.buildings].filter((f) => f.geometry?.type === 'Point');
  const at = new Map(pointFeatures.map((f) => [f.properties.id, project((f.geometry as { coordinates: LonLat }).coordinates)]));
  const hitRadius = (id: string) => {
    const [x, y] = at.get(id)!;
    let nearest = Infinity;
    for (const [other, [ox, oy]] of at) if (other !== id) nearest = Math.min(nearest, Math.hypot(ox - x, oy - y));
    return Math.max(MIN_HIT / 2, Math.min(MAX_HIT / 2, nearest / 2));
  };
  // The touch targets lie in one layer under every marker: a drawn dot always takes its own
  // click, and the ring around it catches a finger that lands a little off.
  const hits: string[] = [];
  const hit = (id: string) => {
    // A picture has nothing to hit or focus.
    if (!interactive) return '';
    const [x, y] = at.get(id)!;
    const r = num(hitRadius(id));
    hits.push(`<circle${attrs({ class: 'zjcn-hit', 'data-hit-for': id, cx: num(x), cy: num(y), r, fill: '#fff', 'fill-opacity': 0 })}/>`);
    // Shown on keyboard focus: the target's own outline.
    return `<circle${attrs({ class: 'zjcn-ring', cx: num(x), cy: num(y), r, fill: 'none', stroke: 'none', 'pointer-events': 'none' })}/>`;
  };
  const markerBoxes: { id: string; box: Box }[] = [];
  const markerBox = (id: string, r: number) => {
    const [x, y] = at.get(id)!;
    markerBoxes.push({ id, box: { x0: x - r, y0: y - r, x1: x + r, y1: y + r } });
  };

  // Places' areas and streets (their own wide invisible stroke makes a thin street easy to hit).
  out.push('<g data-layer="place-areas">');
  for (const p of data.places) {
    const g = p.geometry;
    if (!g || g.type === 'Point') continue;
    const sel = isSelected(p);
    const d = pathOf(p, project);
    const area = g.type === 'Polygon' || g.type === 'MultiPolygon';
    const sw = sel ? 3.5 : 1.6;
    out.push(
      selectable(
        p,
        (interactive ? `<path${attrs({ class: 'zjcn-hit', d, fill: 'none', stroke: '#fff', 'stroke-opacity': 0, 'stroke-width': MIN_HIT, 'stroke-linecap': 'round', 'pointer-events': 'stroke' })}/>` : '') +
          `<path${attrs({ class: 'zjcn-shape', d, fill: area ? P.place : 'none', 'fill-opacity': area ? (sel ? 0.22 : 0.06) : undefined, stroke: sel ? P.selected : P.place, 'stroke-width': sw, 'stroke-dasharray': `${num(2 * sw)} ${num(1.5 * sw)}`, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })}/>`,
      ),
    );
  }
  out.push('</g>');

  // Markers, in the map's pick order from the bottom: other lines' stations, places, Line 2 stations, buildings on top.
  /** Hollow ring markers (places, stations): the selection's colour and a wider ring when selected. */
  const rings = (features: readonly GeoFeature[], style: { r: [number, number]; stroke: string; width: [number, number]; pad: number }) =>
    features.flatMap((f) => {
      if (f.geometry?.type !== 'Point') return [];
      const sel = isSelected(f);
      const [x, y] = at.get(f.properties.id)!;
      const r = style.r[sel ? 1 : 0];
      markerBox(f.properties.id, r + style.pad);
      return [selectable(f, hit(f.properties.id) + `<circle${attrs({ class: 'zjcn-shape', cx: num(x), cy: num(y), r, fill: P.halo, stroke: sel ? P.selected : style.stroke, 'stroke-width': style.width[sel ? 1 : 0] })}/>`)];
    });
  const placePoints = rings(data.places, { r: [4.5, 7], stroke: P.place, width: [2, 3], pad: 1 });
  const metroMarkers = rings(metroStations, { r: [3.5, 6], stroke: P.metroStation, width: [1.6, 3], pad: 1 });
  const stationMarkers = rings(data.stations, { r: [5, 7], stroke: P.line2Dark, width: [2.5, 3.5], pad: 1.5 });
  const buildingMarkers: string[] = [];
  for (const b of data.buildings) {
    if (b.geometry?.type !== 'Point') continue;
    const sel = isSelected(b);
    const [x, y] = at.get(b.properties.id)!;
    const r = sel ? 8.5 : 6;
    markerBox(b.properties.id, r + 1);
    buildingMarkers.push(
      selectable(
        b,
        hit(b.properties.id) +
          (sel ? `<circle${attrs({ cx: num(x), cy: num(y), r: 16, fill: P.selected, 'fill-opacity': 0.2, 'pointer-events': 'none' })}/>` : '') +
          `<circle${attrs({ class: 'zjcn-shape', cx: num(x), cy: num(y), r, fill: sel ? P.selected : P.building, stroke: P.halo, 'stroke-width': 2 })}/>`,
      ),
    );
  }
  out.push('<g data-layer="hits" aria-hidden="true">', ...hits, '</g>');
  out.push('<g data-layer="metro-stations">', ...metroMarkers, '</g>');
  out.push('<g data-layer="places">', ...placePoints, '</g>');
  out.push('<g data-layer="stations">', ...stationMarkers, '</g>');
  out.push('<g data-layer="buildings">', ...buildingMarkers, '</g>');

  // Labels: zone names first (always), then the selection, stations, buildings, places, other lines' stations, districts.
  const twoLines = (f: GeoFeature, size: number, maxEm: number): LabelLine[] => {
    const s2 = size * 0.78;
    return [...wrap(primary(f), size, maxEm * size).map((text) => ({ text, size })), ...wrap(secondary(f), s2, maxEm * size).map((text) => ({ text, size: s2 }))];
  };
  const areaPoint = (f: GeoFeature): Pixel => {
    const given = data.labelPoints?.get(f.properties.id);
    if (given) return project(given);
    const [w, s, e, n] = bboxOf([f]);
    return project([(w + e) / 2, (s + n) / 2]);
  };
  const pointOf = (f: GeoFeature): Pixel => {
    const g = f.geometry!;
    if (g.type === 'Point') return at.get(f.properties.id)!;
    if (g.type === 'LineString') return project(g.coordinates[Math.floor(g.coordinates.length / 2)]!);
    return areaPoint(f);
  };
  const s = typeScale;
  const zoneLabels: LabelRequest[] = data.zones
    .filter((z) => z.geometry)
    .map((z) => ({ id: z.properties.id, at: areaPoint(z), lines: twoLines(z, 17 * s, 20), colour: zoneColour(z), anchors: ['center'], offset: 0, weight: 600, force: true, haloWidth: 2, letterSpacing: 0.03 }));
  const markerLabel = (f: GeoFeature, size: number, colour: string, anchors: Anchor[], offset: number): LabelRequest => ({
    id: f.properties.id,
    at: pointOf(f),
    lines: twoLines(f, size * s, 9),
    colour,
    anchors,
    offset: offset * s,
    weight: isSelected(f) ? 700 : 500,
    haloWidth: 1.6,
  });
  const diagonals: Anchor[] = ['top-right', 'bottom-right', 'top-left', 'bottom-left'];
  const side: Anchor[] = ['right', 'left', 'top', 'bottom', ...diagonals];
  const stationLabels = data.stations.filter((f) => f.geometry).map((f) => markerLabel(f, 12, P.line2Dark, ['top', 'bottom', 'right', 'left', ...diagonals], 9));
  const buildingLabels = data.buildings.filter((f) => f.geometry).map((f) => markerLabel(f, 11, P.ink, side, 9));
  const placeRequests = data.places.filter((f) => f.geometry).map((f) => markerLabel(f, 10.5, P.place, f.geometry!.type === 'Point' ? side : ['center', 'top', 'bottom'], 8));
  const metroLabels = metroStations.filter((f) => f.geometry).map((f) => markerLabel(f, 9.5, P.inkSoft, side, 6));
  const districtLabels: LabelRequest[] = data.districts
    .filter((d) => d.geometry && d.properties.class !== 'focus')
    .map((d) => ({ id: d.properties.id, at: areaPoint(d), lines: [{ text: primary(d), size: 12 * s }], colour: P.districtLabel, anchors: ['center'], offset: 0, weight: 400, haloWidth: 1.5, letterSpacing: 0.12 }));
  const markerLabels = [...stationLabels, ...buildingLabels, ...placeRequests, ...metroLabels];
  const selectedLabel = markerLabels.filter((l) => l.id === selectedId).map((l) => ({ ...l, force: true }));
  const rest = markerLabels.filter((l) => l.id !== selectedId);
  const frame: Box = { x0: 2, y0: Math.max(2, pad.top - 6), x1: width - 2, y1: height - 2 };
  out.push('<g class="zjcn-labels" aria-hidden="true" data-layer="labels">');
  const obstacles = [...markerBoxes, ...(options.keepClear ?? []).map((box, i) => ({ id: `\u0000clear-${i}`, box }))];
  out.push(...placeLabels([...zoneLabels, ...selectedLabel, ...rest, ...districtLabels], frame, obstacles));
  out.push('</g>');
  out.push('</svg>');
  return out.join('');
}
