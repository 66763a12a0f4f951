import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver, downloaded } from './app-driver';
import { geo, useChromium } from './fixtures';

/** GeoJSON made in the page and handed to the browser as a download: what is shown, as data. */
async function download(page: Page, testId: string): Promise<{ name: string; data: FeatureCollection & { layers?: string[]; meta?: Record<string, string> } }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), data: JSON.parse((await downloaded(file)).toString('utf8')) };
}

describe('export as GeoJSON, in Chromium', () => {
  const chromium = useChromium();
  let app: AppDriver;
  beforeAll(async () => {
    app = await AppDriver.open(chromium(), inject('baseUrl'), '/', undefined, 'en-US', { acceptDownloads: true });
  });
  afterAll(async () => app?.close());

  it('downloads the shown layers: every key building, zone and located place, with provenance and the attribution', async () => {
    const { name, data } = await download(app.page, 'export-layers');
    expect(name).toBe('zhangjiang-changning-layers.geojson');
    expect(data.type).toBe('FeatureCollection');
    const ids = new Set(data.features.map((f) => f.properties?.id));
    for (const f of [...geo.buildings, ...geo.zones, ...geo.stations, ...geo.places.filter((p) => p.geometry)]) expect(ids.has(f.properties.id), f.properties.id).toBe(true);
    expect(data.meta?.attribution).toContain('OpenStreetMap');
    expect(data.features.every((f) => f.geometry && typeof f.properties?.confidence === 'string' || f.properties?.layer === 'walkBands')).toBe(true);
  });

  it('leaves out a layer the legend hides', async () => {
    await app.page.locator('[data-layer-group="roads"]').uncheck();
    const { data } = await download(app.page, 'export-layers');
    expect(data.layers).not.toContain('roads');
    expect(data.features.some((f) => f.properties?.layer === 'roads')).toBe(false);
    await app.page.locator('[data-layer-group="roads"]').check();
  });

  it("downloads a building's own feature from its panel", async () => {
    const b = geo.buildings[0]!;
    await app.load(`/building/${b.properties.id}`);
    const { name, data } = await download(app.page, 'export-feature');
    expect(name).toBe(`zhangjiang-changning-${b.properties.id}.geojson`);
    expect(data.features).toHaveLength(1);
    expect(data.features[0]!.properties).toMatchObject({ id: b.properties.id, name_zh: b.properties.name_zh, name_en: b.properties.name_en });
    expect(data.features[0]!.geometry).toEqual(b.geometry);
    expect(app.consoleErrors).toEqual([]);
  });
});
