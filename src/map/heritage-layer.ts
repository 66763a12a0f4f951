import type { ExpressionSpecification, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { GeoFeature } from '../data/schema';
import { HERITAGE_LAYERS, HERITAGE_MINZOOM } from './layers';
import { PALETTE } from './palette';

/**
 * "Historic buildings (OSM)": OpenStreetMap heritage footprints (quiet fill + outline) and points
 * (small circles), from zoom 14. Its own source, added when the map first nears that zoom or a
 * linked place is selected (zone-map.ts), with this module, so the start-up style, its tiles and
 * shaders stay as they are. The footprints linked to the selected place are drawn stronger. Not interactive: a linked
 * footprint lies inside its place's extent, so a click there picks the place itself.
 */
export const HERITAGE_SOURCE = 'heritage';
/** above the basemap (districts, parks, roads), under the walking bands, zones, Line 2 and the markers */
const BELOW = 'walk-bands-fill';

const linkedToSelected = (placeId: string | null): ExpressionSpecification => ['==', ['get', 'place'], placeId ?? ''];
const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];

/** The paint properties that follow the selected place (null: none selected). */
export function heritagePaint(placeId: string | null): Record<(typeof HERITAGE_LAYERS)[number], Record<string, ExpressionSpecification>> {
  const on = linkedToSelected(placeId);
  return {
    'heritage-fill': { 'fill-opacity': ['case', on, 0.55, 0.28] },
    'heritage-outline': { 'line-width': ['case', on, 1.8, 0.8] },
    'heritage-circle': { 'circle-radius': ['case', on, 5, 3.5] },
  };
}

export function heritageLayers(placeId: string | null, visible: boolean): LayerSpecification[] {
  const paint = heritagePaint(placeId);
  const layout = visible ? {} : { visibility: 'none' as const };
  return [
    {
      id: 'heritage-fill',
      type: 'fill',
      source: HERITAGE_SOURCE,
      minzoom: HERITAGE_MINZOOM,
      filter: isPolygon,
      layout,
      paint: { 'fill-color': PALETTE.heritage, ...paint['heritage-fill'] },
    },
    {
      id: 'heritage-outline',
      type: 'line',
      source: HERITAGE_SOURCE,
      minzoom: HERITAGE_MINZOOM,
      filter: isPolygon,
      layout: { ...layout, 'line-join': 'round' },
      paint: { 'line-color': PALETTE.heritage, ...paint['heritage-outline'] },
    },
    {
      id: 'heritage-circle',
      type: 'circle',
      source: HERITAGE_SOURCE,
      minzoom: HERITAGE_MINZOOM,
      filter: ['==', ['geometry-type'], 'Point'],
      layout,
      paint: { 'circle-color': PALETTE.heritage, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': 1.2, ...paint['heritage-circle'] },
    },
  ];
}

/** Adds the source and layers once (a second call does nothing). */
export function addHeritageLayers(map: MlMap, features: readonly GeoFeature[], placeId: string | null, visible: boolean): void {
  if (map.getSource(HERITAGE_SOURCE)) return;
  map.addSource(HERITAGE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [...features] } as FeatureCollection, promoteId: 'id' });
  const before = map.getLayer(BELOW) ? BELOW : undefined;
  for (const layer of heritageLayers(placeId, visible)) map.addLayer(layer, before);
}

/** Draws the footprints linked to this place (null: none) stronger. */
export function emphasiseHeritage(map: MlMap, placeId: string | null): void {
  if (!map.getSource(HERITAGE_SOURCE)) return;
  for (const [layer, paint] of Object.entries(heritagePaint(placeId))) {
    for (const [key, value] of Object.entries(paint)) map.setPaintProperty(layer, key as never, value as never);
  }
}
