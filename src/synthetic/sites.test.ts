import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  BandedPolygon,
  MAX_SYNTHETIC_SITES,
  generateSites,
  mulberry32,
  parseSyntheticCount,
  siteAt,
  siteId,
  siteNumberOf,
  sitesToGeoJSON,
} from './sites';

const districts = JSON.parse(readFileSync(new URL('../../geo/districts.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { class: string }>;
const changning = districts.features.find((f) => f.properties.class === 'focus')! as Feature<Polygon | MultiPolygon>;

describe('synthetic sites', () => {
  it('are deterministic for a seed, and differ for another seed', () => {
    const a = generateSites(changning.geometry, 2000, 42);
    const b = generateSites(changning.geometry, 2000, 42);
    const c = generateSites(changning.geometry, 2000, 43);
    expect(Array.from(a.coords)).toEqual(Array.from(b.coords));
    expect(Array.from(a.coords)).not.toEqual(Array.from(c.coords));
  });

  it('make exactly the count asked for, numbered 1…N, and a smaller N is a prefix of a larger one', () => {
    for (const n of [0, 1, 7, 1000]) expect(generateSites(changning.geometry, n).coords.length).toBe(n * 2);
    const small = generateSites(changning.geometry, 100);
    const large = generateSites(changning.geometry, 1000);
    expect(Array.from(large.coords.subarray(0, 200))).toEqual(Array.from(small.coords));
    const fc = sitesToGeoJSON(small);
    expect(fc.features).toHaveLength(100);
    expect(fc.features[0]!.id).toBe(1);
    expect(fc.features[99]!.id).toBe(100);
    expect(fc.features[41]!.geometry.coordinates).toEqual(siteAt(small, 42));
    expect(siteAt(small, 0)).toBeNull();
    expect(siteAt(small, 101)).toBeNull();
  });

  it('all lie inside the Changning district (checked with turf), spread over it', () => {
    const sites = generateSites(changning.geometry, 5000);
    const outside: number[] = [];
    for (let n = 1; n <= sites.count; n++) if (!booleanPointInPolygon(point(siteAt(sites, n)!), changning)) outside.push(n);
    expect(outside).toEqual([]);
    // Uniform over the area: both halves of the district's bounding box get a fair share.
    const [w, , e] = new BandedPolygon(changning.geometry).bbox;
    let west = 0;
    for (let n = 1; n <= sites.count; n++) if (siteAt(sites, n)![0] < (w + e) / 2) west++;
    expect(west).toBeGreaterThan(500);
    expect(west).toBeLessThan(4500);
  });

  it('the banded point-in-polygon test agrees with turf everywhere in and around the district', () => {
    const banded = new BandedPolygon(changning.geometry);
    const [w, s, e, n] = banded.bbox;
    const random = mulberry32(7);
    let disagree = 0;
    for (let i = 0; i < 20_000; i++) {
      const x = w - 0.01 + random() * (e - w + 0.02);
      const y = s - 0.01 + random() * (n - s + 0.02);
      if (banded.contains(x, y) !== booleanPointInPolygon(point([x, y]), changning)) disagree++;
    }
    expect(disagree).toBe(0);
  });

  it('handles holes and multipolygons by the even–odd rule', () => {
    const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
    const withHole = new BandedPolygon({ type: 'Polygon', coordinates: [square(0, 0, 10), square(4, 4, 2)] });
    expect(withHole.contains(1, 1)).toBe(true);
    expect(withHole.contains(5, 5)).toBe(false);
    const two = new BandedPolygon({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] });
    expect(two.contains(0.5, 0.5)).toBe(true);
    expect(two.contains(5.5, 5.5)).toBe(true);
    expect(two.contains(3, 3)).toBe(false);
  });

  it('makes 100,000 sites with a point test that looks at one band of the outline, not all of it', () => {
    // Why a page load can afford 100,000: each candidate point is tested against one band's edges.
    // (How long it takes is a figure of `npm run bench`, not a test: a busy machine is not a broken product.)
    const banded = new BandedPolygon(changning.geometry);
    expect(banded.edgeCount).toBeGreaterThan(100);
    expect(banded.busiestBand).toBeLessThan(banded.edgeCount / 10);
    const sites = generateSites(banded, 100_000);
    expect(sites.coords.length).toBe(200_000);
    expect(banded.contains(...siteAt(sites, 100_000)!)).toBe(true);
  });
});

describe('?synthetic=N', () => {
  it('is off unless N is a whole number ≥ 1, and capped', () => {
    expect(parseSyntheticCount('')).toBeNull();
    expect(parseSyntheticCount('?lang=en')).toBeNull();
    expect(parseSyntheticCount('?synthetic=')).toBeNull();
    expect(parseSyntheticCount('?synthetic=0')).toBeNull();
    expect(parseSyntheticCount('?synthetic=-5')).toBeNull();
    expect(parseSyntheticCount('?synthetic=1e5')).toBeNull();
    expect(parseSyntheticCount('?synthetic=abc')).toBeNull();
    expect(parseSyntheticCount('?synthetic=2000')).toBe(2000);
    expect(parseSyntheticCount('?x=1&synthetic=100000')).toBe(100_000);
    expect(parseSyntheticCount('?synthetic=999999999')).toBe(MAX_SYNTHETIC_SITES);
  });

  it('site ids round-trip and never match another id', () => {
    expect(siteNumberOf(siteId(123))).toBe(123);
    expect(siteNumberOf('bldg-gold-hongqiao-center')).toBeNull();
    expect(siteNumberOf(null)).toBeNull();
    expect(siteNumberOf('synthetic-site-')).toBeNull();
  });
});
