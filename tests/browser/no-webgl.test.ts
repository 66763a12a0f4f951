import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTE, ZONE_COLOURS } from '../../src/map/palette';
import { AppDriver, countNear, distinctColours } from './app-driver';
import { launchChromium } from './chromium';
import { geo } from './fixtures';

const lines = (JSON.parse(readFileSync(new URL('../../geo/metro-line2.geojson', import.meta.url), 'utf8')) as { features: unknown[] }).features;
const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center')!;
const central = geo.zones.find((z) => z.properties.id === 'zone-central')!;

describe('a browser without WebGL (--disable-webgl --disable-3d-apis): the park drawn as SVG, in Chromium', () => {
  let browser: Browser | undefined;
  let app: AppDriver;
  beforeAll(async () => {
    browser = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
    app = await AppDriver.open(browser, inject('baseUrl'), '/', undefined, 'en-US', {}, 'static-map');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });
  const drawing = () => app.page.getByTestId('static-map');

  it('draws the zones, Line 2, every station, the 14 buildings and the located places where the map would be', async () => {
    expect(await app.page.getByTestId('map').getAttribute('data-map-state')).toBe('static');
    expect(await app.page.locator('[data-testid="map"] canvas').count()).toBe(0);
    const svg = drawing().locator('svg');
    expect(await svg.locator('[data-kind="zone"]').count()).toBe(3);
    expect(await svg.locator('[data-line-id]').count()).toBe(lines.length);
    expect(await svg.locator('[data-kind="station"]').count()).toBe(geo.stations.length);
    expect(await svg.locator('[data-kind="key-building"]').count()).toBe(14);
    expect(await svg.locator('[data-kind="place"]').count()).toBe(geo.places.filter((p) => p.geometry).length);
    // Fills the map area, and is really drawn: the zone colours are on screen.
    const area = (await app.page.locator('.map-area, main').first().boundingBox())!;
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeCloseTo(area.width, -1);
    expect(box.height).toBeCloseTo(area.height, -1);
    const png = PNG.sync.read(await drawing().screenshot());
    expect(distinctColours(png)).toBeGreaterThan(30);
    for (const [zone, colour] of Object.entries(ZONE_COLOURS)) expect(countNear(png, colour, 30), zone).toBeGreaterThan(40);
    expect(countNear(png, PALETTE.line2, 30), 'Line 2').toBeGreaterThan(100);
  });

  it('says so at the top in a short status note, in the app’s own words', async () => {
    const notice = app.page.getByTestId('static-map-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toContain('needs WebGL');
    const box = (await notice.boundingBox())!;
    const area = (await drawing().boundingBox())!;
    expect(box.y - area.y).toBeLessThan(30);
    expect(box.height).toBeLessThan(80);
  });

  it('opens a building’s panel when the building is clicked in the drawing', async () => {
    const el = drawing().locator(`[data-feature-id="${building.properties.id}"]`);
    await el.click();
    await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
    expect(new URL(app.page.url()).pathname).toBe(`/building/${building.properties.id}`);
    await expect.poll(() => el.getAttribute('data-selected')).toBe('true');
    expect(await drawing().locator('[data-selected]').count()).toBe(1);
  });

  it('selects a zone with Enter on its focused element, and keeps the focus there', async () => {
    const zone = drawing().locator(`[data-feature-id="${central.properties.id}"]`);
    await zone.focus();
    expect(await zone.getAttribute('role')).toBe('button');
    // Named in the interface language with its kind, as the panel names kinds.
    expect(await zone.getAttribute('aria-label')).toBe(`${central.properties.name_en}, Zone`);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.heading().textContent()).toBe(central.properties.name_en);
    expect(new URL(app.page.url()).pathname).toBe(`/zone/${central.properties.id}`);
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-feature-id'))).toBe(central.properties.id);
    await expect.poll(() => zone.getAttribute('data-selected')).toBe('true');
  });

  it('clears the selection on a click on empty ground', async () => {
    const box = (await drawing().boundingBox())!;
    // The bottom-left corner: basemap only, below the notice and away from the zoom buttons.
    await app.page.mouse.click(box.x + 12, box.y + box.height - 12);
    await expect.poll(() => app.heading().count()).toBe(0);
    expect(new URL(app.page.url()).pathname).toBe('/');
  });

  it('zooms in with its button and back out to the whole park', async () => {
    await app.page.getByRole('button', { name: 'Zoom the drawing in' }).click();
    await expect.poll(() => drawing().getAttribute('data-zoom')).toBe('2.00');
    await app.page.getByRole('button', { name: 'Show the whole park' }).click();
    await expect.poll(() => drawing().getAttribute('data-zoom')).toBe('1.00');
  });

  it('had no page error and asked no other host', () => {
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });
});

describe('a lost WebGL context: the drawing stands in, the map comes back by itself, in Chromium', () => {
  let browser: Browser | undefined;
  let app: AppDriver;
  beforeAll(async () => {
    browser = await launchChromium();
    app = await AppDriver.open(browser, inject('baseUrl'), `/building/${building.properties.id}`);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  const loseContext = () =>
    app.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const ext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
      (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
      ext.loseContext();
    });
  const restoreContext = () => app.page.evaluate(() => (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext());
  const state = () => app.page.getByTestId('map').getAttribute('data-map-state');
  let selectedPixels = 0;

  it('starts drawn, with the building selected (red on the canvas)', async () => {
    await app.settle(800);
    await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
    selectedPixels = countNear(await app.canvasPixels(), PALETTE.selected, 30);
    expect(selectedPixels).toBeGreaterThan(30);
  });

  it('shows the SVG drawing and a notice while the context is lost, the selection marked', async () => {
    await loseContext();
    await expect.poll(state).toBe('lost');
    expect(await app.page.getByTestId('static-map-notice').textContent()).toContain('interrupted');
    const el = app.page.getByTestId('static-map').locator(`[data-feature-id="${building.properties.id}"]`);
    await expect.poll(() => el.getAttribute('data-selected')).toBe('true');
    expect(await app.page.getByTestId('static-map').locator('[data-kind="key-building"]').count()).toBe(14);
  });

  it('comes back by itself on restore: idle again, real pixels, the selection intact', async () => {
    await restoreContext();
    await app.waitForMapIdle();
    await app.settle(500);
    expect(await app.page.getByTestId('static-map').count()).toBe(0);
    const png = await app.canvasPixels();
    expect(distinctColours(png)).toBeGreaterThan(40);
    expect(countNear(png, ZONE_COLOURS.central, 30)).toBeGreaterThan(40);
    // The selection: in the URL, in the panel, and drawn (MapLibre drops feature state on restore).
    expect(new URL(app.page.url()).pathname).toBe(`/building/${building.properties.id}`);
    expect(await app.heading().textContent()).toBe(building.properties.name_en);
    expect(countNear(png, PALETTE.selected, 30)).toBeGreaterThan(selectedPixels * 0.6);
  });

  it('a selection made in the drawing while the context is lost is drawn when the map returns', async () => {
    await loseContext();
    await expect.poll(state).toBe('lost');
    await app.page.getByTestId('static-map').locator(`[data-feature-id="${central.properties.id}"]`).focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.heading().textContent()).toBe(central.properties.name_en);
    await restoreContext();
    await app.waitForMapIdle();
    await app.settle(500);
    expect(new URL(app.page.url()).pathname).toBe(`/zone/${central.properties.id}`);
    // The building is no longer red on the canvas; the map answers clicks again.
    expect(countNear(await app.canvasPixels(), PALETTE.selected, 30)).toBeLessThan(selectedPixels * 0.3);
    const at = await app.screenPosition(building.geometry.coordinates as [number, number]);
    await app.page.mouse.click(at.x, at.y);
    await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
  });

  it('had no page error', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
