import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoFeature } from '../data/schema';

/**
 * One label point per area (computed at build time by the derived-geo plugin). A symbol layer on a GeoJSON polygon labels every tile the polygon
 * crosses, so a zone would be named three or four times; a point source names it once. The
 * centroid is used when it falls inside the area (it reads as "the middle"), else a point on it.
 */
export function areaLabelPoints(areas: GeoFeature[]): FeatureCollection<Point> {
  const features = areas
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f): Feature<Point> => {
      const area = f as unknown as Feature<Polygon | MultiPolygon>;
      const c = centroid(area);
      const at = booleanPointInPolygon(c, area) ? c : pointOnFeature(area);
      return { type: 'Feature', geometry: at.geometry, properties: { ...f.properties } };
    });
  return { type: 'FeatureCollection', features };
}
