/**
 * geo/metro-stations.geojson: every metro station near Changning that Line 2 does not serve, from the
 * OpenStreetMap subway nodes (../shared/osm/osm-metro-stations-changning.geojson) and the line lists
 * joined to them by name (metro-station-lines.json). Pure: research in, features out.
 *
 * Line 2's own stations stay in stations.geojson (their positions are the Line 2 platforms, checked
 * against these OSM nodes in the data tests); this layer only adds the other lines' stations, so a
 * building a few minutes from a Line 10 or 15 stop no longer reads as far from transit.
 */
import type { Feature, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { booleanPointInPolygon, distance, point, pointToPolygonDistance } from '@turf/turf';
import { featureSchema, type GeoFeature } from '../../src/data/schema.ts';

export interface OsmStationNode {
  type: 'Feature';
  properties: { osm_type: string; osm_id: number; name: string; 'name:en'?: string; railway: string };
  geometry: Point;
}
export interface StationLines {
  name_zh: string;
  name_en: string;
  lines: string[];
  other_rail?: string[];
  district_s3?: string;
  osm: { station_nodes: number; stop_nodes: number; osm_ids: number[] };
}
export interface MetroStationInputs {
  osm: { features: OsmStationNode[] };
  lines: { stations: StationLines[] };
  /** the Changning outline: stations inside it or within `marginM` of it are kept */
  district: Polygon | MultiPolygon;
  /** names Line 2 serves (stations.geojson holds those) */
  line2Names: ReadonlySet<string>;
  marginM: number;
  /** geo/sources/metro-line-colours.json */
  colours: { source: string; lines: Record<string, string> };
}

/** Sources, as repository @ commit : path (../shared/osm/README.md, metro-station-lines.md). */
export const OSM_STATIONS_SOURCE =
  'OpenStreetMap subway nodes (© OpenStreetMap contributors, ODbL 1.0), via GitHub Weishi-corroding/shanghai-metro-pathfinder @f227afb7 scripts/.overpass_cache.json (Overpass dump, 2026-07)';
export const LINES_SOURCES = [
  'GitHub Weishi-corroding/shanghai-metro-pathfinder @f227afb7 python/metro_data/line-XX.csv (per-line station lists from the operator API, 2026-06)',
  'GitHub YuhaoZhang00/shanghai-metro-guess-game-solver @80647696 stations.json (station → lines, 2025-10)',
  'metro-station-lines.md (the join by name; the two lists agree on every station)',
];

/** The name as the line lists key it: trimmed, no inner spaces, one middle dot, no trailing 站. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, '').replace(/・/g, '·').replace(/站$/, '');

/** "Hongqiao Road" → "hongqiao-road"; ids stay stable as long as the English name does. */
const slug = (en: string): string =>
  en
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const r6 = (n: number): number => Math.round(n * 1e6) / 1e6;
const mean = (ps: Position[]): Position => [r6(ps.reduce((s, p) => s + p[0]!, 0) / ps.length), r6(ps.reduce((s, p) => s + p[1]!, 0) / ps.length)];

/**
 * A station's point: the mean of its `railway=station` nodes, or of its stop positions where OSM maps
 * none (25 names). The spread (farthest node from that point) says how far apart its platforms lie.
 */
export function stationPoint(nodes: readonly OsmStationNode[]): { at: Position; fromStations: boolean; spreadM: number } {
  const stations = nodes.filter((n) => n.properties.railway === 'station');
  const used = stations.length ? stations : nodes;
  if (used.length === 0) throw new Error('stationPoint: no nodes');
  const at = mean(used.map((n) => n.geometry.coordinates));
  const spreadM = Math.max(...nodes.map((n) => distance(point(at), point(n.geometry.coordinates), { units: 'meters' })));
  return { at, fromStations: stations.length > 0, spreadM };
}

function describeSource(nodes: readonly OsmStationNode[], fromStations: boolean, name: string): string {
  const stations = nodes.filter((n) => n.properties.railway === 'station').length;
  if (!fromStations) return `Mean of the OpenStreetMap stop positions named ${name} (OSM maps no station node for it)`;
  return stations > 1 ? `Mean of the ${stations} OpenStreetMap railway=station nodes named ${name}` : `The OpenStreetMap railway=station node named ${name}`;
}

export function metroStationFeatures(input: MetroStationInputs): GeoFeature[] {
  const byName = new Map<string, OsmStationNode[]>();
  for (const n of input.osm.features) {
    const key = nameKey(n.properties.name);
    byName.set(key, [...(byName.get(key) ?? []), n]);
  }
  const district: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: input.district, properties: {} };
  const out: GeoFeature[] = [];
  for (const s of input.lines.stations) {
    const key = nameKey(s.name_zh);
    if (input.line2Names.has(key)) continue;
    const nodes = byName.get(key);
    if (!nodes?.length) throw new Error(`metro-station-lines.json: no OSM node named ${s.name_zh}`);
    const ids = [...nodes.map((n) => n.properties.osm_id)].sort((a, b) => a - b);
    const listed = [...s.osm.osm_ids].sort((a, b) => a - b);
    if (ids.join() !== listed.join()) throw new Error(`${s.name_zh}: OSM ids differ from metro-station-lines.json`);
    const { at, fromStations, spreadM } = stationPoint(nodes);
    const p = point(at);
    const inChangning = booleanPointInPolygon(p, district);
    const outsideBy = inChangning ? 0 : pointToPolygonDistance(p, district, { units: 'meters' });
    if (outsideBy > input.marginM) continue;
    const lines = s.lines.map(Number);
    if (lines.some((n) => !Number.isInteger(n)) || lines.length === 0) throw new Error(`${s.name_zh}: lines ${s.lines.join(',')} are not line numbers`);
    const lineColours = lines.map((n) => {
      const c = input.colours.lines[String(n)];
      if (!c) throw new Error(`geo/sources/metro-line-colours.json: no colour for line ${n}`);
      return c;
    });
    const spread = Math.max(10, Math.ceil(spreadM / 10) * 10);
    const f = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at },
      properties: {
        id: `metro-station-${slug(s.name_en)}`,
        kind: 'metro-station',
        class: lines.length > 1 ? 'interchange' : 'station',
        name_zh: s.name_zh,
        name_en: s.name_en,
        named_in_report: false,
        lines,
        line_colours: lineColours,
        in_changning: inChangning,
        confidence: spreadM <= 150 ? 'high' : 'medium',
        osm: true,
        osm_ids: ids,
        identity: `Metro station of line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} (not Line 2), ${inChangning ? 'in Changning' : `${Math.round(outsideBy / 10) * 10} m outside Changning`}. The report names no station of these lines; it is on the map for the distance to the metro of any line.`,
        position: `${describeSource(nodes, fromStations, s.name_zh)}; its ${nodes.length} OSM node${nodes.length > 1 ? 's lie' : ' lies'} within ${spread} m of the point. Datum: WGS84 (OSM).`,
        ...(s.other_rail?.length ? { notes: `Also served by ${s.other_rail.join(', ')} (not a numbered metro line).` } : {}),
        sources: [OSM_STATIONS_SOURCE, ...LINES_SOURCES, `Line colours: ${input.colours.source}`],
      },
    };
    const parsed = featureSchema.safeParse(f);
    if (!parsed.success) throw new Error(`${f.properties.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out.push(f as GeoFeature);
  }
  const seen = new Set<string>();
  for (const f of out) {
    if (seen.has(f.properties.id)) throw new Error(`duplicate metro station id ${f.properties.id}`);
    seen.add(f.properties.id);
  }
  // West to east: a stable order a reviewer can scan.
  return out.sort((a, b) => (a.geometry as Point).coordinates[0]! - (b.geometry as Point).coordinates[0]!);
}
