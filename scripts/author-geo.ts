/**
 * Authors every geo/*.geojson file from the shared research facts.
 *
 *   npx tsx scripts/author-geo.ts            (reads ../shared, or $SHARED_DIR)
 *
 * Inputs: geo-facts.json, geo-facts-2.json and basemap-facts.json (WGS84 already; see their .md
 * companions for sources and datums). They are copied verbatim into geo/research/ so the data tests
 * can compare against them without ../shared.
 *
 * Everything decided by hand — zone outlines, inferred building positions, ids, English names,
 * aliases, confidence — is data in this file, each with the reason next to it. The script is
 * deterministic: same inputs, byte-identical outputs. It refuses to write anything that fails the
 * schema or the spatial checks at the bottom (zones inside Changning, not overlapping, holding the
 * buildings and places assigned to them).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import {
  area,
  booleanPointInPolygon,
  circle,
  destination,
  difference,
  distance,
  featureCollection,
  intersect,
  lineIntersect,
  lineSlice,
  lineString,
  point,
  polygon,
  rewind,
  union,
} from '@turf/turf';
import { featureSchema, type Confidence, type FeatureProperties, type GeoFeature, type ZoneId } from '../src/data/schema.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.SHARED_DIR ?? resolve(ROOT, '../shared'));
const GEO = resolve(ROOT, 'geo');
const RESEARCH_FILES = ['geo-facts.json', 'geo-facts-2.json', 'basemap-facts.json'] as const;

// ---------------------------------------------------------------------------------------------
// Research file shapes (only the fields used here)
// ---------------------------------------------------------------------------------------------

interface GfStation {
  name_zh: string;
  name_en: string;
  station_code: string;
  lines: string;
  location: string;
  lon: number;
  lat: number;
  crosscheck_sep_m: number;
  in_changning: boolean;
  on_line2: boolean;
  confidence: string;
}
interface GfPlace {
  name_zh: string;
  lon: number | null;
  lat: number | null;
  line?: Position[];
}
interface GeoFacts {
  stations: GfStation[];
  line2_track: { vertices: { lon: number; lat: number; note: string }[] };
  changning_district: { ring: Position[]; official_area_km2: number; ring_area_km2: number };
  hongqiao_airport: { reference_point: { lon: number; lat: number } };
  silicon_alley: { ring: Position[] };
  places: GfPlace[];
}
interface G2Place {
  name_zh: string;
  lon: number | null;
  lat: number | null;
}
interface GeoFacts2 {
  places: G2Place[];
  metro_line2: { colour_hex: string };
}
interface BmItem {
  adcode?: number;
  name_zh: string;
  name_en: string;
  class: string;
  geometry: Geometry;
  source: string;
  license_attribution: string;
  confidence: string;
  osm_way_ids?: number[];
  approx_radius_m?: number | null;
}
interface Basemap {
  layers: { districts: BmItem[]; roads: BmItem[]; green: BmItem[]; airport: BmItem[]; creek: BmItem; line2_track: BmItem };
}

function readResearch<T>(name: string): T {
  return JSON.parse(readFileSync(resolve(SHARED, name), 'utf8')) as T;
}

const gf = readResearch<GeoFacts>('geo-facts.json');
const gf2 = readResearch<GeoFacts2>('geo-facts-2.json');
const bm = readResearch<Basemap>('basemap-facts.json');

/** The one item whose name_zh matches; a renamed or missing research entry stops the script. */
function byName<T extends { name_zh: string }>(items: readonly T[], nameZh: string, what: string): T {
  const found = items.filter((i) => i.name_zh === nameZh);
  if (found.length !== 1) throw new Error(`${what}: expected exactly one "${nameZh}", found ${found.length}`);
  return found[0]!;
}
function lonLat(p: { lon: number | null; lat: number | null; name_zh: string }): Position {
  if (p.lon === null || p.lat === null) throw new Error(`${p.name_zh} has no point in the research`);
  return [p.lon, p.lat];
}
function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i < 0 ? xs.length + i : i];
  if (x === undefined) throw new Error(`index ${i} out of range (${xs.length})`);
  return x;
}
function lineCoords(item: BmItem): Position[] {
  if (item.geometry.type !== 'LineString') throw new Error(`${item.name_zh} is not a LineString`);
  return item.geometry.coordinates;
}
function pointCoords(item: BmItem): Position {
  if (item.geometry.type !== 'Point') throw new Error(`${item.name_zh} is not a Point`);
  return item.geometry.coordinates;
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers
// ---------------------------------------------------------------------------------------------

const r6 = (n: number): number => {
  const v = Math.round(n * 1e6) / 1e6;
  return Object.is(v, -0) ? 0 : v;
};
function roundPositions(ps: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ps) {
    const q = [r6(at(p, 0)), r6(at(p, 1))];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}
/** 6-decimal coordinates (≈0.1 m), consecutive duplicates removed, rings counter-clockwise (RFC 7946). */
function tidy(g: Geometry): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: [r6(at(g.coordinates, 0)), r6(at(g.coordinates, 1))] };
    case 'LineString':
      return { type: 'LineString', coordinates: roundPositions(g.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: g.coordinates.map(roundPositions) };
    case 'Polygon':
      return rewind<Polygon>({ type: 'Polygon', coordinates: g.coordinates.map(roundPositions) }) as Polygon;
    case 'MultiPolygon':
      return rewind<MultiPolygon>({ type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(roundPositions)) }) as MultiPolygon;
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}
/** A position moved `metres` along a compass bearing (0 = north, 90 = east). */
function shift(p: Position, metres: number, bearing: number): Position {
  return destination(p, metres, bearing, { units: 'meters' }).geometry.coordinates;
}
const shiftAll = (ps: Position[], metres: number, bearing: number): Position[] => ps.map((p) => shift(p, metres, bearing));
/** The single crossing of two polylines (throws unless there is exactly one). */
function crossing(a: Position[], b: Position[], what: string): Position {
  const hits = lineIntersect(lineString(a), lineString(b)).features;
  if (hits.length !== 1) throw new Error(`${what}: expected one crossing, found ${hits.length}`);
  return hits[0]!.geometry.coordinates;
}
/** The point of a polyline nearest to `p`. */
function nearestOn(line: Position[], p: Position): Position {
  return at(lineSlice(point(p), point(p), lineString(line)).geometry.coordinates, 0);
}
/** The part of a polyline between the points on it nearest to `from` and `to`, running from → to. */
function slice(line: Position[], from: Position, to: Position): Position[] {
  const part = lineSlice(point(from), point(to), lineString(line)).geometry.coordinates;
  // lineSlice keeps the line's own direction; turn it round when `from` is at its far end
  return distance(at(part, 0), from) <= distance(at(part, -1), from) ? part : [...part].reverse();
}
/** A position `metres` along a polyline from the point on it nearest to `start`, towards its last vertex. */
function alongFrom(line: Position[], start: Position, metres: number): Position {
  const rest = slice(line, start, at(line, -1));
  let left = metres;
  for (let i = 1; i < rest.length; i++) {
    const a = at(rest, i - 1);
    const b = at(rest, i);
    const d = distance(a, b, { units: 'meters' });
    if (d >= left) {
      const t = left / d;
      return [at(a, 0) + (at(b, 0) - at(a, 0)) * t, at(a, 1) + (at(b, 1) - at(a, 1)) * t];
    }
    left -= d;
  }
  throw new Error('alongFrom: line too short');
}
function extendEnd(line: Position[], metres: number): Position[] {
  const a = at(line, -2);
  const b = at(line, -1);
  const d = distance(a, b, { units: 'meters' });
  const t = (d + metres) / d;
  return [...line, [at(a, 0) + (at(b, 0) - at(a, 0)) * t, at(a, 1) + (at(b, 1) - at(a, 1)) * t]];
}
const closeRing = (ps: Position[]): Position[] => [...ps, at(ps, 0)];
const m2ToKm2 = (m2: number): number => Math.round(m2 / 1e4) / 100;

// ---------------------------------------------------------------------------------------------
// Feature assembly
// ---------------------------------------------------------------------------------------------

/** Property order in the files (readability only). */
const KEY_ORDER: (keyof FeatureProperties)[] = [
  'id', 'kind', 'class', 'name_zh', 'name_en', 'zone', 'address', 'named_in_report', 'report_name', 'aliases',
  'report_terms', 'line_id', 'lines', 'order', 'in_changning', 'colour', 'confidence', 'schematic', 'osm',
  'identity', 'position', 'notes', 'sources',
];
function feature(props: FeatureProperties, geometry: Geometry | null): GeoFeature {
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (props[k] !== undefined) ordered[k] = props[k];
  const f = { type: 'Feature', geometry: geometry ? tidy(geometry) : null, properties: ordered };
  const parsed = featureSchema.safeParse(f);
  if (!parsed.success) throw new Error(`${props.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return f as GeoFeature;
}

/**
 * The research gives ranges such as "medium-low"; the schema has three levels. The lower end of a
 * range is used throughout, so no feature claims more than its weakest reading.
 */
function conf(s: string): Confidence {
  const t = s.trim().toLowerCase();
  if (t.startsWith('high')) return 'high';
  if (t.startsWith('medium-low') || t.startsWith('medium–low')) return 'low';
  if (t.startsWith('medium')) return 'medium';
  return 'low';
}

/** Citations used more than once. */
const SRC = {
  datav: (adcode: number) => `GitHub tnnevol/gmap ${adcode}.json (DataV-style district outline, GCJ-02)`,
  lbs: 'GitHub hbl28167-glitch/LBS-Master data/processed/roads_gcj.geojson @5da500ae (OpenStreetMap via Overpass, GCJ-02)',
  evdata: 'GitHub Eward5513/EVData traffic_light/frontend/intersections.geojson (OpenStreetMap, WGS84)',
  baidu: 'GitHub yaozhou/trans js/line.js (Baidu per-line metro stops, BD-09)',
  amap: 'GitHub yingh777706/shanghai-metro-viz 空间数据/shanghai_metro_lines.geojson (Amap station points, GCJ-02; cross-check)',
  markers: 'GitHub rsvici/work_cn map/js/marker.js (AMap markers, GCJ-02)',
  business: 'GitHub rsvici/work changning/libs/business.js (AMap positions, GCJ-02)',
  palette: 'GitHub railmapgen/rmg src/panels/colour-diag/colours/shanghai.ts (Line 2 colour)',
  ourairports: 'OurAirports-style airport list in a public repository (WGS84), via geo-facts.md §4',
} as const;

const WGS_NOTE = 'Datum: WGS84.';

// ---------------------------------------------------------------------------------------------
// districts.geojson
// ---------------------------------------------------------------------------------------------

/** adcode → id slug and role on the map. Focus: the park's district; neighbours share a border. */
const DISTRICTS: Record<number, { slug: string; cls: 'focus' | 'neighbour' | 'context' }> = {
  310105: { slug: 'changning', cls: 'focus' },
  310107: { slug: 'putuo', cls: 'neighbour' },
  310106: { slug: 'jingan', cls: 'neighbour' },
  310104: { slug: 'xuhui', cls: 'neighbour' },
  310112: { slug: 'minhang', cls: 'neighbour' },
  310114: { slug: 'jiading', cls: 'context' },
  310101: { slug: 'huangpu', cls: 'context' },
  310118: { slug: 'qingpu', cls: 'context' },
};

const changningRing = gf.changning_district.ring;
const changningPolygon = polygon([changningRing]);

function districtFeatures(): GeoFeature[] {
  return bm.layers.districts.map((d) => {
    const adcode = d.adcode;
    const meta = adcode !== undefined ? DISTRICTS[adcode] : undefined;
    if (!meta || adcode === undefined) throw new Error(`unknown district ${d.name_zh}`);
    const focus = meta.cls === 'focus';
    const km2 = m2ToKm2(area(d.geometry as Polygon | MultiPolygon));
    return feature(
      {
        id: `district-${meta.slug}`,
        kind: 'district',
        class: meta.cls,
        name_zh: d.name_zh,
        name_en: d.name_en,
        named_in_report: focus,
        ...(focus ? { report_name: '长宁区' } : {}),
        confidence: 'medium',
        identity: focus
          ? 'Changning District, where all of 张江长宁园 lies; the report names it (长宁区城市更新, 上海市长宁区生境花园…).'
          : meta.cls === 'neighbour'
            ? 'A district bordering Changning, drawn for orientation.'
            : 'A district inside the map frame but not bordering Changning, drawn so the frame has no holes.',
        position: focus
          ? `DataV-style outline (GCJ-02) converted to WGS84 with gcoord 1.0.7 by the research; 353 vertices, not clipped. ` +
            `Generalised: ±30–100 m from the legal line. Area ${km2} km² against the official ${gf.changning_district.official_area_km2} km².`
          : `DataV-style outline (GCJ-02) converted to WGS84 with gcoord 1.0.7 by the research and clipped to the map frame ` +
            `(121.31–121.46 E, 31.17–31.26 N; ${km2} km² inside it). Shared edges with Changning agree within a few metres.`,
        sources: [SRC.datav(adcode), focus ? 'geo-facts.md §4' : 'basemap-facts.md §2 districts'],
      },
      d.geometry,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// roads.geojson
// ---------------------------------------------------------------------------------------------

/**
 * One entry per basemap road (keyed by its name_zh): id and how the line was made, in our words.
 * confidence/schematic follow the research's rating (lower end of a range); `schematic` is set for
 * every road rated low, because those are straight lines between anchors, not traced streets.
 */
const ROADS: Record<string, { id: string; position: string }> = {
  延安高架路: {
    id: 'road-yanan-elevated',
    position: 'OpenStreetMap ways (one carriageway) shifted back from GCJ-02 to WGS84 (round trip < 1 m) and simplified at 15 m; gaps under 0.4 km at the Inner Ring interchange bridged straight. Ends at about 娄山关路 (lon 121.4006).',
  },
  '延安高架路（西段）': {
    id: 'road-yanan-elevated-west',
    position: 'Drawn through the ends of OpenStreetMap slip roads and an unnamed primary way beside the viaduct, so it may sit 30–80 m off the deck. Stops at lon 121.378; the last ~2.5 km to T1 is not drawn.',
  },
  '内环高架路（中山西路段）': {
    id: 'road-inner-ring',
    position: 'OpenStreetMap ways over 中山西路 from the Suzhou Creek crossing to 武夷路, shifted back from GCJ-02 to WGS84 and simplified at 15 m.',
  },
  '内环高架路（中山西路—中山南二路，示意）': {
    id: 'road-inner-ring-south',
    position: 'Placeholder: straight lines from the end of the OpenStreetMap section past the Line 3/4 虹桥路 and 宜山路 stops to an OpenStreetMap way near 漕溪路; ±200–400 m between the end points.',
  },
  天山路: {
    id: 'road-tianshan',
    position: 'Straight lines through Line 2 points under the road (track vertex at the 娄山关路 box, 娄山关路 and 威宁路 stations), the 长宁图书馆 marker and 缤谷广场 (天山路341号). East end near 凯旋路 inferred. ±50–150 m.',
  },
  天山西路: {
    id: 'road-tianshan-west',
    position: 'East of lon 121.344: straight through the 威宁路, 北新泾 and 淞虹路 stations (Line 2 runs under the road; ±50 m). West of it: the averaged centreline of both OpenStreetMap carriageways (native WGS84). Strictly the road starts at 北虹路, not 威宁路.',
  },
  愚园路: {
    id: 'road-yuyuan',
    position: 'Straight lines through the Line 2 静安寺, 江苏路 and 中山公园 points (Line 2 runs under the road); east end near 常德路 inferred. ±50–150 m.',
  },
  长宁路: {
    id: 'road-changning',
    position: 'Only ~1 km around 中山公园: 长宁路865号 (inferred), the Line 2 and Line 3/4 中山公园 stations and 来福士 on the 凯旋路 corner. The long western part is not drawn.',
  },
  延安西路: {
    id: 'road-yanan-west',
    position: 'East tip: its own OpenStreetMap way. West of 江苏路 the ground road runs under 延安高架, so the viaduct line is reused. From 华山路 to about 娄山关路.',
  },
  凯旋路: {
    id: 'road-kaixuan',
    position: 'Straight lines through the Line 3/4 stops 中山公园, 延安西路 and 虹桥路 (the Line 3/4 viaduct stands over 凯旋路). ±50–100 m.',
  },
  江苏路: {
    id: 'road-jiangsu',
    position: 'Straight line from the Line 11 江苏路 stop (its box lies under the road) to the 江苏路/延安西路 corner of the 上海硅巷 outline. 愚园路 to 延安西路 only.',
  },
  虹桥路: {
    id: 'road-hongqiao',
    position: 'Straight lines through the Line 9 徐家汇 and Line 10 stops named after its cross streets (Line 10 runs under the road) to T1 (虹桥路2550号). ±50–150 m; the bend between 伊犁路 and 水城路 may differ by ~100 m.',
  },
  娄山关路: {
    id: 'road-loushanguan',
    position: 'Straight lines from the 娄山关路 station through 金虹桥国际中心 (523号) and 东方国际大厦 (85号) to where it meets 延安高架 (inferred). Buildings stand 30–80 m off the kerb.',
  },
  仙霞路: {
    id: 'road-xianxia',
    position: 'One straight line, 3.4 km, from 尚嘉中心 (仙霞路99号) to the east end of the OpenStreetMap 仙霞西路 at 剑河路.',
  },
  仙霞西路: {
    id: 'road-xianxia-west',
    position: 'Averaged centreline of OpenStreetMap ways (native WGS84), 绥宁路 to 剑河路, simplified at 10 m.',
  },
  淞虹路: {
    id: 'road-songhong',
    position: 'OpenStreetMap piece north of 天山西路 (native WGS84) plus 光大安石虹桥中心 (淞虹路377号). Only ~0.8 km is drawn.',
  },
  武夷路: {
    id: 'road-wuyi',
    position: 'West end from an OpenStreetMap way; the rest is the east–west middle axis of the 上海硅巷 block, where 武夷路 runs. ±100–150 m.',
  },
  定西路: {
    id: 'road-dingxi',
    position: 'The north–south axis of the 上海硅巷 block through inferred places on 定西路. 愚园路 to 延安西路 only; ±150 m.',
  },
  '中环路（北虹路段，示意）': {
    id: 'road-middle-ring',
    position: 'Placeholder: straight north–south from the Line 13 真北路 stop, through the 天山路→天山西路 change between the 威宁路 and 北新泾 stations, to the 延安高架 corridor. ±300 m away from the northern anchor.',
  },
  '外环高速 S20（北翟路以北，示意）': {
    id: 'road-outer-ring',
    position: 'Placeholder between the OpenStreetMap ramp ends of the 曹安公路 and 北翟路 interchanges. ±150 m. South of 北翟路 not drawn.',
  },
};

function roadSources(r: BmItem): string[] {
  const s = r.source;
  const out: string[] = [];
  if (s.includes('LBS-Master')) out.push(r.osm_way_ids?.length ? `${SRC.lbs}; OSM ways ${r.osm_way_ids.join(', ')}` : SRC.lbs);
  if (s.includes('EVData')) out.push(SRC.evdata);
  if (s.includes('yaozhou/trans') || /Line (3\/4|9|10|11|13)/.test(s)) out.push(SRC.baidu);
  if (s.includes('rsvici')) out.push(SRC.markers);
  if (s.includes('geo-facts')) out.push('geo-facts.json / geo-facts-2.json (station and building points)');
  out.push('basemap-facts.md §2 roads');
  return out;
}

function roadFeatures(): GeoFeature[] {
  const seen = new Set<string>();
  const out = bm.layers.roads.map((r) => {
    const d = ROADS[r.name_zh];
    if (!d) throw new Error(`road "${r.name_zh}" has no entry in ROADS`);
    seen.add(r.name_zh);
    const c = conf(r.confidence);
    // Geometry that derives from OpenStreetMap, even only its end points, must be credited.
    const osm = /OpenStreetMap|\bOSM\b/.test(`${r.source} ${r.license_attribution}`);
    return feature(
      {
        id: d.id,
        kind: 'road',
        class: r.class,
        name_zh: r.name_zh,
        name_en: r.name_en,
        named_in_report: false,
        confidence: c,
        ...(c === 'low' ? { schematic: true } : {}),
        ...(osm ? { osm: true } : {}),
        identity: 'Basemap street, drawn for orientation.',
        position: `${d.position} ${WGS_NOTE}`,
        ...(r.name_zh === '愚园路'
          ? { notes: 'The report names 愚园路; that link is carried by place-yuyuan-road, so the text links to one feature.' }
          : {}),
        sources: roadSources(r),
      },
      r.geometry,
    );
  });
  for (const k of Object.keys(ROADS)) if (!seen.has(k)) throw new Error(`ROADS entry "${k}" matches no basemap road`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// water.geojson
// ---------------------------------------------------------------------------------------------

function waterFeatures(): GeoFeature[] {
  const c = bm.layers.creek;
  return [
    feature(
      {
        id: 'water-suzhou-creek',
        kind: 'water',
        class: 'river',
        name_zh: c.name_zh,
        name_en: c.name_en,
        named_in_report: false,
        confidence: 'low',
        identity: 'Suzhou Creek (苏州河 / 吴淞江) forms Changning’s northern border with Putuo; drawn for orientation.',
        position:
          'Not a river centreline: the Changning–Putuo district line, which officially follows the river (DataV-style outline, GCJ-02 → WGS84). ' +
          '90 vertices, 9.36 km, 121.3496–121.4229 E; east of the Putuo/Jing’an tri-point the creek is outside Changning and not drawn.',
        sources: [SRC.datav(310105), 'geo-facts.md §4', 'basemap-facts.md §2 creek'],
      },
      c.geometry,
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// green.geojson — the research has points and an area-derived radius only, so circles are drawn
// ---------------------------------------------------------------------------------------------

const GREEN: Record<string, { id: string; address?: string; radiusM?: number; facts: string; sources: string[] }> = {
  中山公园: {
    id: 'green-zhongshan-park',
    address: '长宁路780号',
    facts: '21.42 ha beside 定西路; the Line 2 box lies under 长宁路 on its south side. Point placed by the research ~300 m NE of the station from the address.',
    sources: ['pages: m.mgksw.com/zh/jingyan/9w43mq.html (area); tatilyerlerim.com/tags-2499.html, weelv.com/qa/10427/48063.html (address)'],
  },
  天山公园: {
    id: 'green-tianshan-park',
    address: '延安西路1731号',
    facts: '6.8 ha between 延安西路 (S) and the Line 3/4 viaduct (E). Point ±150 m.',
    sources: ['pages: lvcheng.com/jingdian/5190.html, caoyuantianlu.org/sight/7239.html'],
  },
  新虹桥中心花园: {
    id: 'green-new-hongqiao-central-garden',
    // No area was found: the circle only marks the spot.
    radiusM: 100,
    facts: 'Only known to lie by 延安西路 at 伊犁路; which side of the road is not established. Point ±300 m; no area found, so the 100 m radius is a placeholder.',
    sources: ['pages: blog.wenxuecity.com (2011-01-28 visit note)', SRC.baidu],
  },
  虹桥公园: {
    id: 'green-hongqiao-park',
    address: '遵义路101号（东门）/ 仙霞路127号（南门）',
    facts: '1.87 ha west of 遵义路, north of 仙霞路, south of 紫云西路; placed from its neighbours 尚嘉中心 and 虹桥南丰城. Point ±100 m.',
    sources: ['pages: wuu.wikipedia.org/wiki/虹桥公园, m.qi18.com/jingdian/40/hongqiaogongyuandianhltq'],
  },
};

function greenFeatures(): GeoFeature[] {
  return bm.layers.green.map((g) => {
    const d = GREEN[g.name_zh];
    if (!d) throw new Error(`park "${g.name_zh}" has no entry in GREEN`);
    const radius = g.approx_radius_m ?? d.radiusM;
    if (!radius) throw new Error(`park "${g.name_zh}" has no radius`);
    const centre = pointCoords(g);
    return feature(
      {
        id: d.id,
        kind: 'green',
        class: 'park',
        name_zh: g.name_zh,
        name_en: g.name_en,
        ...(d.address ? { address: d.address } : {}),
        named_in_report: false,
        confidence: 'low',
        schematic: true,
        identity: 'Public park, drawn for orientation.',
        position: `No outline was found: a ${radius} m circle (48 segments) around the research's point [${centre.join(', ')}]. ${d.facts} ${WGS_NOTE}`,
        sources: [...d.sources, 'basemap-facts.md §2 green'],
      },
      circle(centre, radius, { steps: 48, units: 'meters' }).geometry,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// airport.geojson
// ---------------------------------------------------------------------------------------------

const t1 = byName(gf.stations, '虹桥1号航站楼', 'geo-facts stations');
const t2 = byName(gf.stations, '虹桥2号航站楼', 'geo-facts stations');

function airportFeatures(): GeoFeature[] {
  const ref = gf.hongqiao_airport.reference_point;
  const runway = (nameZh: string) => byName(bm.layers.airport, nameZh, 'basemap airport');
  const east = runway('东跑道（原跑道，约3400 m，示意）');
  const west = runway('西跑道（2010年启用，约3300 m，示意）');
  return [
    feature(
      {
        id: 'airport-hongqiao',
        kind: 'airport',
        class: 'reference-point',
        name_zh: '上海虹桥国际机场',
        name_en: 'Shanghai Hongqiao International Airport',
        named_in_report: false,
        confidence: 'medium',
        identity: 'Hongqiao Airport (ZSSS / SHA), the hub the west zone (临空) is named after; drawn for orientation.',
        position: 'Airport reference point from an OurAirports-style list (native WGS84). The Changning/Minhang line runs north–south through the airfield near lon 121.333–121.334.',
        sources: [SRC.ourairports, 'geo-facts.md §4'],
      },
      { type: 'Point', coordinates: [ref.lon, ref.lat] },
    ),
    feature(
      {
        id: 'airport-terminal-1',
        kind: 'airport',
        class: 'terminal',
        name_zh: '虹桥机场1号航站楼',
        name_en: 'Hongqiao Airport Terminal 1',
        address: '虹桥路2550号',
        named_in_report: false,
        lines: [10],
        confidence: 'medium',
        identity: 'Terminal 1, on the Changning side of the airport (in Changning, unlike T2).',
        position: `The Line 10 虹桥1号航站楼 stop (Baidu BD-09 → WGS84; Amap agrees within ${t1.crosscheck_sep_m} m); the terminal building stands beside it, ±200 m.`,
        notes: 'Served by Line 10 only: Line 2 runs 淞虹路 → 虹桥2号航站楼 without stopping here, so this is not a Line 2 station.',
        sources: [SRC.baidu, SRC.amap, 'geo-facts.md §2'],
      },
      { type: 'Point', coordinates: [t1.lon, t1.lat] },
    ),
    feature(
      {
        id: 'airport-terminal-2',
        kind: 'airport',
        class: 'terminal',
        name_zh: '虹桥机场2号航站楼',
        name_en: 'Hongqiao Airport Terminal 2',
        named_in_report: false,
        lines: [2, 10],
        confidence: 'medium',
        identity: 'Terminal 2, in Minhang (新虹街道), the western end of Line 2.',
        position: 'The Line 2 虹桥2号航站楼 stop under the terminal forecourt (Baidu BD-09 → WGS84); providers disagree by ~230 m east–west along the long box, so ±150 m.',
        sources: [SRC.baidu, 'geo-facts.md §2'],
      },
      { type: 'Point', coordinates: [t2.lon, t2.lat] },
    ),
    ...[
      { item: east, id: 'runway-east', zh: '东跑道', en: 'East runway (original, ~3,400 m)', where: 'placed 1,350 m east of the T2 station (the T2 box is described as ~1,350 m west of the original runway)' },
      { item: west, id: 'runway-west', zh: '西跑道', en: 'West runway (opened 2010, ~3,300 m)', where: '365 m west of the east runway (a commonly cited spacing, not verified)' },
    ].map(({ item, id, zh, en, where }) =>
      feature(
        {
          id,
          kind: 'runway',
          class: 'runway',
          name_zh: zh,
          name_en: en,
          named_in_report: false,
          confidence: 'low',
          schematic: true,
          identity: 'Hongqiao Airport runway, drawn for orientation.',
          position: `Schematic: no runway-end coordinates were found. A due north–south line of the published length, ${where}, centred on the reference-point latitude. Ends ±300 m; true heading not sourced.`,
          sources: ['pages: gtuanb.com/bkcs/202311/2141108.html (runway lengths)', 'basemap-facts.md §2 airport'],
        },
        item.geometry,
      ),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// metro-line2.geojson and stations.geojson
// ---------------------------------------------------------------------------------------------

const LINE2_COLOUR = gf2.metro_line2.colour_hex;
const trackVertices = gf.line2_track.vertices.map((v) => [v.lon, v.lat] as Position);
const songhong = byName(gf.stations, '淞虹路', 'geo-facts stations');
/** Index of the 淞虹路 station in the track: the research traced the line up to here and guessed beyond. */
const SPLIT = trackVertices.findIndex((v) => v[0] === songhong.lon && v[1] === songhong.lat);
if (SPLIT < 1) throw new Error('淞虹路 is not a vertex of the Line 2 track');

function metroFeatures(): GeoFeature[] {
  const common = {
    kind: 'metro-line' as const,
    class: 'metro',
    name_zh: '地铁2号线',
    name_en: 'Metro Line 2',
    named_in_report: false,
    // The report's phrase: 依托地铁2号线贯通长宁主要核心功能区.
    report_terms: ['地铁2号线'],
    line_id: 'line2',
    colour: LINE2_COLOUR,
  };
  const colourSource = `${SRC.palette} and geo-facts-2.md §4 (colour ${LINE2_COLOUR}, medium confidence)`;
  return [
    feature(
      {
        id: 'metro-line2-jingan-songhong',
        ...common,
        confidence: 'medium',
        identity: 'Shanghai Metro Line 2, which the report says links Changning’s main functional areas; this part runs 静安寺 → 淞虹路 through all three zones.',
        position:
          'Straight lines between the Line 2 station points (Baidu per-line stops, BD-09 → WGS84, ±30 m) and a few track vertices along the streets it runs under (愚园路, 长宁路, 天山路, 天山西路). ' +
          'Expect 50–150 m off where the streets bend, most on the 中山公园 → 娄山关路 diagonal. No traced track (OSM or other) was found.',
        sources: [SRC.baidu, 'geo-facts.md §3', colourSource],
      },
      { type: 'LineString', coordinates: trackVertices.slice(0, SPLIT + 1) },
    ),
    feature(
      {
        id: 'metro-line2-songhong-t2',
        ...common,
        confidence: 'low',
        schematic: true,
        identity: 'Shanghai Metro Line 2 from 淞虹路 to 虹桥2号航站楼, the airport end of the line.',
        position:
          'Schematic guess: no source gives the alignment west of 淞虹路. Drawn west under 天山西路, then round the north and west of the runways to the T2 box; ' +
          'it may be several hundred metres off, and the real tunnel may pass under the runways instead.',
        sources: ['geo-facts.md §3', 'basemap-facts.md §2 line2_track', colourSource],
      },
      { type: 'LineString', coordinates: trackVertices.slice(SPLIT) },
    ),
  ];
}

/** geo-facts stations → ids, east → west. T1 (Line 10 only) is in airport.geojson instead. */
const STATION_IDS: Record<string, string> = {
  静安寺: 'station-jingan-temple',
  江苏路: 'station-jiangsu-road',
  中山公园: 'station-zhongshan-park',
  娄山关路: 'station-loushanguan-road',
  威宁路: 'station-weining-road',
  北新泾: 'station-beixinjing',
  淞虹路: 'station-songhong-road',
  虹桥2号航站楼: 'station-hongqiao-airport-t2',
};

function stationFeatures(zones: Map<ZoneId, Polygon | MultiPolygon>): GeoFeature[] {
  const onLine2 = gf.stations.filter((s) => s.on_line2);
  if (onLine2.length !== Object.keys(STATION_IDS).length) throw new Error('Line 2 station list changed in geo-facts.json');
  return onLine2.map((s, i) => {
    const id = STATION_IDS[s.name_zh];
    if (!id) throw new Error(`no id for station ${s.name_zh}`);
    const lines = s.lines.split(',').map((x) => Number(x.trim()));
    const zone = zoneOf([s.lon, s.lat], zones);
    const interchange = lines.length > 1;
    return feature(
      {
        id,
        kind: 'station',
        class: interchange ? 'interchange' : 'station',
        name_zh: s.name_zh,
        name_en: s.name_en,
        ...(zone ? { zone } : {}),
        named_in_report: false,
        line_id: 'line2',
        lines,
        order: i + 1,
        in_changning: s.in_changning,
        colour: LINE2_COLOUR,
        confidence: conf(s.confidence),
        identity: `Line 2 station ${s.station_code}, at ${s.location}: a stop on the corridor the report builds its three zones along.`,
        position:
          s.crosscheck_sep_m > 100
            ? `Baidu’s per-line stop for the Line 2 platform, BD-09 → WGS84 with gcoord. Amap has one point per station complex, ${s.crosscheck_sep_m} m away here ` +
              '(at interchanges it marks another line’s platform or the middle of a long shared box). ±150–200 m.'
            : `Baidu’s per-line stop for the Line 2 platform, BD-09 → WGS84 with gcoord; Amap’s point (GCJ-02 → WGS84) agrees within ${s.crosscheck_sep_m} m. ±30 m.`,
        ...(s.in_changning ? {} : { notes: `Outside Changning (${s.name_zh === '静安寺' ? '静安区' : '闵行区 新虹街道'}); drawn because Line 2 runs on to it.` }),
        sources: [SRC.baidu, SRC.amap, 'geo-facts.md §2', 'geo-facts-2.md §4 (English names)'],
      },
      { type: 'Point', coordinates: [s.lon, s.lat] },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// zones.geojson — the team's interpretation; the report draws no boundaries
// ---------------------------------------------------------------------------------------------

const road = (nameZh: string) => lineCoords(byName(bm.layers.roads, nameZh, 'basemap roads'));
const innerRing = [...road('内环高架路（中山西路段）'), ...road('内环高架路（中山西路—中山南二路，示意）').slice(1)];
const yananMain = road('延安高架路');
const yananWest = road('延安高架路（西段）');
const yanan = [...yananMain, ...yananWest.slice(1)]; // east → west; the ground road 延安西路 runs beneath it
const tianshan = road('天山路');
const tianshanWest = road('天山西路');
// The placeholder 中环 stops 100 m short of 延安高架; extended 400 m along its last leg so the two meet.
const middleRing = extendEnd(road('中环路（北虹路段，示意）'), 400);
const jiangsu = road('江苏路');
const yuyuan = road('愚园路');
const songhongRoad = road('淞虹路');
const hongqiaoRoad = road('虹桥路');
const outerRing = road('外环高速 S20（北翟路以北，示意）');

/**
 * East zone (东部片区): 上海硅巷, the CAS institutes and the 中山公园 area.
 *  W  中山西路 / Inner Ring viaduct — the first major street west of 凯旋路, so 来福士 and 龙之梦 on the
 *     凯旋路 corners fall inside (the east edge of the central zone is the same line).
 *  S  延安西路 (OpenStreetMap line) from the Inner Ring to 江苏路.
 *  E  江苏路, taken 250 m east of the drawn street: the Line 2 江苏路 box lies east of the Line 11 box on
 *     江苏路, and the station should be in the zone.
 *  N  the north frontage of 愚园路 (150 m north of it) west to 中山公园, then round the park's north
 *     side (its 21 ha reach ~31.226 N) back to the Inner Ring; the creek/district line cuts it where
 *     the river bends south.
 * Finally united with the research's 上海硅巷 polygon, whose SE corner lies ~100 m south of the
 * OpenStreetMap 延安西路, so that the whole named block is in its zone.
 */
function eastOutline(): Polygon {
  const ringTop: Position = [121.406446, 31.227204]; // an OSM vertex of the Inner Ring at the park's latitude
  const ringYanan = crossing(innerRing, yanan, 'Inner Ring × 延安高架');
  // 江苏路 runs N → S; lengthened 300 m north and 500 m south so it meets 愚园路 and 延安西路, then moved 250 m east
  const jiangsuLong = extendEnd(extendEnd([...jiangsu].reverse(), 300).reverse(), 500);
  const jiangsuEastFull = shiftAll(jiangsuLong, 250, 90);
  const seCorner = crossing(jiangsuEastFull, yanan, '江苏路 (+250 m) × 延安西路');
  const yuyuanNorth = shiftAll(yuyuan, 150, 0);
  const neCorner = crossing(jiangsuEastFull, yuyuanNorth, '江苏路 (+250 m) × 愚园路 (+150 m)');
  const yananStretch = slice(yanan, ringYanan, seCorner); // W → E
  const inner = slice(innerRing, ringTop, ringYanan); // N → S
  const ring: Position[] = [
    ...inner,
    ...yananStretch.slice(1),
    neCorner,
    shift(nearestOn(yuyuan, [121.4215, 31.2215]), 150, 0), // 愚园路 north frontage, east of the park
    [121.42, 31.2262], // NE of 中山公园 (the park's 260 m drawing radius ends at 121.4192 E, 31.2258 N)
  ];
  const outline = polygon([closeRing(ring)]);
  const withAlley = union(featureCollection([outline, polygon([gf.silicon_alley.ring])]));
  if (!withAlley || withAlley.geometry.type !== 'Polygon') throw new Error('east zone: union with 上海硅巷 is not one polygon');
  return withAlley.geometry;
}

/**
 * Central zone (中部片区): 虹桥经济技术开发区 and the 天山路 – 娄山关路 – 威宁路 stretch of Line 2.
 *  E  中山西路 / Inner Ring (shared with the east zone).
 *  S  延安西路 under 延安高架 (OpenStreetMap) — the ETDZ office blocks (世贸商城, 国贸中心, 万都, 尚嘉,
 *     南丰城) stand on its north side.
 *  W  中环路 / 北虹路, where 天山路 becomes 天山西路 (placeholder line).
 *  N  the north frontage of 天山路 (250 m north of it), rising at the east end to where Line 2 crosses
 *     the Inner Ring, so the track between 中山公园 and 娄山关路 stays inside.
 */
function centralOutline(): Polygon {
  const ringYanan = crossing(innerRing, yanan, 'Inner Ring × 延安高架');
  const middleYanan = crossing(middleRing, yanan, '中环 × 延安高架');
  const tianshanNorth = shiftAll([...tianshan.slice(1, 3), ...tianshanWest], 250, 0); // E → W, skip the 凯旋路 end
  const middleNorth = crossing(middleRing, tianshanNorth, '中环 × 天山西路 (+250 m)');
  // An OSM vertex of the Inner Ring ~300 m north of the Line 2 crossing: a vertex, not a computed point,
  // so rounding cannot move it off the line the east zone shares.
  const ringNorth: Position = [121.406164, 31.219717];
  const southEdge = slice(yanan, ringYanan, middleYanan); // E → W
  const westEdge = slice(middleRing, middleYanan, middleNorth); // S → N
  const northEdge = slice(tianshanNorth, middleNorth, at(tianshanNorth, 0)); // W → E
  const eastEdge = slice(innerRing, ringNorth, ringYanan); // N → S
  const ring: Position[] = [...southEdge, ...westEdge.slice(1), ...northEdge.slice(1), ...eastEdge];
  return polygon([closeRing(ring)]).geometry;
}

/**
 * West zone (西部片区): 临空 — the Hongqiao Linkong Economic Park (≈5.14 km², 淞虹路 to the Outer Ring)
 * and the T1 side of the airport (东虹桥).
 *  N  北翟路, taken straight from the north end of the drawn 淞虹路 to the S20 北翟路 interchange.
 *  E  淞虹路, 100 m east of the drawn line so 光大安石虹桥中心 and the 淞虹路 station (both on it) are
 *     inside; south of 光大安石 the road is not drawn and is taken to run due south to 虹桥路.
 *  S  虹桥路, 200 m south of the drawn line so the T1 terminal is inside; west of T1, due west.
 *  W  the S20 Outer Ring, which the district line follows here; the outline is run past it and cut
 *     by the Changning polygon, which also cuts it across the airfield.
 */
function westOutline(): Polygon {
  const songhongEast = shiftAll(songhongRoad, 100, 90); // N → S
  const south = shiftAll(hongqiaoRoad, 200, 180); // E → W, ends at T1
  const songhongSouthEnd = at(songhongEast, -1);
  const eastSouth: Position = [at(songhongSouthEnd, 0), 31.18];
  const seCorner = crossing([songhongSouthEnd, eastSouth], south, '淞虹路 (south) × 虹桥路 (+200 m)');
  const t1South = at(south, -1);
  const s20Beidi = at(outerRing, -1); // the S20 end at the 北翟路 interchange
  const beidiWest: Position = [121.33, at(s20Beidi, 1)];
  const ring: Position[] = [
    at(songhongEast, 0),
    ...songhongEast.slice(1),
    seCorner,
    ...slice(south, seCorner, t1South).slice(1),
    [121.33, at(t1South, 1)],
    beidiWest,
    s20Beidi,
    at(songhongRoad, 0),
  ];
  return polygon([closeRing(ring)]).geometry;
}

const asFeature = (g: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', geometry: g, properties: {} });

const changningVertices = new Set(changningRing.map((p) => p.join(',')));

/**
 * Where the outline crosses the district line, the new vertex is rounded to 6 decimals and can land
 * a few centimetres outside Changning, leaving a sliver of a square metre or two outside. Such
 * vertices move to the nearest 1e-6° grid point inside the district.
 */
function snapInside(p: Position): Position {
  if (changningVertices.has(p.join(',')) || booleanPointInPolygon(p, changningPolygon)) return p;
  let best: Position | undefined;
  let bestD = Infinity;
  for (let dx = -3; dx <= 3; dx++) {
    for (let dy = -3; dy <= 3; dy++) {
      const q = [r6(at(p, 0) + dx * 1e-6), r6(at(p, 1) + dy * 1e-6)];
      const d = dx * dx + dy * dy;
      if (d < bestD && booleanPointInPolygon(q, changningPolygon, { ignoreBoundary: true })) {
        best = q;
        bestD = d;
      }
    }
  }
  if (!best) throw new Error(`vertex ${p.join(',')} is more than 3e-6° outside Changning`);
  return best;
}

function clipToChangning(g: Polygon, what: string): Polygon | MultiPolygon {
  const clipped = intersect(featureCollection([polygon(g.coordinates), changningPolygon]));
  if (!clipped) throw new Error(`${what} does not meet Changning`);
  const t = tidy(clipped.geometry) as Polygon | MultiPolygon;
  return t.type === 'Polygon'
    ? { type: 'Polygon', coordinates: t.coordinates.map((r) => r.map(snapInside)) }
    : { type: 'MultiPolygon', coordinates: t.coordinates.map((pg) => pg.map((r) => r.map(snapInside))) };
}

const ZONE_TEXT: Record<ZoneId, { zh: string; en: string; aliases?: string[]; terms: string[]; identity: string; streets: string; notes: string }> = {
  east: {
    zh: '东部片区',
    en: 'East Zone',
    terms: ['东、中、西', '高能级载体主要集中于东、西两边'],
    identity:
      'The report names the 东部片区 as one of the park’s three zones: AI, blockchain and fintech, with the CAS institutes (中科院微系统所, 硅酸盐研究所), 上海硅巷 and 新微智谷.',
    streets:
      'W 中山西路 (Inner Ring viaduct); S 延安西路; E 江苏路 (widened 250 m east to hold the Line 2 江苏路 station); N the north side of 愚园路 and of 中山公园, cut by the Suzhou Creek district line; plus the whole 上海硅巷 block as the research drew it.',
    notes: 'Covers the report’s east-zone places: 上海硅巷 (E 江苏路, S 延安西路, W 凯旋路, N 长宁路–愚园路), the CAS institutes on 长宁路/定西路 and the 中山公园 area.',
  },
  central: {
    zh: '中部片区',
    en: 'Central Zone',
    aliases: ['中部'],
    terms: ['东、中、西', '中部虹桥经济技术开发区饭块'],
    identity:
      'The report names the 中部片区: digital technology for urban development around 虹桥经济技术开发区, with 慧谷白猫, 绿地智造界 and 缤谷大厦; section 二(四) calls it 中部 and its ageing office stock a weakness.',
    streets:
      'E 中山西路 (Inner Ring, shared with the east zone); S 延安西路 under 延安高架; W 中环路 / 北虹路 (placeholder line, where 天山路 becomes 天山西路); N the north frontage of 天山路 (250 m north of it).',
    notes: 'Takes in the 天山路 stretch of Line 2 (娄山关路 and 威宁路 stations) and the ETDZ office blocks between 天山路 and 延安西路.',
  },
  west: {
    zh: '西部片区',
    en: 'West Zone',
    terms: ['东、中、西', '高能级载体主要集中于东、西两边'],
    identity:
      'The report names the 西部片区: headquarters and specialised parks, with platforms brought to 临空 and projects such as 光大安石虹桥中心, 东方国信跨国公司总部科创园 and 人工智能产业园.',
    streets:
      'N 北翟路 (straight between 淞虹路 and the S20 interchange); E 淞虹路 (100 m east of it, and taken due south to 虹桥路 where it is not drawn); S 虹桥路 (200 m south of it, to include T1); W the S20 Outer Ring / district line, which also cuts the airfield.',
    notes:
      'Larger than the ≈5.14 km² Linkong park, because it also takes in the T1 side of the airport (东虹桥). 北新泾 (between the central and west zones) belongs to neither: the zones are corridors along Line 2, not a partition of the district.',
  },
};

function zoneFeatures(zones: Map<ZoneId, Polygon | MultiPolygon>): GeoFeature[] {
  return (['east', 'central', 'west'] as const).map((z) => {
    const t = ZONE_TEXT[z];
    const g = zones.get(z)!;
    return feature(
      {
        id: `zone-${z}`,
        kind: 'zone',
        name_zh: t.zh,
        name_en: t.en,
        zone: z,
        named_in_report: true,
        report_name: t.zh,
        ...(t.aliases ? { aliases: t.aliases } : {}),
        report_terms: t.terms,
        confidence: 'low',
        // edges reuse OpenStreetMap-derived street lines (延安西路, Inner Ring, 淞虹路, S20 ends)
        osm: true,
        identity: t.identity,
        position:
          `The report draws no boundaries: this outline is the team's interpretation, a corridor along Line 2 that follows streets — ${t.streets} ` +
          `Clipped to the Changning outline (WGS84). ${m2ToKm2(area(g))} km².`,
        notes: t.notes,
        sources: [
          'report-2023-08.zh.txt 一(一), 二(四)',
          'geo-facts.md §5–6 (zones note)',
          'basemap-facts.md §2 roads (street lines, partly OpenStreetMap)',
          SRC.datav(310105),
          'scripts/author-geo.ts (outline construction)',
        ],
      },
      g,
    );
  });
}

function zoneOf(p: Position, zones: Map<ZoneId, Polygon | MultiPolygon>): ZoneId | undefined {
  const hits = [...zones.entries()].filter(([, g]) => booleanPointInPolygon(p, g)).map(([z]) => z);
  if (hits.length > 1) throw new Error(`point ${p.join(',')} lies in several zones`);
  return hits[0];
}

// ---------------------------------------------------------------------------------------------
// key-buildings.geojson — 14 candidates (the report does not list the 14 buildings)
// ---------------------------------------------------------------------------------------------

const g2Point = (nameZh: string): Position => lonLat(byName(gf2.places, nameZh, 'geo-facts-2 places'));

/** GCJ-02 → WGS84 by the local offset of a pair the research converted with gcoord (来福士, 0.5 km
 *  away; 龙之梦 gives the same offset to 1e-6°). The GCJ offset changes by well under 1 m over 1 km. */
function gcjToWgsNearRaffles(gcj: Position): Position {
  const rafflesGcj: Position = [121.41456, 31.216612]; // rsvici/work changning/libs/business.js
  const rafflesWgs = g2Point('长宁来福士广场');
  return [at(gcj, 0) + at(rafflesWgs, 0) - at(rafflesGcj, 0), at(gcj, 1) + at(rafflesWgs, 1) - at(rafflesGcj, 1)];
}

interface Building {
  slug: string;
  zh: string;
  en: string;
  address: string;
  zone: ZoneId;
  where: () => Position;
  confidence: Confidence;
  why: string;
  position: string;
  notes?: string;
  /** the position was computed from an OpenStreetMap-derived street line */
  osm?: boolean;
  sources: string[];
}

const IDENTITY_PREFIX = 'Candidate — the report does not list the 14 buildings;';
const CANDIDATE_NOTE = 'No public list of the 14 buildings added in the 2021 re-bounding was found (geo-facts.md §6, geo-facts-2.md §3).';

const BUILDINGS: Building[] = [
  {
    slug: 'raffles-city-changning',
    zh: '长宁来福士广场',
    en: 'Raffles City Changning',
    address: '长宁路1123号（商场）；办公楼 长宁路1193号（未核实）',
    zone: 'east',
    where: () => g2Point('长宁来福士广场'),
    confidence: 'low',
    why: 'a large office-and-retail complex with three office towers on the 长宁路/凯旋路 corner at the 中山公园 station, in the east zone.',
    position: 'AMap marker (GCJ-02) converted to WGS84 with gcoord by the research; ±100 m (one hand-placed marker).',
    sources: [SRC.business, 'geo-facts-2.md §1'],
  },
  {
    slug: 'cloud-nine',
    zh: '中山公园龙之梦',
    en: 'Cloud Nine (Longemont), Zhongshan Park',
    address: '长宁路1018号',
    zone: 'east',
    where: () => g2Point('中山公园龙之梦购物中心'),
    confidence: 'low',
    why: 'the landmark mall-and-office complex at the 中山公园 interchange (Lines 2, 3, 4), in the east zone.',
    position: 'AMap marker (GCJ-02) converted to WGS84 with gcoord by the research; NE of the Line 3/4 platform as en-Wikipedia describes; ±100 m.',
    sources: [SRC.markers, 'geo-facts-2.md §1'],
  },
  {
    // Replaces 虹桥临空跨国公司（总部）科创园 of the research's list: its only position fact is
    // "≈1.5 km from 淞虹路 station" with no direction, and it may be the report-named 东方国信 park.
    slug: 'huaning-international-plaza',
    zh: '华宁国际广场',
    en: 'Huaning International Plaza',
    address: '宣化路300号',
    zone: 'east',
    where: () => {
      const marker: Position = [121.422457, 31.217483]; // rsvici/work_cn map/js/marker.js (GCJ-02), listed in geo-facts-2.md §1
      const geocode: Position = [121.4222433641, 31.2172598176]; // geocoded address list (定西路1536), GCJ-02 by agreement
      return gcjToWgsNearRaffles([(at(marker, 0) + at(geocode, 0)) / 2, (at(marker, 1) + at(geocode, 1)) / 2]);
    },
    confidence: 'low',
    why: 'an office complex (north and south towers) inside the 上海硅巷 block, in the east zone; it stands in for 虹桥临空跨国公司（总部）科创园, which could not be placed (see notes).',
    position:
      'Mean of two GCJ-02 points 22 m apart — an AMap marker and a geocoded address list (a BD-09 reading would not agree) — shifted to WGS84 by the GCJ offset the research’s gcoord conversion gives at 来福士 (0.5 km away). ±100 m.',
    notes:
      'Replacement: the research’s 14th candidate, 虹桥临空跨国公司（总部）科创园, is known only as "≈1.5 km from 淞虹路 station" with no direction, and may be the same park as the report’s 东方国信跨国公司总部科创园 (place-bonc-mnc-hq-park, not located). 华宁国际广场 has an address in two independent company records (宣化路300号, 南塔) and two agreeing points.',
    sources: [SRC.markers, 'a geocoded address list in a public GitHub Java test file ("定西路1536, 华宁国际广场"; repository not identified)', 'company addresses "宣化路300号华宁国际广场南塔" in two public GitHub pages (repositories not identified)', 'geo-facts-2.md §1'],
  },
  {
    slug: 'gold-hongqiao-center',
    zh: '金虹桥国际中心',
    en: 'Gold Hongqiao International Center',
    address: '娄山关路523号（商场 茅台路179号）',
    zone: 'central',
    where: () => g2Point('金虹桥国际中心'),
    confidence: 'medium',
    why: 'Pinduoduo’s headquarters, which the press calls Shanghai’s first "10-billion-yuan tax building", by the 娄山关路 station in the central zone.',
    position: 'AMap marker (GCJ-02) converted to WGS84 with gcoord; 37 m from an independent Baidu-list point (BD-09), so two providers agree. ±50 m.',
    sources: [SRC.business, 'geo-facts-2.md §1', 'geo-facts.md §5–6'],
  },
  {
    slug: 'soho-tianshan-plaza',
    zh: 'SOHO天山广场',
    en: 'SOHO Tianshan Plaza',
    address: '天山路（门牌号未找到）',
    zone: 'central',
    // Inferred: on 天山路, "~8 min walk" from the 娄山关路 station ≈ 600 m along the road. East (towards
    // 遵义路 and the 天山 shopping strip) is an assumption; 600 m west would also stay in the zone.
    where: () => walkAlongTianshan(600),
    confidence: 'low',
    why: 'a SOHO China office complex (towers incl. T2) in the 天山路 business district, a short walk from the 娄山关路 station, in the central zone.',
    position:
      'Inferred, not located: no house number or point was found. Placed on the drawn 天山路 600 m (≈8 minutes’ walk, as office listings say) east of the 娄山关路 station; the direction is assumed. ±600 m.',
    sources: ['office listings in public GitHub files ("娄山关路站步行约8分钟", "SOHO天山广场T2座"; repositories not identified)', 'geo-facts-2.md §2'],
  },
  {
    slug: 'orient-international-mansion',
    zh: '东方国际大厦',
    en: 'Orient International Mansion',
    address: '娄山关路85号',
    zone: 'central',
    where: () => g2Point('东方国际大厦'),
    confidence: 'low',
    why: 'an office tower on 娄山关路 in the 虹桥经济技术开发区, in the central zone.',
    position: 'An unsourced listing point read as GCJ-02 and converted with gcoord by the research; that reading puts it on 娄山关路 south of 金虹桥 (a BD-09 reading would be ~0.8 km off the road). ±150 m.',
    sources: ['a public GitHub file with the address (repository not identified)', 'geo-facts-2.md §1'],
  },
  {
    slug: 'hongqiao-nanfung-city',
    zh: '虹桥南丰城',
    en: 'Hongqiao Nanfung City',
    address: '遵义路100号',
    zone: 'central',
    where: () => g2Point('虹桥南丰城'),
    confidence: 'medium',
    why: 'an office-and-retail complex in the 虹桥经济技术开发区, in the central zone.',
    position: 'Mean of three independent points converted by the research (two AMap GCJ-02, one BD-09 store locator) that agree within 51–75 m. ±50 m.',
    sources: [SRC.markers, 'a cinema table and a store locator in public GitHub files (repositories not identified)', 'geo-facts-2.md §1'],
  },
  {
    slug: 'shanghai-itc',
    zh: '上海国际贸易中心',
    en: 'Shanghai International Trade Centre',
    address: '延安西路2201号（常识，未核实）',
    zone: 'central',
    // Inferred: 2201 is the next building east of 2299 (上海世贸商城) on the same (north, odd-numbered)
    // side of 延安西路; placed 300 m east of 世贸商城 along the road, at 世贸商城's distance from the
    // road line (it stands ~110 m north of it).
    where: () => {
      const mart = g2Point('上海世贸商城');
      const onRoad = nearestOn(yanan, mart);
      const eastward = slice(yanan, onRoad, at(yanan, 0)); // from the mart's foot towards the east
      const foot = alongFrom(eastward, onRoad, 300);
      return shift(foot, distance(mart, onRoad, { units: 'meters' }), 0);
    },
    confidence: 'low',
    why: 'the 35-storey office tower of the 1990s 虹桥 trade district, on 延安西路 in the 虹桥经济技术开发区, in the central zone.',
    position:
      'Inferred, not located: no point or verified address was found. 延安西路2201号 is taken as the neighbour east of 2299号 (上海世贸商城) on the north side of the road: placed 300 m east of 世贸商城 along the drawn 延安西路, as far north of the road as 世贸商城. ±300 m.',
    osm: true,
    sources: ['pages: nihonsekkei.co.jp/projects/2928/ (building description, no address)', SRC.lbs, 'geo-facts.md §6', 'geo-facts-2.md §2'],
  },
  {
    slug: 'shanghai-mart',
    zh: '上海世贸商城',
    en: 'Shanghai Mart',
    address: '延安西路2299号（未核实）',
    zone: 'central',
    where: () => g2Point('上海世贸商城'),
    confidence: 'low',
    why: 'the trade-mart and office complex of the 虹桥经济技术开发区 on the north side of 延安高架, in the central zone.',
    position: 'AMap marker (GCJ-02) converted to WGS84 with gcoord by the research; the marker’s description puts it on the north side of the 延安 viaduct. ±100 m.',
    sources: [SRC.business, 'geo-facts-2.md §1'],
  },
  {
    slug: 'hongqiao-wandu-centre',
    zh: '虹桥万都中心',
    en: 'Hongqiao Wandu Centre',
    address: '兴义路8号',
    zone: 'central',
    where: () => g2Point('虹桥万都中心'),
    confidence: 'medium',
    why: 'an office tower in the 虹桥经济技术开发区, in the central zone.',
    position: 'Mean of two list points (a bank branch read as GCJ-02, a building list read as BD-09) that agree within 49 m under those readings; converted by the research. ±75 m.',
    sources: ['a bank-branch list and a building list in public GitHub files (repositories not identified)', 'geo-facts-2.md §1'],
  },
  {
    slug: 'far-east-international-plaza',
    zh: '远东国际广场',
    en: 'Far East International Plaza',
    address: '仙霞路317号（B座）/ 仙霞路319号（A栋）',
    zone: 'central',
    // Inferred: on 仙霞路 west of 仙霞路99号 (尚嘉中心), "~5 min walk" from the 娄山关路 station; placed
    // where the drawn 仙霞路 crosses the drawn 娄山关路, the nearest point of 仙霞路 to the station.
    where: () => crossing(road('仙霞路'), road('娄山关路'), '仙霞路 × 娄山关路'),
    confidence: 'low',
    why: 'a twin-tower office complex (A/B) in the 天山路 / 虹桥 office district, a few minutes from the 娄山关路 station, in the central zone.',
    position:
      'Inferred, not located: the address (仙霞路317/319号, two independent company records) has no point. Placed where the drawn 仙霞路 crosses the drawn 娄山关路 — the part of 仙霞路 nearest the 娄山关路 station, which a listing puts ~5 minutes’ walk away, and west of 仙霞路99号 as the house numbers require. ±300 m.',
    osm: true,
    sources: [
      'company addresses "仙霞路319号远东国际广场A栋" and "仙霞路317号远东国际广场B座" in public GitHub files (repositories not identified)',
      `${SRC.evdata} (west end of the drawn 仙霞路)`,
      'geo-facts-2.md §2',
    ],
  },
  {
    slug: 'lavenue',
    zh: '尚嘉中心',
    en: 'L’Avenue Shanghai',
    address: '仙霞路99号（未核实）',
    zone: 'central',
    where: () => g2Point('尚嘉中心'),
    confidence: 'low',
    why: 'an office-and-retail tower in the 虹桥经济技术开发区 (its own description says so), in the central zone.',
    position: 'AMap marker (GCJ-02) converted to WGS84 with gcoord by the research; 151 m from 万都中心, fitting "紧邻万都中心". ±100 m.',
    sources: [SRC.markers, SRC.business, 'geo-facts-2.md §1'],
  },
  {
    slug: 'skybridge-hq',
    zh: '天会（原凌空SOHO）',
    en: 'SkyBridge HQ (formerly Sky SOHO)',
    address: '金钟路968号',
    zone: 'west',
    where: () => g2Point('天会（原凌空SOHO）'),
    confidence: 'low',
    why: 'the Linkong office campus that houses Trip.com’s headquarters, north of 天山西路 in the west zone.',
    position: 'AMap marker "凌空SOHO" (GCJ-02) converted to WGS84 with gcoord by the research; 0.8 km NW of the 淞虹路 station, north of 天山西路 as 金钟路 is. ±100 m.',
    sources: [SRC.markers, 'a company register entry and shop listings at 金钟路968号 (public GitHub files)', 'geo-facts-2.md §1'],
  },
  {
    slug: 'east-hongqiao-center',
    zh: '东虹桥中心',
    en: 'East Hongqiao Center',
    address: '长宁区临空地区（门牌号未找到）',
    zone: 'west',
    // Inferred: "≈680 m straight-line from T1, ≈1.2 km from 延安高架". The viaduct reaches T1 from the
    // east/south-east, so a point 680 m from T1 but 1.2 km from the viaduct lies on the far side of T1
    // from it: north-north-east, where the Linkong blocks are. Bearing 30° is an assumption.
    where: () => shift([t1.lon, t1.lat], 680, 30),
    confidence: 'low',
    why: 'the first project of the 长宁 part of the Hongqiao hub (招商蛇口 with 东航投资; four 8-storey office blocks, opened 2022), next to T1 in the west zone.',
    position:
      'Inferred, not located: no address or point was found. Placed 680 m from the T1 station on a bearing of 30°, from the news distances (≈680 m to T1, ≈1.2 km to 延安高架, which approaches T1 from the east). ±700 m.',
    sources: ['pages: wtosh.com/news/show/id/5673.html (东方网, distances and description)', 'geo-facts-2.md §2'],
  },
];

/** A point `metres` east along 天山路 from the 娄山关路 station (used for SOHO天山广场). */
function walkAlongTianshan(metres: number): Position {
  const station = byName(gf.stations, '娄山关路', 'geo-facts stations');
  const eastward = [...tianshan.slice(0, 3)].reverse(); // station → 娄山关路 box end → 凯旋路 end
  return alongFrom(eastward, [station.lon, station.lat], metres);
}

function buildingFeatures(zones: Map<ZoneId, Polygon | MultiPolygon>): GeoFeature[] {
  if (BUILDINGS.length !== 14) throw new Error(`expected 14 key-building candidates, have ${BUILDINGS.length}`);
  return BUILDINGS.map((b) => {
    const p = b.where();
    const inZone = zoneOf(p, zones);
    if (inZone !== b.zone) throw new Error(`bldg-${b.slug} falls in zone ${inZone ?? 'none'}, expected ${b.zone}`);
    return feature(
      {
        id: `bldg-${b.slug}`,
        kind: 'key-building',
        class: 'office',
        name_zh: b.zh,
        name_en: b.en,
        zone: b.zone,
        address: b.address,
        named_in_report: false,
        report_terms: ['14幢重点楼宇'],
        confidence: b.confidence,
        ...(b.osm ? { osm: true } : {}),
        identity: `${IDENTITY_PREFIX} ${b.why}`,
        position: `${b.position} ${WGS_NOTE}`,
        notes: b.notes ? `${b.notes} ${CANDIDATE_NOTE}` : CANDIDATE_NOTE,
        sources: [...b.sources, 'geo-facts.md §6'],
      },
      { type: 'Point', coordinates: p },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// places.geojson — every other place the report names
// ---------------------------------------------------------------------------------------------

const gfPlace = (nameZh: string) => byName(gf.places, nameZh, 'geo-facts places');

interface Place {
  slug: string;
  cls: string;
  zh: string;
  en: string;
  reportName: string;
  aliases?: string[];
  zone?: ZoneId; // only where the report puts it in a zone
  address?: string;
  geometry: () => Geometry | null;
  confidence: Confidence;
  identity: string;
  position: string;
  notes?: string;
  osm?: boolean;
  sources: string[];
}

const notLocated = (what: string) => `not located: ${what}`;

const PLACES: Place[] = [
  {
    slug: 'simit',
    cls: 'research-institute',
    zh: '中国科学院上海微系统与信息技术研究所',
    en: 'Shanghai Institute of Microsystem and Information Technology, CAS (SIMIT)',
    reportName: '中科院微系统所',
    zone: 'east',
    address: '长宁路865号',
    geometry: () => ({ type: 'Point', coordinates: lonLat(gfPlace('中国科学院上海微系统与信息技术研究所')) }),
    confidence: 'low',
    identity: 'Named in the east-zone passage as a partner institution (加强与中科院微系统所…等机构合作).',
    position: 'Inferred by the research from the address (the institute’s own site): south side of 长宁路 near 定西路. ±200 m.',
    sources: ['geo-facts.md §5', 'geo-facts.json places'],
  },
  {
    slug: 'siccas',
    cls: 'research-institute',
    zh: '中国科学院上海硅酸盐研究所',
    en: 'Shanghai Institute of Ceramics, CAS (SICCAS)',
    reportName: '硅酸盐研究所',
    zone: 'east',
    address: '定西路1295号',
    geometry: () => ({ type: 'Point', coordinates: lonLat(gfPlace('中国科学院上海硅酸盐研究所')) }),
    confidence: 'low',
    identity: 'Named in the east-zone passage as a partner institution.',
    position: 'Inferred by the research: north end of 定西路 near 长宁路. ±250 m. The address was not re-verified.',
    sources: ['geo-facts.md §5', 'geo-facts.json places'],
  },
  {
    slug: 'silicon-alley',
    cls: 'innovation-district',
    zh: '上海硅巷',
    en: 'Shanghai Silicon Alley',
    reportName: '上海硅巷',
    zone: 'east',
    address: '东至江苏路、南至延安西路、西至凯旋路、北至长宁路—愚园路',
    geometry: () => ({ type: 'Polygon', coordinates: [gf.silicon_alley.ring] }),
    confidence: 'low',
    identity: 'Named in the east-zone passage: the sci-tech block the zone is to build up (重点打造“上海硅巷”).',
    position:
      'Polygon built by the research from street-corner anchors (Line 3/4 stops on 凯旋路, the Line 2 line along 愚园路, Line 11 on 江苏路, the 延安西路 line). ' +
      '1.26 km² against the official ≈1.48 km², so its edges sit ~50–150 m inside the streets. The extent text (四至, 武夷路 and 定西路 as inner axes) is official.',
    sources: ['长宁区政府办公室, 上海硅巷 three-year action plan 2023–2025 (2023-11-21), via geo-facts.md §5', 'geo-facts.json silicon_alley'],
  },
  {
    slug: 'simic-valley',
    cls: 'incubator',
    zh: '新微智谷',
    en: 'SIMIC Valley (Xinwei Zhigu)',
    reportName: '新微智谷',
    zone: 'east',
    address: '定西路（门牌号未找到）',
    geometry: () => ({ type: 'Point', coordinates: lonLat(gfPlace('新微智谷')) }),
    confidence: 'low',
    identity: 'Named in the east-zone passage as an incubation space; a renovated former Printemps (巴黎春天) store on 定西路 near 中山公园.',
    position: 'Placed by the research at 长宁路/定西路 from the description; the house number was not found. ±250 m.',
    sources: ['Shine, 2021-09-28, via geo-facts.md §5', 'geo-facts.json places'],
  },
  {
    slug: 'huigu-white-cat',
    cls: 'tech-park',
    zh: '慧谷白猫科技园',
    en: 'Huigu–White Cat Sci-Tech Park',
    reportName: '慧谷白猫',
    zone: 'central',
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in the central-zone passage as an existing carrier; Changning’s first software park, built by SJTU’s 慧谷 with 上海白猫股份.',
    position: notLocated('no address or point was found.'),
    sources: ['bp4871g.cn/shanghai/info/196400.html (description only)', 'geo-facts-2.md §2'],
  },
  {
    slug: 'greenland-zhizaojie',
    cls: 'office-carrier',
    zh: '绿地智造界',
    en: 'Greenland Zhizao Jie',
    reportName: '绿地智造界',
    zone: 'central',
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in the central-zone passage as an existing carrier.',
    position: notLocated('nothing about its site was found.'),
    sources: ['geo-facts.md §5', 'geo-facts-2.md §2'],
  },
  {
    slug: 'bingu-tower',
    cls: 'office-carrier',
    zh: '缤谷大厦',
    en: 'Bingu Tower',
    reportName: '缤谷大厦',
    zone: 'central',
    address: '天山路341号',
    geometry: () => ({ type: 'Point', coordinates: g2Point('缤谷广场（缤谷大厦）') }),
    confidence: 'medium',
    identity: 'Named in the central-zone passage as an existing carrier.',
    position:
      'The 缤谷广场 point: an AMap marker (GCJ-02) converted with gcoord by the research, 80 m from the 威宁路 station, which fits shop addresses "威宁路天山路341号". No source separates the tower from the plaza. ±100 m.',
    sources: [SRC.markers, 'shop listings at 天山路341号 in public GitHub files', 'geo-facts-2.md §1'],
  },
  {
    slug: 'hongqiao-etdz',
    cls: 'development-zone',
    zh: '虹桥经济技术开发区',
    en: 'Hongqiao Economic and Technological Development Zone',
    reportName: '虹桥经济技术开发区',
    zone: 'central',
    geometry: () => ({ type: 'Point', coordinates: lonLat(gfPlace('虹桥经济技术开发区')) }),
    confidence: 'low',
    identity: 'Named twice: the central zone serves its digital transformation (一(一)), and its ageing office stock holds the centre back (二(四)).',
    position: 'A rough centroid of the 延安西路 / 遵义路 / 娄山关路 / 仙霞路 area given by the research; the development zone’s own extent was not found.',
    sources: ['geo-facts.md §5', 'geo-facts.json places'],
  },
  {
    slug: 'everbright-hongqiao-center',
    cls: 'office-park',
    zh: '光大安石虹桥中心',
    en: 'Everbright Ashmore Hongqiao Center',
    reportName: '光大安石虹桥中心',
    zone: 'west',
    address: '淞虹路377号',
    geometry: () => ({ type: 'Point', coordinates: g2Point('光大安石虹桥中心（长宁大融城）') }),
    confidence: 'medium',
    identity: 'Named in the west-zone passage as a park project.',
    position:
      'A screen-advertising location list point read as GCJ-02 (the list uses AMap-style addresses) and converted with gcoord by the research; 93 m from the 淞虹路 station (a BD-09 reading would be ~0.8 km off). ±100 m.',
    notes: 'The mall part is 长宁大融城; the offices are in tower T2 (光大安石虹桥中心T2座).',
    sources: ['a company site footer and a location list giving 淞虹路377号 (public GitHub files, repositories not identified)', 'geo-facts-2.md §1'],
  },
  {
    slug: 'bonc-mnc-hq-park',
    cls: 'office-park',
    zh: '东方国信跨国公司总部科创园',
    en: 'BONC Multinational HQ Sci-Tech Park',
    reportName: '东方国信跨国公司总部科创园',
    zone: 'west',
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in the west-zone passage as a park project.',
    position: notLocated('no address or point was found.'),
    notes:
      'A building called 虹桥东方国信商务广场 appears in a list of Changning buildings and may be its carrier; news of a 虹桥临空跨国公司（总部）科创园 "≈1.5 km from 淞虹路 station" may describe the same park. Neither link is verified.',
    sources: ['geo-facts.md §5', 'geo-facts-2.md §2'],
  },
  {
    slug: 'ai-industrial-park',
    cls: 'industrial-park',
    zh: '人工智能产业园',
    en: 'Artificial Intelligence Industrial Park (Linkong)',
    reportName: '人工智能产业园',
    zone: 'west',
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in the west-zone passage as a park project; the research takes it as the AI sub-park of the 虹桥临空数字经济产业园.',
    position: notLocated('no address or point was found.'),
    sources: ['geo-facts.md §5', 'geo-facts-2.md §2'],
  },
  {
    slug: 'linkong',
    cls: 'economic-park',
    zh: '虹桥临空经济园区',
    en: 'Hongqiao Linkong Economic Park',
    reportName: '临空',
    zone: 'west',
    geometry: () => ({ type: 'Point', coordinates: lonLat(gfPlace('虹桥临空经济园区 / 临空经济示范区')) }),
    confidence: 'low',
    identity:
      'The west-zone passage brings platforms to 临空 (落地临空), the usual short name of the Hongqiao Linkong Economic Park: ≈5.14 km² in west Changning next to the Hongqiao hub, part of 张江长宁园 since 2011.',
    position: 'A rough centroid of the area west of 淞虹路 to the Outer Ring, given by the research; the park’s extent (四至) was not found. The west zone outline is our wider interpretation of it.',
    sources: ['geo-facts.md §5', 'geo-facts-2.md §3 (5.14 km², pages excerpt)'],
  },
  {
    slug: 'yuyuan-road',
    cls: 'street',
    zh: '愚园路',
    en: 'Yuyuan Road',
    reportName: '愚园路',
    geometry: () => ({ type: 'LineString', coordinates: gfPlace('愚园路').line ?? [] }),
    confidence: 'low',
    identity: 'Named in 二(二) as an urban-renewal showcase (愚园路城市更新不断优化完善).',
    position: 'Straight lines through the Line 2 静安寺, 江苏路 and 中山公园 points — Line 2 runs under the road. ±50–150 m.',
    notes: '2,775 m from 常德路 (静安寺) to 中山公园 / 长宁路, of which 1,557 m in Changning. The report gives it no zone; as drawn it runs along the north edge of the east zone.',
    sources: [SRC.baidu, 'geo-facts.md §5'],
  },
  {
    slug: 'xinhua-road-conservation-area',
    cls: 'conservation-area',
    zh: '新华路历史文化风貌区',
    en: 'Xinhua Road Historic and Cultural Conservation Area',
    reportName: '新华路历史文化风貌区',
    // The research's point (121.42, 31.212) falls 25 m north of the OSM 延安西路, i.e. outside the block
    // it describes (N boundary 延安西路). Moved to 120 m south of 延安西路 at the same longitude — the
    // middle of a 5.9 ha (~240 m square) block between 定西路 and 番禺路.
    geometry: () => {
      const research = lonLat(gfPlace('新华路历史文化风貌区'));
      const onRoad = crossing(yanan, [[at(research, 0), 31.25], [at(research, 0), 31.18]], '延安西路 at the 新华路 block');
      return { type: 'Point', coordinates: shift(onRoad, 120, 180) };
    },
    confidence: 'low',
    identity: 'Named in 二(二): its plan was evaluated and revised (完成规划评估和修编).',
    position:
      'Marks the 5.9 ha 新华历史风貌街区 block (E 番禺路, S 新华路, W 定西路, N 延安西路): 120 m south of the OpenStreetMap 延安西路 at the research’s longitude. The wider conservation area’s extent was not found. ±200 m.',
    osm: true,
    sources: ['东方网 (block bounds), via geo-facts.md §5', SRC.lbs],
  },
  {
    slug: 'jingya-wuyi',
    cls: 'street-block',
    zh: '静雅武夷（武夷路）',
    en: 'Wuyi Road ("Quiet & Elegant Wuyi" block)',
    reportName: '静雅武夷',
    geometry: () => ({ type: 'LineString', coordinates: road('武夷路') }),
    confidence: 'low',
    identity: 'Named in 二(二): the “静雅武夷” street block is taking shape (街区形态初显).',
    position: 'The drawn 武夷路: west end from an OpenStreetMap way, the rest the east–west middle axis of the 上海硅巷 block, where 武夷路 runs. ±100–150 m.',
    notes: 'The report gives it no zone; as drawn it lies in the east zone.',
    osm: true,
    sources: [SRC.lbs, 'geo-facts.md §5', 'basemap-facts.md §2 roads'],
  },
  {
    slug: 'lintangang',
    cls: 'incubator',
    zh: '“临碳港”双碳产业孵化器',
    en: 'Lin Tan Gang Dual-Carbon Industry Incubator',
    reportName: '临碳港',
    aliases: ['“临碳港”双碳产业孵化器'],
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in 二(二): set up as a dual-carbon industry incubator.',
    position: notLocated('no address or point was found.'),
    sources: ['geo-facts.md §5', 'geo-facts-2.md §2'],
  },
  {
    slug: 'overseas-talent-centre',
    cls: 'service-centre',
    zh: '虹桥海外人才一站式服务中心',
    en: 'Hongqiao Overseas Talent One-Stop Service Center',
    reportName: '虹桥海外人才一站式服务中心',
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in 一(四): its functions were improved, and it handles work permits for foreigners.',
    position: notLocated('the main centre’s address was not found.'),
    notes: 'A 300 m² satellite, 虹桥人才荟—天山商圈“荟新”人才服务驿站, opened in 天山路街道 (digipub.cc/dy/article/KOFT1HF8055040N3.html).',
    sources: ['digipub.cc/dy/article/KOFT1HF8055040N3.html', 'geo-facts-2.md §2'],
  },
  {
    slug: 'hongqiao-smart-valley',
    cls: 'brand',
    zh: '虹桥智谷',
    en: 'Hongqiao Smart Valley',
    reportName: '虹桥智谷',
    geometry: () => null,
    confidence: 'low',
    identity: 'Named in 一(三): Changning’s innovation brand, rated the only national "excellent" mass-innovation demonstration base in Shanghai that year.',
    position: notLocated('a district-wide brand, not a single site.'),
    sources: ['geo-facts.md §5'],
  },
];

function placeFeatures(zones: Map<ZoneId, Polygon | MultiPolygon>): GeoFeature[] {
  return PLACES.map((pl) => {
    const g = pl.geometry();
    if (g?.type === 'Point' && pl.zone) {
      const z = zoneOf(g.coordinates, zones);
      if (z !== pl.zone) throw new Error(`place-${pl.slug}: the report puts it in ${pl.zone}, the point is in ${z ?? 'no zone'}`);
    }
    return feature(
      {
        id: `place-${pl.slug}`,
        kind: 'place',
        class: pl.cls,
        name_zh: pl.zh,
        name_en: pl.en,
        ...(pl.zone ? { zone: pl.zone } : {}),
        ...(pl.address ? { address: pl.address } : {}),
        named_in_report: true,
        report_name: pl.reportName,
        ...(pl.aliases ? { aliases: pl.aliases } : {}),
        confidence: pl.confidence,
        ...(pl.osm ? { osm: true } : {}),
        identity: pl.identity,
        position: g ? `${pl.position} ${WGS_NOTE}` : pl.position,
        ...(pl.notes ? { notes: pl.notes } : {}),
        sources: pl.sources,
      },
      g,
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Build, check, write
// ---------------------------------------------------------------------------------------------

function buildZones(): Map<ZoneId, Polygon | MultiPolygon> {
  const east = clipToChangning(eastOutline(), 'east zone');
  // The central zone shares the Inner Ring with the east zone. Both are built from the same vertices,
  // but the snapped and computed corner points differ in the last digits; cutting the east zone out of
  // the central one makes the shared edge identical, so rounding cannot create an overlap.
  const centralRaw = difference(featureCollection([asFeature(clipToChangning(centralOutline(), 'central zone')), asFeature(east)]));
  if (!centralRaw) throw new Error('central zone vanished');
  const zones = new Map<ZoneId, Polygon | MultiPolygon>([
    ['east', east],
    ['central', tidy(centralRaw.geometry) as Polygon | MultiPolygon],
    ['west', clipToChangning(westOutline(), 'west zone')],
  ]);
  const keys = [...zones.keys()];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const a = zones.get(keys[i]!)!;
      const b = zones.get(keys[j]!)!;
      const both = intersect(featureCollection([asFeature(a), asFeature(b)]));
      const overlap = both ? area(both) : 0;
      if (overlap > 1) throw new Error(`zones ${keys[i]} and ${keys[j]} overlap by ${overlap.toFixed(1)} m²`);
    }
  }
  for (const [z, g] of zones) {
    const outside = difference(featureCollection([asFeature(g), changningPolygon]));
    const m2 = outside ? area(outside) : 0;
    if (m2 > 1) throw new Error(`zone ${z} has ${m2.toFixed(1)} m² outside Changning`);
  }
  // Both 中山公园 complexes must be east-zone (fixed check points from the brief).
  for (const [what, p] of [['来福士', [121.409911, 31.218454]], ['龙之梦', [121.411975, 31.220994]]] as const) {
    if (zoneOf([...p], zones) !== 'east') throw new Error(`${what} is not in the east zone`);
  }
  return zones;
}

interface Collection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** Pretty JSON with each [lon, lat] pair on one line. */
function format(fc: Collection): string {
  return `${JSON.stringify(fc, null, 2).replace(/\[\s+(-?\d+(?:\.\d+)?),\s+(-?\d+(?:\.\d+)?)\s+\]/g, '[$1, $2]')}\n`;
}

function write(name: string, features: GeoFeature[]): void {
  const fc: Collection = { type: 'FeatureCollection', features };
  writeFileSync(resolve(GEO, name), format(fc));
  console.log(`geo/${name}: ${features.length} features`);
}

function main(): void {
  mkdirSync(resolve(GEO, 'research'), { recursive: true });
  for (const f of RESEARCH_FILES) copyFileSync(resolve(SHARED, f), resolve(GEO, 'research', f));

  const zones = buildZones();
  const all: Record<string, GeoFeature[]> = {
    'districts.geojson': districtFeatures(),
    'roads.geojson': roadFeatures(),
    'water.geojson': waterFeatures(),
    'green.geojson': greenFeatures(),
    'airport.geojson': airportFeatures(),
    'metro-line2.geojson': metroFeatures(),
    'stations.geojson': stationFeatures(zones),
    'zones.geojson': zoneFeatures(zones),
    'key-buildings.geojson': buildingFeatures(zones),
    'places.geojson': placeFeatures(zones),
  };
  const ids = new Set<string>();
  for (const features of Object.values(all)) {
    for (const f of features) {
      if (ids.has(f.properties.id)) throw new Error(`duplicate id ${f.properties.id}`);
      ids.add(f.properties.id);
    }
  }
  for (const [name, features] of Object.entries(all)) write(name, features);
  for (const [z, g] of zones) console.log(`zone ${z}: ${m2ToKm2(area(g))} km²`);
}

main();
