import type { MultiPolygon, Polygon } from 'geojson';
import type { Catalog, PointFeature } from '../data/catalog';
import type { ZoneId } from '../data/schema';
import type { ImportContext } from './types';

/** The zones and the stations an import places its sites against: the same ones the map draws. */
const station = (s: PointFeature) => ({ id: s.properties.id, coordinates: s.geometry.coordinates });

export function importContext(catalog: Catalog): ImportContext {
  return {
    zones: catalog.zones.map((z) => ({ id: z.properties.zone as ZoneId, geometry: z.geometry as Polygon | MultiPolygon })),
    stations: catalog.stations.map(station),
    metroStations: [...catalog.stations, ...catalog.metroStations].map(station),
  };
}
