import { describe, expect, it } from 'vitest';
import { nearestStation, WALK_DETOUR } from './nearest-station';

// Two stations ~1.1 km apart on a parallel; metres per degree of longitude at 31.2° N ≈ 95,200.
const stations = [
  { id: 'a', coordinates: [121.4, 31.2] as [number, number] },
  { id: 'b', coordinates: [121.41, 31.2] as [number, number] },
];

describe('nearestStation', () => {
  it('picks the closer station and reports the straight-line distance in metres', () => {
    const r = nearestStation([121.4085, 31.2], stations);
    expect(r.stationId).toBe('b');
    expect(r.straightM).toBeGreaterThan(135);
    expect(r.straightM).toBeLessThan(150);
  });

  it('labels the walk as a detour-factor estimate of the straight line', () => {
    const r = nearestStation([121.4, 31.201], stations);
    expect(r.stationId).toBe('a');
    expect(r.straightM).toBeCloseTo(111.2, 0);
    expect(r.walkEstimateM).toBeCloseTo(r.straightM * WALK_DETOUR, 6);
    expect(r.walkEstimateMin).toBeCloseTo(r.walkEstimateM / 80, 6);
  });

  it('refuses an empty station list', () => {
    expect(() => nearestStation([121.4, 31.2], [])).toThrow(/no stations/);
  });
});
