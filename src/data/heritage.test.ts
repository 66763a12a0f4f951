// @vitest-environment node
/**
 * geo/heritage.geojson: OpenStreetMap heritage footprints, and the rule that links some of them to
 * the report's places 愚园路 and 新华路历史文化风貌区. The rule is stated here again, in the
 * test's own words and code, and checked on the data (regenerate with `npx tsx scripts/author-geo.ts`).
 */
import { readFileSync } from 'node:fs';
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { booleanIntersects, booleanPointInPolygon, buffer, centroid, coordAll, distance, lineIntersect, lineString, point, pointToLineDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from './schema';
import { readGeoFiles } from './test-files';
import { validateGeo } from './validate';

const geo = validateGeo(readGeoFiles());
const heritage = geo['heritage.geojson'];
const byId = (id: string) => Object.values(geo).flat().find((f) => f.properties.id === id)!;
const changning = byId('district-changning').geometry as Polygon | MultiPolygon;
const raw = JSON.parse(readFileSync(new URL('../../geo/research/osm/osm-heritage-changning.geojson', import.meta.url), 'utf8')) as {
  features: Feature<Point | Polygon | MultiPolygon, { osm_type: string; osm_id: number; heritage?: string; historic?: string; 'addr:street'?: string }>[];
};

/** The margin the layer keeps around Changning (scripts/geo/heritage.ts MARGIN_M). */
const MARGIN_M = 300;

/**
 * The link rule. A heritage feature belongs to a place when its centroid is inside Changning and
 * - 愚园路 (place-yuyuan-road): its OSM addr:street begins with 愚园路, or its centroid is within
 *   150 m of the drawn 愚园路 (road-yuyuan);
 * - 新华路历史文化风貌区 (place-xinhua-road-conservation-area): its addr:street begins with 新华路,
 *   or its centroid is within 600 m of 121.42 E, 31.210705 N (the point that marked the 新华 block)
 *   and south of the drawn 延安西路 (road-yanan-west).
 */
const XINHUA_POINT: Position = [121.42, 31.210705];
function expectedPlace(f: { geometry: Point | Polygon | MultiPolygon; street?: string }): string | undefined {
  const c = centroid(f.geometry as Polygon).geometry.coordinates;
  if (!booleanPointInPolygon(c, changning)) return undefined;
  const yuyuan = byId('road-yuyuan').geometry as LineString;
  if (f.street?.startsWith('愚园路') || pointToLineDistance(point(c), yuyuan, { units: 'meters' }) <= 150) return 'place-yuyuan-road';
  const yanan = (byId('road-yanan-west').geometry as LineString).coordinates;
  const crossing = lineIntersect(lineString(yanan), lineString([[c[0]!, 30], [c[0]!, 32]])).features[0];
  const southOfYanan = crossing !== undefined && c[1]! < crossing.geometry.coordinates[1]!;
  if (f.street?.startsWith('新华路') || (southOfYanan && distance(c, XINHUA_POINT, { units: 'meters' }) <= 600)) return 'place-xinhua-road-conservation-area';
  return undefined;
}

describe('geo/heritage.geojson', () => {
  it('is OpenStreetMap data: every feature osm: true, with its OSM element, id and the extract cited', () => {
    expect(heritage.length).toBeGreaterThan(50);
    const bad = heritage.filter((f) => {
      const p = f.properties;
      return (
        p.kind !== 'heritage' ||
        p.osm !== true ||
        p.named_in_report !== false ||
        !p.osm_ref ||
        p.id !== `heritage-${p.osm_ref.replace('/', '-')}` ||
        !p.sources.some((s) => s.includes('OpenStreetMap') && s.includes('hui5/shanghai-heritage-map @ dbcbbb5cde2abd923b3836aff861bc9f444dab3e'))
      );
    });
    expect(bad.map((f) => f.properties.id)).toEqual([]);
  });

  it('keeps exactly the heritage- or historic-tagged OSM features that touch Changning widened by 300 m, geometry unchanged but for rounding', () => {
    const widened = buffer({ type: 'Feature', geometry: changning, properties: {} }, MARGIN_M, { units: 'meters' })!;
    const expected = raw.features
      .filter((f) => (f.properties.heritage || f.properties.historic) && booleanIntersects(f, widened))
      .map((f) => `${f.properties.osm_type}/${f.properties.osm_id}`)
      .sort();
    expect(heritage.map((f) => f.properties.osm_ref!).sort()).toEqual(expected);
    // …and each lies within the margin (a footprint touching the widened outline, not merely near it)
    const outside = heritage.filter((f) => !booleanIntersects(f as Feature, widened)).map((f) => f.properties.id);
    expect(outside).toEqual([]);
    for (const f of heritage) {
      const source = raw.features.find((r) => `${r.properties.osm_type}/${r.properties.osm_id}` === f.properties.osm_ref)!;
      const a = coordAll(source);
      const b = coordAll(f as Feature);
      expect(b.length, f.properties.id).toBeLessThanOrEqual(a.length);
      for (const p of b) expect(Math.min(...a.map((q) => distance(p, q, { units: 'meters' }))), f.properties.id).toBeLessThan(0.2);
    }
  });

  it('never invents an English name: name_en is OSM name:en, else the Chinese name; unnamed ones say so with their OSM id', () => {
    for (const f of heritage) {
      const p = f.properties;
      const t = raw.features.find((r) => `${r.properties.osm_type}/${r.properties.osm_id}` === p.osm_ref)!.properties as Record<string, unknown>;
      const zh = (t['name:zh'] ?? t.name) as string | undefined;
      const en = t['name:en'] as string | undefined;
      if (en) expect(p.name_en, p.id).toBe(en);
      else if (zh) expect(p.name_en, p.id).toBe(zh);
      else {
        expect(p.unnamed, p.id).toBe(true);
        expect(p.name_en).toMatch(new RegExp(`^Unnamed .* \\(OSM ${p.osm_ref!.replace('/', ' ')}\\)$`));
      }
    }
  });

  it('links features to 愚园路 and 新华路 by the stated rule, and by nothing else', () => {
    const mismatches = heritage.flatMap((f) => {
      const source = raw.features.find((r) => `${r.properties.osm_type}/${r.properties.osm_id}` === f.properties.osm_ref)!;
      const want = expectedPlace({ geometry: source.geometry, street: source.properties['addr:street'] });
      return want === f.properties.place ? [] : [`${f.properties.id}: ${f.properties.place ?? 'none'}, rule says ${want ?? 'none'}`];
    });
    expect(mismatches).toEqual([]);
    const linked = (place: string) => heritage.filter((f) => f.properties.place === place);
    expect(linked('place-yuyuan-road').length).toBeGreaterThanOrEqual(10);
    expect(linked('place-xinhua-road-conservation-area').map((f) => f.properties.name_zh).sort()).toEqual(['外国弄堂', '梅泉别墅', '邬达克纪念馆']);
    // the rule travels with the data, in words that name its anchors
    for (const f of heritage.filter((h) => h.properties.place)) expect(f.properties.link_rule).toBe(byId(f.properties.place!).properties.link_rule);
    expect(byId('place-xinhua-road-conservation-area').properties.link_rule).toContain(`${XINHUA_POINT[0]!.toFixed(6)} E, ${XINHUA_POINT[1]} N`);
    expect(byId('place-yuyuan-road').properties.link_rule).toMatch(/150 m of the drawn 愚园路 \(road-yuyuan/);
  });

  it('draws each linked place by an extent that holds every vertex of its features, still as our interpretation', () => {
    for (const id of ['place-yuyuan-road', 'place-xinhua-road-conservation-area']) {
      const place = byId(id) as GeoFeature;
      expect(place.geometry?.type, id).toBe('Polygon');
      const extent = place.geometry as Polygon;
      const outside = heritage
        .filter((f) => f.properties.place === id)
        .flatMap((f) => coordAll(f as Feature).filter((p) => !booleanPointInPolygon(p, extent)).map(() => f.properties.id));
      expect(outside, id).toEqual([]);
      expect(place.properties.position).toMatch(/^Our interpretation of the report's wording: drawn as the extent of the \d+ OpenStreetMap heritage features/);
      expect(place.properties.osm).toBe(true);
      expect(place.properties.named_in_report).toBe(true);
    }
  });
});
