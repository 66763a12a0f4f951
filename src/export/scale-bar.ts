/** Web Mercator's earth circumference (EPSG:3857 sphere), metres. */
const CIRCUMFERENCE = 2 * Math.PI * 6378137;
/** MapLibre's tiles are 512 px at zoom 0. */
const TILE_SIZE = 512;

/** Ground metres per CSS pixel of a MapLibre map at this zoom and latitude. */
export function metresPerPixel(zoom: number, latitude: number): number {
  return (CIRCUMFERENCE * Math.cos((latitude * Math.PI) / 180)) / (TILE_SIZE * 2 ** zoom);
}

export interface ScaleBar {
  metres: number;
  /** length in CSS pixels */
  pixels: number;
  /** the number to print and its unit */
  value: number;
  unit: 'm' | 'km';
}

/**
 * The longest round length (1, 2, 3 or 5 × 10ⁿ metres, as MapLibre's own scale picks) that fits
 * in `maxPixels`, and how long it is drawn.
 */
export function scaleBar(zoom: number, latitude: number, maxPixels = 100): ScaleBar {
  const mpp = metresPerPixel(zoom, latitude);
  const max = mpp * maxPixels;
  const pow = 10 ** Math.floor(Math.log10(max));
  const step = [5, 3, 2, 1].find((d) => d * pow <= max)!;
  const metres = step * pow;
  return { metres, pixels: metres / mpp, ...(metres >= 1000 ? { value: metres / 1000, unit: 'km' as const } : { value: metres, unit: 'm' as const }) };
}
