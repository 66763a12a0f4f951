import { buffer, featureCollection, truncate, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export interface WalkBandProperties {
  id: string;
  radius_m: number;
  station_ids: string[];
}
export type WalkBand = Feature<Polygon | MultiPolygon, WalkBandProperties>;

/**
 * Straight-line walking bands around stations: for each radius, the union of the circles
 * around every station. Runs at build time (vite plugin) because @turf/buffer alone weighs
 * ~72 KB gzip — the app only ever receives the finished polygons.
 *
 * @param stations - station points; each needs `properties.id`
 * @param radiiM - band radii in metres, e.g. [500, 800]
 * @param steps - circle segments per quadrant-ish (turf's `steps`)
 */
export function walkBands(
  stations: FeatureCollection<Point, { id: string }>,
  radiiM: number[],
  steps = 32,
): FeatureCollection<Polygon | MultiPolygon, WalkBandProperties> {
  if (stations.features.length === 0) throw new Error('walkBands: no stations given');
  const ids = stations.features.map((s) => s.properties.id);
  const bands = radiiM.map((radius): WalkBand => {
    if (!(radius > 0)) throw new Error(`walkBands: radius must be positive, got ${radius}`);
    const circles = stations.features.map((s) => buffer(s, radius, { units: 'meters', steps })!);
    // Five decimals (~1 m, for bands of 500 m and more): the bands ship in the first load, and
    // turf's full-precision coordinates would double their weight.
    const merged = truncate(circles.length === 1 ? circles[0]! : union(featureCollection(circles))!, { precision: 5, mutate: true });
    return {
      type: 'Feature',
      geometry: merged.geometry,
      properties: { id: `walk-band-${radius}`, radius_m: radius, station_ids: ids },
    };
  });
  // Largest first so the smaller band draws on top.
  bands.sort((a, b) => b.properties.radius_m - a.properties.radius_m);
  return featureCollection(bands);
}
