import { booleanPointInPolygon, point } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../data/load';
import { importContext } from './context';
import { layerOf, problemOf } from '../../tests/fixtures/outcomes';
import { IMPORT_LIMITS } from './limits';
import { formatOf, readSites } from './read-sites';
import type { Datum } from './types';

const catalog = loadCatalog();
const context = importContext(catalog);
const read = (fileName: string, text: string, datum: Datum = 'WGS84') => readSites({ fileName, text, datum, importedAt: '2026-12-01T00:00:00Z' }, context);

const buildings = catalog.buildings.map((b) => ({ id: b.properties.id, at: b.geometry.coordinates as [number, number], zone: b.properties.zone ?? null }));
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = (at: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties });

describe('readSites', () => {
  it("places every key building's position in its zone with its panel's nearest station", async () => {
    const layer = layerOf(await read('b.geojson', fc(buildings.map((b) => pt(b.at, { name: b.id })))));
    expect(layer.sites).toHaveLength(buildings.length);
    for (const [i, b] of buildings.entries()) {
      const site = layer.sites[i]!;
      expect(site.name).toBe(b.id);
      expect(site.zone).toBe(b.zone);
      expect(site.station).toBe(catalog.nearestStationTo(b.id)!.stationId);
      // and the nearest station of any line, as the building's panel gives it
      expect(site.metro).toBe(catalog.nearestMetroTo(b.id)!.stationId);
      expect(site.metroM).toBeCloseTo(catalog.nearestMetroTo(b.id)!.straightM, 6);
    }
    const expected = { east: 0, central: 0, west: 0, outside: 0 };
    for (const b of buildings) expected[b.zone ?? 'outside']++;
    expect(layer.counts).toEqual(expected);
  });

  it('counts per zone as turf does, outside included', async () => {
    const points: [number, number][] = Array.from({ length: 40 }, (_, i) => [121.36 + (i % 8) * 0.012, 31.2 + Math.floor(i / 8) * 0.006]);
    const layer = layerOf(await read('grid.geojson', fc(points.map((p) => pt(p)))));
    const expected = { east: 0, central: 0, west: 0, outside: 0 };
    for (const p of points) expected[context.zones.find((z) => booleanPointInPolygon(point(p), z.geometry))?.id ?? 'outside']++;
    expect(layer.counts).toEqual(expected);
    expect(expected.outside).toBeGreaterThan(0);
    expect(expected.outside).toBeLessThan(points.length);
  });

  it('reads CSV and TSV with found columns, and converts GCJ-02 and BD-09 as gcoord does', async () => {
    const csv = `名称,经度,纬度,备注\nA,121.4165,31.2185,"first, with comma"\nB,121.38,31.21,\n`;
    const wgs = layerOf(await read('sites.csv', csv));
    expect(wgs.columns).toEqual({ lon: '经度', lat: '纬度', name: '名称' });
    expect(wgs.sites.map((s) => s.at)).toEqual([
      [121.4165, 31.2185],
      [121.38, 31.21],
    ]);
    expect(wgs.fieldNames).toEqual(['名称', '备注']);
    expect(wgs.sites[0]!.values).toEqual(['A', 'first, with comma']);
    expect(wgs.sites[1]!.values).toEqual(['B', '']);
    const gcj = layerOf(await read('sites.csv', csv, 'GCJ02'));
    expect(gcj.sites[0]!.at).toEqual(gcoord.transform([121.4165, 31.2185], gcoord.GCJ02, gcoord.WGS84));
    expect(gcj.sites[0]!.original).toEqual([121.4165, 31.2185]);
    // GCJ-02 sits a few hundred metres east-south-east of WGS84 in Shanghai: converting moves points back west-north-west.
    expect(gcj.sites[0]!.at[0]).toBeLessThan(121.4165);
    expect(gcj.sites[0]!.at[1]).toBeGreaterThan(31.2185);
    const bd = layerOf(await read('sites.tsv', 'name\tlng\tlat\nA\t121.4165\t31.2185\n', 'BD09'));
    expect(bd.sites[0]!.at).toEqual(gcoord.transform([121.4165, 31.2185], gcoord.BD09, gcoord.WGS84));
  });

  it('keeps markup in values as text, and cuts very long values', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const layer = layerOf(await read('x.geojson', fc([pt([121.4, 31.21], { name: evil, note: 'x'.repeat(2000), nested: { a: 1 } })])));
    expect(layer.sites[0]!.name).toBe(evil);
    const fields = Object.fromEntries(layer.fieldNames.map((k, i) => [k, layer.sites[0]!.values[i]]));
    expect(fields.note!.length).toBe(IMPORT_LIMITS.maxFieldChars);
    expect(fields.nested).toBe('{"a":1}');
  });

  it('lines up GeoJSON properties that differ between features under one list of names', async () => {
    const layer = layerOf(await read('p.geojson', fc([pt([121.4, 31.21], { a: 1, b: 'x' }), pt([121.41, 31.21], { c: true }), pt([121.42, 31.21], { b: 'y', a: null })])));
    expect(layer.fieldNames).toEqual(['a', 'b', 'c']);
    expect(layer.sites.map((s) => s.values)).toEqual([['1', 'x'], ['', '', 'true'], ['', 'y']]);
  });

  it('takes MultiPoint apart and skips features that are not points', async () => {
    const layer = layerOf(
      await read('m.geojson', fc([{ type: 'Feature', geometry: { type: 'MultiPoint', coordinates: [[121.4, 31.21], [121.41, 31.22]] }, properties: null }, { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.4, 31.21], [121.41, 31.22]] }, properties: {} }, { type: 'Feature', geometry: null, properties: {} }])),
    );
    expect(layer.sites).toHaveLength(2);
    expect(layer.skipped).toBe(2);
  });

  it('names the problem of each bad file', async () => {
    expect(problemOf(await read('a.geojson', '  \n'))).toMatchObject({ code: 'empty' });
    expect(problemOf(await read('a.geojson', '{"type": "FeatureCollection",\n "features": [oops]}'))).toMatchObject({ code: 'notJson', params: { line: 2 } });
    expect(problemOf(await read('a.geojson', '{"type":"FeatureCollection",\n"features":[\n{"type":"Feature","geometry":{"type":"Point","coordinates":"x"},"properties":{}}]}'))).toMatchObject({ code: 'notGeojson', params: { line: 3 } });
    expect(problemOf(await read('a.json', '{"hello": 1}'))).toMatchObject({ code: 'notGeojson' });
    expect(problemOf(await read('a.geojson', fc([pt([121.4, 31.2]), pt([1e9, -400])])))).toMatchObject({ code: 'outOfRange', params: { kind: 'feature', n: 2 } });
    expect(problemOf(await read('a.geojson', fc([{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[121.4, 31.2], [121.5, 31.2], [121.5, 31.3], [121.4, 31.2]]] }, properties: {} }])))).toMatchObject({ code: 'noPoints', params: { skipped: 1 } });
    expect(problemOf(await read('a.csv', 'name,address\nA,somewhere\n'))).toMatchObject({ code: 'noCoordColumns', params: { columns: 'name, address' } });
    expect(problemOf(await read('a.csv', 'name,lon,lat\nA,121.4,31.2\nB,east,31.2\n'))).toMatchObject({ code: 'badNumber', params: { n: 2 } });
    expect(problemOf(await read('a.csv', 'name,lon,lat\nA,121.4,95\n'))).toMatchObject({ code: 'outOfRange', params: { kind: 'row', n: 1 } });
    expect(problemOf(await read('a.csv', 'name,lon,lat\n,,\n'))).toMatchObject({ code: 'noPoints' });
  });

  it('refuses more features than the limit before reading them', async () => {
    const rows = Array.from({ length: IMPORT_LIMITS.maxFeatures + 1 }, (_, i) => `${i},121.4,31.2`).join('\n');
    expect(problemOf(await read('big.csv', `id,lon,lat\n${rows}\n`))).toMatchObject({ code: 'tooMany', params: { n: IMPORT_LIMITS.maxFeatures + 1, max: IMPORT_LIMITS.maxFeatures } });
  });

  it('tells GeoJSON from CSV by name, then by content', async () => {
    expect(formatOf('a.GeoJSON', '')).toBe('geojson');
    expect(formatOf('a.tsv', '{')).toBe('csv');
    expect(formatOf('data', ' [1]')).toBe('geojson');
    expect(formatOf('data', 'lon,lat')).toBe('csv');
  });
});
