/**
 * The position vocabulary of geo/sources/: how a record says where it is without code. A `Pos` is
 * a point, a `Line` a polyline, a `Geom` a feature geometry; each is resolved against the research
 * once, here. Every method object may carry a "comment" (why this method, which assumption).
 */
import type { Geometry, Position } from 'geojson';
import { distance } from '@turf/turf';
import { z } from 'zod';
import { alongFrom, at, crossing, nearestOn, shift, slice } from './geometry.ts';
import { byName, join, lonLat, road, station, type Research } from './research.ts';
import { commentSchema, lonLatSchema, text } from './source-file.ts';

const researchFile = z.enum(['geo-facts', 'geo-facts-2']).describe('geo-facts.json or geo-facts-2.json');

export type Line =
  | string
  | { road: string; vertices?: [number, number]; reverse?: boolean; comment?: string }
  | { join: string[]; comment?: string }
  | { place: string; in: 'geo-facts' | 'geo-facts-2'; comment?: string }
  | { meridian_of: Pos; lat: [number, number]; comment?: string };

export type Pos =
  | [number, number]
  | { place: string; in: 'geo-facts' | 'geo-facts-2'; comment?: string }
  | { station: string; comment?: string }
  | { research_point: 'hongqiao_airport'; comment?: string }
  | { gcj02: [number, number][]; offset_at: { gcj02: [number, number]; wgs84: Pos }; comment?: string }
  | { along: Line; from: Pos; metres: number; towards: 'start' | 'end'; comment?: string }
  | { offset: Pos; metres: number | { off_line: Line; of: Pos }; bearing: number; comment?: string }
  | { crossing: [Line, Line]; comment?: string };

export type Geom =
  | null
  | { point: Pos; comment?: string }
  | { line: Line; comment?: string }
  | { research_polygon: 'silicon_alley'; comment?: string }
  | { basemap: { layer: 'airport'; name: string }; comment?: string };

export const lineSchema: z.ZodType<Line> = z.lazy(() =>
  z.union([
    text.describe('a basemap road by its name_zh'),
    z.strictObject({ road: text, vertices: z.tuple([z.int(), z.int()]).optional(), reverse: z.boolean().optional(), comment: commentSchema })
      .describe('a basemap road, optionally only vertices [from, to) and/or reversed'),
    z.strictObject({ join: z.array(text).min(2), comment: commentSchema }).describe('basemap roads joined end to start'),
    z.strictObject({ place: text, in: researchFile, comment: commentSchema }).describe('the line of a research place'),
    z.strictObject({ meridian_of: posSchema, lat: z.tuple([z.number(), z.number()]), comment: commentSchema })
      .describe('a north–south line through a point, between two latitudes'),
  ]),
);

export const posSchema: z.ZodType<Pos> = z.lazy(() =>
  z.union([
    lonLatSchema.describe('[lon, lat], WGS84'),
    z.strictObject({ place: text, in: researchFile, comment: commentSchema }).describe('a research place by name_zh'),
    z.strictObject({ station: text, comment: commentSchema }).describe('a geo-facts station by name_zh'),
    z.strictObject({ research_point: z.enum(['hongqiao_airport']), comment: commentSchema }).describe('a named research point'),
    z.strictObject({
      gcj02: z.array(lonLatSchema).min(1),
      offset_at: z.strictObject({ gcj02: lonLatSchema, wgs84: posSchema }),
      comment: commentSchema,
    }).describe('the mean of GCJ-02 points, moved to WGS84 by the GCJ offset of a nearby pair (gcj02 → wgs84)'),
    z.strictObject({ along: lineSchema, from: posSchema, metres: z.number().positive(), towards: z.enum(['start', 'end']), comment: commentSchema })
      .describe('`metres` along a line from its point nearest to `from`, towards its start or end'),
    z.strictObject({
      offset: posSchema,
      metres: z.union([z.number().nonnegative(), z.strictObject({ off_line: lineSchema, of: posSchema })]),
      bearing: z.number().min(0).max(360),
      comment: commentSchema,
    }).describe('a point moved `metres` on a compass bearing (0 = north, 90 = east); metres may be the distance of a point from a line'),
    z.strictObject({ crossing: z.tuple([lineSchema, lineSchema]), comment: commentSchema }).describe('the single crossing of two lines'),
  ]),
);

export const geomSchema: z.ZodType<Geom> = z.union([
  z.null().describe('not located'),
  z.strictObject({ point: posSchema, comment: commentSchema }),
  z.strictObject({ line: lineSchema, comment: commentSchema }),
  z.strictObject({ research_polygon: z.enum(['silicon_alley']), comment: commentSchema }).describe('a polygon the research drew'),
  z.strictObject({ basemap: z.strictObject({ layer: z.enum(['airport']), name: text }), comment: commentSchema }).describe('a basemap item’s own geometry'),
]);

const places = (r: Research, file: 'geo-facts' | 'geo-facts-2') => (file === 'geo-facts' ? r.geoFacts.places : r.geoFacts2.places);

export function resolveLine(r: Research, l: Line): Position[] {
  if (typeof l === 'string') return road(r, l);
  if ('road' in l) {
    const all = road(r, l.road);
    const part = l.vertices ? all.slice(l.vertices[0], l.vertices[1]) : all;
    if (part.length < 2) throw new Error(`${l.road}: vertices ${l.vertices?.join('–')} leave fewer than two`);
    return l.reverse ? [...part].reverse() : part;
  }
  if ('join' in l) return join(l.join.map((n) => road(r, n)));
  if ('place' in l) {
    const line = byName(places(r, l.in), l.place, `${l.in} places`).line;
    if (!line?.length) throw new Error(`${l.place} has no line in ${l.in}`);
    return line;
  }
  const lon = at(resolvePos(r, l.meridian_of), 0);
  return [[lon, l.lat[0]], [lon, l.lat[1]]];
}

const describeLine = (l: Line): string => (typeof l === 'string' ? l : 'road' in l ? l.road : 'join' in l ? l.join.join(' + ') : 'place' in l ? l.place : 'meridian');

export function resolvePos(r: Research, p: Pos): Position {
  if (Array.isArray(p)) return p;
  if ('place' in p) return lonLat(byName(places(r, p.in), p.place, `${p.in} places`));
  if ('station' in p) {
    const s = station(r, p.station);
    return [s.lon, s.lat];
  }
  if ('research_point' in p) {
    const ref = r.geoFacts.hongqiao_airport.reference_point;
    return [ref.lon, ref.lat];
  }
  if ('gcj02' in p) {
    const n = p.gcj02.length;
    const mean = [0, 1].map((k) => p.gcj02.map((q) => q[k]!).reduce((a, b) => a + b) / n);
    const wgs = resolvePos(r, p.offset_at.wgs84);
    const gcj = p.offset_at.gcj02;
    return [at(mean, 0) + at(wgs, 0) - gcj[0], at(mean, 1) + at(wgs, 1) - gcj[1]];
  }
  if ('along' in p) {
    const line = resolveLine(r, p.along);
    return alongFrom(p.towards === 'end' ? line : [...line].reverse(), resolvePos(r, p.from), p.metres);
  }
  if ('offset' in p) {
    let metres: number;
    if (typeof p.metres === 'number') metres = p.metres;
    else {
      const of = resolvePos(r, p.metres.of);
      metres = distance(of, nearestOn(resolveLine(r, p.metres.off_line), of), { units: 'meters' });
    }
    return shift(resolvePos(r, p.offset), metres, p.bearing);
  }
  const [a, b] = p.crossing;
  return crossing(resolveLine(r, a), resolveLine(r, b), `${describeLine(a)} × ${describeLine(b)}`);
}

export function resolveGeom(r: Research, g: Geom): Geometry | null {
  if (g === null) return null;
  if ('point' in g) return { type: 'Point', coordinates: resolvePos(r, g.point) };
  if ('line' in g) return { type: 'LineString', coordinates: resolveLine(r, g.line) };
  if ('research_polygon' in g) return { type: 'Polygon', coordinates: [r.geoFacts.silicon_alley.ring] };
  return byName(r.basemap.layers[g.basemap.layer], g.basemap.name, `basemap ${g.basemap.layer}`).geometry;
}

