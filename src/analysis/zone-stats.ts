import { area, booleanPointInPolygon, distance, featureCollection, intersect, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

type Area = Feature<Polygon | MultiPolygon, { id: string; zone?: string }>;
type Site = Feature<Point, { id: string; zone?: string }>;

export interface ZoneStats {
  zoneId: string;
  areaKm2: number;
  /** zone area / district area, 0..1 */
  shareOfDistrict: number;
  buildingIds: string[];
  /** report-named places the data assigns to the zone, located or not */
  placeIds: string[];
  /** Line 2 stations inside the zone or within `stationReachM` of its edge */
  stationIds: string[];
  /** radius (m) → share of the zone's area within that distance of a Line 2 station, 0..1 */
  coverage: Record<string, number>;
  /** radius (m) → share within that distance of a station of any metro line, 0..1 (when those bands are given) */
  coverageAnyMetro: Record<string, number>;
  buildingDistances: { id: string; stationId: string; meters: number }[];
  medianBuildingDistanceM: number | null;
  worstBuildingDistanceM: number | null;
}

export interface ZoneStatsInput {
  zones: Area[];
  district: Area;
  stations: Site[];
  buildings: Site[];
  places: { properties: { id: string; zone?: string } }[];
  /** walking bands: one (multi)polygon per radius, properties.radius_m */
  bands: FeatureCollection<Polygon | MultiPolygon, { radius_m: number }>;
  /** the same bands around the stations of every metro line (Line 2's and the others') */
  anyMetroBands?: FeatureCollection<Polygon | MultiPolygon, { radius_m: number }>;
  stationReachM?: number;
}


function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Side-by-side figures for each zone, all computed from the geometry: change a polygon and every
 * number follows. Pure: GeoJSON in, numbers out.
 */
export function zoneStats(input: ZoneStatsInput): ZoneStats[] {
  const reach = input.stationReachM ?? 500;
  const districtArea = area(input.district);
  if (!(districtArea > 0)) throw new Error('zoneStats: the district polygon has no area');
  if (input.stations.length === 0) throw new Error('zoneStats: no stations given');
  return input.zones.map((zone) => {
    const zoneArea = area(zone);
    const key = zone.properties.zone;
    const coverageBy = (bands: ZoneStatsInput['bands'] | undefined) => {
      const shares: Record<string, number> = {};
      for (const band of bands?.features ?? []) {
        const overlap = intersect(featureCollection<Polygon | MultiPolygon>([zone, band]));
        // No station near the zone means no overlap: coverage 0, never NaN.
        shares[String(band.properties.radius_m)] = zoneArea > 0 && overlap ? Math.min(1, area(overlap) / zoneArea) : 0;
      }
      return shares;
    };
    const coverage = coverageBy(input.bands);
    const stationIds = input.stations
      .filter((s) => booleanPointInPolygon(s, zone) || pointToPolygonDistance(s, zone, { units: 'meters' }) <= reach)
      .map((s) => s.properties.id);
    const buildings = input.buildings.filter((b) => booleanPointInPolygon(b, zone));
    const buildingDistances = buildings.map((b) => {
      let best = { stationId: '', meters: Infinity };
      for (const s of input.stations) {
        const m = distance(b, s, { units: 'meters' });
        if (m < best.meters) best = { stationId: s.properties.id, meters: m };
      }
      return { id: b.properties.id, ...best };
    });
    const meters = buildingDistances.map((d) => d.meters);
    return {
      zoneId: zone.properties.id,
      areaKm2: zoneArea / 1e6,
      shareOfDistrict: zoneArea / districtArea,
      buildingIds: buildings.map((b) => b.properties.id),
      placeIds: key ? input.places.filter((p) => p.properties.zone === key).map((p) => p.properties.id) : [],
      stationIds,
      coverage,
      coverageAnyMetro: coverageBy(input.anyMetroBands),
      buildingDistances,
      medianBuildingDistanceM: median(meters),
      worstBuildingDistanceM: meters.length ? Math.max(...meters) : null,
    };
  });
}
