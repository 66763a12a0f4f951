import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { LayerGroup } from '../stores/layers';
import { MAP_FONT, mapFontFaces } from './font-faces';
import { CHOROPLETH_RAMP, PALETTE, ZONE_COLOURS } from './palette';

/**
 * The data the map draws, in groups; each is one geo/ file (walk bands and area labels are
 * computed at build time). The layers below name the group they draw as their `source`; the style
 * itself has one GeoJSON source (MAP_SOURCE) holding every group, each feature tagged with its
 * group (GROUP_KEY), and each layer filtered to its group.
 *
 * Why one source: MapLibre tiles each source apart and draws a frame whenever any tile arrives.
 * Twelve sources meant 24 tiles arriving in bursts, the label tiles last (they wait for glyphs),
 * and a whole new frame of every layer per burst — on a phone's GPU (or SwiftShader) the
 * frames, not the data, were most of the start-up. One source: two tiles, each arriving
 * complete, labels and all; and the painter draws one set of tile clipping masks, not one per
 * source switch.
 */
export const SOURCES = [
  'area-labels',
  'districts',
  'roads',
  'water',
  'green',
  'airport',
  'zones',
  'walk-bands',
  'metro-stations',
  'line2',
  'stations',
  'places',
  'buildings',
] as const;
export type SourceId = (typeof SOURCES)[number];
/** The style's one source of geo/ data (the synthetic sites keep their own, clustered). */
export const MAP_SOURCE = 'map';
/** The property on every feature of MAP_SOURCE naming its group (a SourceId). */
export const GROUP_KEY = '__group';

/** Every group's features in one collection for MAP_SOURCE, each tagged with its group. */
export function mergeGroups(data: Partial<Record<SourceId, FeatureCollection>>): FeatureCollection {
  const features = SOURCES.flatMap((group) =>
    (data[group]?.features ?? []).map((f) => ({ ...f, properties: { ...f.properties, [GROUP_KEY]: group } })),
  );
  return { type: 'FeatureCollection', features };
}

/**
 * Paint properties that every layer of a type takes per feature ('source') or per feature and
 * zoom ('composite'), so that all layers of the type share one shader program. MapLibre compiles
 * a program per combination of which properties are constant (a uniform) and which vary by
 * feature (a vertex attribute); this style had 19 such programs. Compiling them, and on a
 * software GPU (SwiftShader, a phone's slow first frame) building a pipeline for each, was the
 * largest part of drawing the first frame. Values are unchanged: a constant becomes a per-feature
 * expression with the same result, a width a zoom curve with the same stops.
 */
const SHARED_SHADER_PROPERTIES: Partial<Record<LayerSpecification['type'], Record<string, 'source' | 'composite'>>> = {
  circle: { 'circle-color': 'source', 'circle-radius': 'composite', 'circle-opacity': 'source', 'circle-stroke-color': 'source', 'circle-stroke-width': 'source' },
  line: { 'line-color': 'source', 'line-width': 'composite', 'line-opacity': 'source' },
  fill: { 'fill-color': 'source', 'fill-opacity': 'source' },
  symbol: { 'text-color': 'source' },
};
/** Defaults of the properties above where a layer leaves them unset. */
const PAINT_DEFAULTS: Record<string, unknown> = {
  'circle-color': '#000000', 'circle-radius': 5, 'circle-opacity': 1, 'circle-stroke-color': '#000000', 'circle-stroke-width': 0,
  'line-color': '#000000', 'line-width': 1, 'line-opacity': 1, 'fill-color': '#000000', 'fill-opacity': 1, 'text-color': '#000000',
};
const uses = (v: unknown, ops: Set<string>): boolean =>
  Array.isArray(v) && v[0] !== 'literal' && ((typeof v[0] === 'string' && ops.has(v[0])) || v.some((x) => uses(x, ops)));
const FEATURE_OPS = new Set(['get', 'has', 'feature-state', 'geometry-type', 'id', 'properties']);
const ZOOM_OPS = new Set(['zoom']);
/** The same value, for every feature: an expression MapLibre evaluates per feature (an attribute). */
const perFeature = (v: unknown): ExpressionSpecification => ['case', ['has', GROUP_KEY], v, v] as ExpressionSpecification;

function sharedShaderPaint(layer: LayerSpecification): LayerSpecification {
  const wanted = SHARED_SHADER_PROPERTIES[layer.type];
  if (!wanted || !('paint' in layer)) return layer;
  const paint: Record<string, unknown> = { ...(layer.paint as Record<string, unknown> | undefined) };
  for (const [key, kind] of Object.entries(wanted)) {
    const v = paint[key] ?? PAINT_DEFAULTS[key];
    const byFeature = uses(v, FEATURE_OPS);
    const byZoom = uses(v, ZOOM_OPS);
    if (kind === 'source' && !byFeature && !byZoom) paint[key] = perFeature(v);
    else if (kind === 'composite' && !byZoom) paint[key] = ['interpolate', ['linear'], ['zoom'], 0, byFeature ? v : perFeature(v), 24, byFeature ? v : perFeature(v)];
    else if (kind === 'composite' && !byFeature && Array.isArray(v) && v[0] === 'interpolate') {
      // a zoom curve of constants: the same curve, each stop per feature
      paint[key] = [...v.slice(0, 3), ...v.slice(3).map((x, i) => (i % 2 === 1 ? perFeature(x) : x))];
    }
  }
  return { ...layer, paint } as LayerSpecification;
}

/** A layer written against a group, turned into one on MAP_SOURCE filtered to that group. */
function onMapSource(layer: LayerSpecification): LayerSpecification {
  if (!('source' in layer) || !(SOURCES as readonly string[]).includes(layer.source as string)) return layer;
  const inGroup: FilterSpecification = ['==', ['get', GROUP_KEY], layer.source as string];
  const filter: FilterSpecification = 'filter' in layer && layer.filter ? ['all', inGroup, layer.filter as ExpressionSpecification] : inGroup;
  return { ...layer, source: MAP_SOURCE, filter } as LayerSpecification;
}

/** Layers a click or hover can pick, in priority order (a building wins over the zone under it; a place the report names over another line's station). */
export const INTERACTIVE_LAYERS = ['buildings-circle', 'stations-circle', 'places-circle', 'metro-stations-circle', 'places-line', 'places-fill', 'zones-fill'] as const;

/** The "what's here?" point: its own source and ring, added to the map on first use (zone-map.ts). */
export const WHATS_HERE_SOURCE = 'whats-here';
export function whatsHereLayer(): LayerSpecification {
  return {
    id: 'whats-here',
    type: 'circle',
    source: WHATS_HERE_SOURCE,
    paint: { 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-radius': 9, 'circle-stroke-color': PALETTE.selected, 'circle-stroke-width': 3 },
  };
}

/** Synthetic test sites (only with ?synthetic=N): one clustered source, its layers, and the selected site's ring. */
export const SYNTHETIC_SOURCE = 'synthetic';
export const SYNTHETIC_SELECTED_SOURCE = 'synthetic-selected';
export const SYNTHETIC_LAYERS = ['synthetic-clusters', 'synthetic-cluster-count', 'synthetic-sites', 'synthetic-selected'];

/** The pick order with synthetic or imported sites: a dot or cluster wins over an area, never over a real marker. */
export function interactiveLayers(synthetic: boolean, imported = false): string[] {
  const at = INTERACTIVE_LAYERS.indexOf('places-circle') + 1;
  const sites = [...(imported ? ['imported-sites', 'imported-clusters'] : []), ...(synthetic ? ['synthetic-sites', 'synthetic-clusters'] : [])];
  return [...INTERACTIVE_LAYERS.slice(0, at), ...sites, ...INTERACTIVE_LAYERS.slice(at)];
}

/** The OSM heritage layers (heritage-layer.ts, loaded with their data on first use) and the zoom they are drawn from. */
export const HERITAGE_LAYERS = ['heritage-fill', 'heritage-outline', 'heritage-circle'] as const;
export const HERITAGE_MINZOOM = 14;

/** Which MapLibre layers each legend toggle shows or hides. */
export const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  roads: ['roads-casing', 'roads-schematic-line', 'roads-line', 'roads-label'],
  zones: ['zones-fill', 'zones-outline', 'zones-label'],
  walkBands: ['walk-bands-fill', 'walk-bands-outline'],
  line2: ['line2-casing', 'line2-schematic-line', 'line2-line', 'stations-circle', 'stations-label'],
  metro: ['metro-stations-circle', 'metro-stations-badge', 'metro-stations-label'],
  buildings: ['buildings-halo', 'buildings-circle', 'buildings-label'],
  places: ['places-fill', 'places-line', 'places-circle', 'places-label'],
  // added on first use (heritage-layer.ts); until then a toggle is only remembered
  heritage: [...HERITAGE_LAYERS],
};

const font = [MAP_FONT];
const zoneColour: ExpressionSpecification = [
  'match',
  ['get', 'zone'],
  'east',
  ZONE_COLOURS.east,
  'central',
  ZONE_COLOURS.central,
  'west',
  ZONE_COLOURS.west,
  PALETTE.inkSoft,
];
const flag = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];
// "hover" styling also marks features shown together (a paragraph's places, a tour step).
const state = (key: 'selected' | 'hover'): ExpressionSpecification =>
  key === 'hover' ? ['any', flag('hover'), flag('emphasis')] : flag('selected');
const schematic: ExpressionSpecification = ['==', ['get', 'schematic'], true];
const notSchematic: ExpressionSpecification = ['!=', ['get', 'schematic'], true];
const roadWidth: DataDrivenPropertyValueSpecification<number> = ['interpolate', ['linear'], ['zoom'], 11, ['match', ['get', 'class'], 'expressway', 1.8, 0.8], 15, ['match', ['get', 'class'], 'expressway', 6, 3]];
const line2Width: DataDrivenPropertyValueSpecification<number> = ['interpolate', ['linear'], ['zoom'], 11, 3, 15, 6];

/** "中文\nEnglish" (or the reverse): the primary language first, the other smaller below. */
export function labelText(lang: 'zh' | 'en'): ExpressionSpecification {
  const [first, second] = lang === 'zh' ? ['name_zh', 'name_en'] : ['name_en', 'name_zh'];
  return ['format', ['get', first], {}, '\n', {}, ['get', second], { 'font-scale': 0.78 }];
}

/** Layers whose text-field follows the interface language. */
export const BILINGUAL_LABEL_LAYERS = ['zones-label', 'stations-label', 'metro-stations-label', 'buildings-label', 'places-label', 'districts-label'];

function layers(lang: 'zh' | 'en'): LayerSpecification[] {
  const text = labelText(lang);
  const primary: DataDrivenPropertyValueSpecification<string> = ['get', lang === 'zh' ? 'name_zh' : 'name_en'];
  return [
    { id: 'background', type: 'background', paint: { 'background-color': PALETTE.background } },
    {
      id: 'districts-fill',
      type: 'fill',
      source: 'districts',
      // The neighbours are the background's colour (PALETTE.district): only Changning needs filling.
      filter: ['==', ['get', 'class'], 'focus'],
      // No antialiasing pass on fills whose edge a line layer draws anyway (districts, zones, walk
      // bands, places): it is a second shader program and a second draw per tile for nothing seen.
      paint: { 'fill-color': PALETTE.districtFocus, 'fill-antialias': false },
    },
    // Parks have no outline layer; their edge is pale on pale, and an antialias pass would be a
    // second fill program (see SHARED_SHADER_PROPERTIES) for a softer edge hardly seen.
    { id: 'green-fill', type: 'fill', source: 'green', paint: { 'fill-color': PALETTE.green, 'fill-opacity': 0.8, 'fill-antialias': false } },
    {
      id: 'water-line',
      type: 'line',
      source: 'water',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 15, 7] },
    },
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      filter: ['!=', ['get', 'class'], 'focus'],
      paint: { 'line-color': PALETTE.districtLine, 'line-width': 0.8, 'line-dasharray': [3, 2] },
    },
    {
      id: 'roads-casing',
      type: 'line',
      source: 'roads',
      filter: notSchematic,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': PALETTE.roadCasing,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, ['match', ['get', 'class'], 'expressway', 3, 1.6], 15, ['match', ['get', 'class'], 'expressway', 9, 5]],
      },
    },
    // Dashes mark the roads whose geometry is a placeholder, not a survey. Two layers with a
    // constant dash each, not one with a data-driven dash: MapLibre lays out a data-driven dash
    // only after a round trip from its worker to the page for the dash patterns, which holds
    // the tile back while the page is busy drawing the first frames.
    {
      id: 'roads-schematic-line',
      type: 'line',
      source: 'roads',
      filter: schematic,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.roadCasing, 'line-width': roadWidth, 'line-dasharray': [2, 2] },
    },
    {
      id: 'roads-line',
      type: 'line',
      source: 'roads',
      filter: notSchematic,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.road, 'line-width': roadWidth },
    },
    {
      id: 'runway-line',
      type: 'line',
      source: 'airport',
      filter: ['==', ['get', 'kind'], 'runway'],
      paint: { 'line-color': PALETTE.runway, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 15, 10], 'line-dasharray': [3, 1.5] },
    },
    {
      id: 'districts-focus-line',
      type: 'line',
      source: 'districts',
      filter: ['==', ['get', 'class'], 'focus'],
      paint: { 'line-color': PALETTE.districtFocusLine, 'line-width': 1.6 },
    },
    {
      id: 'walk-bands-fill',
      type: 'fill',
      source: 'walk-bands',
      paint: { 'fill-color': PALETTE.line2, 'fill-opacity': ['match', ['get', 'radius_m'], 500, 0.16, 0.09], 'fill-antialias': false },
    },
    {
      id: 'walk-bands-outline',
      type: 'line',
      source: 'walk-bands',
      paint: { 'line-color': PALETTE.line2Dark, 'line-width': 0.8, 'line-opacity': 0.5, 'line-dasharray': [2, 2] },
    },
    {
      id: 'zones-fill',
      type: 'fill',
      source: 'zones',
      paint: {
        // In the compare view each zone carries a 0..1 "choro" state: colour by it on a sequential ramp.
        'fill-color': [
          'case',
          ['==', ['typeof', ['feature-state', 'choro']], 'number'],
          ['interpolate', ['linear'], ['to-number', ['feature-state', 'choro']], 0, CHOROPLETH_RAMP[0], 0.33, CHOROPLETH_RAMP[1], 0.66, CHOROPLETH_RAMP[2], 1, CHOROPLETH_RAMP[3]],
          zoneColour,
        ],
        'fill-opacity': [
          'case',
          ['==', ['typeof', ['feature-state', 'choro']], 'number'],
          ['case', state('hover'), 0.9, 0.78],
          ['case', state('selected'), 0.34, state('hover'), 0.26, 0.17],
        ],
        'fill-antialias': false,
      },
    },
    {
      id: 'zones-outline',
      type: 'line',
      source: 'zones',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': zoneColour,
        'line-width': ['case', state('selected'), 3.5, state('hover'), 3, 1.8],
      },
    },
    // The other lines' stations: a small grey ring under Line 2, so Line 2 keeps the emphasis.
    {
      id: 'metro-stations-circle',
      type: 'circle',
      source: 'metro-stations',
      paint: {
        'circle-color': PALETTE.halo,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['case', state('selected'), 6, state('hover'), 4.5, 3], 15, ['case', state('selected'), 9, state('hover'), 7.5, 6]],
        'circle-stroke-color': ['case', state('selected'), PALETTE.selected, PALETTE.metroStation],
        'circle-stroke-width': ['case', state('selected'), 3, 1.8],
      },
    },
    {
      id: 'line2-casing',
      type: 'line',
      source: 'line2',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.halo, 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 5, 15, 10] },
    },
    // The guessed part of the line dashed; a constant dash per layer, as for the roads.
    {
      id: 'line2-schematic-line',
      type: 'line',
      source: 'line2',
      filter: schematic,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.line2, 'line-width': line2Width, 'line-dasharray': [1.2, 0.8] },
    },
    {
      id: 'line2-line',
      type: 'line',
      source: 'line2',
      filter: notSchematic,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': PALETTE.line2, 'line-width': line2Width },
    },
    {
      id: 'places-fill',
      type: 'fill',
      source: 'places',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': PALETTE.place, 'fill-opacity': ['case', state('selected'), 0.22, state('hover'), 0.14, 0.06], 'fill-antialias': false },
    },
    {
      id: 'places-line',
      type: 'line',
      source: 'places',
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'Polygon']]],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': PALETTE.place,
        'line-width': ['case', state('selected'), 3.5, state('hover'), 3, 1.6],
        'line-dasharray': [2, 1.5],
      },
    },
    {
      id: 'stations-circle',
      type: 'circle',
      source: 'stations',
      paint: {
        'circle-color': PALETTE.halo,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['case', state('selected'), 7, state('hover'), 6, 4], 15, ['case', state('selected'), 11, state('hover'), 10, 8]],
        'circle-stroke-color': ['case', state('selected'), PALETTE.selected, PALETTE.line2Dark],
        'circle-stroke-width': ['case', state('selected'), 3.5, 2.5],
      },
    },
    {
      id: 'places-circle',
      type: 'circle',
      source: 'places',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-color': PALETTE.halo,
        'circle-radius': ['case', state('selected'), 7, state('hover'), 6, 4.5],
        'circle-stroke-color': ['case', state('selected'), PALETTE.selected, PALETTE.place],
        'circle-stroke-width': ['case', state('selected'), 3, 2],
      },
    },
    {
      id: 'buildings-halo',
      type: 'circle',
      source: 'buildings',
      paint: {
        'circle-color': PALETTE.selected,
        'circle-opacity': ['case', state('selected'), 0.2, state('hover'), 0.12, 0],
        'circle-radius': 16,
      },
    },
    {
      id: 'buildings-circle',
      type: 'circle',
      source: 'buildings',
      paint: {
        'circle-color': ['case', state('selected'), PALETTE.selected, PALETTE.building],
        'circle-radius': ['case', state('selected'), 8.5, state('hover'), 7.5, 6],
        'circle-stroke-color': PALETTE.halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'districts-label',
      type: 'symbol',
      source: 'area-labels',
      filter: ['==', ['get', 'kind'], 'district'],
      layout: { 'text-field': primary, 'text-font': font, 'text-size': 13, 'text-letter-spacing': 0.2 },
      paint: { 'text-color': PALETTE.districtLabel, 'text-halo-color': PALETTE.district, 'text-halo-width': 1.5 },
    },
    {
      id: 'water-label',
      type: 'symbol',
      source: 'water',
      layout: { 'symbol-placement': 'line', 'text-field': primary, 'text-font': font, 'text-size': 11 },
      paint: { 'text-color': PALETTE.waterLabel, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'roads-label',
      type: 'symbol',
      source: 'roads',
      minzoom: 13,
      layout: { 'symbol-placement': 'line', 'text-field': primary, 'text-font': font, 'text-size': 10.5 },
      paint: { 'text-color': PALETTE.roadLabel, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'airport-label',
      type: 'symbol',
      source: 'airport',
      filter: ['==', ['get', 'kind'], 'airport'],
      layout: { 'text-field': primary, 'text-font': font, 'text-size': 11, 'text-max-width': 8 },
      paint: { 'text-color': PALETTE.inkSoft, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.2 },
    },
    // Each line's badge (an image drawn from the station's line colours, line-badges.ts) below the ring.
    {
      id: 'metro-stations-badge',
      type: 'symbol',
      source: 'metro-stations',
      minzoom: 12,
      layout: { 'icon-image': ['get', 'badge'], 'icon-anchor': 'top', 'icon-offset': [0, 6], 'icon-padding': 1 },
      // No text, but the same text paint as every symbol layer: one program for them all (SHARED_SHADER_PROPERTIES).
      paint: { 'text-color': PALETTE.inkSoft, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'metro-stations-label',
      type: 'symbol',
      source: 'metro-stations',
      minzoom: 13.5,
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 10.5,
        'text-max-width': 8,
        // Above the ring first: the badge hangs below it, and a name beside it would hide the badge.
        'text-variable-anchor': ['bottom', 'left', 'right'],
        'text-radial-offset': 0.8,
        'text-justify': 'auto',
      },
      paint: { 'text-color': PALETTE.inkSoft, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'stations-label',
      type: 'symbol',
      source: 'stations',
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 12,
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.9,
        'text-justify': 'auto',
      },
      paint: { 'text-color': PALETTE.line2Dark, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 },
    },
    {
      id: 'places-label',
      type: 'symbol',
      source: 'places',
      minzoom: 13.2,
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 11,
        'text-max-width': 9,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8,
      },
      paint: { 'text-color': PALETTE.place, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'buildings-label',
      type: 'symbol',
      source: 'buildings',
      minzoom: 13.4,
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': 12,
        'text-max-width': 9,
        'text-variable-anchor': ['right', 'left', 'top', 'bottom'],
        'text-radial-offset': 0.9,
        'text-justify': 'auto',
      },
      paint: { 'text-color': PALETTE.ink, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6 },
    },
    {
      id: 'zones-label',
      type: 'symbol',
      source: 'area-labels',
      filter: ['==', ['get', 'kind'], 'zone'],
      // Last in the list, so placed first: the zone names win any label collision.
      layout: { 'text-field': text, 'text-font': font, 'text-size': 17, 'text-letter-spacing': 0.05, 'text-padding': 6 },
      paint: { 'text-color': zoneColour, 'text-halo-color': PALETTE.halo, 'text-halo-width': 2 },
    },
  ];
}

/**
 * A clustered point layer's clusters (sized by count), their counts and its single sites — the
 * synthetic test sites and a person's imported sites look alike, each in its own colour.
 */
export function clusteredSiteLayers(prefix: 'synthetic' | 'imported', source: string, colour: string, size: { clusters: number[]; site: number; stroke: number }): LayerSpecification[] {
  const clustered: FilterSpecification = ['has', 'point_count'];
  const [r0, r50, r500, r5000] = size.clusters;
  return [
    {
      id: `${prefix}-clusters`,
      type: 'circle',
      source,
      filter: clustered,
      paint: {
        'circle-color': colour,
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], r0!, 50, r50!, 500, r500!, 5000, r5000!],
        'circle-stroke-color': PALETTE.halo,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: `${prefix}-cluster-count`,
      type: 'symbol',
      source,
      filter: clustered,
      // Counts never push a real label off the map.
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': font, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': PALETTE.halo },
    },
    {
      id: `${prefix}-sites`,
      type: 'circle',
      source,
      filter: ['!', clustered],
      paint: { 'circle-color': colour, 'circle-radius': size.site, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': size.stroke },
    },
  ];
}

/** Synthetic sites: clusters with their counts, single sites, drawn above the zones and below Line 2 and the markers. */
function syntheticLayers(): LayerSpecification[] {
  return [
    ...clusteredSiteLayers('synthetic', SYNTHETIC_SOURCE, PALETTE.synthetic, { clusters: [11, 14, 18, 23], site: 4, stroke: 1 }),
    {
      id: 'synthetic-selected',
      type: 'circle',
      source: SYNTHETIC_SELECTED_SOURCE,
      paint: { 'circle-color': PALETTE.selected, 'circle-radius': 6.5, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': 2 },
    },
  ];
}

/**
 * The whole style: MAP_SOURCE with the groups' data given (a missing group draws nothing) and
 * every layer; with `synthetic` (the sites, or true for an empty source), also the clustered
 * synthetic-site source and its layers (never otherwise). Data given here is tiled as soon as the style is parsed; a source filled later with
 * setData costs a second round of worker work and frames before the map settles.
 */
export function buildStyle(
  lang: 'zh' | 'en',
  options: { synthetic?: FeatureCollection | boolean; data?: Partial<Record<SourceId, FeatureCollection>> } = {},
): StyleSpecification {
  const sources: StyleSpecification['sources'] = {
    [MAP_SOURCE]: { type: 'geojson', data: mergeGroups(options.data ?? {}), promoteId: 'id' },
  };
  let all = layers(lang).map(onMapSource);
  if (options.synthetic) {
    const sites = typeof options.synthetic === 'boolean' ? { type: 'FeatureCollection' as const, features: [] } : options.synthetic;
    sources[SYNTHETIC_SOURCE] = { type: 'geojson', data: sites, cluster: true, clusterRadius: 50, clusterMaxZoom: 14 };
    sources[SYNTHETIC_SELECTED_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    const at = all.findIndex((l) => l.id === 'zones-outline') + 1;
    all = [...all.slice(0, at), ...syntheticLayers(), ...all.slice(at)];
  }
  return {
    version: 8,
    name: 'zjcn-zone-map',
    'font-faces': mapFontFaces(),
    sources,
    layers: all.map(sharedShaderPaint),
  };
}
