import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ZONE_COLOURS } from '../../src/map/palette';
import { countNear, distinctColours, type AppDriver } from './app-driver';
import { geo, quietPoint, useAppInChromium } from './fixtures';

const { buildings, zones } = geo;

describe('the zone map, built, in Chromium', () => {
  const baseUrl = inject('baseUrl');
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });

  it('loads with no console error and no request to another host', async () => {
    // An error that arrives after the first idle (a late tile, a lazy layer) counts too.
    await app.quietFor(1000);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });

  it('fits the park when the URL has no view, and writes the view into the #map hash', () => {
    const m = /map=([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(app.mapHash());
    expect(m, app.mapHash()).not.toBeNull();
    const [zoom, lat, lon] = m!.slice(1).map(Number) as [number, number, number];
    expect(zoom).toBeGreaterThan(11.5);
    expect(lat).toBeGreaterThan(31.19);
    expect(lat).toBeLessThan(31.24);
    expect(lon).toBeGreaterThan(121.35);
    expect(lon).toBeLessThan(121.42);
  });

  it('really draws: the canvas is not blank and every zone colour is on it', async () => {
    const png = await app.canvasPixels();
    expect(distinctColours(png)).toBeGreaterThan(40);
    for (const [zone, colour] of Object.entries(ZONE_COLOURS)) {
      expect(countNear(png, colour, 30), `outline pixels of the ${zone} zone`).toBeGreaterThan(40);
    }
  });

  it('draws labels in Chinese and English from the self-hosted fonts', async () => {
    const labels = await app.renderedLabels('zones-label');
    expect(labels.map((l) => l.id).sort()).toEqual(zones.map((z) => z.properties.id).sort());
    const fonts = app.requests.filter((u) => u.endsWith('.woff2'));
    // The Noto Sans SC subset (every Chinese character of the app) and the Latin Noto Sans file,
    // both from our own origin; none of fontsource's fallback chunks, as no label needs one.
    expect(fonts.some((u) => /\/noto-sans-sc-subset-[\w-]+\.woff2$/.test(u)), fonts.join('\n')).toBe(true);
    expect(fonts.filter((u) => /noto-sans-sc-\d+-400-normal/.test(u))).toEqual([]);
    expect(fonts.some((u) => /noto-sans-latin-400-normal/.test(u))).toBe(true);
    expect(app.offOrigin).toEqual([]);
  });

  it('opens a building’s panel when the building is clicked where it is drawn', async () => {
    const target = buildings.find((b) => b.properties.zone === 'central')!;
    await app.showView(15, target.geometry.coordinates[1]!, target.geometry.coordinates[0]!);
    await app.clickAt(target.geometry.coordinates as [number, number]);
    await expect.poll(() => app.heading().textContent()).toBe(target.properties.name_en);
    const panel = app.panel();
    await expect.poll(() => panel.getByTestId('candidate-notice').isVisible()).toBe(true);
    // The report's own words: the 2021 boundary paragraph, with the mention highlighted.
    const excerpt = panel.locator('[data-paragraph-id] blockquote').first();
    expect(await excerpt.textContent()).toContain('14幢重点楼宇');
    expect(await excerpt.locator('mark').first().textContent()).toBe('14幢重点楼宇');
    expect(await panel.getByTestId('nearest-station').textContent()).toMatch(/\d+ m in a straight line/);
  });

  it('Escape clears the selection', async () => {
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.heading().count()).toBe(0);
  });

  it('opens the zone panel, with the zone’s passage of the report, when a zone is clicked', async () => {
    const central = zones.find((z) => z.properties.id === 'zone-central')!;
    const spot = quietPoint(central, [121.395, 31.212]);
    await app.showView(13.5, spot[1], spot[0]);
    await app.clickAt(spot);
    await expect.poll(() => app.heading().textContent()).toBe(central.properties.name_en);
    const quote = await app.panel().locator('[data-paragraph-id] blockquote').first().textContent();
    expect(quote).toContain('中部片区');
    expect(quote).not.toContain('东部片区');
    expect(await app.panel().getByTestId('interpretation-notice').isVisible()).toBe(true);
  });

  it('clears the selection on a click on empty map and with the close button', async () => {
    const [lon, lat] = quietPoint(null, [121.41, 31.205]);
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('zone-list').locator('button').first().click();
    await expect.poll(() => app.heading().count()).toBe(1);
    // Let the camera finish flying to the zone before moving it elsewhere, as a person would.
    await app.waitForRedraw();
    await app.showView(13, lat, lon);
    await app.clickAt([lon, lat]);
    await expect.poll(() => app.heading().count()).toBe(0);
    await app.page.getByTestId('zone-list').locator('button').first().click();
    await expect.poll(() => app.heading().count()).toBe(1);
    await app.page.getByTestId('close').click();
    await expect.poll(() => app.heading().count()).toBe(0);
  });

  it('keeps the view in the URL hash as the map is panned', async () => {
    const before = app.mapHash();
    const box = (await app.page.locator('[data-testid="map"] canvas').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await app.page.mouse.move(cx, cy);
    await app.page.mouse.down();
    await app.page.mouse.move(cx - 200, cy + 80, { steps: 8 });
    await app.page.mouse.up();
    await expect.poll(() => app.mapHash()).not.toBe(before);
    expect(app.mapHash()).toMatch(/^#map=[\d.]+\/[\d.]+\/[\d.]+/);
  });

  it('opens a shared link on the same view, and keeps the view across a reload', async () => {
    await app.load('/#map=14.25/31.2105/121.3984');
    expect(app.mapHash()).toBe('#map=14.25/31.2105/121.3984');
    await app.page.reload();
    await app.waitForMapIdle();
    expect(app.mapHash()).toBe('#map=14.25/31.2105/121.3984');
  });
});
