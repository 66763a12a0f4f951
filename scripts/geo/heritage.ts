/**
 * geo/heritage.geojson — OpenStreetMap heritage footprints around Changning, and the rule that
 * links some of them to the report's places 愚园路 and 新华路历史文化风貌区 (whose geometry then
 * becomes the extent of what is linked to them).
 *
 * Pure: the OSM extract (research.extra, EXTRA_RESEARCH), the district outline and the places go
 * in; features come out. Plugged into the transform as `placesWithHeritage` (LAYERS), which wraps
 * the places layer: the two linked places need the heritage features, and the rule needs the
 * 新华 block's point as the places layer draws it.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { booleanIntersects, booleanPointInPolygon, buffer, centroid, convex, distance, featureCollection, lineIntersect, lineString, point, pointToLineDistance, rewind } from '@turf/turf';
import { featureSchema, type FeatureProperties, type AuthoredFeature } from '../../src/data/schema.ts';
import { defineLayer, type Layer } from './layer.ts';
import { places } from './places.ts';
import { changningPolygon, extraResearch, road } from './research.ts';

/** Where the extract comes from (../shared/osm/README.md); a path under ../shared and geo/research/ (EXTRA_RESEARCH). */
export const OSM_FILE = 'osm/osm-heritage-changning.geojson';
export const OSM_SOURCE =
  'OpenStreetMap (© OpenStreetMap contributors, ODbL 1.0), overpass-turbo export of 2025-09-12: GitHub hui5/shanghai-heritage-map @ dbcbbb5cde2abd923b3836aff861bc9f444dab3e public/data/645_release/openstreetmap.geojson';
export const OSM_COPY = `geo/research/${OSM_FILE} (verbatim copy; ../shared/osm/README.md)`;

/**
 * Kept: features that touch Changning widened by this margin. 300 m keeps what stands just across
 * the district line (the Jing'an end of 愚园路, both sides of 华山路, 淮海中路 by 交大, 云岭东路 across
 * the creek) — the continuation of what a reader sees at the district's edge — and drops the rest
 * of the extract (the former French Concession, 外滩), which is not this map's subject.
 */
export const MARGIN_M = 300;

/** The OSM tags that make a feature "historic" here; tourism-only points (artwork, galleries) are left out. */
export const isHistoric = (tags: OsmTags): boolean => Boolean(tags.heritage || tags.historic);

export type OsmTags = Record<string, string | number | undefined> & { osm_type: string; osm_id: number };
export type OsmFeature = Feature<Point | Polygon | MultiPolygon, OsmTags>;

/** One link rule per report place: stated in words (link_rule) and as data that the code and the test both apply. */
export interface LinkRule {
  place: string;
  /** a street address beginning with one of these links the feature */
  streets: string[];
  /** or: the feature's centroid is within `withinM` of this anchor */
  anchor: { what: string; geometry: Point | LineString };
  withinM: number;
  /** and, for an area: its centroid is south of this line (the area's stated north edge) */
  southOf?: { what: string; line: Position[] };
  text: string;
}

/**
 * The rules. Both need the feature's centroid inside the Changning outline (the report is about
 * Changning; 愚园路's Jing'an half is drawn but not linked).
 *
 * 愚园路: the drawn line through the Line 2 stations (road-yuyuan; ±50–150 m) and a 150 m band on
 * each side — the same 150 m "north frontage" the east zone takes — which holds the 弄 (lanes)
 * opening onto the road; or an OSM address on 愚园路 (愚园路750弄 …).
 *
 * 新华路历史文化风貌区: its extent was not found. Around the point that marks the 新华 block
 * (E 番禺路, S 新华路, W 定西路, N 延安西路), 600 m reaches 番禺路 (邬达克纪念馆, 番禺路129号,
 * 520 m east) and stops short of the 延安西路 buildings east of 番禺路 (≥ 840 m) and the 兴国路 /
 * 泰安路 lanes (≥ 1 km, the 衡山路–复兴路 area); south of the drawn 延安西路 (the block's north
 * edge), so the 武夷路 and 延安西路 lanes north of it are not taken; or an OSM address on 新华路
 * (新华路593弄 …).
 */
export function linkRules(anchors: { yuyuan: LineString; xinhuaPoint: Point; yanan: Position[] }): LinkRule[] {
  const [x, y] = anchors.xinhuaPoint.coordinates.map((v) => v.toFixed(6));
  return [
    {
      place: 'place-yuyuan-road',
      streets: ['愚园路'],
      anchor: { what: 'the drawn 愚园路 (road-yuyuan)', geometry: anchors.yuyuan },
      withinM: 150,
      text:
        'Linked to 愚园路 because: its centroid is inside Changning, and its OSM addr:street begins with 愚园路 or its centroid is within 150 m of the drawn 愚园路 (road-yuyuan, the line through the Line 2 静安寺, 江苏路 and 中山公园 points).',
    },
    {
      place: 'place-xinhua-road-conservation-area',
      streets: ['新华路'],
      anchor: { what: `the 新华 block point (${x}, ${y})`, geometry: anchors.xinhuaPoint },
      withinM: 600,
      southOf: { what: 'the drawn 延安西路 (road-yanan-west)', line: anchors.yanan },
      text: `Linked to 新华路历史文化风貌区 because: its centroid is inside Changning, and its OSM addr:street begins with 新华路 or its centroid is within 600 m of ${x} E, ${y} N (the point that marked the 新华 block: E 番禺路, S 新华路, W 定西路, N 延安西路) and south of the drawn 延安西路 (road-yanan-west).`,
    },
  ];
}

/** The lat of a line at a longitude (a vertical through it), or null where the line does not reach. */
function latOfLineAt(line: Position[], lon: number): number | null {
  const hits = lineIntersect(lineString(line), lineString([[lon, 30], [lon, 32]])).features;
  return hits.length ? hits[0]!.geometry.coordinates[1]! : null;
}

export function ruleMatches(rule: LinkRule, f: { geometry: Geometry; street?: string }, changning: Polygon | MultiPolygon): boolean {
  const c = centroid(f.geometry as Polygon).geometry.coordinates as [number, number];
  if (!booleanPointInPolygon(c, changning)) return false;
  if (rule.southOf) {
    const lat = latOfLineAt(rule.southOf.line, c[0]);
    if (lat === null || c[1] >= lat) return false;
  }
  if (f.street && rule.streets.some((s) => f.street!.startsWith(s))) return true;
  const g = rule.anchor.geometry;
  const m = g.type === 'Point' ? distance(c, g.coordinates, { units: 'meters' }) : pointToLineDistance(point(c), g, { units: 'meters' });
  return m <= rule.withinM;
}

// ---------------------------------------------------------------------------------------------

const round = (v: number) => Math.round(v * 1e6) / 1e6;
function tidy(g: Point | Polygon | MultiPolygon): Point | Polygon | MultiPolygon {
  if (g.type === 'Point') return { type: 'Point', coordinates: g.coordinates.map(round) };
  const rings = (rs: Position[][]) =>
    rs.map((r) => r.map((p) => p.map(round)).filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]));
  const out: Polygon | MultiPolygon = g.type === 'Polygon' ? { type: 'Polygon', coordinates: rings(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(rings) };
  // RFC 7946: outer rings counter-clockwise.
  return rewind(out) as Polygon | MultiPolygon;
}

/** Property order in the file (readability only); also used for the places that are rewritten. */
const KEY_ORDER: (keyof FeatureProperties)[] = [
  'id', 'kind', 'class', 'name_zh', 'name_en', 'unnamed', 'zone', 'address', 'named_in_report', 'report_name', 'aliases',
  'report_terms', 'line_id', 'lines', 'order', 'in_changning', 'colour', 'confidence', 'schematic', 'osm', 'osm_ref',
  'heritage_list', 'heritage_ref', 'start_date', 'place', 'link_rule', 'identity', 'position', 'notes', 'sources',
];
function feature(props: FeatureProperties, geometry: Geometry | null): AuthoredFeature {
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (props[k] !== undefined) ordered[k] = props[k];
  for (const k of Object.keys(props)) if (!(k in ordered)) throw new Error(`${props.id}: property ${k} has no place in KEY_ORDER`);
  const f = { type: 'Feature', geometry, properties: ordered };
  const parsed = featureSchema.safeParse(f);
  if (!parsed.success) throw new Error(`${props.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return f as AuthoredFeature;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** building, lane-house compound (landuse=residential: a 里弄 / 新村 / villa estate), or a point */
export function classOf(f: OsmFeature): 'building' | 'lane-compound' | 'point' {
  if (f.geometry.type === 'Point') return 'point';
  return f.properties.landuse === 'residential' ? 'lane-compound' : 'building';
}

const CLASS_EN = { building: 'historic building', 'lane-compound': 'historic lane-house compound', point: 'historic site' } as const;
const CLASS_ZH = { building: '历史建筑', 'lane-compound': '历史里弄住宅', point: '历史地点' } as const;

function identityOf(t: OsmTags): string {
  const tags = (['heritage', 'historic'] as const).filter((k) => str(t[k])).map((k) => `${k}=${str(t[k])}`);
  const list = str(t['heritage:operator']);
  const ref = str(t['heritage:ref']);
  const onList = list ? `, on the list ${list}${ref ? ` (ref ${ref})` : ''}` : '';
  return `Tagged ${tags.join(' and ')} in OpenStreetMap${onList}. Context for the report's places; the report does not name it.`;
}

/** The kept features, each linked to at most one place (the first rule that matches). */
export function heritageFeatures(osm: FeatureCollection, changning: Polygon | MultiPolygon, rules: LinkRule[]): AuthoredFeature[] {
  const district: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: changning, properties: {} };
  const widened = buffer(district, MARGIN_M, { units: 'meters' });
  if (!widened) throw new Error('heritage: the widened district is empty');
  const out: AuthoredFeature[] = [];
  for (const f of osm.features as OsmFeature[]) {
    const t = f.properties;
    if (!isHistoric(t) || !booleanIntersects(f, widened)) continue;
    if (!['node', 'way', 'relation'].includes(t.osm_type)) throw new Error(`heritage: unexpected osm_type ${t.osm_type}`);
    const ref = `${t.osm_type}/${t.osm_id}`;
    const cls = classOf(f);
    const zh = str(t['name:zh']) ?? str(t.name);
    const en = str(t['name:en']);
    const street = str(t['addr:street']);
    const number = str(t['addr:housenumber']);
    const rule = rules.find((r) => ruleMatches(r, { geometry: f.geometry, street }, changning));
    const list = str(t['heritage:operator']);
    const vertices = f.geometry.type === 'Point' ? 0 : f.geometry.coordinates.flat(2).length;
    out.push(
      feature(
        {
          id: `heritage-${t.osm_type}-${t.osm_id}`,
          kind: 'heritage',
          class: cls,
          // No English name in OSM: the Chinese name as OSM gives it (never a made-up translation);
          // no name at all: what it is and its OSM id, in each language.
          name_zh: zh ?? `未命名${CLASS_ZH[cls]}（OSM ${t.osm_type} ${t.osm_id}）`,
          name_en: en ?? zh ?? `Unnamed ${CLASS_EN[cls]} (OSM ${t.osm_type} ${t.osm_id})`,
          ...(zh || en ? {} : { unnamed: true }),
          ...(street ? { address: `${street}${number ? `${number}${/\d$/.test(number) ? '号' : ''}` : ''}` } : {}),
          named_in_report: false,
          // A footprint traced in OSM; a node stands for a building whose outline is not mapped.
          confidence: f.geometry.type === 'Point' ? 'medium' : 'high',
          osm: true,
          osm_ref: ref,
          ...(list ? { heritage_list: list } : {}),
          ...(str(t['heritage:ref']) ? { heritage_ref: str(t['heritage:ref']) } : {}),
          ...(str(t.start_date) ? { start_date: str(t.start_date) } : {}),
          ...(rule ? { place: rule.place, link_rule: rule.text } : {}),
          identity: identityOf(t),
          position:
            f.geometry.type === 'Point'
              ? `OpenStreetMap node ${t.osm_id} as mapped (WGS84, no datum shift); rounded to 6 decimals.`
              : `OpenStreetMap ${t.osm_type} ${t.osm_id}: the footprint as mapped, ${vertices} vertices (WGS84, no datum shift); rounded to 6 decimals.`,
          ...(str(t.old_name) ? { notes: `Former name in OSM: ${str(t.old_name)}.` } : {}),
          sources: [OSM_SOURCE, OSM_COPY],
        },
        tidy(f.geometry),
      ),
    );
  }
  return out.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
}

/**
 * The convex hull of the linked features. Their coordinates are already rounded, so the hull's
 * corners are their own vertices and nothing of them falls outside it (the few corners keep the
 * start-up data light).
 */
export function extentOf(linked: AuthoredFeature[]): Polygon {
  const hull = convex(featureCollection(linked as Feature[]));
  if (!hull) throw new Error('heritage: fewer than three distinct positions to take an extent of');
  return tidy(hull.geometry) as Polygon;
}

/**
 * A report place drawn by the extent of its linked heritage features: same identity, new geometry,
 * a position text that says so (and that the place is still our reading of the report), OSM credited.
 */
export function placeByExtent(place: AuthoredFeature, features: AuthoredFeature[], rule: LinkRule): AuthoredFeature {
  const linked = features.filter((f) => f.properties.place === place.properties.id);
  if (linked.length < 2) throw new Error(`${place.properties.id}: only ${linked.length} heritage feature(s) linked; an extent needs more`);
  const p = place.properties;
  const before = p.position.replace(/\s*Datum: WGS84\.$/, '');
  const position =
    `Our interpretation of the report's wording: drawn as the extent of the ${linked.length} OpenStreetMap heritage features linked to it ` +
    `(their convex hull; the rule is in link_rule). Not an official boundary. Before the link it was drawn from: ${before} Datum: WGS84.`;
  return feature(
    {
      ...p,
      osm: true,
      link_rule: rule.text,
      position,
      sources: [...p.sources, OSM_SOURCE],
    },
    extentOf(linked),
  );
}

/**
 * The places layer with geo/heritage.geojson beside it: the heritage features kept and linked, and
 * the two linked places drawn by their extent.
 */
export const placesWithHeritage: Layer = defineLayer<Record<string, unknown>>({
  sources: places.sources,
  build(ctx, sources) {
    const out = places.build(ctx, sources);
    const osm = extraResearch<FeatureCollection>(ctx.research, OSM_FILE);
    const placeFeatures = out['places.geojson']!;
    const placeById = (id: string) => {
      const f = placeFeatures.find((p) => p.properties.id === id);
      if (!f) throw new Error(`heritage: no ${id} in places`);
      return f;
    };
    const rules = linkRules({
      yuyuan: { type: 'LineString', coordinates: road(ctx.research, '愚园路') },
      xinhuaPoint: placeById('place-xinhua-road-conservation-area').geometry as Point,
      yanan: road(ctx.research, '延安西路'),
    });
    const heritage = heritageFeatures(osm, changningPolygon(ctx.research), rules);
    return {
      ...out,
      'places.geojson': placeFeatures.map((f) => {
        const rule = rules.find((r) => r.place === f.properties.id);
        return rule ? placeByExtent(f, heritage, rule) : f;
      }),
      'heritage.geojson': heritage,
    };
  },
});
