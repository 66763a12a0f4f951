import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDriver } from './app-driver';
import { geo, useAppInChromium } from './fixtures';

const { stations, buildings, places } = geo;

describe('stations, hover, legend toggles and unlocated places, in Chromium', () => {
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });
  beforeEach(async () => {
    await app.page.keyboard.press('Escape');
  });

  it('opens a station’s panel with the corridor paragraph when the station is clicked', async () => {
    const station = stations.find((s) => s.properties.id === 'station-weining-road')!;
    const [lon, lat] = station.geometry.coordinates as [number, number];
    await app.showView(15, lat, lon);
    await app.clickAt([lon, lat]);
    await expect.poll(() => app.heading().textContent()).toBe(station.properties.name_en);
    const quotes = await app.panel().locator('[data-paragraph-id] blockquote').allTextContents();
    expect(quotes.some((q) => q.includes('地铁2号线'))).toBe(true);
    expect(await app.panel().locator('mark', { hasText: '地铁2号线' }).count()).toBeGreaterThan(0);
    await app.page.keyboard.press('Escape');
  });

  it('shows a pointer over a building, and drops it when the mouse leaves the map', async () => {
    const b = buildings[0]!;
    const [lon, lat] = b.geometry.coordinates as [number, number];
    await app.showView(15, lat, lon);
    const { x, y } = await app.screenPosition([lon, lat]);
    await app.page.mouse.move(x, y);
    const canvas = app.page.locator('[data-testid="map"] canvas');
    await expect.poll(() => canvas.evaluate((c) => (c as HTMLCanvasElement).style.cursor)).toBe('pointer');
    await app.page.getByTestId('legend').hover();
    await expect.poll(() => canvas.evaluate((c) => (c as HTMLCanvasElement).style.cursor)).not.toBe('pointer');
  });

  it('hides the buildings with the legend toggle, so a click there picks what lies beneath', async () => {
    const b = buildings.find((x) => x.properties.zone === 'central')!;
    const [lon, lat] = b.geometry.coordinates as [number, number];
    await app.showView(15, lat, lon);
    await app.page.locator('[data-layer-group="buildings"]').uncheck();
    await app.waitForRedraw();
    await app.clickAt([lon, lat]);
    await expect.poll(() => app.heading().count()).toBe(1);
    expect(await app.heading().textContent()).not.toBe(b.properties.name_en);
    await app.page.keyboard.press('Escape');
    await app.page.locator('[data-layer-group="buildings"]').check();
    await app.waitForRedraw();
    await app.clickAt([lon, lat]);
    await expect.poll(() => app.heading().textContent()).toBe(b.properties.name_en);
    await app.page.keyboard.press('Escape');
  });

  it('lists the places the report names that could not be located, and says so', async () => {
    const unlocated = places.filter((p) => p.geometry === null);
    expect(unlocated.length).toBeGreaterThan(0);
    const list = app.page.getByTestId('place-list');
    for (const p of unlocated) {
      await expect.poll(() => list.locator(`[data-feature-id="${p.properties.id}"]`).textContent()).toContain('not located');
    }
    await list.locator(`[data-feature-id="${unlocated[0]!.properties.id}"]`).click();
    await expect.poll(() => app.heading().textContent()).toBe(unlocated[0]!.properties.name_en);
    expect(await app.panel().getByTestId('not-located-notice').isVisible()).toBe(true);
    expect(await app.panel().locator('[data-paragraph-id]').count()).toBeGreaterThan(0);
  });

  it('selecting from the panel list moves the map to the place', async () => {
    await app.page.keyboard.press('Escape');
    const before = app.mapHash();
    const target = buildings.find((x) => x.properties.zone === 'west')!;
    await app.page.getByTestId('building-list').locator(`[data-feature-id="${target.properties.id}"]`).click();
    await expect.poll(() => app.heading().textContent()).toBe(target.properties.name_en);
    await expect.poll(() => app.mapHash()).not.toBe(before);
    await app.waitForMapIdle();
    const { x, y } = await app.screenPosition(target.geometry.coordinates as [number, number]);
    const box = (await app.page.locator('[data-testid="map"] canvas').boundingBox())!;
    // Centred on the building, give or take a few pixels of hash rounding.
    expect(Math.abs(x - (box.x + box.width / 2))).toBeLessThan(4);
    expect(Math.abs(y - (box.y + box.height / 2))).toBeLessThan(4);
  });
});
