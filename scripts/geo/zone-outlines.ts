/**
 * The three zone polygons — the team's interpretation; the report draws no boundaries. Each is a
 * street-following ring (which streets, in which order, is the construction below; its distances
 * and anchor points are the `outline` of each record in geo/sources/zones.json), clipped to the
 * Changning outline, then checked: inside Changning, no overlaps, the check points of zones.json
 * in their zones.
 */
import type { Feature, Position } from 'geojson';
import { area, booleanPointInPolygon, difference, featureCollection, intersect, polygon, union } from '@turf/turf';
import type { Polygon } from 'geojson';
import type { ZoneId } from '../../src/data/schema.ts';
import { at, closeRing, crossing, extendEnd, nearestOn, r6, shift, shiftAll, slice, tidy, type Area } from './geometry.ts';
import { join, road, type Research } from './research.ts';
import type { ZoneOutlines } from './zones.ts';

/** The streets the outlines follow, from the basemap. */
function streets(r: Research) {
  return {
    innerRing: join([road(r, '内环高架路（中山西路段）'), road(r, '内环高架路（中山西路—中山南二路，示意）')]),
    // east → west; the ground road 延安西路 runs beneath it
    yanan: join([road(r, '延安高架路'), road(r, '延安高架路（西段）')]),
    tianshan: road(r, '天山路'),
    tianshanWest: road(r, '天山西路'),
    middleRing: road(r, '中环路（北虹路段，示意）'),
    jiangsu: road(r, '江苏路'),
    yuyuan: road(r, '愚园路'),
    songhong: road(r, '淞虹路'),
    hongqiao: road(r, '虹桥路'),
    outerRing: road(r, '外环高速 S20（北翟路以北，示意）'),
  };
}
type Streets = ReturnType<typeof streets>;

/**
 * East zone (东部片区): W the Inner Ring, S 延安西路, E 江苏路 moved east (the Line 2 江苏路 box lies
 * east of the Line 11 box on 江苏路, and the station should be in the zone), N the north frontage
 * of 愚园路 west to 中山公园, then round the park's north side back to the Inner Ring; united with
 * the research's 上海硅巷 polygon, whose SE corner lies ~100 m south of the OpenStreetMap 延安西路.
 */
function eastOutline(r: Research, s: Streets, o: ZoneOutlines['east']): Polygon {
  const ringYanan = crossing(s.innerRing, s.yanan, 'Inner Ring × 延安高架');
  // 江苏路 runs N → S; lengthened at both ends so it meets 愚园路 and 延安西路, then moved east
  const jiangsuLong = extendEnd(extendEnd([...s.jiangsu].reverse(), o.jiangsu_extend_north_m).reverse(), o.jiangsu_extend_south_m);
  const jiangsuEastFull = shiftAll(jiangsuLong, o.jiangsu_shift_east_m, 90);
  const seCorner = crossing(jiangsuEastFull, s.yanan, '江苏路 (moved east) × 延安西路');
  const yuyuanNorth = shiftAll(s.yuyuan, o.yuyuan_shift_north_m, 0);
  const neCorner = crossing(jiangsuEastFull, yuyuanNorth, '江苏路 (moved east) × 愚园路 (moved north)');
  const ring: Position[] = [
    ...slice(s.innerRing, o.inner_ring_top, ringYanan), // N → S
    ...slice(s.yanan, ringYanan, seCorner).slice(1), // W → E
    neCorner,
    shift(nearestOn(s.yuyuan, o.yuyuan_frontage_near), o.yuyuan_shift_north_m, 0),
    o.park_north_east,
  ];
  const outline = polygon([closeRing(ring)]);
  if (!o.with_silicon_alley) return outline.geometry;
  const withAlley = union(featureCollection([outline, polygon([r.geoFacts.silicon_alley.ring])]));
  if (!withAlley || withAlley.geometry.type !== 'Polygon') throw new Error('east zone: union with 上海硅巷 is not one polygon');
  return withAlley.geometry;
}

/**
 * Central zone (中部片区): E the Inner Ring (shared with the east zone), S 延安西路 under 延安高架,
 * W 中环路 / 北虹路 where 天山路 becomes 天山西路 (placeholder line, lengthened so it meets 延安高架),
 * N the north frontage of 天山路, rising at the east end to where Line 2 crosses the Inner Ring.
 */
function centralOutline(s: Streets, o: ZoneOutlines['central']): Polygon {
  const middleRing = extendEnd(s.middleRing, o.middle_ring_extend_m);
  const ringYanan = crossing(s.innerRing, s.yanan, 'Inner Ring × 延安高架');
  const middleYanan = crossing(middleRing, s.yanan, '中环 × 延安高架');
  const tianshanNorth = shiftAll([...s.tianshan.slice(1, 3), ...s.tianshanWest], o.tianshan_shift_north_m, 0); // E → W, skip the 凯旋路 end
  const middleNorth = crossing(middleRing, tianshanNorth, '中环 × 天山西路 (moved north)');
  const ring: Position[] = [
    ...slice(s.yanan, ringYanan, middleYanan), // S edge, E → W
    ...slice(middleRing, middleYanan, middleNorth).slice(1), // W edge, S → N
    ...slice(tianshanNorth, middleNorth, at(tianshanNorth, 0)).slice(1), // N edge, W → E
    ...slice(s.innerRing, o.inner_ring_north, ringYanan), // E edge, N → S
  ];
  return polygon([closeRing(ring)]).geometry;
}

/**
 * West zone (西部片区): N 北翟路, straight from the north end of the drawn 淞虹路 to the S20 北翟路
 * interchange; E 淞虹路 moved east (south of the drawn part taken due south); S 虹桥路 moved south
 * to T1, then due west; W past the S20, cut by the Changning polygon, which also cuts the airfield.
 */
function westOutline(s: Streets, o: ZoneOutlines['west']): Polygon {
  const songhongEast = shiftAll(s.songhong, o.songhong_shift_east_m, 90); // N → S
  const south = shiftAll(s.hongqiao, o.hongqiao_shift_south_m, 180); // E → W, ends at T1
  const songhongSouthEnd = at(songhongEast, -1);
  const eastSouth: Position = [at(songhongSouthEnd, 0), o.songhong_south_to_lat];
  const seCorner = crossing([songhongSouthEnd, eastSouth], south, '淞虹路 (south) × 虹桥路 (moved south)');
  const t1South = at(south, -1);
  const s20Beidi = at(s.outerRing, -1); // the S20 end at the 北翟路 interchange
  const ring: Position[] = [
    ...songhongEast,
    seCorner,
    ...slice(south, seCorner, t1South).slice(1),
    [o.west_lon, at(t1South, 1)],
    [o.west_lon, at(s20Beidi, 1)],
    s20Beidi,
    at(s.songhong, 0),
  ];
  return polygon([closeRing(ring)]).geometry;
}

const asFeature = (g: Area): Feature<Area> => ({ type: 'Feature', geometry: g, properties: {} });

/**
 * Where an outline crosses the district line, the new vertex is rounded to 6 decimals and can land
 * a few centimetres outside Changning, leaving a sliver of a square metre or two outside. Such
 * vertices move to the nearest 1e-6° grid point inside the district.
 */
function clipper(r: Research) {
  const ringCoords = r.geoFacts.changning_district.ring;
  const changning = polygon([ringCoords]);
  const vertices = new Set(ringCoords.map((p) => p.join(',')));
  const snapInside = (p: Position): Position => {
    if (vertices.has(p.join(',')) || booleanPointInPolygon(p, changning)) return p;
    let best: Position | undefined;
    let bestD = Infinity;
    for (let dx = -3; dx <= 3; dx++) {
      for (let dy = -3; dy <= 3; dy++) {
        const q = [r6(at(p, 0) + dx * 1e-6), r6(at(p, 1) + dy * 1e-6)];
        const d = dx * dx + dy * dy;
        if (d < bestD && booleanPointInPolygon(q, changning, { ignoreBoundary: true })) {
          best = q;
          bestD = d;
        }
      }
    }
    if (!best) throw new Error(`vertex ${p.join(',')} is more than 3e-6° outside Changning`);
    return best;
  };
  const clip = (g: Polygon, what: string): Area => {
    const clipped = intersect(featureCollection([polygon(g.coordinates), changning]));
    if (!clipped) throw new Error(`${what} does not meet Changning`);
    const t = tidy(clipped.geometry) as Area;
    return t.type === 'Polygon'
      ? { type: 'Polygon', coordinates: t.coordinates.map((ring) => ring.map(snapInside)) }
      : { type: 'MultiPolygon', coordinates: t.coordinates.map((pg) => pg.map((ring) => ring.map(snapInside))) };
  };
  return { changning, clip };
}

export function zoneOfIn(zones: ReadonlyMap<ZoneId, Area>, p: Position): ZoneId | undefined {
  const hits = [...zones.entries()].filter(([, g]) => booleanPointInPolygon(p, g)).map(([z]) => z);
  if (hits.length > 1) throw new Error(`point ${p.join(',')} lies in several zones`);
  return hits[0];
}

export function buildZones(r: Research, outlines: ZoneOutlines, checks: readonly { name: string; point: Position; zone: ZoneId }[]): Map<ZoneId, Area> {
  const s = streets(r);
  const { changning, clip } = clipper(r);
  const east = clip(eastOutline(r, s, outlines.east), 'east zone');
  // The central zone shares the Inner Ring with the east zone. Both are built from the same vertices,
  // but the snapped and computed corner points differ in the last digits; cutting the east zone out of
  // the central one makes the shared edge identical, so rounding cannot create an overlap.
  const centralRaw = difference(featureCollection([asFeature(clip(centralOutline(s, outlines.central), 'central zone')), asFeature(east)]));
  if (!centralRaw) throw new Error('central zone vanished');
  const zones = new Map<ZoneId, Area>([
    ['east', east],
    ['central', tidy(centralRaw.geometry) as Area],
    ['west', clip(westOutline(s, outlines.west), 'west zone')],
  ]);
  const keys = [...zones.keys()];
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const both = intersect(featureCollection([asFeature(zones.get(keys[i]!)!), asFeature(zones.get(keys[j]!)!)]));
      const overlap = both ? area(both) : 0;
      if (overlap > 1) throw new Error(`zones ${keys[i]} and ${keys[j]} overlap by ${overlap.toFixed(1)} m²`);
    }
  }
  for (const [z, g] of zones) {
    const outside = difference(featureCollection([asFeature(g), changning]));
    const m2 = outside ? area(outside) : 0;
    if (m2 > 1) throw new Error(`zone ${z} has ${m2.toFixed(1)} m² outside Changning`);
  }
  for (const c of checks) {
    const z = zoneOfIn(zones, c.point);
    if (z !== c.zone) throw new Error(`check point ${c.name} is in zone ${z ?? 'none'}, expected ${c.zone}`);
  }
  return zones;
}
