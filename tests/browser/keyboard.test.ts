import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDriver } from './app-driver';
import { geo, useAppInChromium } from './fixtures';

const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center')!;
const central = geo.zones.find((z) => z.properties.zone === 'central')!;

/** The app with a keyboard only: skip links, the map's keys, focus on selection and back on Escape, the live region. */
describe('keyboard and screen-reader paths, in Chromium', () => {
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });

  /** what has focus, as a short description */
  const focused = () =>
    app.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'body';
      const list = el.closest('[data-testid$="-list"]')?.getAttribute('data-testid');
      return [
        el.getAttribute('data-testid') ?? el.tagName.toLowerCase(),
        el.classList.contains('maplibregl-canvas') ? 'canvas' : null,
        el.getAttribute('data-feature-id'),
        list,
      ]
        .filter(Boolean)
        .join(' ');
    });
  const hashZoom = () => Number(app.mapHash().match(/map=([\d.]+)\//)?.[1]);
  const hashLon = () => Number(app.mapHash().match(/map=[\d.]+\/[\d.-]+\/([\d.-]+)/)?.[1]);

  it('puts "skip to the map" first in the tab order, shown only while it has focus', async () => {
    await app.load('/');
    const skip = app.page.getByTestId('skip-to-map');
    expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await app.page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-to-map');
    expect(await skip.textContent()).toBe('Skip to the map');
    const box = (await skip.boundingBox())!;
    expect(box.width).toBeGreaterThan(60);
    expect(box.height).toBeGreaterThanOrEqual(24);
    await app.page.keyboard.press('Tab');
    expect(await focused()).toBe('skip-to-details');
  });

  it('skips to the map canvas, which is labelled, shows a focus ring, pans with the arrows and zooms with +', async () => {
    await app.load('/');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    expect(await focused()).toBe('canvas canvas');
    const canvas = app.page.locator('[data-testid="map"] .maplibregl-canvas');
    expect(await canvas.getAttribute('aria-label')).toBe('Map: arrow keys pan, + and − zoom');
    const ring = await canvas.evaluate((c) => ({ visible: c.matches(':focus-visible'), width: getComputedStyle(c).outlineWidth, style: getComputedStyle(c).outlineStyle }));
    expect(ring).toEqual({ visible: true, width: '3px', style: 'solid' });

    const [lon, zoom] = [hashLon(), hashZoom()];
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(hashLon).toBeGreaterThan(lon);
    await app.waitForMapIdle();
    await app.page.keyboard.press('+');
    await expect.poll(hashZoom).toBeGreaterThan(zoom);
    await app.waitForMapIdle();
    expect(await focused()).toBe('canvas canvas');
  });

  it('skips to the details: the selection’s heading, or the panel’s first heading when nothing is selected', async () => {
    await app.load(`/building/${building.properties.id}`);
    await app.page.getByTestId('skip-to-details').focus();
    await app.page.keyboard.press('Enter');
    expect(await focused()).toBe('details-heading');
    await app.load('/');
    await app.page.getByTestId('skip-to-details').focus();
    await app.page.keyboard.press('Enter');
    expect(await app.page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  });

  it('moves focus to the details heading when a building is chosen from the list, and Escape brings it back to that button', async () => {
    await app.load('/');
    const button = app.page.locator(`[data-testid="building-list"] [data-feature-id="${building.properties.id}"]`);
    await button.focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('details-heading');
    expect(await app.heading().textContent()).toBe(building.properties.name_en);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/');
    await expect.poll(focused).toBe(`button ${building.properties.id} building-list`);
  });

  it('returns focus to the search box after a search result is opened and closed', async () => {
    await app.load('/');
    await app.page.keyboard.press('/');
    await app.page.keyboard.type('hongqiao');
    await app.page.getByTestId('search-results').locator(`[data-result-id="${building.properties.id}"]`).waitFor();
    await app.page.keyboard.press('ArrowDown');
    // The first result is whatever ranks first; walk to the building.
    for (let i = 0; i < 10 && (await app.page.locator('[role="option"][aria-selected="true"]').getAttribute('data-result-id')) !== building.properties.id; i++) {
      await app.page.keyboard.press('ArrowDown');
    }
    await app.page.keyboard.press('Enter');
    await expect.poll(focused).toBe('details-heading');
    await app.page.keyboard.press('Escape');
    await expect.poll(focused).toBe('search-input');
  });

  it('returns focus to the map canvas after a feature picked on the map is closed', async () => {
    await app.load('/');
    const [lon, lat] = building.geometry.coordinates as [number, number];
    await app.showView(15, lat, lon);
    await app.clickAt([lon, lat]);
    await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
    await expect.poll(focused).toBe('details-heading');
    await app.page.keyboard.press('Escape');
    await expect.poll(focused).toBe('canvas canvas');
  });

  it('announces the selection in a polite live region, in the interface language', async () => {
    await app.load('/');
    const region = app.page.getByTestId('selection-announcer');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    expect(await region.textContent()).toBe('');
    await app.page.locator(`[data-testid="building-list"] [data-feature-id="${building.properties.id}"]`).click();
    await expect.poll(() => region.textContent()).toBe(`Selected: ${building.properties.name_en}, Key building (candidate), ${central.properties.name_en}`);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => region.textContent()).toBe('');

    await app.page.getByTestId('language-switch').click();
    await app.page.locator(`[data-testid="zone-list"] [data-feature-id="${central.properties.id}"]`).click();
    await expect.poll(() => region.textContent()).toBe(`已选：${central.properties.name_zh}，片区`);
    await app.page.keyboard.press('Escape');
    await app.page.locator(`[data-testid="building-list"] [data-feature-id="${building.properties.id}"]`).click();
    await expect.poll(() => region.textContent()).toBe(`已选：${building.properties.name_zh}，重点楼宇（候选），${central.properties.name_zh}`);
    // Leave the next test file's language as it found it.
    await app.page.getByTestId('language-switch').click();
  });
});
