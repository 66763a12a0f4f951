import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

/**
 * Synthetic test sites: N seeded random points inside a polygon (the Changning district), for
 * testing how the map scales. Pure — no DOM, no map — and deterministic: the same polygon, count
 * and seed always give the same points in the same order, so site #n is the same site on every
 * load and in every browser, and a link to it stays valid.
 *
 * Never on by default: the app turns it on only for `?synthetic=N` (see active.ts).
 */

/** The most sites the URL may ask for; a larger N is capped to this. */
export const MAX_SYNTHETIC_SITES = 200_000;
/** The fixed seed: one set of sites for every N (the first 1,000 of 10,000 are the 1,000). */
export const SYNTHETIC_SEED = 0x5eed_2023;

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `?synthetic=N` → N (capped at MAX_SYNTHETIC_SITES), or null when absent, not a whole number or
 * below 1. Only plain digits count ("1e5", "10k", "-3" are ignored).
 */
export function parseSyntheticCount(search: string): number | null {
  const raw = new URLSearchParams(search).get('synthetic');
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= 1 ? Math.min(n, MAX_SYNTHETIC_SITES) : null;
}

/** The selection id of site #n ("synthetic-site-123"); never collides with a geo/ id. */
export const siteId = (n: number) => `synthetic-site-${n}`;

/** Site number from a selection id, or null if the id is not a synthetic site's. */
export function siteNumberOf(id: string | null | undefined): number | null {
  const m = id ? /^synthetic-site-(\d+)$/.exec(id) : null;
  return m ? Number(m[1]) : null;
}

/**
 * A point-in-polygon test prepared once for many points: every ring's edges sorted into
 * horizontal bands, so a test looks only at the few edges whose latitude span covers the point's
 * (even–odd rule over all rings, so holes and multipolygons work). For the district's ~400
 * vertices this is ~20× fewer edge tests than a plain ray cast over every edge.
 */
export class BandedPolygon {
  readonly bbox: [number, number, number, number];
  private readonly bands: number;
  private readonly bandHeight: number;
  private readonly offsets: Int32Array;
  private readonly edges: Float64Array;

  constructor(geometry: Polygon | MultiPolygon, bands = 128) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const all: number[][] = [];
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i]! as [number, number];
          const [x2, y2] = ring[i + 1]! as [number, number];
          all.push([x1, y1, x2, y2]);
          w = Math.min(w, x1, x2);
          e = Math.max(e, x1, x2);
          s = Math.min(s, y1, y2);
          n = Math.max(n, y1, y2);
        }
      }
    }
    if (all.length === 0) throw new Error('BandedPolygon: the polygon has no edges');
    this.edgeCount = all.length;
    this.bbox = [w, s, e, n];
    this.bands = bands;
    this.bandHeight = (n - s) / bands || 1;
    const perBand: number[][][] = Array.from({ length: bands }, () => []);
    for (const edge of all) {
      const [lo, hi] = [this.band(Math.min(edge[1]!, edge[3]!)), this.band(Math.max(edge[1]!, edge[3]!))];
      for (let b = lo; b <= hi; b++) perBand[b]!.push(edge);
    }
    this.offsets = new Int32Array(bands + 1);
    let total = 0;
    perBand.forEach((list, b) => {
      this.offsets[b] = total;
      total += list.length;
    });
    this.offsets[bands] = total;
    this.edges = new Float64Array(total * 4);
    let k = 0;
    for (const list of perBand) for (const edge of list) for (const v of edge) this.edges[k++] = v;
  }

  /** the most edges one `contains` call can look at (its band's), against `edgeCount` for a plain ring walk */
  get busiestBand(): number {
    let most = 0;
    for (let b = 0; b < this.bands; b++) most = Math.max(most, this.offsets[b + 1]! - this.offsets[b]!);
    return most;
  }

  /** the polygon's edges (an edge spanning several bands counts once) */
  readonly edgeCount: number;

  private band(y: number): number {
    return Math.max(0, Math.min(Math.floor((y - this.bbox[1]) / this.bandHeight), this.bands - 1));
  }

  contains(x: number, y: number): boolean {
    const [w, s, e, n] = this.bbox;
    if (x < w || x > e || y < s || y > n) return false;
    const b = this.band(y);
    const edges = this.edges;
    let inside = false;
    for (let i = this.offsets[b]! * 4, end = this.offsets[b + 1]! * 4; i < end; i += 4) {
      const y1 = edges[i + 1]!;
      const y2 = edges[i + 3]!;
      if (y1 > y !== y2 > y) {
        const x1 = edges[i]!;
        if (x < x1 + ((y - y1) * (edges[i + 2]! - x1)) / (y2 - y1)) inside = !inside;
      }
    }
    return inside;
  }
}

export interface SyntheticSites {
  count: number;
  seed: number;
  /** [lon0, lat0, lon1, lat1, …]: site #n is at index 2(n−1) */
  coords: Float64Array;
}

/**
 * `count` points uniformly distributed inside `area`, by rejection sampling in its bounding box
 * with a seeded PRNG. Site numbers run 1…count in generation order.
 */
export function generateSites(area: Polygon | MultiPolygon | BandedPolygon, count: number, seed = SYNTHETIC_SEED): SyntheticSites {
  if (!Number.isInteger(count) || count < 0) throw new Error(`generateSites: count must be a whole number ≥ 0, not ${count}`);
  const polygon = area instanceof BandedPolygon ? area : new BandedPolygon(area);
  const [w, s, e, n] = polygon.bbox;
  const random = mulberry32(seed);
  const coords = new Float64Array(count * 2);
  let made = 0;
  let tries = 0;
  const limit = count * 1000 + 1000;
  while (made < count) {
    if (++tries > limit) throw new Error('generateSites: the polygon covers almost none of its bounding box');
    const x = w + random() * (e - w);
    const y = s + random() * (n - s);
    if (!polygon.contains(x, y)) continue;
    coords[made * 2] = x;
    coords[made * 2 + 1] = y;
    made++;
  }
  return { count, seed, coords };
}

/** Site #n's position, [lon, lat]; null outside 1…count. */
export function siteAt(sites: SyntheticSites, n: number): [number, number] | null {
  if (!Number.isInteger(n) || n < 1 || n > sites.count) return null;
  return [sites.coords[(n - 1) * 2]!, sites.coords[(n - 1) * 2 + 1]!];
}

/**
 * The sites as GeoJSON for a clustered MapLibre source: the feature id is the site number, and
 * there are no properties — at 100,000 sites every object per feature is paid for three times
 * (MapLibre serialises it to its worker, the worker rebuilds and collects it).
 */
export function sitesToGeoJSON(sites: SyntheticSites): FeatureCollection<Point, null> {
  const features = new Array(sites.count);
  for (let i = 0; i < sites.count; i++) {
    features[i] = { type: 'Feature', id: i + 1, geometry: { type: 'Point', coordinates: [sites.coords[i * 2]!, sites.coords[i * 2 + 1]!] }, properties: null };
  }
  return { type: 'FeatureCollection', features };
}

