import { distance, point } from '@turf/turf';

export interface StationLike {
  id: string;
  coordinates: [number, number];
}

export interface NearestStation {
  stationId: string;
  /** great-circle (straight-line) distance in metres */
  straightM: number;
  /** rough walking distance: straight line × WALK_DETOUR; an estimate, not a route */
  walkEstimateM: number;
  /** minutes at WALK_SPEED_M_PER_MIN along walkEstimateM */
  walkEstimateMin: number;
}

/** Street grids make a walk ~1.2–1.4× the straight line; 1.3 is the usual planning figure. */
export const WALK_DETOUR = 1.3;
/** 4.8 km/h, a common pedestrian planning speed. */
export const WALK_SPEED_M_PER_MIN = 80;

/**
 * The station nearest to a position, by straight-line distance, with a labelled walking estimate.
 *
 * @param from - [lon, lat] in WGS84
 * @param stations - candidate stations; must not be empty
 */
export function nearestStation(from: [number, number], stations: readonly StationLike[]): NearestStation {
  if (stations.length === 0) throw new Error('nearestStation: no stations given');
  const origin = point(from);
  let best: { id: string; m: number } | null = null;
  for (const s of stations) {
    const m = distance(origin, point(s.coordinates), { units: 'meters' });
    if (!best || m < best.m) best = { id: s.id, m };
  }
  return { stationId: best!.id, straightM: best!.m, ...walkEstimate(best!.m) };
}

/** The labelled walking estimate for a straight-line distance: × WALK_DETOUR, at WALK_SPEED_M_PER_MIN. */
export function walkEstimate(straightM: number): { walkEstimateM: number; walkEstimateMin: number } {
  const walkEstimateM = straightM * WALK_DETOUR;
  return { walkEstimateM, walkEstimateMin: walkEstimateM / WALK_SPEED_M_PER_MIN };
}
