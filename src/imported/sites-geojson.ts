import type { FeatureCollection } from 'geojson';
import type { GeoFeature } from '../data/schema';
import type { ImportedLayer } from './types';

/**
 * The person's sites back as GeoJSON (WGS 84, RFC 7946): their file's fields as they were, and
 * what the map added — zone, nearest Line 2 station, nearest station of any line and distances —
 * under `zjcn_` names.
 */
export function importedSitesGeoJSON(layer: ImportedLayer, stationOf: (id: string) => GeoFeature): FeatureCollection & { name: string } {
  return {
    type: 'FeatureCollection',
    name: layer.fileName,
    features: layer.sites.map((s) => ({
      type: 'Feature',
      id: s.n,
      geometry: { type: 'Point', coordinates: s.at },
      properties: {
        ...Object.fromEntries(layer.fieldNames.map((k, i) => [k, s.values[i] ?? ''])),
        zjcn_site: s.n,
        zjcn_zone: s.zone,
        zjcn_station_id: s.station,
        zjcn_station_zh: stationOf(s.station).properties.name_zh,
        zjcn_station_en: stationOf(s.station).properties.name_en,
        zjcn_straight_m: Math.round(s.straightM),
        zjcn_walk_estimate_m: Math.round(s.walkM),
        ...(s.metro !== undefined && s.metroM !== undefined
          ? { zjcn_metro_id: s.metro, zjcn_metro_zh: stationOf(s.metro).properties.name_zh, zjcn_metro_en: stationOf(s.metro).properties.name_en, zjcn_metro_straight_m: Math.round(s.metroM) }
          : {}),
        zjcn_source_datum: layer.datum,
        zjcn_source_position: s.original,
      },
    })),
  };
}
