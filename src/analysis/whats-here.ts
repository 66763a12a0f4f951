import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Catalog, PointFeature } from '../data/catalog';
import type { GeoFeature } from '../data/schema';
import { nearestStation, type NearestStation } from './nearest-station';

export interface WhatsHere {
  at: [number, number];
  /** the zone the point falls in (the outlines are the team's interpretation), or null */
  zone: GeoFeature | null;
  /** inside the Changning district outline */
  inDistrict: boolean;
  nearest: NearestStation & { station: PointFeature };
  /** the nearest station of any metro line (Line 2's or another's) */
  nearestAny: NearestStation & { station: PointFeature };
  /** radius (m) → inside that walking band around the Line 2 stations */
  bands: Record<number, boolean>;
  /** the key buildings (candidates) nearest the point, closest first */
  buildings: { building: PointFeature; straightM: number }[];
}

const inside = (p: ReturnType<typeof point>, f: { geometry: unknown }) =>
  Boolean(f.geometry) && booleanPointInPolygon(p, f as Feature<Polygon | MultiPolygon>);

/**
 * What is at a point of the map ("what's here?"): the zone, the nearest Line 2 station and the
 * nearest station of any line (straight line and walk estimate), the 500 m / 800 m bands it is
 * inside, and the nearest key buildings. Everything from the same data the map draws; turf does
 * the geometry.
 *
 * @param at - [lon, lat] in WGS84
 * @param walkBands - the bands derived at build time (virtual:derived-geo), each with `radius_m`
 */
export function whatsHere(catalog: Catalog, walkBands: FeatureCollection, at: [number, number], buildingCount = 3): WhatsHere {
  const p = point(at);
  const zone = catalog.zones.find((z) => inside(p, z)) ?? null;
  const district = catalog.geo['districts.geojson'].find((f) => f.properties.class === 'focus');
  const near = (among: PointFeature[]) => {
    const found = nearestStation(at, among.map((s) => ({ id: s.properties.id, coordinates: s.geometry.coordinates })));
    return { ...found, station: catalog.byId.get(found.stationId) as PointFeature };
  };
  const bands: Record<number, boolean> = {};
  for (const band of walkBands.features) bands[Number(band.properties?.radius_m)] = inside(p, band);
  const buildings = catalog.buildings
    .map((building) => ({ building, straightM: distance(p, point(building.geometry.coordinates), { units: 'meters' }) }))
    .sort((a, b) => a.straightM - b.straightM)
    .slice(0, buildingCount);
  return {
    at,
    zone,
    inDistrict: district ? inside(p, district) : false,
    nearest: near(catalog.stations),
    nearestAny: near([...catalog.stations, ...catalog.metroStations]),
    bands,
    buildings,
  };
}

/** `/at/<lat>,<lon>`: the point a link names, or null for anything that is not one. */
export function parseAt(text: string): [number, number] | null {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lon, lat] : null;
}

/** The path segment for a point, to 6 decimals (~0.1 m): `31.216500,121.412200` → `/at/31.2165,121.4122`. */
export const atPath = ([lon, lat]: [number, number]) => `/at/${+lat.toFixed(6)},${+lon.toFixed(6)}`;
