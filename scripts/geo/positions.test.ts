// @vitest-environment node
/** The position vocabulary of geo/sources/ on a small made-up research: what each method means. */
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { posSchema, resolveGeom, resolveLine, resolvePos, type Pos } from './positions';
import type { BmItem, Research } from './research';

const roadItem = (name_zh: string, coordinates: [number, number][]): BmItem => ({
  name_zh, name_en: name_zh, class: 'arterial', source: '', license_attribution: '', confidence: 'low', geometry: { type: 'LineString', coordinates },
});
// 东西路 runs west → east along 31.2 N, 南北路 south → north along 121.4 E; 东段 continues 东西路.
const research = {
  geoFacts: {
    stations: [{ name_zh: '站', lon: 121.39, lat: 31.2 }],
    places: [{ name_zh: '北点', lon: 121.395, lat: 31.202 }, { name_zh: '无点', lon: null, lat: null }],
    hongqiao_airport: { reference_point: { lon: 121.33, lat: 31.19 } },
  },
  geoFacts2: { places: [{ name_zh: '参照', lon: 121.41, lat: 31.21 }] },
  basemap: { layers: { roads: [roadItem('东西路', [[121.38, 31.2], [121.42, 31.2]]), roadItem('东段', [[121.42, 31.2], [121.43, 31.2]]), roadItem('南北路', [[121.4, 31.19], [121.4, 31.21]])] } },
  extra: {},
} as unknown as Research;

const m = (a: number[], b: number[]) => distance(a, b, { units: 'meters' });

describe('position methods', () => {
  it('research points by name: places, stations, the airport reference point', () => {
    expect(resolvePos(research, { place: '北点', in: 'geo-facts' })).toEqual([121.395, 31.202]);
    expect(resolvePos(research, { place: '参照', in: 'geo-facts-2' })).toEqual([121.41, 31.21]);
    expect(resolvePos(research, { station: '站' })).toEqual([121.39, 31.2]);
    expect(resolvePos(research, { research_point: 'hongqiao_airport' })).toEqual([121.33, 31.19]);
    expect(() => resolvePos(research, { place: '无点', in: 'geo-facts' })).toThrow('无点 has no point in the research');
    expect(() => resolvePos(research, { station: '无站' })).toThrow('expected exactly one "无站", found 0');
  });

  it('crossing: the one point two lines share', () => {
    const p = resolvePos(research, { crossing: ['东西路', '南北路'] });
    expect(m(p, [121.4, 31.2])).toBeLessThan(0.01);
    expect(() => resolvePos(research, { crossing: ['东段', '南北路'] })).toThrow('东段 × 南北路: expected one crossing, found 0');
  });

  it('along: metres from the point of the line nearest `from`, towards its end or its start', () => {
    const east = resolvePos(research, { along: '东西路', from: { place: '北点', in: 'geo-facts' }, metres: 500, towards: 'end' });
    const west = resolvePos(research, { along: '东西路', from: { place: '北点', in: 'geo-facts' }, metres: 500, towards: 'start' });
    expect(east[1]).toBeCloseTo(31.2, 4);
    expect(m(east, [121.395, 31.2])).toBeCloseTo(500, 0);
    expect(east[0]).toBeGreaterThan(121.395);
    expect(west[0]).toBeLessThan(121.395);
    expect(() => resolvePos(research, { along: '东西路', from: [121.41, 31.2], metres: 5000, towards: 'end' })).toThrow('line too short');
  });

  it('offset: metres on a bearing, or as far as a point lies off a line', () => {
    const p = resolvePos(research, { offset: [121.4, 31.2], metres: 300, bearing: 90 });
    expect(m(p, [121.4, 31.2])).toBeCloseTo(300, 3);
    expect(p[0]).toBeGreaterThan(121.4);
    const mirrored = resolvePos(research, { offset: [121.41, 31.2], metres: { off_line: '东西路', of: { place: '北点', in: 'geo-facts' } }, bearing: 0 });
    expect(mirrored[1]).toBeCloseTo(31.202, 5);
  });

  it('gcj02: the mean of the points, moved by the offset of a nearby converted pair', () => {
    const p = resolvePos(research, { gcj02: [[121.415, 31.205], [121.417, 31.207]], offset_at: { gcj02: [121.4146, 31.2076], wgs84: { place: '参照', in: 'geo-facts-2' } } });
    expect(p[0]).toBeCloseTo(121.416 + 121.41 - 121.4146, 9);
    expect(p[1]).toBeCloseTo(31.206 + 31.21 - 31.2076, 9);
  });

  it('lines: a road, part of one (reversed), roads joined, a meridian', () => {
    expect(resolveLine(research, { road: '东西路', reverse: true })).toEqual([[121.42, 31.2], [121.38, 31.2]]);
    expect(resolveLine(research, { join: ['东西路', '东段'] })).toEqual([[121.38, 31.2], [121.42, 31.2], [121.43, 31.2]]);
    expect(resolveLine(research, { meridian_of: [121.4, 31.3], lat: [31.25, 31.18] })).toEqual([[121.4, 31.25], [121.4, 31.18]]);
    expect(() => resolveLine(research, { road: '东西路', vertices: [0, 1] })).toThrow('fewer than two');
  });

  it('geometries: a point, a line, none', () => {
    expect(resolveGeom(research, { point: [121.4, 31.2] })).toEqual({ type: 'Point', coordinates: [121.4, 31.2] });
    expect(resolveGeom(research, { line: '东段' })).toEqual({ type: 'LineString', coordinates: [[121.42, 31.2], [121.43, 31.2]] });
    expect(resolveGeom(research, null)).toBeNull();
  });

  it('the schema takes nested methods and refuses unknown ones', () => {
    const nested: Pos = { offset: { crossing: ['东西路', { meridian_of: { station: '站' }, lat: [31.3, 31.1] }] }, metres: 120, bearing: 180, comment: 'why' };
    expect(posSchema.safeParse(nested).success).toBe(true);
    expect(posSchema.safeParse({ teleport: [121.4, 31.2] }).success).toBe(false);
    expect(posSchema.safeParse({ offset: [121.4, 31.2], metres: '300', bearing: 90 }).success).toBe(false);
  });
});
