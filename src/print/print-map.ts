import { bboxClip, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { Catalog } from '../data/catalog';
import type { FeatureKind, GeoFeature } from '../data/schema';
import { fitMercator, inverseMercator, mercator, type BBox } from '../static-map/project';
import { bboxOf, parkBBox, renderStaticMap, staticMapData } from '../static-map/render-svg';

/** The printed map's frame, in SVG units (about 1.1 px a millimetre across an A4 sheet's text width). */
export const PRINT_MAP_SIZE = { width: 760, height: 336 } as const;
/** How much ground a point feature's map shows around it, at least (metres from the centre to each side). */
const POINT_RADIUS_M = 900;

/**
 * The box a print frames a feature in: an area or line with a margin around it, a point with its
 * neighbourhood (its nearest station, the buildings around), the whole park for what is not located.
 */
export function printFrame(feature: GeoFeature, parkBox: BBox): BBox {
  if (!feature.geometry) return parkBox;
  const [w, s, e, n] = bboxOf([feature]);
  const [x0, y0] = mercator([w, s]);
  const [x1, y1] = mercator([e, n]);
  // Mercator metres stretch with latitude: a ground distance is scaled by 1/cos(lat).
  const stretch = 1 / Math.cos((((s + n) / 2) * Math.PI) / 180);
  const margin = Math.max((x1 - x0) * 0.12, (y1 - y0) * 0.12, feature.geometry.type === 'Point' ? POINT_RADIUS_M * stretch : 150 * stretch);
  const [ww, ss] = inverseMercator([x0 - margin, y0 - margin]);
  const [ee, nn] = inverseMercator([x1 + margin, y1 + margin]);
  return [ww, ss, ee, nn];
}

const PADDING = 10;

type Clippable = Feature<LineString | MultiLineString | Polygon | MultiPolygon>;
/**
 * A feature cut to a box (turf's bboxClip) and simplified to `tolerance` degrees (about a pixel of
 * the picture: finer detail does not show), its properties kept; null geometry if nothing is left.
 */
function clipped(f: GeoFeature, box: BBox, tolerance: number): GeoFeature {
  const cut = bboxClip(f as unknown as Clippable, box);
  const coords = cut.geometry.coordinates as unknown[];
  if (!coords.length) return { ...f, geometry: null } as GeoFeature;
  const out = simplify(cut, { tolerance, highQuality: false, mutate: true });
  return { ...f, geometry: out.geometry } as GeoFeature;
}

const overlaps = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

export interface PrintMapOptions {
  lang: 'zh' | 'en';
  title: string;
  kindNames: Partial<Record<FeatureKind, string>>;
}

/**
 * The feature on its own map, highlighted, as a vector SVG picture (the no-WebGL drawing's
 * renderer, not interactive); null for a feature with no position (nothing to show it on).
 */
export function printMapSvg(catalog: Catalog, areaLabels: FeatureCollection<Point>, feature: GeoFeature, options: PrintMapOptions): string | null {
  if (!feature.geometry) return null;
  const all = staticMapData(catalog, areaLabels);
  const frame = printFrame(feature, parkBBox(all));
  // Only what shows: a page carries the drawing four times (zh/en × phone/desktop). Lines and
  // areas are cut a little outside the visible picture, so no cut edge is drawn.
  const { width, height } = PRINT_MAP_SIZE;
  const fit = fitMercator(frame, width, height, PADDING);
  const [w, n] = fit.invert([-20, -20]);
  const [e, s] = fit.invert([width + 20, height + 20]);
  const seen: BBox = [w, s, e, n];
  const near = (fs: GeoFeature[]) => fs.filter((f) => f.geometry && overlaps(bboxOf([f]), seen));
  const tolerance = (0.6 * (e - w)) / (width + 40);
  const clip = (fs: GeoFeature[]) => near(fs).map((f) => (f.geometry!.type === 'Point' ? f : clipped(f, seen, tolerance))).filter((f) => f.geometry);
  const data = { ...all, districts: clip(all.districts), water: clip(all.water), green: clip(all.green), roads: clip(all.roads), zones: clip(all.zones), lines: clip(all.lines), stations: near(all.stations), buildings: near(all.buildings), places: clip(all.places) };
  return renderStaticMap(data, {
    ...PRINT_MAP_SIZE,
    lang: options.lang,
    selectedId: feature.properties.id,
    title: options.title,
    kindNames: options.kindNames,
    bbox: frame,
    padding: PADDING,
    interactive: false,
  });
}
