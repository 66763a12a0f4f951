import type { ExpressionSpecification, FilterSpecification, GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { ImportedSite } from '../imported/types';
import { MAP_FONT } from './font-faces';
import { PALETTE } from './palette';

/**
 * A person's imported sites: one clustered source (added when the first layer arrives, so the
 * start-up style and its shaders stay as they are), its layers, and the selected site's ring.
 */
export const IMPORTED_SOURCE = 'imported';
const SELECTED_SOURCE = 'imported-selected';
export const IMPORTED_LAYERS = ['imported-clusters', 'imported-cluster-count', 'imported-sites', 'imported-selected'] as const;
/** below Line 2, the stations and the markers, above the zones (as the synthetic sites) */
const BELOW = 'line2-casing';

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** The sites as map features: the number is the feature id, no properties (the panel has the rest). */
export function importedFeatures(sites: readonly ImportedSite[]): FeatureCollection {
  return { type: 'FeatureCollection', features: sites.map((s) => ({ type: 'Feature', id: s.n, properties: {}, geometry: { type: 'Point', coordinates: s.at } })) };
}

function layers(): LayerSpecification[] {
  const clustered: FilterSpecification = ['has', 'point_count'];
  const radius: ExpressionSpecification = ['step', ['get', 'point_count'], 12, 50, 15, 500, 19, 5000, 24];
  return [
    {
      id: 'imported-clusters',
      type: 'circle',
      source: IMPORTED_SOURCE,
      filter: clustered,
      paint: { 'circle-color': PALETTE.imported, 'circle-opacity': 0.88, 'circle-radius': radius, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': 1.5 },
    },
    {
      id: 'imported-cluster-count',
      type: 'symbol',
      source: IMPORTED_SOURCE,
      filter: clustered,
      layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [MAP_FONT], 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': PALETTE.halo },
    },
    {
      id: 'imported-sites',
      type: 'circle',
      source: IMPORTED_SOURCE,
      filter: ['!', clustered],
      paint: { 'circle-color': PALETTE.imported, 'circle-radius': 5.5, 'circle-stroke-color': PALETTE.halo, 'circle-stroke-width': 1.5 },
    },
    {
      id: 'imported-selected',
      type: 'circle',
      source: SELECTED_SOURCE,
      paint: { 'circle-color': 'rgba(0, 0, 0, 0)', 'circle-radius': 10, 'circle-stroke-color': PALETTE.ink, 'circle-stroke-width': 3 },
    },
  ];
}

/** Draws the sites (null: none); the source and layers are made on first use and then only refilled. */
export function showImportedSites(map: MlMap, sites: readonly ImportedSite[] | null, visible: boolean): void {
  const source = map.getSource(IMPORTED_SOURCE) as GeoJSONSource | undefined;
  if (source) source.setData(sites ? importedFeatures(sites) : empty());
  else if (sites) {
    map.addSource(IMPORTED_SOURCE, { type: 'geojson', data: importedFeatures(sites), cluster: true, clusterRadius: 45, clusterMaxZoom: 14 });
    map.addSource(SELECTED_SOURCE, { type: 'geojson', data: empty() });
    const before = map.getLayer(BELOW) ? BELOW : undefined;
    for (const layer of layers()) map.addLayer(visible ? layer : { ...layer, layout: { ...(layer.layout ?? {}), visibility: 'none' } } as LayerSpecification, before);
  }
}

export function showImportedSelected(map: MlMap, site: ImportedSite | null): void {
  const features = site ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: site.at } }] : [];
  (map.getSource(SELECTED_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
}

export const hasImportedLayers = (map: MlMap) => Boolean(map.getLayer('imported-sites'));
