import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { geo, openChromium } from './fixtures';

interface SyntheticHandle {
  project(lngLat: [number, number]): { x: number; y: number };
  zoom(): number;
  layerIds(): string[];
  renderedSynthetic(): { clusters: { x: number; y: number; count: number }[]; sites: { x: number; y: number; n: number }[] };
}
const handle = (app: AppDriver) => ({
  zoom: () => app.page.evaluate(() => (window as unknown as { __zjcnTest: SyntheticHandle }).__zjcnTest.zoom()),
  layerIds: () => app.page.evaluate(() => (window as unknown as { __zjcnTest: SyntheticHandle }).__zjcnTest.layerIds()),
  rendered: () => app.page.evaluate(() => (window as unknown as { __zjcnTest: SyntheticHandle }).__zjcnTest.renderedSynthetic()),
});

const markers = [...geo.buildings, ...geo.stations, ...geo.places].filter((f) => f.geometry?.type === 'Point').map((f) => f.geometry!.coordinates as [number, number]);

/** Of some screen points, the one farthest from every real marker (so a click there can only mean it), inside the map canvas. */
async function clearestOf<T extends { x: number; y: number }>(app: AppDriver, points: T[], others: { x: number; y: number }[] = []): Promise<T> {
  const box = (await app.page.locator('[data-testid="map"] canvas').boundingBox())!;
  const real = await Promise.all(markers.map((m) => app.screenPosition(m)));
  const inside = points.filter((p) => p.x > box.x + 60 && p.x < box.x + box.width - 60 && p.y > box.y + 60 && p.y < box.y + box.height - 60);
  const clearance = (p: T) => Math.min(...[...real, ...others.filter((o) => o !== p)].map((m) => Math.hypot(m.x - p.x, m.y - p.y)));
  const best = inside.sort((a, b) => clearance(b) - clearance(a))[0];
  if (!best) throw new Error(`no synthetic feature inside the canvas (of ${points.length})`);
  return best;
}

describe('?synthetic=2000: seeded test sites as a clustered layer, in Chromium', () => {
  const baseUrl = inject('baseUrl');
  let browser: Browser;
  let app: AppDriver;
  beforeAll(async () => {
    browser = await openChromium();
    app = await AppDriver.open(browser, baseUrl, '/?synthetic=2000');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('draws clusters of all 2,000 sites, says they are synthetic, and logs no error', async () => {
    const { clusters, sites } = await handle(app).rendered();
    expect(clusters.length).toBeGreaterThan(3);
    expect(clusters.reduce((sum, c) => sum + c.count, 0) + sites.length).toBeGreaterThan(1500);
    await expect.poll(() => app.page.getByTestId('synthetic-banner').textContent()).toContain('2,000 synthetic sites');
    expect(await app.page.getByTestId('synthetic-legend').textContent()).toContain('Synthetic sites (2,000, for testing)');
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });

  it('zooms into a cluster when it is clicked', async () => {
    const before = await handle(app).zoom();
    const { clusters } = await handle(app).rendered();
    const target = await clearestOf(app, clusters, clusters);
    await app.page.mouse.click(target.x, target.y);
    await expect.poll(() => handle(app).zoom()).toBeGreaterThan(before + 0.5);
    // Let the camera finish its move before the next test sets a view.
    await app.waitForMapIdle();
    // A cluster is not a feature: nothing is selected.
    expect(await app.heading().count()).toBe(0);
  });

  it('opens a site’s panel, labelled for testing, with its zone and nearest station; the URL names it', async () => {
    const central = geo.zones.find((z) => z.properties.id === 'zone-central')!;
    const [lon, lat] = central.geometry.type === 'Polygon' ? central.geometry.coordinates[0]![0]! : central.geometry.coordinates[0]![0]![0]!;
    await app.showView(16, lat!, lon!);
    const { sites } = await handle(app).rendered();
    expect(sites.length).toBeGreaterThan(0);
    const site = await clearestOf(app, sites, sites);
    await app.page.mouse.click(site.x, site.y);
    await expect.poll(() => app.heading().textContent()).toBe(`Synthetic site #${site.n}`);
    expect(await app.panel().getByTestId('synthetic-label').textContent()).toBe('For testing — not real data');
    expect(await app.panel().getByTestId('nearest-station').textContent()).toMatch(/\d+ m in a straight line/);
    expect(await app.panel().getByTestId('synthetic-coordinates').textContent()).toMatch(/^31\.\d{5}° N, 121\.\d{5}° E$/);
    expect(await app.panel().getByTestId('synthetic-zone').textContent()).not.toBe('');
    const url = new URL(app.page.url());
    expect(url.pathname).toBe(`/site/${site.n}`);
    expect(url.searchParams.get('synthetic')).toBe('2000');
  });

  it('opens the same site from its link, and Escape closes it keeping ?synthetic', async () => {
    const { pathname, search } = new URL(app.page.url());
    const heading = await app.heading().textContent();
    await app.load(`${pathname}${search}`);
    await expect.poll(() => app.heading().textContent()).toBe(heading);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.heading().count()).toBe(0);
    expect(new URL(app.page.url()).search).toBe('?synthetic=2000');
    expect(app.consoleErrors).toEqual([]);
  });

  it('has no synthetic layer, legend entry or banner without ?synthetic', async () => {
    await app.load('/');
    expect((await handle(app).layerIds()).filter((id) => id.startsWith('synthetic'))).toEqual([]);
    expect(await app.page.getByTestId('synthetic-legend').count()).toBe(0);
    expect(await app.page.getByTestId('synthetic-banner').count()).toBe(0);
    await app.load('/site/5');
    expect(await app.heading().count()).toBe(0);
  });
});
