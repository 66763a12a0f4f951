/**
 * Turf-based geometry helpers for authoring geo/: rounding and ring order as the files store them,
 * and the few constructions (shift, crossing, slice, walk along a line) that positions and zone
 * outlines are made of. No research or editorial data here.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { destination, distance, lineIntersect, lineSlice, lineString, point, rewind } from '@turf/turf';

export type Area = Polygon | MultiPolygon;

export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i < 0 ? xs.length + i : i];
  if (x === undefined) throw new Error(`index ${i} out of range (${xs.length})`);
  return x;
}

export const r6 = (n: number): number => {
  const v = Math.round(n * 1e6) / 1e6;
  return Object.is(v, -0) ? 0 : v;
};
function roundPositions(ps: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ps) {
    const q = [r6(at(p, 0)), r6(at(p, 1))];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}
/** 6-decimal coordinates (≈0.1 m), consecutive duplicates removed, rings counter-clockwise (RFC 7946). */
export function tidy(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: [r6(at(g.coordinates, 0)), r6(at(g.coordinates, 1))] };
    case 'LineString':
      return { type: 'LineString', coordinates: roundPositions(g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map(roundPositions) };
    case 'Polygon':
      return rewind<Polygon>({ type: 'Polygon', coordinates: g.coordinates.map(roundPositions) }) as Polygon;
    case 'MultiPolygon':
      return rewind<MultiPolygon>({ type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundPositions)) }) as MultiPolygon;
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}
/** A position moved `metres` along a compass bearing (0 = north, 90 = east). */
export function shift(p: Position, metres: number, bearing: number): Position {
  return destination(p, metres, bearing, { units: 'meters' }).geometry.coordinates;
}
export const shiftAll = (ps: Position[], metres: number, bearing: number): Position[] => ps.map((p) => shift(p, metres, bearing));
/** The single crossing of two polylines (throws unless there is exactly one). */
export function crossing(a: Position[], b: Position[], what: string): Position {
  const hits = lineIntersect(lineString(a), lineString(b)).features;
  if (hits.length !== 1) throw new Error(`${what}: expected one crossing, found ${hits.length}`);
  return hits[0]!.geometry.coordinates;
}
/** The point of a polyline nearest to `p`. */
export function nearestOn(line: Position[], p: Position): Position {
  return at(lineSlice(point(p), point(p), lineString(line)).geometry.coordinates, 0);
}
/** The part of a polyline between the points on it nearest to `from` and `to`, running from → to. */
export function slice(line: Position[], from: Position, to: Position): Position[] {
  const part = lineSlice(point(from), point(to), lineString(line)).geometry.coordinates;
  // lineSlice keeps the line's own direction; turn it round when `from` is at its far end
  return distance(at(part, 0), from) <= distance(at(part, -1), from) ? part : [...part].reverse();
}
/** A position `metres` along a polyline from the point on it nearest to `start`, towards its last vertex. */
export function alongFrom(line: Position[], start: Position, metres: number): Position {
  const rest = slice(line, start, at(line, -1));
  let left = metres;
  for (let i = 1; i < rest.length; i++) {
    const a = at(rest, i - 1);
    const b = at(rest, i);
    const d = distance(a, b, { units: 'meters' });
    if (d >= left) {
      const t = left / d;
      return [at(a, 0) + (at(b, 0) - at(a, 0)) * t, at(a, 1) + (at(b, 1) - at(a, 1)) * t];
    }
    left -= d;
  }
  throw new Error('alongFrom: line too short');
}
/** The line with one more vertex, `metres` beyond its last one in the direction of its last leg. */
export function extendEnd(line: Position[], metres: number): Position[] {
  const a = at(line, -2);
  const b = at(line, -1);
  const d = distance(a, b, { units: 'meters' });
  const t = (d + metres) / d;
  return [...line, [at(a, 0) + (at(b, 0) - at(a, 0)) * t, at(a, 1) + (at(b, 1) - at(a, 1)) * t]];
}
export const closeRing = (ps: Position[]): Position[] => [...ps, at(ps, 0)];
export const m2ToKm2 = (m2: number): number => Math.round(m2 / 1e4) / 100;
