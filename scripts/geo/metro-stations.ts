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
import { z } from 'zod';
import type { AuthoredFeature } from '../../src/data/schema.ts';
import { feature } from './feature.ts';
import { r6 } from './geometry.ts';
import { defineLayer, type LayerContext } from './layer.ts';
import { buildLine2, line2Sources, type Line2Sources } from './line2.ts';
import { changningPolygon, extraResearch } from './research.ts';
import { commentSchema, forRecord, idSchema, SourceError, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

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
/** The OSM extract and the line lists, as research inputs (../shared/osm/, copied to geo/research/osm/). */
export const OSM_STATIONS_FILE = 'osm/osm-metro-stations-changning.geojson';
export const STATION_LINES_FILE = 'osm/metro-station-lines.json';
const FILE = 'metro-stations.json';

export const metroStationsSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    line: z.number().int().positive().describe('the line number'),
    colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/).describe('the line colour, #rrggbb'),
  }),
  z.strictObject({
    comment: commentSchema,
    margin_m: z.number().positive().describe('stations are kept inside Changning or this close to it'),
    sources: sourcesSchema,
    colour_source: text.describe('where the line colours come from'),
  }),
);
type MetroStationsSource = z.infer<typeof metroStationsSource>;

const lineColours = (source: MetroStationsSource) => new Map(source.records.map((r) => [r.line, r.colour]));

/** Each line's colour, in the order of `lines`; a line without one stops the transform. */
function coloursOf(lines: readonly number[], colours: ReadonlyMap<number, string>, station: string): string[] {
  return lines.map((n) => {
    const c = colours.get(n);
    if (!c) throw new SourceError(FILE, undefined, `no colour for line ${n} (${station})`);
    return c;
  });
}

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

export interface MetroStationInputs {
  osm: { features: OsmStationNode[] };
  lines: { stations: StationLines[] };
  /** the Changning outline */
  district: Polygon | MultiPolygon;
  /** names Line 2 serves (stations.geojson holds those) */
  line2Names: ReadonlySet<string>;
  source: MetroStationsSource;
}

export function metroStationFeatures(input: MetroStationInputs): AuthoredFeature[] {
  const layer = input.source.layer;
  if (!layer) throw new SourceError(FILE, undefined, 'the layer block (margin_m, sources, colour_source) is missing');
  const colours = lineColours(input.source);
  const byName = new Map<string, OsmStationNode[]>();
  for (const n of input.osm.features) {
    const key = nameKey(n.properties.name);
    byName.set(key, [...(byName.get(key) ?? []), n]);
  }
  const district: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: input.district, properties: {} };
  const out: AuthoredFeature[] = [];
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
    if (outsideBy > layer.margin_m) continue;
    const lines = s.lines.map(Number);
    if (lines.some((n) => !Number.isInteger(n)) || lines.length === 0) throw new Error(`${s.name_zh}: lines ${s.lines.join(',')} are not line numbers`);
    const spread = Math.max(10, Math.ceil(spreadM / 10) * 10);
    out.push(
      feature(
        {
          id: `metro-station-${slug(s.name_en)}`,
          kind: 'metro-station',
          class: lines.length > 1 ? 'interchange' : 'station',
          name_zh: s.name_zh,
          name_en: s.name_en,
          named_in_report: false,
          lines,
          line_colours: coloursOf(lines, colours, s.name_zh),
          in_changning: inChangning,
          confidence: spreadM <= 150 ? 'high' : 'medium',
          osm: true,
          osm_ids: ids,
          identity: `Metro station of line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} (not Line 2), ${inChangning ? 'in Changning' : `${Math.round(outsideBy / 10) * 10} m outside Changning`}. The report names no station of these lines; it is on the map for the distance to the metro of any line.`,
          position: `${describeSource(nodes, fromStations, s.name_zh)}; its ${nodes.length} OSM node${nodes.length > 1 ? 's lie' : ' lies'} within ${spread} m of the point. Datum: WGS84 (OSM).`,
          ...(s.other_rail?.length ? { notes: `Also served by ${s.other_rail.join(', ')} (not a numbered metro line).` } : {}),
          sources: [...layer.sources, layer.colour_source],
        },
        { type: 'Point', coordinates: at },
      ),
    );
  }
  // (A repeated id — two names with one English name — stops the transform, which checks every id.)
  // West to east: a stable order a reviewer can scan.
  return out.sort((a, b) => (a.geometry as Point).coordinates[0]! - (b.geometry as Point).coordinates[0]!);
}

/**
 * The metro layers: Line 2 with its stations (line2.ts) and the other lines' stations, in one
 * module because both take their line colours from geo/sources/metro-stations.json — a Line 2
 * station's badges (中山公园: 2, 3, 4) are drawn like the others'.
 */
export const metro = defineLayer<Line2Sources & { [FILE]: MetroStationsSource }>({
  sources: { ...line2Sources, [FILE]: metroStationsSource },
  build(ctx, src) {
    const colours = lineColours(src[FILE]);
    const out = buildLine2(ctx, src);
    out['stations.geojson'] = out['stations.geojson']!.map((f) =>
      forRecord('stations.json', f.properties.id, () => feature({ ...f.properties, line_colours: coloursOf(f.properties.lines ?? [], colours, f.properties.name_zh) }, f.geometry)),
    );
    return { ...out, 'metro-stations.geojson': otherLinesStations(ctx, src[FILE]) };
  },
});

/** geo/sources/metro-stations.json + the OSM extract and line lists → the other lines' stations. */
function otherLinesStations({ research }: LayerContext, source: MetroStationsSource): AuthoredFeature[] {
  return metroStationFeatures({
    osm: extraResearch<MetroStationInputs['osm']>(research, OSM_STATIONS_FILE),
    lines: extraResearch<MetroStationInputs['lines']>(research, STATION_LINES_FILE),
    district: changningPolygon(research),
    line2Names: new Set(research.geoFacts.stations.filter((s) => s.on_line2).map((s) => nameKey(s.name_zh))),
    source,
  });
}
