import { circle, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readGeoFiles } from '../data/test-files';
import { walkBands } from './walk-bands';
import { zoneStats, type ZoneStatsInput } from './zone-stats';

// Metres per degree near 31.2° N (spherical earth, as turf uses).
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = 111_195 * Math.cos((31.2 * Math.PI) / 180);
/** An axis-aligned square of side `m` metres with its south-west corner at (lon, lat). */
function square(id: string, lon: number, lat: number, m: number, zone?: string): Feature<Polygon, { id: string; zone?: string }> {
  const dx = m / M_PER_DEG_LON;
  const dy = m / M_PER_DEG_LAT;
  return {
    type: 'Feature',
    properties: { id, zone },
    geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + dx, lat], [lon + dx, lat + dy], [lon, lat + dy], [lon, lat]]] },
  };
}
const site = (id: string, lon: number, lat: number): Feature<Point, { id: string }> => point([lon, lat], { id });

const district = square('district', 121.3, 31.2, 4000);
const zoneA = square('zone-a', 121.3, 31.2, 1000, 'a'); // 1 km², SW corner of the district
const zoneB = square('zone-b', 121.3 + 3000 / M_PER_DEG_LON, 31.2 + 3000 / M_PER_DEG_LAT, 1000, 'b'); // far NE corner
// One station at the centre of zone A.
const station = site('st', 121.3 + 500 / M_PER_DEG_LON, 31.2 + 500 / M_PER_DEG_LAT);
const input = (over: Partial<ZoneStatsInput> = {}): ZoneStatsInput => ({
  zones: [zoneA, zoneB],
  district,
  stations: [station],
  buildings: [site('b1', 121.3 + 500 / M_PER_DEG_LON, 31.2 + 800 / M_PER_DEG_LAT), site('b2', 121.3 + 900 / M_PER_DEG_LON, 31.2 + 500 / M_PER_DEG_LAT)],
  places: [{ properties: { id: 'p1', zone: 'a' } }, { properties: { id: 'p2', zone: 'b' } }],
  bands: walkBands({ type: 'FeatureCollection', features: [station] }, [500, 800], 64) as FeatureCollection<Polygon | MultiPolygon, { radius_m: number }>,
  ...over,
});

describe('zoneStats on fixtures with known answers', () => {
  const [a, b] = zoneStats(input());

  it('measures a 1 km square as 1 km² and 1/16 of a 4 km square district', () => {
    expect(a!.areaKm2).toBeCloseTo(1, 2);
    expect(a!.shareOfDistrict).toBeCloseTo(1 / 16, 3);
  });

  it('gives coverage as the share of the zone within R of a station: a 500 m circle in a 1 km square', () => {
    expect(a!.coverage['500']).toBeCloseTo(Math.PI * 0.25, 2); // π·500² / 1000²
    expect(a!.coverage['800']).toBeGreaterThan(a!.coverage['500']!);
    expect(a!.coverage['800']).toBeLessThanOrEqual(1);
  });

  it('adds the bands of every metro line when given: a second station at the centre of zone B covers it as A is covered', () => {
    const other = site('other', 121.3 + 3500 / M_PER_DEG_LON, 31.2 + 3500 / M_PER_DEG_LAT);
    const anyMetroBands = walkBands({ type: 'FeatureCollection', features: [station, other] }, [500], 64) as ZoneStatsInput['bands'];
    const [a2, b2] = zoneStats(input({ anyMetroBands }));
    expect(b2!.coverage['500']).toBe(0);
    expect(b2!.coverageAnyMetro['500']).toBeCloseTo(Math.PI * 0.25, 2);
    expect(a2!.coverageAnyMetro['500']).toBeCloseTo(a2!.coverage['500']!, 6);
    expect(a!.coverageAnyMetro).toEqual({});
  });

  it('gives 0 coverage, not NaN, to a zone with no station near it', () => {
    expect(b!.coverage['500']).toBe(0);
    expect(b!.coverage['800']).toBe(0);
    expect(b!.stationIds).toEqual([]);
  });

  it('measures building → nearest station distances: median and worst', () => {
    expect(a!.buildingIds).toEqual(['b1', 'b2']);
    expect(a!.buildingDistances.map((d) => Math.round(d.meters))).toEqual([300, 400]);
    expect(a!.medianBuildingDistanceM).toBeCloseTo(350, 0);
    expect(a!.worstBuildingDistanceM).toBeCloseTo(400, 0);
    expect(b!.medianBuildingDistanceM).toBeNull();
  });

  it('counts a station within 500 m of the zone edge, not one further out', () => {
    const near = site('near', 121.3 + 1400 / M_PER_DEG_LON, 31.2 + 500 / M_PER_DEG_LAT); // 400 m east of A
    const far = site('far', 121.3 + 1600 / M_PER_DEG_LON, 31.2 + 500 / M_PER_DEG_LAT); // 600 m east of A
    const [withNear] = zoneStats(input({ stations: [station, near, far] }));
    expect(withNear!.stationIds).toEqual(['st', 'near']);
  });

  it('lists the places the data assigns to each zone', () => {
    expect(a!.placeIds).toEqual(['p1']);
    expect(b!.placeIds).toEqual(['p2']);
  });

  it('rejects a district without area and an empty station list', () => {
    expect(() => zoneStats(input({ stations: [] }))).toThrow(/no stations/);
    const flat = square('flat', 121.3, 31.2, 0);
    expect(() => zoneStats(input({ district: flat }))).toThrow(/no area/);
  });
});

describe('zoneStats on the project data', () => {
  const files = readGeoFiles() as Record<string, { features: Feature[] }>;
  const f = (name: string) => files[name]!.features as any[];
  const stations = f('stations.geojson');
  const stats = zoneStats({
    zones: f('zones.geojson'),
    district: f('districts.geojson').find((d) => d.properties.id === 'district-changning'),
    stations,
    buildings: f('key-buildings.geojson'),
    places: f('places.geojson'),
    bands: walkBands({ type: 'FeatureCollection', features: stations }, [500, 800]) as any,
    anyMetroBands: walkBands({ type: 'FeatureCollection', features: [...stations, ...f('metro-stations.geojson')] }, [500]) as any,
  });

  it('covers at least as much of each zone within 500 m of any metro station as of a Line 2 station', () => {
    for (const z of stats) expect(z.coverageAnyMetro['500']!, z.zoneId).toBeGreaterThanOrEqual(z.coverage['500']! - 1e-9);
    // The west zone gains 虹桥1号航站楼, 上海动物园 and 龙溪路 (Line 10): strictly more.
    expect(stats.find((z) => z.zoneId === 'zone-west')!.coverageAnyMetro['500']!).toBeGreaterThan(stats.find((z) => z.zoneId === 'zone-west')!.coverage['500']! + 0.02);
  });

  it('keeps zone areas within the district and coverage within 0..1', () => {
    expect(stats.reduce((s, z) => s + z.shareOfDistrict, 0)).toBeLessThanOrEqual(1);
    for (const z of stats) {
      for (const c of Object.values(z.coverage)) expect(c).toBeGreaterThanOrEqual(0), expect(c).toBeLessThanOrEqual(1);
      expect(z.coverage['800']!).toBeGreaterThanOrEqual(z.coverage['500']!);
    }
  });

  it('puts all 14 key buildings in some zone, and each zone has a Line 2 station', () => {
    expect(stats.flatMap((z) => z.buildingIds).length).toBe(14);
    for (const z of stats) expect(z.stationIds.length, z.zoneId).toBeGreaterThan(0);
  });
});
