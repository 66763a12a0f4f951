import { describe, expect, it } from 'vitest';
import { walkBands } from 'virtual:derived-geo';
import type { FeatureCollection } from 'geojson';
import { loadCatalog } from '../data/load';
import { loadHeritage } from '../heritage/heritage-data';
import { LAYER_GROUPS, type LayerGroup } from '../stores/layers';
import { featureGeoJSON, shownLayersGeoJSON } from './layers-geojson';

const catalog = loadCatalog();
const meta = { attribution: '© OpenStreetMap contributors (some roads)', report: 'the report', exported: '2026-12-01T00:00:00Z' };
const all = Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>;

describe('GeoJSON export', () => {
  it('holds every located feature of the shown layers, each with its id, names, provenance and layer', () => {
    const fc = shownLayersGeoJSON(catalog, walkBands as FeatureCollection, all, meta);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.meta).toEqual(meta);
    const located = [...catalog.zones, ...catalog.buildings, ...catalog.stations, ...catalog.places].filter((f) => f.geometry);
    for (const f of located) expect(fc.features.some((x) => x.properties?.id === f.properties.id), f.properties.id).toBe(true);
    for (const f of fc.features.filter((x) => x.properties?.layer !== 'walkBands')) {
      expect(f.geometry).not.toBeNull();
      expect(f.properties).toMatchObject({ id: expect.any(String), name_zh: expect.any(String), name_en: expect.any(String), confidence: expect.any(String) });
      expect(LAYER_GROUPS).toContain(f.properties!.layer);
    }
    expect(fc.features.filter((f) => f.properties!.layer === 'walkBands')).toHaveLength(2);
  });
  it('leaves out what the legend hides', () => {
    const fc = shownLayersGeoJSON(catalog, walkBands as FeatureCollection, { ...all, roads: false, walkBands: false }, meta);
    expect(fc.layers).not.toContain('roads');
    expect(fc.features.some((f) => f.properties!.layer === 'roads' || f.properties!.layer === 'walkBands')).toBe(false);
    expect(fc.features.filter((f) => f.properties!.layer === 'buildings')).toHaveLength(catalog.buildings.length);
  });
  it('takes the historic buildings (loaded on demand) when their layer is shown, with their OSM credit', async () => {
    const heritage = await loadHeritage();
    const fc = shownLayersGeoJSON(catalog, walkBands as FeatureCollection, all, meta, heritage as never);
    const exported = fc.features.filter((f) => f.properties!.layer === 'heritage');
    expect(exported).toHaveLength(heritage.length);
    expect(exported.every((f) => f.properties!.osm === true && String(f.properties!.osm_ref).match(/^(node|way|relation)\//))).toBe(true);
    expect(shownLayersGeoJSON(catalog, walkBands as FeatureCollection, { ...all, heritage: false }, meta, heritage as never).features.some((f) => f.properties!.layer === 'heritage')).toBe(false);
  });
  it('exports one feature as a collection of one', () => {
    const b = catalog.buildings[0]!;
    const fc = featureGeoJSON(b as never, meta);
    expect(fc.features).toEqual([b]);
    expect(fc.name).toBe(`zhangjiang-changning-${b.properties.id}`);
  });
});
