import type { MultiPolygon, Polygon } from 'geojson';
import type { Catalog } from '../data/catalog';
import type { ZoneId } from '../data/schema';
import type { ImportContext } from './types';

/** The zones and Line 2 stations an import places its sites against: the same ones the map draws. */
export function importContext(catalog: Catalog): ImportContext {
  return {
    zones: catalog.zones.map((z) => ({ id: z.properties.zone as ZoneId, geometry: z.geometry as Polygon | MultiPolygon })),
    stations: catalog.stations.map((s) => ({ id: s.properties.id, coordinates: s.geometry.coordinates as [number, number] })),
  };
}
