import { describe, expect, inject, it } from 'vitest';
import { geo, useChromium } from './fixtures';

/**
 * A person taps the map the moment it appears, before its data is drawn. Slowing the map's
 * worker makes that window wide and certain: the tap must be answered, not silently dropped.
 */
describe('a click while the map is still loading, in Chromium', () => {
  const chromium = useChromium();

  for (const device of [
    { name: 'desktop mouse', viewport: { width: 1280, height: 800 }, touch: false },
    { name: 'phone touch', viewport: { width: 390, height: 844 }, touch: true },
  ]) {
    it(`is kept and answered once the map is drawn (${device.name})`, async () => {
      const target = geo.buildings.find((b) => b.properties.zone === 'central')!;
      const [lon, lat] = target.geometry.coordinates as [number, number];
      const context = await chromium().newContext({ viewport: device.viewport, isMobile: device.touch, hasTouch: device.touch, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      let releaseWorker!: () => void;
      const workerHeld = new Promise<void>((r) => (releaseWorker = r));
      await page.route(/maplibre-gl-worker/, async (route) => {
        await workerHeld;
        await route.continue();
      });
      await page.goto(`${inject('baseUrl')}/#map=15/${lat}/${lon}`);
      await page.waitForFunction(() => Boolean((window as unknown as { __zjcnTest?: unknown }).__zjcnTest));
      const at = await page.evaluate((ll) => (window as unknown as { __zjcnTest: { project(p: [number, number]): { x: number; y: number } } }).__zjcnTest.project(ll), [lon, lat] as [number, number]);
      expect(await page.getByTestId('map-loading').isVisible()).toBe(true);
      if (device.touch) await page.touchscreen.tap(at.x, at.y);
      else await page.mouse.click(at.x, at.y);
      // The tap is acknowledged while the map loads …
      await expect.poll(() => page.getByTestId('map-loading').textContent()).toMatch(/tapped|点的地方/);
      expect(new URL(page.url()).pathname).toBe('/');
      releaseWorker();
      // … and answered when it is drawn.
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe(`/building/${target.properties.id}`);
      await expect.poll(() => page.getByTestId('details-heading').textContent()).toBe(target.properties.name_en);
      await expect.poll(() => page.getByTestId('map-loading').count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
