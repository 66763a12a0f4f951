import type { GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { ImportedSite } from '../imported/types';
import { clusteredSiteLayers } from './layers';
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
  return [
    ...clusteredSiteLayers('imported', IMPORTED_SOURCE, PALETTE.imported, { clusters: [12, 15, 19, 24], site: 5.5, stroke: 1.5 }),
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
