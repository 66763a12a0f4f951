import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTE, ZONE_COLOURS } from '../../src/map/palette';
import { AppDriver, countNear, distinctColours } from './app-driver';
import { geo, openChromium } from './fixtures';

const lines = (JSON.parse(readFileSync(new URL('../../geo/metro-line2.geojson', import.meta.url), 'utf8')) as { features: unknown[] }).features;
const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center')!;
const central = geo.zones.find((z) => z.properties.id === 'zone-central')!;

describe('a browser without WebGL (--disable-webgl --disable-3d-apis): the park drawn as SVG, in Chromium', () => {
  let browser: Browser | undefined;
  let app: AppDriver;
  beforeAll(async () => {
    browser = await openChromium(['--disable-webgl', '--disable-3d-apis']);
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

  it('pans with a drag without selecting or clearing anything', async () => {
    await app.page.getByRole('button', { name: 'Zoom the drawing in' }).click();
    await expect.poll(() => drawing().getAttribute('data-zoom')).toBe('2.00');
    const before = app.page.url();
    const marker = drawing().locator(`[data-feature-id="${building.properties.id}"] .zjcn-shape`);
    const a = (await marker.boundingBox())!;
    const box = (await drawing().boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await app.page.mouse.move(x, y);
    await app.page.mouse.down();
    await app.page.mouse.move(x - 120, y + 60, { steps: 6 });
    await app.page.mouse.up();
    await expect.poll(async () => Math.round((await marker.boundingBox())!.x - a.x)).toBeLessThan(-100);
    expect(app.page.url()).toBe(before);
    await app.page.getByRole('button', { name: 'Show the whole park' }).click();
  });

  it('follows the interface language: Chinese names first once switched', async () => {
    await app.page.getByTestId('language-switch').click();
    const zone = drawing().locator(`[data-feature-id="${central.properties.id}"]`);
    await expect.poll(() => zone.getAttribute('aria-label')).toBe(`${central.properties.name_zh}，片区`);
    expect(await drawing().locator(`[data-label-for="${central.properties.id}"] tspan`).first().textContent()).toBe(central.properties.name_zh);
    expect(await app.page.getByTestId('static-map-notice').textContent()).toContain('WebGL');
    await app.page.getByTestId('language-switch').click();
    await expect.poll(() => zone.getAttribute('aria-label')).toBe(`${central.properties.name_en}, Zone`);
  });

  it('on a phone: a tap on a drawn building selects it, two fingers pinch the drawing larger', async () => {
    const phone = await AppDriver.open(browser!, inject('baseUrl'), '/', { width: 390, height: 844 }, 'en-US', { isMobile: true, hasTouch: true }, 'static-map');
    try {
      const d = phone.page.getByTestId('static-map');
      const dot = (await d.locator(`[data-feature-id="${building.properties.id}"] .zjcn-shape`).boundingBox())!;
      await phone.page.touchscreen.tap(dot.x + dot.width / 2, dot.y + dot.height / 2);
      await expect.poll(() => new URL(phone.page.url()).pathname).toBe(`/building/${building.properties.id}`);
      const box = (await d.boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + 300];
      const cdp = await phone.page.context().newCDPSession(phone.page);
      const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread?: number) =>
        cdp.send('Input.dispatchTouchEvent', { type, touchPoints: spread === undefined ? [] : [{ x: cx - spread, y: cy, id: 1 }, { x: cx + spread, y: cy, id: 2 }] });
      await touch('touchStart', 30);
      for (let i = 1; i <= 6; i++) await touch('touchMove', 30 + i * 10);
      await touch('touchEnd');
      await cdp.detach();
      await expect.poll(async () => Number(await d.getAttribute('data-zoom'))).toBeCloseTo(3, 1);
      // The pinch selected nothing and cleared nothing.
      expect(new URL(phone.page.url()).pathname).toBe(`/building/${building.properties.id}`);
      expect(phone.consoleErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('has no serious or critical axe-core (WCAG A/AA) violation', async () => {
    const result = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(serious).toEqual([]);
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
    browser = await openChromium();
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
    await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
    await app.waitForRedraw();
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
    await app.waitForRedraw();
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
    await app.waitForRedraw();
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
