import { describe, expect, it } from 'vitest';
import type { ZoneStats } from '../analysis/zone-stats';
import { bestOf, formatValue, metricRows, toCsv } from './compare-rows';

const stat = (zoneId: string, over: Partial<ZoneStats>): ZoneStats => ({
  zoneId,
  areaKm2: 1,
  shareOfDistrict: 0.1,
  buildingIds: [],
  placeIds: [],
  stationIds: [],
  coverage: { '500': 0, '800': 0 },
  coverageAnyMetro: {},
  buildingDistances: [],
  medianBuildingDistanceM: null,
  worstBuildingDistanceM: null,
  ...over,
});
const stats = [
  stat('zone-a', { areaKm2: 3.02, coverage: { '500': 0.5, '800': 0.8 }, medianBuildingDistanceM: 200, buildingIds: ['x', 'y'] }),
  stat('zone-b', { areaKm2: 5.4, coverage: { '500': 0.3, '800': 0.6 }, medianBuildingDistanceM: 420, buildingIds: ['z'] }),
];

describe('compare rows', () => {
  const rows = metricRows(stats);
  const row = (id: string) => rows.find((r) => r.id === id)!;

  it('takes every value from the analysis output', () => {
    expect(row('area').values).toEqual({ 'zone-a': 3.02, 'zone-b': 5.4 });
    expect(row('coverage800').values).toEqual({ 'zone-a': 0.8, 'zone-b': 0.6 });
    expect(row('buildings').values).toEqual({ 'zone-a': 2, 'zone-b': 1 });
  });

  it('marks the best value by the row’s direction, and none for rows without one', () => {
    expect(bestOf(row('coverage500'), ['zone-a', 'zone-b'])).toEqual(['zone-a']);
    expect(bestOf(row('medianDistance'), ['zone-a', 'zone-b'])).toEqual(['zone-a']);
    expect(bestOf(row('area'), ['zone-a', 'zone-b'])).toEqual([]);
    expect(bestOf(row('coverage500'), ['zone-b'])).toEqual([]);
    expect(bestOf(row('places'), ['zone-a', 'zone-b'])).toEqual([]); // 0 and 0: a tie everywhere
  });

  it('formats km², percent and metres, and a missing value as a dash', () => {
    expect(formatValue(3.019, 'km2')).toBe('3.02');
    expect(formatValue(0.456, 'percent')).toBe('46%');
    expect(formatValue(417, 'm')).toBe('420');
    expect(formatValue(null, 'm')).toBe('—');
  });

  it('writes CSV with a header, one column per zone and quoted methods', () => {
    const csv = toCsv([row('area'), row('medianDistance')], [{ id: 'zone-a', name: 'East, Zone' }, { id: 'zone-b', name: 'Central' }], (r) => r.id, (r) => `how ${r.id}, measured`);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('metric,unit,"East, Zone",Central,method');
    expect(lines[1]).toBe('area,km²,3.02,5.4,"how area, measured"');
    expect(lines[2]!.startsWith('medianDistance,metres,200,420,')).toBe(true);
  });
});
