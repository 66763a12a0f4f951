import type { Feature, Position } from 'geojson';
import { ImportFailure } from './problem';

/** Web Mercator's sphere (EPSG:3857): metres → degrees. */
const R = 6378137;
const fromMercator = ([x, y]: Position): Position => [((x! / R) * 180) / Math.PI, ((2 * Math.atan(Math.exp(y! / R)) - Math.PI / 2) * 180) / Math.PI];

/** Longitude-latitude systems taken as they are: WGS 84, and CGCS2000 (China's official datum, within centimetres of WGS 84 at a city's scale). */
const AS_IS = /(?:^|[^0-9])(4326|4490|CRS84)$/i;
const MERCATOR = /(?:^|[^0-9])(3857|900913|3785|102100)$/;

/** The `crs` a GeoJSON file declares (the 2008 spec's named form), or null. */
export function declaredCrs(data: unknown): string | null {
  const crs = (data as { crs?: { type?: string; properties?: { name?: unknown } } } | null)?.crs;
  const name = crs?.properties?.name;
  return typeof name === 'string' ? name : null;
}

/**
 * Honours a GeoJSON file's declared `crs`: Web Mercator metres (EPSG:3857, 900913) are converted to
 * degrees; WGS 84 / CRS84 and CGCS2000 (EPSG:4490) are taken as they are; any other projection is
 * refused by name (the map cannot guess its parameters). Returns how the file was read, for the panel.
 */
export function applyCrs(features: Feature[], crs: string | null): 'EPSG:3857' | 'EPSG:4490' | null {
  if (!crs || AS_IS.test(crs)) return crs && /4490$/.test(crs) ? 'EPSG:4490' : null;
  if (!MERCATOR.test(crs)) throw new ImportFailure('unknownCrs', { crs: crs.slice(0, 80) });
  for (const f of features) {
    const g = f?.geometry;
    if (g?.type === 'Point') g.coordinates = fromMercator(g.coordinates);
    else if (g?.type === 'MultiPoint') g.coordinates = g.coordinates.map(fromMercator);
  }
  return 'EPSG:3857';
}
