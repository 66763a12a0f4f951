/**
 * The shared research facts the transform reads (geo-facts.json, geo-facts-2.json,
 * basemap-facts.json; WGS84 already, see their .md companions), typed for the fields used, and the
 * lookups by name. A renamed or missing research entry stops the transform with its name.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Geometry, Polygon, Position } from 'geojson';

export interface GfStation {
  name_zh: string;
  name_en: string;
  station_code: string;
  lines: string;
  location: string;
  lon: number;
  lat: number;
  crosscheck_sep_m: number;
  in_changning: boolean;
  on_line2: boolean;
  confidence: string;
}
export interface GfPlace {
  name_zh: string;
  lon: number | null;
  lat: number | null;
  line?: Position[];
}
export interface GeoFacts {
  stations: GfStation[];
  line2_track: { vertices: { lon: number; lat: number; note: string }[] };
  changning_district: { ring: Position[]; official_area_km2: number; ring_area_km2: number };
  hongqiao_airport: { reference_point: { lon: number; lat: number } };
  silicon_alley: { ring: Position[] };
  places: GfPlace[];
}
export interface GeoFacts2 {
  places: GfPlace[];
  metro_line2: { colour_hex: string };
}
export interface BmItem {
  adcode?: number;
  name_zh: string;
  name_en: string;
  class: string;
  geometry: Geometry;
  source: string;
  license_attribution: string;
  confidence: string;
  osm_way_ids?: number[];
  approx_radius_m?: number | null;
}
export interface Basemap {
  layers: { districts: BmItem[]; roads: BmItem[]; green: BmItem[]; airport: BmItem[]; creek: BmItem; line2_track: BmItem };
}

/**
 * Everything the transform may read besides geo/sources/. `extra` holds further research inputs
 * by file name (e.g. the OSM extracts in ../shared/osm/) for layer modules that need them.
 */
export interface Research {
  geoFacts: GeoFacts;
  geoFacts2: GeoFacts2;
  basemap: Basemap;
  extra: Readonly<Record<string, unknown>>;
}

export const RESEARCH_FILES = { geoFacts: 'geo-facts.json', geoFacts2: 'geo-facts-2.json', basemap: 'basemap-facts.json' } as const;

/**
 * Further research inputs for layer modules, relative to ../shared (e.g. 'osm/osm-heritage-changning.geojson').
 * The script copies them into geo/research/ like the three above, and they reach the layers as
 * `research.extra[path]` — in the script and in the tests alike.
 */
export const EXTRA_RESEARCH: readonly string[] = ['osm/osm-metro-stations-changning.geojson', 'osm/metro-station-lines.json', 'osm/osm-heritage-changning.geojson'];

/** Reads the three research files from `dir`, and each of `extraFiles` (paths relative to `dir`). */
export function readResearch(dir: string, extraFiles: readonly string[] = EXTRA_RESEARCH): Research {
  const read = (name: string): unknown => JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
  return {
    geoFacts: read(RESEARCH_FILES.geoFacts) as GeoFacts,
    geoFacts2: read(RESEARCH_FILES.geoFacts2) as GeoFacts2,
    basemap: read(RESEARCH_FILES.basemap) as Basemap,
    extra: Object.fromEntries(extraFiles.map((f) => [f, read(f)])),
  };
}

/** The one item whose name_zh matches. */
export function byName<T extends { name_zh: string }>(items: readonly T[], nameZh: string, what: string): T {
  const found = items.filter((i) => i.name_zh === nameZh);
  if (found.length !== 1) throw new Error(`${what}: expected exactly one "${nameZh}", found ${found.length}`);
  return found[0]!;
}
export function lonLat(p: { lon: number | null; lat: number | null; name_zh: string }): Position {
  if (p.lon === null || p.lat === null) throw new Error(`${p.name_zh} has no point in the research`);
  return [p.lon, p.lat];
}
export function lineCoords(item: BmItem): Position[] {
  if (item.geometry.type !== 'LineString') throw new Error(`${item.name_zh} is not a LineString`);
  return item.geometry.coordinates;
}
export function pointCoords(item: BmItem): Position {
  if (item.geometry.type !== 'Point') throw new Error(`${item.name_zh} is not a Point`);
  return item.geometry.coordinates;
}

/** A further research input by its path (EXTRA_RESEARCH); one not handed to the transform stops it. */
export function extraResearch<T>(r: Research, path: string): T {
  const v = r.extra[path];
  if (v === undefined) throw new Error(`research input ${path} is missing (EXTRA_RESEARCH in scripts/geo/research.ts)`);
  return v as T;
}

/** The Changning district outline as the research gives it. */
export const changningPolygon = (r: Research): Polygon => ({ type: 'Polygon', coordinates: [r.geoFacts.changning_district.ring] });

export const station = (r: Research, nameZh: string): GfStation => byName(r.geoFacts.stations, nameZh, 'geo-facts stations');
/** A basemap road's line, by its name_zh. */
export const road = (r: Research, nameZh: string): Position[] => lineCoords(byName(r.basemap.layers.roads, nameZh, 'basemap roads'));
/** Lines joined end to start (the shared vertex once). */
export const join = (lines: Position[][]): Position[] => lines.reduce((all, l) => (all.length ? [...all, ...l.slice(1)] : [...l]), []);

/**
 * The research's ratings include ranges such as "medium-low"; the schema has three levels. The
 * lower end of a range is used throughout, so no feature claims more than its weakest reading.
 */
export function conf(s: string): 'high' | 'medium' | 'low' {
  const t = s.trim().toLowerCase();
  if (t.startsWith('high')) return 'high';
  if (t.startsWith('medium-low') || t.startsWith('medium–low')) return 'low';
  if (t.startsWith('medium')) return 'medium';
  return 'low';
}
