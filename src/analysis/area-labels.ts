import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeoFeature } from '../data/schema';

/** six decimals (~0.1 m), as geo/ is written */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

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
      // What a label draws and is styled by; the record's prose (sources, notes) stays in geo/.
      const { id, kind, class: cls, zone, name_zh, name_en } = f.properties;
      const [lon, lat] = at.geometry.coordinates as [number, number];
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [round6(lon), round6(lat)] }, properties: { id, kind, class: cls, zone, name_zh, name_en } };
    });
  return { type: 'FeatureCollection', features };
}
