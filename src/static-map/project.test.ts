import { describe, expect, it } from 'vitest';
import { fitMercator, inverseMercator, mercator, viewBBox, type BBox } from './project';

describe('Web Mercator', () => {
  it('gives the EPSG:3857 values at known points', () => {
    const [x0, y0] = mercator([0, 0]);
    expect(x0).toBe(0);
    expect(y0).toBeCloseTo(0, 6);
    const [x180] = mercator([180, 0]);
    expect(x180).toBeCloseTo(20037508.34, 1);
    // The square world: the limit latitude sits as far north as 180° is east.
    expect(mercator([0, 85.0511287798066])[1]).toBeCloseTo(20037508.34, 0);
    // 45° N is 5,621,521.49 m north in EPSG:3857; 121.4° E is 121.4/180 of the half-circumference.
    expect(mercator([0, 45])[1]).toBeCloseTo(5621521.49, 1);
    const [x, y] = mercator([121.4, 31.2]);
    expect(x).toBeCloseTo((121.4 / 180) * 20037508.34, 0);
    expect(y).toBeCloseTo(3658750.28, 1);
  });

  it('round-trips lon/lat through metres', () => {
    for (const p of [[121.3471, 31.1986], [-73.98, 40.75], [0, -60], [179.9, 84]] as [number, number][]) {
      const [lon, lat] = inverseMercator(mercator(p));
      expect(lon).toBeCloseTo(p[0], 9);
      expect(lat).toBeCloseTo(p[1], 9);
    }
  });
});

describe('fitMercator: a bounding box fitted to a pixel frame', () => {
  const bbox: BBox = [121.32, 31.18, 121.45, 31.25]; // wider than tall, like Changning
  const width = 800;
  const height = 600;

  it('puts the box corners on the frame edges on the constraining axis and centres the other', () => {
    const { project } = fitMercator(bbox, width, height);
    const [x0, yS] = project([bbox[0], bbox[1]]);
    const [x1, yN] = project([bbox[2], bbox[3]]);
    expect(x0).toBeCloseTo(0, 6);
    expect(x1).toBeCloseTo(width, 6);
    // Centred vertically, inside the frame.
    expect((yS + yN) / 2).toBeCloseTo(height / 2, 6);
    expect(yN).toBeGreaterThan(0);
    expect(yS).toBeLessThan(height);
  });

  it('has north up and east to the right', () => {
    const { project } = fitMercator(bbox, width, height);
    const [, ySouth] = project([121.4, 31.2]);
    const [, yNorth] = project([121.4, 31.22]);
    expect(yNorth).toBeLessThan(ySouth);
    const [xWest] = project([121.35, 31.2]);
    const [xEast] = project([121.4, 31.2]);
    expect(xEast).toBeGreaterThan(xWest);
  });

  it('fits a tall frame by height, with equal scale on both axes (a square stays square)', () => {
    const tall = fitMercator(bbox, 390, 844);
    const [, yS] = tall.project([bbox[0], bbox[1]]);
    const [, yN] = tall.project([bbox[2], bbox[3]]);
    const [x0] = tall.project([bbox[0], bbox[1]]);
    const [x1] = tall.project([bbox[2], bbox[3]]);
    expect(x0).toBeCloseTo(0, 6);
    expect(x1).toBeCloseTo(390, 6);
    expect(yS - yN).toBeLessThan(844);
    // 1 km east and 1 km north (in Mercator metres) cover the same number of pixels.
    const [ax, ay] = tall.project(inverseMercator([13_500_000, 3_660_000]));
    const [bx] = tall.project(inverseMercator([13_501_000, 3_660_000]));
    const [, cy] = tall.project(inverseMercator([13_500_000, 3_661_000]));
    expect(bx - ax).toBeCloseTo(ay - cy, 6);
  });

  it('keeps padding free, per side', () => {
    const { project } = fitMercator(bbox, width, height, { top: 100, left: 20, right: 20, bottom: 20 });
    const [x0, yS] = project([bbox[0], bbox[1]]);
    const [x1, yN] = project([bbox[2], bbox[3]]);
    expect(Math.min(x0, x1)).toBeGreaterThanOrEqual(20 - 1e-6);
    expect(Math.max(x0, x1)).toBeLessThanOrEqual(width - 20 + 1e-6);
    expect(yN).toBeGreaterThanOrEqual(100 - 1e-6);
    expect(yS).toBeLessThanOrEqual(height - 20 + 1e-6);
    // One pair of opposite padded edges is touched.
    const touchesX = Math.abs(x0 - 20) < 1e-6 && Math.abs(x1 - (width - 20)) < 1e-6;
    const touchesY = Math.abs(yN - 100) < 1e-6 && Math.abs(yS - (height - 20)) < 1e-6;
    expect(touchesX || touchesY).toBe(true);
  });

  it('inverts what it projects', () => {
    const p = fitMercator(bbox, width, height, 16);
    for (const ll of [[121.33, 31.19], [121.44, 31.24], [121.4, 31.21]] as [number, number][]) {
      const [lon, lat] = p.invert(p.project(ll));
      expect(lon).toBeCloseTo(ll[0], 9);
      expect(lat).toBeCloseTo(ll[1], 9);
    }
    const [lonTL, latTL] = p.invert([16, 300]);
    expect(lonTL).toBeCloseTo(bbox[0], 9);
    expect(latTL).toBeGreaterThan(bbox[1]);
  });
});

describe('viewBBox: a zoomed or panned view as a box to fit', () => {
  it('fits back to the asked centre and scale', () => {
    const pad = { top: 70, right: 16, bottom: 16, left: 16 };
    const park = fitMercator([121.32, 31.18, 121.45, 31.25], 390, 844, pad);
    const center: [number, number] = [121.4, 31.21];
    const zoomed = fitMercator(viewBBox(center, park.scale * 3, 390, 844, pad), 390, 844, pad);
    expect(zoomed.scale / park.scale).toBeCloseTo(3, 9);
    const [x, y] = zoomed.project(center);
    expect(x).toBeCloseTo(16 + (390 - 32) / 2, 6);
    expect(y).toBeCloseTo(70 + (844 - 86) / 2, 6);
  });
});
