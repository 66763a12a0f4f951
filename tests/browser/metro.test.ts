import { distance } from '@turf/turf';
import { describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { geo, useChromium } from './fixtures';

/** The other lines' stations (OpenStreetMap): on the map, clickable, and in every "how far to the metro?". */
describe('metro stations of every line, in Chromium', () => {
  const chromium = useChromium();
  const yili = geo.metroStations.find((s) => s.properties.name_zh === '伊犁路')!;
  const nearestOf = (at: [number, number], among: typeof geo.stations) =>
    among.map((s) => ({ s, m: distance(at, s.geometry.coordinates, { units: 'meters' }) })).sort((a, b) => a.m - b.m)[0]!;
  // A building whose nearest metro of any line is not on Line 2: the case the new row is for.
  const building = geo.buildings
    .map((b) => ({ b, line2: nearestOf(b.geometry.coordinates as [number, number], geo.stations), any: nearestOf(b.geometry.coordinates as [number, number], [...geo.stations, ...geo.metroStations]) }))
    .find((x) => x.any.s.properties.kind === 'metro-station')!;

  it('a Line 10 station is drawn with its badge, and a click opens its panel with its lines and the nearest Line 2 station', async () => {
    const [lon, lat] = yili.geometry.coordinates;
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/#map=14.5/${lat}/${lon}`);
    try {
      await expect.poll(async () => (await app.renderedLabels('metro-stations-circle')).map((f) => f.id)).toContain(yili.properties.id);
      // The badge is an image drawn on demand: a symbol is only placed once its image exists.
      await expect.poll(async () => (await app.renderedLabels('metro-stations-badge')).map((f) => f.id)).toContain(yili.properties.id);
      await app.clickAt([lon!, lat!]);
      await expect.poll(() => new URL(app.page.url()).pathname).toBe(`/metro/${yili.properties.id}`);
      await expect(app.heading().innerText()).resolves.toContain('Yili Road');
      const lines = app.page.getByTestId('metro-lines');
      await expect.poll(() => lines.innerText()).toContain('Line 10');
      expect(await lines.getByTestId('line-badges').locator('.line-badge').count()).toBe(1);
      expect(await app.page.getByTestId('nearest-station').innerText()).toMatch(/m in a straight line/);
      expect(await app.page.getByTestId('metro-osm-nodes').innerText()).toMatch(/node \d+/);
      expect(await app.panel().innerText()).toContain('OpenStreetMap');
      expect(app.consoleErrors).toEqual([]);
      expect(app.offOrigin).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("a building's panel gives the nearest Line 2 station and the nearest metro of any line, each with its distance", async () => {
    expect(building, 'a building nearer another line than Line 2').toBeDefined();
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/building/${building.b.properties.id}`);
    try {
      const line2 = app.page.getByTestId('nearest-station');
      const any = app.page.getByTestId('nearest-metro');
      await expect.poll(() => any.innerText()).toContain(building.any.s.properties.name_en);
      expect(await line2.innerText()).toContain(building.line2.s.properties.name_en);
      const metres = async (l: typeof any) => Number(/(\d+) m in a straight line/.exec(await l.innerText())![1]);
      expect(await metres(any)).toBe(Math.round(building.any.m / 10) * 10);
      expect(await metres(line2)).toBe(Math.round(building.line2.m / 10) * 10);
      expect(await metres(any)).toBeLessThan(await metres(line2));
      expect(await any.getByTestId('line-badges').innerText()).toMatch(/\d/);
    } finally {
      await app.close();
    }
  });

  it('the comparison has a row for the area within 500 m of any metro station, never below the Line 2 row', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/compare?zones=east,central,west');
    try {
      const row = (label: string) => app.page.locator('tr', { hasText: label });
      await expect.poll(() => row('Area within 500 m of any metro station').count()).toBe(1);
      const shares = async (label: string) => (await row(label).locator('td').allInnerTexts()).map((t) => Number(/(\d+)%/.exec(t)?.[1]));
      const anyMetro = await shares('Area within 500 m of any metro station');
      const line2 = await shares('Area within 500 m of a Line 2 station');
      expect(anyMetro).toHaveLength(3);
      anyMetro.forEach((v, i) => expect(v).toBeGreaterThanOrEqual(line2[i]!));
      expect(anyMetro.some((v, i) => v > line2[i]!)).toBe(true);
      expect(await row('Area within 500 m of any metro station').innerText()).toContain('OpenStreetMap');
    } finally {
      await app.close();
    }
  });

  it('on a phone, a tap on the station opens it in the sheet', async () => {
    const [lon, lat] = yili.geometry.coordinates;
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/#map=14.5/${lat}/${lon}`, { width: 390, height: 844 }, 'en-US', { isMobile: true, hasTouch: true });
    try {
      const { x, y } = await app.screenPosition([lon!, lat!]);
      await app.page.touchscreen.tap(x, y);
      await expect.poll(() => new URL(app.page.url()).pathname).toBe(`/metro/${yili.properties.id}`);
      await expect.poll(() => app.page.locator('[data-testid="metro-lines"]:visible').innerText()).toContain('Line 10');
    } finally {
      await app.close();
    }
  });
});
