import { readFileSync } from 'node:fs';
import { centroid } from '@turf/turf';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { walkBands } from '../../src/analysis/walk-bands';
import { zoneStats } from '../../src/analysis/zone-stats';
import { downloaded, type AppDriver } from './app-driver';
import { geo, quietPoint, useAppInChromium } from './fixtures';

// The analysis module's output for the real data, computed here in node, independently of the build.
const districts = JSON.parse(readFileSync(new URL('../../geo/districts.geojson', import.meta.url), 'utf8'));
const expected = zoneStats({
  zones: geo.zones as never,
  district: districts.features.find((d: { properties: { class: string } }) => d.properties.class === 'focus'),
  stations: geo.stations,
  buildings: geo.buildings,
  places: geo.places,
  bands: walkBands({ type: 'FeatureCollection', features: geo.stations }, [500, 800]) as never,
});
const byZone = new Map(expected.map((s) => [s.zoneId, s]));

describe('compare the zones, in Chromium', () => {
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(async () => {
    app = openApp();
    await app.load('/compare');
  });

  const cell = (row: string, zoneId: string) => app.page.locator(`[data-row="${row}"] td[data-zone="${zoneId}"]`);

  it('shows the three zones as columns with the analysis module’s numbers', async () => {
    expect(await app.page.locator('[data-zone-column]').count()).toBe(3);
    for (const [zoneId, s] of byZone) {
      expect(Number(await cell('area', zoneId).getAttribute('data-value'))).toBeCloseTo(s.areaKm2, 9);
      expect(await cell('area', zoneId).locator('.value').textContent()).toBe(s.areaKm2.toFixed(2));
      expect(Number(await cell('coverage500', zoneId).getAttribute('data-value'))).toBeCloseTo(s.coverage['500']!, 9);
      expect(Number(await cell('coverage800', zoneId).getAttribute('data-value'))).toBeCloseTo(s.coverage['800']!, 9);
      expect(Number(await cell('buildings', zoneId).getAttribute('data-value'))).toBe(s.buildingIds.length);
      expect(Number(await cell('stations', zoneId).getAttribute('data-value'))).toBe(s.stationIds.length);
      expect(Number(await cell('medianDistance', zoneId).getAttribute('data-value'))).toBeCloseTo(s.medianBuildingDistanceM!, 6);
    }
    // The report's own words for each zone, linked to their paragraph.
    const central = app.page.locator('td[data-quotes="positioning"]').nth(1);
    expect(await central.locator('blockquote').first().textContent()).toContain('中部片区');
    const problems = app.page.locator('td[data-quotes="problems"]').nth(1);
    expect(await problems.textContent()).toContain('老旧商务楼宇');
  });

  it('recolours the zones by the chosen metric, with a legend', async () => {
    const spots = geo.zones.map((z) => quietPoint(z, centroid(z).geometry.coordinates as [number, number]));
    const pixels = async () => {
      const png: PNG = await app.canvasPixels();
      const box = (await app.page.locator('[data-testid="map"] canvas').boundingBox())!;
      return Promise.all(
        spots.map(async (s) => {
          const { x, y } = await app.screenPosition(s);
          const i = (Math.round(y - box.y) * png.width + Math.round(x - box.x)) * 4;
          return [png.data[i], png.data[i + 1], png.data[i + 2]].join(',');
        }),
      );
    };
    await app.page.keyboard.press('Escape');
    await app.waitForRedraw();
    const before = await pixels();
    expect(await app.page.getByTestId('choropleth-legend').count()).toBe(0);
    await app.page.getByTestId('metric-select').selectOption('coverage800');
    await app.waitForRedraw();
    expect(await app.page.getByTestId('choropleth-legend').getAttribute('data-metric')).toBe('coverage800');
    const cov = expected.map((s) => s.coverage['800']!);
    expect(await app.page.getByTestId('legend-min').textContent()).toBe(`${Math.round(Math.min(...cov) * 100)}%`);
    expect(await app.page.getByTestId('legend-max').textContent()).toBe(`${Math.round(Math.max(...cov) * 100)}%`);
    expect(new URL(app.page.url()).searchParams.get('metric')).toBe('coverage800');
    const after = await pixels();
    for (let i = 0; i < spots.length; i++) expect(after[i], geo.zones[i]!.properties.id).not.toBe(before[i]);
  });

  it('exports the same numbers as CSV', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('csv').click()]);
    const csv = (await downloaded(download)).toString('utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(11);
    const areaLine = lines.find((l) => l.startsWith('Area (km²)'))!.split(',');
    const ids = geo.zones.map((z) => z.properties.id);
    ids.forEach((id, i) => expect(Number(areaLine[2 + i])).toBeCloseTo(byZone.get(id)!.areaKm2, 5));
    const cov = lines.find((l) => l.startsWith('Area within 500 m'))!.split(',');
    ids.forEach((id, i) => expect(Number(cov[2 + i])).toBeCloseTo(byZone.get(id)!.coverage['500']!, 5));
  });

  it('selects a zone on the map from its column, and hovering a column highlights it', async () => {
    const z = geo.zones[2]!;
    await app.page.locator(`[data-zone-column="${z.properties.id}"] button`).click();
    await expect.poll(() => app.heading().textContent()).toBe(z.properties.name_en);
    expect(new URL(app.page.url()).searchParams.get('select')).toBe(z.properties.id);
    await app.page.locator(`[data-zone-column="${geo.zones[0]!.properties.id}"]`).hover();
    await expect.poll(() => app.page.locator(`td.hot[data-zone="${geo.zones[0]!.properties.id}"]`).count()).toBeGreaterThan(0);
  });
});
