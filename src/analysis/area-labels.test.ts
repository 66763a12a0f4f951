import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from '../data/schema';
import { areaLabelPoints } from './area-labels';

const props = (id: string) => ({ id, name_zh: id, name_en: id, kind: 'zone', sources: ['t'], confidence: 'low', named_in_report: false, identity: 't', position: 't' }) as GeoFeature['properties'];
const poly = (id: string, ring: [number, number][]): GeoFeature => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: props(id) });

describe('areaLabelPoints', () => {
  it('labels a convex area at its centroid', () => {
    const square = poly('sq', [[121.4, 31.2], [121.42, 31.2], [121.42, 31.22], [121.4, 31.22], [121.4, 31.2]]);
    const [p] = areaLabelPoints([square]).features;
    expect(p!.geometry.coordinates[0]).toBeCloseTo(121.41, 6);
    expect(p!.geometry.coordinates[1]).toBeCloseTo(31.21, 6);
    expect(p!.properties!.id).toBe('sq');
  });

  it('keeps the label inside a concave area whose centroid falls outside', () => {
    // A "U": the centroid lies in the notch.
    const u = poly('u', [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]].map(([x, y]) => [121.3 + x! * 0.01, 31.2 + y! * 0.01]) as [number, number][]);
    const [p] = areaLabelPoints([u]).features;
    expect(booleanPointInPolygon(p!, u as unknown as Feature<Polygon>)).toBe(true);
  });

  it('skips features without an area', () => {
    const point: GeoFeature = { type: 'Feature', geometry: { type: 'Point', coordinates: [121.4, 31.2] }, properties: props('p') };
    expect(areaLabelPoints([point]).features).toEqual([]);
  });
});
