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

/** Sources the map draws; each is one geo/ file (walk bands are computed at build time). */
export const SOURCES = [
  'area-labels',
  'districts',
  'roads',
  'water',
  'green',
  'airport',
  'zones',
  'walk-bands',
  'line2',
  'stations',
  'places',
  'buildings',
] as const;
export type SourceId = (typeof SOURCES)[number];

/** Layers a click or hover can pick, in priority order (a building wins over the zone under it). */
export const INTERACTIVE_LAYERS = ['buildings-circle', 'stations-circle', 'places-circle', 'places-line', 'places-fill', 'zones-fill'] as const;

/** Synthetic test sites (only with ?synthetic=N): one clustered source, its layers, and the selected site's ring. */
export const SYNTHETIC_SOURCE = 'synthetic';
export const SYNTHETIC_SELECTED_SOURCE = 'synthetic-selected';
export const SYNTHETIC_LAYERS = ['synthetic-clusters', 'synthetic-cluster-count', 'synthetic-sites', 'synthetic-selected'];

/** The pick order with synthetic sites: a dot or cluster wins over an area, never over a real marker. */
export function interactiveLayers(synthetic: boolean): string[] {
  if (!synthetic) return [...INTERACTIVE_LAYERS];
  const at = INTERACTIVE_LAYERS.indexOf('places-circle') + 1;
  return [...INTERACTIVE_LAYERS.slice(0, at), 'synthetic-sites', 'synthetic-clusters', ...INTERACTIVE_LAYERS.slice(at)];
}

/** Which MapLibre layers each legend toggle shows or hides. */
export const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  roads: ['roads-casing', 'roads-schematic-line', 'roads-line', 'roads-label'],
  zones: ['zones-fill', 'zones-outline', 'zones-label'],
  walkBands: ['walk-bands-fill', 'walk-bands-outline'],
  line2: ['line2-casing', 'line2-schematic-line', 'line2-line', 'stations-circle', 'stations-label'],
  buildings: ['buildings-halo', 'buildings-circle', 'buildings-label'],
  places: ['places-fill', 'places-line', 'places-circle', 'places-label'],
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
export const BILINGUAL_LABEL_LAYERS = ['zones-label', 'stations-label', 'buildings-label', 'places-label', 'districts-label'];

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
    { id: 'green-fill', type: 'fill', source: 'green', paint: { 'fill-color': PALETTE.green, 'fill-opacity': 0.8 } },
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

/** Synthetic sites: clusters with their counts, single sites, drawn above the zones and below Line 2 and the markers. */
function syntheticLayers(): LayerSpecification[] {
  const clustered: FilterSpecification = ['has', 'point_count'];
  return [
    {
      id: 'synthetic-clusters',
      type: 'circle',
      source: SYNTHETIC_SOURCE,
      filter: clustered,
      paint: {
        'circle-color': PALETTE.synthetic,
        'circle-opacity': 0.82,
        'circle-radius': ['step', ['get', 'point_count'], 11, 50, 14, 500, 18, 5000, 23],
        'circle-stroke-color': PALETTE.halo,
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'synthetic-cluster-count',
      type: 'symbol',
      source: SYNTHETIC_SOURCE,
      filter: clustered,
      // Counts never push a real label off the map.
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': font, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': PALETTE.halo },
    },
    {
      id: 'synthetic-sites',
      type: 'circle',
      source: SYNTHETIC_SOURCE,
      filter: ['!', clustered],
      paint: { 'circle-color': PALETTE.synthetic, 'circle-radius': 4, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': 1 },
    },
    {
      id: 'synthetic-selected',
      type: 'circle',
      source: SYNTHETIC_SELECTED_SOURCE,
      paint: { 'circle-color': PALETTE.selected, 'circle-radius': 6.5, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': 2 },
    },
  ];
}

/**
 * The whole style: every source with the data given for it (empty otherwise) and every layer; with
 * `synthetic`, also the clustered synthetic-site source and its layers (never otherwise).
 * Data given here is tiled as soon as the style is parsed; a source filled later with setData
 * costs a second round of worker work and frames before the map settles.
 */
export function buildStyle(
  lang: 'zh' | 'en',
  options: { synthetic?: boolean; data?: Partial<Record<SourceId, FeatureCollection>> } = {},
): StyleSpecification {
  const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });
  const sources = Object.fromEntries(
    SOURCES.map((id) => [id, { type: 'geojson', data: options.data?.[id] ?? empty(), promoteId: 'id' }]),
  ) as StyleSpecification['sources'];
  let all = layers(lang);
  if (options.synthetic) {
    sources[SYNTHETIC_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, cluster: true, clusterRadius: 50, clusterMaxZoom: 15 };
    sources[SYNTHETIC_SELECTED_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    const at = all.findIndex((l) => l.id === 'zones-outline') + 1;
    all = [...all.slice(0, at), ...syntheticLayers(), ...all.slice(at)];
  }
  return {
    version: 8,
    name: 'zjcn-zone-map',
    'font-faces': mapFontFaces(),
    sources,
    layers: all,
  };
}
