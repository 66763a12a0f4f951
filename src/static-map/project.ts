/**
 * Web Mercator (the projection MapLibre draws in) fitted to a bounding box and a pixel frame, north
 * up, the same scale on both axes. Pure arithmetic: runs in node and the browser alike.
 */

export type LonLat = [number, number];
export type Pixel = [number, number];
/** west, south, east, north in degrees */
export type BBox = [number, number, number, number];
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Projection {
  /** lon/lat → pixel (x to the right, y down) */
  project(p: LonLat): Pixel;
  /** pixel → lon/lat */
  invert(p: Pixel): LonLat;
  /** pixels per metre at the equator-scaled Mercator plane (× cos(lat) gives pixels per ground metre) */
  readonly scale: number;
}

const R = 6378137; // WGS84 semi-major axis, as in EPSG:3857
const MAX_LAT = 85.0511287798066;
const rad = Math.PI / 180;

/** EPSG:3857 metres */
export function mercator([lon, lat]: LonLat): [number, number] {
  const phi = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * rad;
  return [R * lon * rad, R * Math.log(Math.tan(Math.PI / 4 + phi / 2))];
}

export function inverseMercator([x, y]: [number, number]): LonLat {
  return [x / R / rad, (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) / rad];
}

const insetsOf = (padding: number | Partial<Insets>): Insets =>
  typeof padding === 'number'
    ? { top: padding, right: padding, bottom: padding, left: padding }
    : { top: 0, right: 0, bottom: 0, left: 0, ...padding };

/**
 * The projection that shows `bbox` as large as fits in `width` × `height` less the padding, centred
 * in what is left. The box touches the padded frame on two opposite sides and is centred on the other axis.
 */
export function fitMercator(bbox: BBox, width: number, height: number, padding: number | Partial<Insets> = 0): Projection {
  const [w, s, e, n] = bbox;
  const pad = insetsOf(padding);
  const [x0, y0] = mercator([w, s]);
  const [x1, y1] = mercator([e, n]);
  const innerW = Math.max(1, width - pad.left - pad.right);
  const innerH = Math.max(1, height - pad.top - pad.bottom);
  const spanX = Math.max(x1 - x0, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  // The centre of the box lands on the centre of the padded frame.
  const cx = pad.left + innerW / 2;
  const cy = pad.top + innerH / 2;
  const mx = (x0 + x1) / 2;
  const my = (y0 + y1) / 2;
  return {
    scale,
    project(p) {
      const [x, y] = mercator(p);
      return [cx + (x - mx) * scale, cy - (y - my) * scale];
    },
    invert([px, py]) {
      return inverseMercator([mx + (px - cx) / scale, my - (py - cy) / scale]);
    },
  };
}

/**
 * The box that `fitMercator` (same frame and padding) turns into a view centred on `center` at
 * `scale` pixels per Mercator metre: how a zoomed or panned view is asked for.
 */
export function viewBBox(center: LonLat, scale: number, width: number, height: number, padding: number | Partial<Insets> = 0): BBox {
  const pad = insetsOf(padding);
  const halfW = Math.max(1, width - pad.left - pad.right) / 2 / scale;
  const halfH = Math.max(1, height - pad.top - pad.bottom) / 2 / scale;
  const [mx, my] = mercator(center);
  const [w, s] = inverseMercator([mx - halfW, my - halfH]);
  const [e, n] = inverseMercator([mx + halfW, my + halfH]);
  return [w, s, e, n];
}
