/** The key of the map view in the URL's hash: `#map=zoom/lat/lon`. */
export const MAP_HASH_KEY = 'map';
/** The map's zoom range (the district to a building's entrance). */
export const ZOOM_RANGE: [number, number] = [10, 18];

/**
 * The map view a link carries in `#map=zoom/lat/lon[/bearing[/pitch]]` (MapLibre's named hash),
 * made safe before MapLibre reads it: a zoom past the map's range is clamped into it, a view that
 * names no place on Earth (`#map=abc`, `#map=99/999/999`) is dropped so the map opens on the park.
 * (MapLibre ignores such a hash, but the page would still think it had been given a view.)
 */
export function sanitizeMapHash(hash: string, key: string, [minZoom, maxZoom]: [number, number]): { hash: string; hasView: boolean } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(key);
  if (value === null) return { hash, hasView: false };
  const parts = value.split('/').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts;
  const valid = parts.length >= 3 && parts.length <= 5 && parts.every(Number.isFinite) && Math.abs(lat!) <= 90 && Math.abs(lon!) <= 180;
  if (!valid) {
    params.delete(key);
    return { hash: format(params), hasView: false };
  }
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const view = [clamp(zoom!, minZoom, maxZoom), lat!, lon!];
  const b = clamp(bearing, -180, 180);
  const p = clamp(pitch, 0, 60);
  if (b || p) view.push(b);
  if (p) view.push(p);
  params.set(key, view.join('/'));
  return { hash: format(params), hasView: true };
}

// As MapLibre writes it: slashes unescaped, no trailing "=" for a bare key.
const format = (params: URLSearchParams) => {
  const s = decodeURIComponent(params.toString()).replace(/=&/g, '&').replace(/=$/, '');
  return s ? `#${s}` : '';
};

/** Whether the page's URL carries a usable map view (the map opens there rather than on the park). */
export const linkHasMapView = (hash: string) => sanitizeMapHash(hash, MAP_HASH_KEY, ZOOM_RANGE).hasView;
