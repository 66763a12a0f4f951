import type { Feature, FeatureCollection } from 'geojson';
import type { Catalog } from '../data/catalog';
import type { LayerGroup } from '../stores/layers';

/** What an exported file says about itself (GeoJSON foreign members, RFC 7946 §6.1). */
export interface ExportMeta {
  /** where the data comes from and under what terms, as the map's attribution says it */
  attribution: string;
  /** the report the features are read against */
  report: string;
  /** when the file was made, ISO 8601 */
  exported: string;
}

/** `layers`: the legend groups in the file, and `imported` when the person's sites went along. */
export type ExportCollection = FeatureCollection & { name: string; layers?: (LayerGroup | 'imported')[]; meta: ExportMeta };

/** The authored features of each legend group (the walk bands are derived at build time). */
function groupFeatures(catalog: Catalog, walkBands: FeatureCollection, heritage: readonly Feature[]): Record<LayerGroup, Feature[]> {
  const g = catalog.geo;
  return {
    zones: catalog.zones,
    walkBands: walkBands.features,
    line2: [...g['metro-line2.geojson'], ...catalog.stations],
    metro: catalog.metroStations,
    buildings: catalog.buildings,
    places: catalog.places,
    roads: g['roads.geojson'],
    heritage: [...heritage],
  } as Record<LayerGroup, Feature[]>;
}

/**
 * The layers the legend shows, as one GeoJSON FeatureCollection: each feature as the project
 * authored it — id, zh/en names, provenance and confidence — with `layer` naming its legend group.
 * Features without a position (places the report names that could not be located) are left out:
 * GeoJSON has no place for them, and the panel lists them. The heritage features (loaded on demand)
 * are given by the caller.
 */
export function shownLayersGeoJSON(catalog: Catalog, walkBands: FeatureCollection, visible: Record<LayerGroup, boolean>, meta: ExportMeta, heritage: readonly Feature[] = []): ExportCollection {
  const groups = (Object.keys(visible) as LayerGroup[]).filter((k) => visible[k]);
  const all = groupFeatures(catalog, walkBands, heritage);
  const features = groups.flatMap((layer) => all[layer].filter((f) => f.geometry).map((f) => ({ ...f, properties: { ...f.properties, layer } })));
  return { type: 'FeatureCollection', name: 'zhangjiang-changning-layers', layers: groups, meta, features };
}

/** One feature (the selection) as a FeatureCollection of one, with the same self-description. */
export function featureGeoJSON(feature: Feature, meta: ExportMeta): ExportCollection {
  return { type: 'FeatureCollection', name: `zhangjiang-changning-${String(feature.properties?.id ?? 'feature')}`, meta, features: feature.geometry ? [feature] : [] };
}
