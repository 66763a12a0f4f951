import { distance } from '@turf/turf';
import { describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { geo, quietPoint, useChromium } from './fixtures';

/** "What's here?" at a point: from a link, a right click, a long press and the map's button. */
describe("what's here, in Chromium", () => {
  const chromium = useChromium();
  const building = geo.buildings.find((b) => b.properties.zone === 'central')!;
  const central = geo.zones.find((z) => z.properties.id === 'zone-central')!;

  it('answers a link at a key building: its zone, its nearest station, itself first among the buildings', async () => {
    const [lon, lat] = building.geometry.coordinates;
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/at/${lat},${lon}`);
    try {
      await expect.poll(() => app.page.getByTestId('whats-here-zone').innerText()).toContain('Central Zone');
      await expect.poll(() => app.page.getByTestId('whats-here-buildings').locator('li').first().innerText()).toContain(building.properties.name_en);
      expect(await app.page.getByTestId('nearest-station').innerText()).toMatch(/\d+ m in a straight line/);
      expect(await app.page.getByTestId('whats-here-band-500').innerText()).toMatch(/^(yes|no)$/);
      // Served with 200 (from the not-found page's shell), as deploy/zjcn.conf does.
      expect(app.notFoundPages).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a right click on the map asks about that point, and the URL can be shared', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/');
    try {
      const at = quietPoint(central as never, building.geometry.coordinates as [number, number]);
      const { x, y } = await app.screenPosition(at);
      await app.page.mouse.click(x, y, { button: 'right' });
      await expect.poll(() => new URL(app.page.url()).pathname).toMatch(/^\/at\/31\.\d+,121\.\d+$/);
      await expect.poll(() => app.page.getByTestId('whats-here-zone').innerText()).toContain('Central Zone');
      const [, lat, lon] = /^\/at\/([\d.]+),([\d.]+)$/.exec(new URL(app.page.url()).pathname)!.map(Number);
      expect(Math.abs(lon! - at[0])).toBeLessThan(0.001);
      expect(Math.abs(lat! - at[1])).toBeLessThan(0.001);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a long press of a finger asks too, and the finger lifting is not a tap', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/', { width: 390, height: 844 }, 'en-US', { isMobile: true, hasTouch: true });
    try {
      const at = quietPoint(central as never, building.geometry.coordinates as [number, number]);
      const { x, y } = await app.screenPosition(at);
      const cdp = await app.page.context().newCDPSession(app.page);
      // The finger stays down until the app has answered the long press (however long a busy machine takes), then lifts.
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await expect.poll(() => new URL(app.page.url()).pathname).toMatch(/^\/at\//);
      // and a person often holds on a while after the answer shows: the lift still belongs to the long press.
      await app.page.waitForTimeout(1000);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expect.poll(() => app.page.locator('[data-testid="whats-here-zone"]:visible').innerText()).toContain('Central Zone');
      // The sheet rises to half height: the answer is in view above the screen's edge.
      await expect.poll(() => app.page.getByTestId('panel').getAttribute('data-sheet')).toBe('half');
      // The lift must not count as a tap on what lies under the finger: give a wrong tap time to show.
      await app.page.waitForTimeout(800);
      expect(new URL(app.page.url()).pathname).toMatch(/^\/at\//);
    } finally {
      await app.close();
    }
  });

  /** The building's own nearest Line 2 station, by straight line (the same rule as the app's). */
  const nearestTo = (at: [number, number]) =>
    geo.stations.map((s) => ({ s, m: distance(at, s.geometry.coordinates, { units: 'meters' }) })).sort((a, b) => a.m - b.m)[0]!.s;

  it('the map’s button asks about the centre of the map: a building there gets its zone and its nearest station', async () => {
    const [lon, lat] = building.geometry.coordinates as [number, number];
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/#map=16/${lat}/${lon}`);
    try {
      const button = app.page.getByRole('button', { name: "What's here? (map centre)" });
      // Hovered, it marks the point it will ask about: the middle of the map.
      await button.hover();
      const mark = (await app.page.getByTestId('whats-here-centre-mark').boundingBox())!;
      const centre = await app.screenPosition([lon, lat]);
      expect(Math.hypot(mark.x + mark.width / 2 - centre.x, mark.y + mark.height / 2 - centre.y)).toBeLessThan(2);
      // From the keyboard, as a person who cannot long-press or right-click asks.
      await button.focus();
      await app.page.keyboard.press('Enter');
      await expect.poll(() => new URL(app.page.url()).pathname).toMatch(/^\/at\//);
      const [, atLat, atLon] = /^\/at\/([\d.]+),([\d.]+)$/.exec(new URL(app.page.url()).pathname)!.map(Number);
      expect(distance([atLon!, atLat!], [lon, lat], { units: 'meters' })).toBeLessThan(5);
      await expect.poll(() => app.page.getByTestId('whats-here-zone').innerText()).toContain('Central Zone');
      expect(await app.page.getByTestId('nearest-station').innerText()).toContain(nearestTo([lon, lat]).properties.name_en);
      await expect.poll(() => app.page.getByTestId('whats-here-buildings').locator('li').first().innerText()).toContain(building.properties.name_en);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('on a phone in Chinese the button is a 44 px target named in Chinese, and asks about the centre of the map above the sheet', async () => {
    const station = geo.stations.find((s) => s.properties.id === 'station-loushanguan-road') ?? geo.stations[0]!;
    const [lon, lat] = station.geometry.coordinates as [number, number];
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/#map=16/${lat}/${lon}`, { width: 390, height: 844 }, 'zh-CN', { isMobile: true, hasTouch: true });
    try {
      const button = app.page.getByRole('button', { name: '这里有什么？（地图中心）' });
      const box = (await button.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      // The centre of what is in view: the part of the map above the sheet.
      const sheetTop = (await app.page.getByTestId('panel').boundingBox())!.y;
      const inView = await app.page.evaluate(
        (y) => (window as unknown as { __zjcnTest: { unproject(p: [number, number]): [number, number] } }).__zjcnTest.unproject([195, y]),
        sheetTop / 2,
      );
      await button.tap();
      await expect.poll(() => new URL(app.page.url()).pathname).toMatch(/^\/at\//);
      await expect.poll(() => app.page.locator('[data-testid="nearest-station"]:visible').innerText()).toContain(station.properties.name_zh);
      const [, atLat, atLon] = /^\/at\/([\d.]+),([\d.]+)$/.exec(new URL(app.page.url()).pathname)!.map(Number);
      expect(distance([atLon!, atLat!], inView, { units: 'meters' })).toBeLessThan(5);
      expect(distance([atLon!, atLat!], [lon, lat], { units: 'meters' })).toBeLessThan(150);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('says so when the path names no point, without an error', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/at/not-a-place');
    try {
      await expect.poll(() => app.page.getByTestId('whats-here-invalid').innerText()).toContain('not-a-place');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
