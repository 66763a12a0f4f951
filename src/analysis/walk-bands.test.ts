import { area, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { walkBands } from './walk-bands';

const station = (id: string, lon: number, lat: number): Feature<Point, { id: string }> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { id },
});

const two: FeatureCollection<Point, { id: string }> = {
  type: 'FeatureCollection',
  // ~950 m apart: the 500 m circles overlap slightly, so the union is one polygon.
  features: [station('a', 121.4, 31.2), station('b', 121.41, 31.2)],
};

describe('walkBands', () => {
  it('returns one band per radius, largest first, with ids and radii', () => {
    const bands = walkBands(two, [500, 800]);
    expect(bands.features.map((f) => f.properties.id)).toEqual(['walk-band-800', 'walk-band-500']);
    expect(bands.features[0]!.properties.station_ids).toEqual(['a', 'b']);
  });

  it('unions the circles: area is less than two full circles where they overlap', () => {
    const [band] = walkBands(two, [500]).features;
    const circle = Math.PI * 500 ** 2;
    const a = area(band!);
    expect(a).toBeGreaterThan(1.8 * circle);
    expect(a).toBeLessThan(2 * circle);
  });

  it('contains a point 450 m from a station and excludes one at 550 m', () => {
    const [band] = walkBands(two, [500]).features;
    const dLat = 1 / 111_195; // degrees per metre of latitude
    expect(booleanPointInPolygon(point([121.4, 31.2 - 450 * dLat]), band!)).toBe(true);
    expect(booleanPointInPolygon(point([121.4, 31.2 - 550 * dLat]), band!)).toBe(false);
  });

  it('rejects an empty station list and a non-positive radius', () => {
    expect(() => walkBands({ type: 'FeatureCollection', features: [] }, [500])).toThrow(/no stations/);
    expect(() => walkBands(two, [0])).toThrow(/positive/);
  });
});
