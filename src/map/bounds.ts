import { bbox, featureCollection } from '@turf/turf';
import type { Feature } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import type { GeoFeature } from '../data/schema';

/** Bounds grown by a fraction of their width and height on every side (height: `fractionY` if given). */
export function padBounds(bounds: LngLatBoundsLike, fraction: number, fractionY = fraction): [[number, number], [number, number]] {
  const [[w, s], [e, n]] = bounds as [[number, number], [number, number]];
  const dx = (e - w) * fraction;
  const dy = (n - s) * fractionY;
  return [
    [w - dx, s - dy],
    [e + dx, n + dy],
  ];
}

/** The bounding box of some features, as MapLibre wants it; features without geometry are skipped. */
export function boundsOf(features: GeoFeature[]): LngLatBoundsLike {
  const located = features.filter((f) => f.geometry) as Feature[];
  if (located.length === 0) throw new Error('boundsOf: no located features');
  const [w, s, e, n] = bbox(featureCollection(located));
  return [
    [w, s],
    [e, n],
  ];
}
