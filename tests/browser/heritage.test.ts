import { readFileSync } from 'node:fs';
import { centroid } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { useChromium } from './fixtures';

type HeritageProps = { id: string; osm_ref: string; place?: string; name_zh: string };
const features = (JSON.parse(readFileSync(new URL('../../geo/heritage.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon, HeritageProps>).features;
const heritage = features.map((f) => f.properties);
/** the middle of the Changning part of 愚园路, where its linked lanes are */
const YUYUAN: [number, number] = [31.2214, 121.4236];

/** "Historic buildings (OSM)": drawn from zoom 14, loaded on demand, credited to OpenStreetMap, listed in the linked places' panels. */
describe('OpenStreetMap heritage footprints, in Chromium', () => {
  const chromium = useChromium();

  it('are not loaded for the first view, are on the map but not drawn at zoom 13, are drawn from 14, and follow their legend toggle', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/');
    try {
      // The park's first view (zoom ~11–12) neither fetches nor adds them.
      expect(await app.heritageAdded()).toBe(false);
      expect(app.requests.filter((u) => /heritage/i.test(u))).toEqual([]);
      await app.showView(13, ...YUYUAN);
      await expect.poll(() => app.heritageAdded(), { timeout: 10_000 }).toBe(true);
      await app.waitForRedraw();
      expect(await app.renderedHeritage()).toEqual([]);
      await app.showView(14, ...YUYUAN);
      await expect.poll(() => app.renderedHeritage()).not.toEqual([]);
      const drawn = await app.renderedHeritage();
      expect(drawn.every((id) => heritage.some((h) => h.id === id))).toBe(true);
      // the lanes linked to 愚园路 are among them
      expect(drawn.filter((id) => heritage.find((h) => h.id === id)!.place === 'place-yuyuan-road').length).toBeGreaterThan(3);
      const toggle = app.page.locator('input[data-layer-group="heritage"]');
      expect(await app.page.getByTestId('legend').innerText()).toContain('Historic buildings (OSM)');
      await toggle.uncheck();
      await app.waitForRedraw();
      await expect.poll(() => app.renderedHeritage()).toEqual([]);
      await toggle.check();
      await expect.poll(() => app.renderedHeritage()).not.toEqual([]);
      expect(app.offOrigin).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a click on a linked footprint opens its place (the footprint lies inside the place’s extent)', async () => {
    const qishan = features.find((f) => f.properties.name_zh === '岐山村')! as Feature<Polygon, HeritageProps>;
    const [lon, lat] = centroid(qishan).geometry.coordinates as [number, number];
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/#map=16/${lat}/${lon}`);
    try {
      await expect.poll(() => app.renderedHeritage()).toContain(qishan.properties.id);
      await app.clickAt([lon, lat]);
      await expect.poll(() => new URL(app.page.url()).pathname).toBe('/place/place-yuyuan-road');
      await expect.poll(() => app.heading().innerText()).toBe('Yuyuan Road');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('the 新华路 place panel lists its linked OSM features by name and OSM id, as our interpretation; the map credits OpenStreetMap', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/place/place-xinhua-road-conservation-area');
    try {
      const list = app.page.getByTestId('heritage-list');
      const linked = heritage.filter((h) => h.place === 'place-xinhua-road-conservation-area');
      await expect.poll(() => list.locator('li').count()).toBe(linked.length);
      const text = await list.innerText();
      for (const h of linked) expect(text).toContain(h.osm_ref.replace('/', ' '));
      expect(text).toContain('way 494633276');
      expect(text).toContain('Hudec Memorial Hall');
      expect(await app.page.getByTestId('heritage-interpretation').innerText()).toMatch(/our interpretation of the report's wording/);
      const credits = await app.page.locator('.maplibregl-ctrl-attrib-inner').innerText();
      expect(credits).toContain('© OpenStreetMap contributors');
      expect(credits).toMatch(/heritage and metro station data/);
      // A linked place selected loads the layer (its footprints drawn stronger once in view).
      await expect.poll(() => app.heritageAdded()).toBe(true);
      expect(app.offOrigin).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('in Chinese: the 愚园路 panel names the list and marks OSM features without a name as 未命名', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/place/place-yuyuan-road', undefined, 'zh-CN');
    try {
      const list = app.page.getByTestId('heritage-list');
      const linked = heritage.filter((h) => h.place === 'place-yuyuan-road');
      await expect.poll(() => list.locator('li').count()).toBe(linked.length);
      const text = await list.innerText();
      expect(await list.locator('h3').textContent()).toBe('历史建筑（OpenStreetMap）');
      expect(text).toContain('岐山村');
      expect(text).toContain('未命名');
      expect(await app.page.locator('.maplibregl-ctrl-attrib-inner').innerText()).toContain('历史建筑与地铁站数据');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
