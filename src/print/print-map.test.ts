import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Point } from 'geojson';
import { areaLabels } from 'virtual:derived-geo';
import { loadCatalog } from '../data/load';
import { parkBBox, staticMapData } from '../static-map/render-svg';
import { printFrame, printMapSvg } from './print-map';

const catalog = loadCatalog();
const park = parkBBox(staticMapData(catalog));
const options = { lang: 'en' as const, title: 'a map', kindNames: {} };
const inside = ([w, s, e, n]: number[], [lon, lat]: number[]) => lon! > w! && lon! < e! && lat! > s! && lat! < n!;

describe('the printed map', () => {
  it('frames a building with its neighbourhood, about 1.8 km across', () => {
    const b = catalog.buildings[0]!;
    const at = (b.geometry as Point).coordinates;
    const box = printFrame(b, park);
    expect(inside(box, at)).toBe(true);
    const metresAcross = (box[2] - box[0]) * 111_320 * Math.cos((at[1]! * Math.PI) / 180);
    expect(metresAcross).toBeGreaterThan(1700);
    expect(metresAcross).toBeLessThan(1900);
  });
  it('frames a zone whole, with a margin', () => {
    const z = catalog.zones[0]!;
    const [w, s, e, n] = printFrame(z, park);
    const ring = (z.geometry as { coordinates: number[][][] }).coordinates.flat(2) as unknown as number[];
    const lons = ring.filter((_, i) => i % 2 === 0);
    const lats = ring.filter((_, i) => i % 2 === 1);
    expect(w).toBeLessThan(Math.min(...lons));
    expect(e).toBeGreaterThan(Math.max(...lons));
    expect(s).toBeLessThan(Math.min(...lats));
    expect(n).toBeGreaterThan(Math.max(...lats));
  });
  it('draws no map for a place with no position', () => {
    const unlocated = catalog.places.find((p) => !p.geometry)!;
    expect(printFrame(unlocated, park)).toEqual(park);
    expect(printMapSvg(catalog, areaLabels as FeatureCollection<Point>, unlocated, options)).toBeNull();
  });
  it('draws the feature highlighted, as a picture with no focusable parts', () => {
    const b = catalog.buildings[0]!;
    const svg = printMapSvg(catalog, areaLabels as FeatureCollection<Point>, b, options)!;
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="a map"/);
    expect(svg).toContain(`data-feature-id="${b.properties.id}" data-kind="key-building" data-selected="true"`);
    expect(svg).toContain(b.properties.name_en.split(' ')[0]);
    expect(svg).not.toContain('tabindex');
    expect(svg).not.toContain('role="button"');
    // four copies go into a page (zh/en × phone/desktop): only what shows is drawn
    expect(gzipSync(svg).length).toBeLessThan(6_000);
    const whole = printMapSvg(catalog, areaLabels as FeatureCollection<Point>, catalog.zones.find((z) => z.properties.id === 'zone-west')!, options)!;
    expect(whole).toContain('data-feature-id="zone-west"');
    expect(gzipSync(whole).length).toBeLessThan(7_000);
  });
});
it('size', () => {
  for (const f of [catalog.buildings[0]!, ...catalog.zones, catalog.stations[0]!]) {
    const svg = printMapSvg(catalog, areaLabels as FeatureCollection<Point>, f, options)!;
    console.log('SIZE', f.properties.id, svg.length, gzipSync(svg).length);
  }
});
