import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import gcoord from 'gcoord';
import type { FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver, downloaded } from './app-driver';
import { geo, useChromium } from './fixtures';
import { manyRows } from './many-sites';
import { TRUTH, gbkCsv, gpxFile, kmzFile, pdfNamedCsv, titledWorkbook, zippedShapefile } from '../fixtures/real-files';

type ZoneKey = 'east' | 'central' | 'west' | 'outside';
interface ImportedHandle {
  __zjcnTest: { renderedImported(): { clusters: { count: number }[]; sites: { n: number }[] } };
}

/** 15 points inside each zone and 15 outside all of them, on a grid over the park: their zones known by turf. */
function knownPoints(): { at: [number, number]; zone: ZoneKey }[] {
  const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: geo.zones });
  const byZone: Record<ZoneKey, [number, number][]> = { east: [], central: [], west: [], outside: [] };
  for (let i = 0; i < 60; i++) {
    for (let j = 0; j < 40; j++) {
      const at: [number, number] = [+(w + ((e - w) * (i + 0.5)) / 60).toFixed(6), +(s + ((n - s) * (j + 0.5)) / 40).toFixed(6)];
      const zone = (geo.zones.find((z) => booleanPointInPolygon(point(at), z))?.properties.zone ?? 'outside') as ZoneKey;
      byZone[zone].push(at);
    }
  }
  return (Object.keys(byZone) as ZoneKey[]).flatMap((zone) => {
    const all = byZone[zone];
    return Array.from({ length: 15 }, (_, k) => ({ at: all[Math.floor((k * all.length) / 15)]!, zone }));
  });
}

const XSS = '<img src=x onerror="window.__xss=1">';
const points = knownPoints();
const expectedCounts = (zones: ZoneKey[]) => Object.fromEntries((['east', 'central', 'west', 'outside'] as ZoneKey[]).map((z) => [z, zones.filter((x) => x === z).length]));
const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: points.map((p, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p.at }, properties: { name: i === 0 ? XSS : `Site ${i + 1}`, expected: p.zone } })),
});

/**
 * Where the coordinates come from, answered as a person would: only when the file did not say
 * (the dialog suggests a system from the file's format or header, and otherwise waits for an answer).
 */
async function answerDatum(page: Page, datum: 'WGS84' | 'GCJ02' | 'BD09' | null) {
  await expect.poll(() => page.getByTestId('import-datum-hint').innerText()).not.toBe('');
  if (datum && (await page.locator('input[name="datum"]:checked').count()) === 0) await page.locator(`[data-datum="${datum}"]`).check();
}

async function chooseFile(page: Page, name: string, text: string | Buffer, mimeType = 'application/geo+json', datum: 'WGS84' | 'GCJ02' | 'BD09' | null = 'WGS84') {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
  await page.getByTestId('import-dialog').waitFor();
  await answerDatum(page, datum);
}

/** Drops a file on the map as a person drags one from their desktop (`bytes`: that many spaces, made in the page). */
async function dropFile(page: Page, name: string, content: string | { bytes: number }) {
  await page.evaluate(
    ([name, content]) => {
      const transfer = new DataTransfer();
      const body = typeof content === 'string' ? content : new Uint8Array(content.bytes).fill(32);
      transfer.items.add(new File([body], name as string));
      const map = document.querySelector('.map-view')!;
      map.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      map.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, content] as const,
  );
  await page.getByTestId('import-dialog').waitFor();
  await answerDatum(page, 'WGS84');
}

async function countsShown(page: Page) {
  const table = page.getByTestId('my-sites-counts');
  await table.waitFor();
  const out: Record<string, number> = {};
  for (const z of ['east', 'central', 'west', 'outside']) out[z] = Number((await table.locator(`tr[data-zone="${z}"] td`).innerText()).replace(/\D/g, ''));
  return out;
}

async function sitesOnMap(page: Page) {
  const drawn = await page.evaluate(() => (window as unknown as ImportedHandle).__zjcnTest.renderedImported());
  // A cluster is drawn once per tile it touches: count each site once, from the clusters' own counts.
  return drawn.sites.length + drawn.clusters.reduce((n, c) => n + c.count, 0);
}

/** papaparse's name for a file whose delimiter it cannot guess: a string only the CSV parser's code holds */
const PARSER_MARK = 'UndetectableDelimiter';

interface ImportWorkerRecord {
  url: string;
  replies: number;
}

/** Runs in the page: records each import worker the page starts (by its name) and counts the messages it sends back. */
function watchImportWorkers() {
  const w = window as unknown as { Worker: typeof Worker; __importWorkers: ImportWorkerRecord[] };
  const Native = w.Worker;
  w.__importWorkers = [];
  w.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (options?.name !== 'zjcn-import') return;
      const record = { url: String(url), replies: 0 };
      w.__importWorkers.push(record);
      this.addEventListener('message', () => record.replies++);
    }
  };
}

describe('bring your own sites, in Chromium', () => {
  const chromium = useChromium();
  let app: AppDriver;
  beforeAll(async () => {
    app = await AppDriver.open(chromium(), inject('baseUrl'), '/', undefined, 'en-US', { acceptDownloads: true });
    await app.page.addInitScript(() => window.addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${e.reason}`)));
  });
  afterAll(async () => app?.close());

  it('imports 60 GeoJSON points: all listed and drawn, the per-zone counts equal turf’s', async () => {
    await chooseFile(app.page, 'candidates.geojson', geojson);
    await expect.poll(() => app.page.getByTestId('import-file-name').innerText()).toContain('candidates.geojson');
    await app.page.getByTestId('import-confirm').click();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites');
    await app.waitForRedraw();
    expect(await countsShown(app.page)).toEqual(expectedCounts(points.map((p) => p.zone)));
    await expect.poll(() => app.page.getByTestId('my-sites-list').locator('li').count()).toBe(60);
    await expect.poll(() => sitesOnMap(app.page)).toBe(60);
    await expect.poll(() => app.page.getByTestId('imported-legend').innerText()).toContain('candidates.geojson (60)');
    expect(await app.page.getByTestId('import-dialog').count()).toBe(0);
  });

  it('prints a name that is markup as text: no element made, no script run', async () => {
    const first = app.page.getByTestId('my-sites-list').locator('li').first();
    expect(await first.innerText()).toContain(XSS);
    expect(await app.page.locator('[data-testid="my-sites"] img').count()).toBe(0);
    await first.locator('button').click();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites/1');
    expect(await app.heading().innerText()).toBe(XSS);
    expect(await app.page.getByTestId('my-site-fields').innerText()).toContain(XSS);
    expect(await app.page.locator('[data-testid="my-sites"] img, [data-testid="panel"] img[src="x"]').count()).toBe(0);
    expect(await app.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await app.page.getByTestId('my-site-zone').innerText()).toContain(points[0]!.zone === 'outside' ? 'Outside' : '');
    // Both "how far to the metro?" answers, as a building's panel gives them.
    expect(await app.page.getByTestId('nearest-station').innerText()).toMatch(/m in a straight line/);
    expect(await app.page.getByTestId('nearest-metro').innerText()).toMatch(/m in a straight line|the Line 2 station above/);
  });

  it('opens a site from the map, and keeps the layer over a reload', async () => {
    await app.load('/my-sites');
    expect(await countsShown(app.page)).toEqual(expectedCounts(points.map((p) => p.zone)));
    // A site alone at its zoom: a click on it opens its panel.
    const target = points[20]!;
    await app.showView(16, target.at[1], target.at[0]);
    await app.clickAt(target.at);
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites/21');
    expect(await app.heading().innerText()).toBe('Site 21');
  });

  it('reads a CSV in GCJ-02 as gcoord converts it; the download has the converted positions', async () => {
    const gcj = points.map((p) => gcoord.transform(p.at, gcoord.WGS84, gcoord.GCJ02) as [number, number]);
    const csv = ['名称,经度,纬度,note', ...gcj.map(([lon, lat], i) => `${i === 0 ? `"${XSS.replaceAll('"', '""')}"` : `Site ${i + 1}`},${lon},${lat},row ${i + 1}`)].join('\n');
    await app.load('/');
    await chooseFile(app.page, 'amap.csv', csv, 'text/csv');
    await app.page.locator('[data-datum="GCJ02"]').check();
    await app.page.getByTestId('import-confirm').click();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites');
    const converted = gcj.map((p) => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as [number, number]);
    const zones = converted.map((at) => (geo.zones.find((z) => booleanPointInPolygon(point(at), z))?.properties.zone ?? 'outside') as ZoneKey);
    expect(await countsShown(app.page)).toEqual(expectedCounts(zones));
    const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('my-sites-export').click()]);
    const data = JSON.parse((await downloaded(file)).toString('utf8')) as FeatureCollection<Point>;
    expect(data.features).toHaveLength(60);
    data.features.forEach((f, i) => {
      expect(f.geometry.coordinates[0]).toBeCloseTo(converted[i]![0], 9);
      expect(f.geometry.coordinates[1]).toBeCloseTo(converted[i]![1], 9);
      expect(f.properties?.zjcn_zone ?? 'outside').toBe(zones[i]);
    });
    expect(data.features[0]!.properties?.['名称']).toBe(XSS);
    // The shown layers' download carries the sites too, as the person's.
    await app.load('/');
    const [all] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-layers').click()]);
    const shown = JSON.parse((await downloaded(all)).toString('utf8')) as FeatureCollection & { layers: string[] };
    expect(shown.layers).toContain('imported');
    expect(shown.features.filter((f) => f.properties?.layer === 'imported')).toHaveLength(60);
    expect(await app.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('shows a new import where its sites are: the map fits them, even from a view far away', async () => {
    const sites: [number, number][] = [
      [121.4205, 31.2195],
      [121.4225, 31.2205],
      [121.4215, 31.2185],
    ];
    // Looking at the west end of the district, zoomed in: none of the sites is in view.
    await app.load('/#map=16/31.195/121.33');
    await chooseFile(app.page, 'three.csv', ['name,lon,lat', ...sites.map(([lon, lat], i) => `S${i + 1},${lon},${lat}`)].join('\n'), 'text/csv');
    await app.page.getByTestId('import-confirm').click();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites');
    await app.waitForRedraw();
    const box = (await app.page.locator('[data-testid="map"] canvas').boundingBox())!;
    for (const at of sites) {
      await expect.poll(async () => {
        const { x, y } = await app.screenPosition(at);
        return x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height;
      }, { message: `site ${at.join(',')} in view` }).toBe(true);
    }
  });

  it('refuses each broken file with its message; the layer, the selection and the map stay as they were', async () => {
    const building = geo.buildings[0]!;
    await app.load(`/building/${building.properties.id}`);
    const before = await sitesOnMap(app.page);
    const cases: [string, string | { bytes: number }, RegExp][] = [
      ['broken.geojson', '{"type": "FeatureCollection", "features": [', /not valid JSON \(line 1\)/],
      ['far.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1e9, -400] }, properties: {} }] }), /Feature 1 has a position that is not on the Earth/],
      ['huge.geojson', { bytes: 21 * 1024 * 1024 }, /21 MB; the limit is 20 MB/],
      ['plain.csv', 'name,address\nA,Yan’an Road\n', /No longitude and latitude columns.*name, address/],
      ['empty.csv', '', /The file is empty/],
      ['shape.geojson', '{"type":"FeatureCollection",\n"features":[{"type":"Feature","geometry":{"type":"Point","coordinates":"x"},"properties":{}}]}', /not valid GeoJSON \(line 2\)/],
    ];
    for (const [name, content, message] of cases) {
      await dropFile(app.page, name, content);
      await app.page.getByTestId('import-confirm').click();
      await expect.poll(() => app.page.getByTestId('import-problem-text').innerText().catch(() => ''), { message: name }).toMatch(message);
      await app.page.getByTestId('import-cancel').click();
      expect(await app.page.getByTestId('import-dialog').count()).toBe(0);
      expect(new URL(app.page.url()).pathname).toBe(`/building/${building.properties.id}`);
      expect(await app.heading().innerText()).toBe(building.properties.name_en);
    }
    expect(await sitesOnMap(app.page)).toBe(before);
    // The map still answers: another building's click opens its panel.
    const other = geo.buildings[5]!;
    const [lon, lat] = other.geometry.coordinates as [number, number];
    await app.showView(16, lat, lon);
    await app.clickAt([lon, lat]);
    await expect.poll(() => app.heading().innerText()).toBe(other.properties.name_en);
    expect(app.consoleErrors).toEqual([]);
  });

  it('reads 100,000 CSV rows in a worker: the parser never runs on the page, one reply comes back, and the sites come back after a reload', async () => {
    await app.load('/');
    await chooseFile(app.page, 'many.csv', manyRows(100_000), 'text/csv');
    await app.page.evaluate(watchImportWorkers);
    await app.page.getByTestId('import-confirm').click();
    await app.page.getByTestId('my-sites-counts').waitFor({ timeout: 120_000 });
    expect(Object.values(await countsShown(app.page)).reduce((a, b) => a + b, 0)).toBe(100_000);
    // Structure, not stopwatch (how long the page's longest task was is a figure of `npm run bench`):
    // one import worker was started and sent exactly one reply ...
    const workers = await app.page.evaluate(() => (window as unknown as { __importWorkers: ImportWorkerRecord[] }).__importWorkers);
    expect(workers.map((w) => w.replies)).toEqual([1]);
    // ... its script holds the CSV parser, and no script the page itself loaded does: the parse ran off the page.
    const workerUrl = new URL(workers[0]!.url, app.page.url()).href;
    expect(workerUrl).toMatch(/\/import\.worker[^/]*\.js$/);
    const holdsParser = async (url: string) => (await (await fetch(url)).text()).includes(PARSER_MARK);
    expect(await holdsParser(workerUrl)).toBe(true);
    const pageScripts = await app.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => new URL(u).pathname.endsWith('.js')));
    const others = pageScripts.filter((u) => u !== workerUrl);
    expect(others.length).toBeGreaterThan(3);
    for (const url of others) expect(await holdsParser(url), url).toBe(false);
    await app.load('/my-sites');
    await expect.poll(async () => Object.values(await countsShown(app.page)).reduce((a, b) => a + b, 0), { timeout: 60_000 }).toBe(100_000);
  });

  it('removes the layer from the map and the browser', async () => {
    await app.load('/');
    await app.page.getByTestId('imported-remove').click();
    await expect.poll(() => app.page.getByTestId('imported-legend').count()).toBe(0);
    await app.load('/my-sites');
    await app.page.getByTestId('my-sites-none').waitFor();
    expect(await sitesOnMap(app.page)).toBe(0);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });
});

describe('bring your own sites on a phone, in Chromium', () => {
  const chromium = useChromium();
  let app: AppDriver;
  beforeAll(async () => {
    app = await AppDriver.open(chromium(), inject('baseUrl'), '/', { width: 390, height: 844 }, 'zh-CN', { isMobile: true, hasTouch: true });
  });
  afterAll(async () => app?.close());

  it('imports from the sheet in Chinese: the dialog and the list pass axe (WCAG 2.2 A/AA), the sheet opens at half height', async () => {
    const { AxeBuilder } = await import('@axe-core/playwright');
    const axe = async () => (await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    await chooseFile(app.page, '候选.geojson', geojson);
    expect(await app.page.getByTestId('import-dialog').innerText()).toContain('坐标来自哪里？');
    expect(await axe()).toEqual([]);
    await app.page.getByTestId('import-confirm').tap();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites');
    expect(await countsShown(app.page)).toEqual(expectedCounts(points.map((p) => p.zone)));
    await expect.poll(() => app.page.getByTestId('panel').getAttribute('data-sheet')).toBe('half');
    // The map frames the sites in the part the raised sheet leaves in view.
    await app.waitForRedraw();
    const sheetTop = (await app.page.getByTestId('panel').boundingBox())!.y;
    for (const { at } of points) await expect.poll(async () => (await app.screenPosition(at)).y, { message: `site ${at.join(',')} above the sheet` }).toBeLessThan(sheetTop);
    expect(await axe()).toEqual([]);
    // A problem, in Chinese.
    await chooseFile(app.page, '坏.csv', '名称,地址\nA,B\n', 'text/csv');
    await app.page.getByTestId('import-confirm').tap();
    await expect.poll(() => app.page.getByTestId('import-problem-text').innerText()).toContain('没有找到经度和纬度列');
    expect(await axe()).toEqual([]);
    await app.page.getByTestId('import-cancel').tap();
    expect(await countsShown(app.page)).toEqual(expectedCounts(points.map((p) => p.zone)));
    expect(app.consoleErrors).toEqual([]);
  });
});

/** The files people in Shanghai really have (tests/fixtures/real-files.ts), through the built app: worker, lazy readers, panel. */
describe('their files as they really are, in Chromium', () => {
  const chromium = useChromium();
  let app: AppDriver;
  beforeAll(async () => {
    app = await AppDriver.open(chromium(), inject('baseUrl'), '/', undefined, 'zh-CN');
  });
  afterAll(async () => app?.close());
  const truthCounts = () => {
    const counts: Record<ZoneKey, number> = { east: 0, central: 0, west: 0, outside: 0 };
    for (const t of TRUTH) counts[(geo.zones.find((z) => booleanPointInPolygon(point(t.at), z))?.properties.zone ?? 'outside') as ZoneKey]++;
    return counts;
  };

  for (const [name, bytes, mime, readAs] of [
    ['候选楼宇.csv', gbkCsv(), 'text/csv', /读取为 GBK 编码/],
    ['poi.csv', gbkCsv(['name', 'address', 'lng', 'lat']), 'text/csv', /读取为 GBK 编码/],
    ['清单.xlsx', titledWorkbook('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', /工作表“楼宇”.*表格从第 3 行开始/],
    ['清单.xls', titledWorkbook('biff8'), 'application/vnd.ms-excel', /工作表“楼宇”/],
    ['楼宇.kmz', kmzFile(), 'application/vnd.google-earth.kmz', null],
    ['楼宇.gpx', gpxFile(), 'application/gpx+xml', null],
    ['楼宇.zip', zippedShapefile('gbk-no-cpg'), 'application/zip', /读取为 GBK 编码/],
  ] as const) {
    it(`places every site of ${name} in its zone, every name readable${readAs ? ', and says how it read the file' : ''}`, async () => {
      await app.load('/');
      const byFormat = /\.(kmz|gpx)$/.test(name);
      await chooseFile(app.page, name, Buffer.from(bytes), mime, byFormat ? null : 'WGS84');
      // A KMZ or GPX is WGS 84 by its format: suggested, with the reason; a table that says nothing waits for the answer.
      if (byFormat) expect(await app.page.getByTestId('import-datum-hint').innerText()).toMatch(/按格式就是 WGS 84/);
      await app.page.getByTestId('import-confirm').click();
      await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites');
      expect(await countsShown(app.page)).toEqual(truthCounts());
      const list = await app.page.getByTestId('my-sites-list').innerText();
      for (const t of TRUTH) expect(list).toContain(t.name);
      expect(await app.page.locator('body').innerText()).not.toContain('\uFFFD');
      if (readAs) expect(await app.page.getByTestId('my-sites-read-as').innerText()).toMatch(readAs);
      // A workbook's 制表 footer is a row without a position: said, not hidden.
      if (/\.xlsx?$/.test(name)) expect(await app.panel().innerText()).toContain('1 个没有位置的要素或行未导入');
      expect(app.consoleErrors).toEqual([]);
    });
  }

  it('names what a file really is when the map cannot read it: a PDF saved as .csv', async () => {
    await app.load('/');
    await chooseFile(app.page, '清单.csv', Buffer.from(pdfNamedCsv()), 'text/csv');
    await app.page.getByTestId('import-confirm').click();
    await expect.poll(() => app.page.getByTestId('import-problem-text').innerText()).toMatch(/这是 PDF 文件，地图读不了这种格式/);
    await app.page.getByTestId('import-cancel').click();
  });

  it('never takes a coordinate system silently: a file that does not say waits for the answer; a header that says is followed, with its reason', async () => {
    await app.load('/');
    await chooseFile(app.page, '候选楼宇.csv', Buffer.from(gbkCsv()), 'text/csv', null);
    expect(await app.page.locator('input[name="datum"]:checked').count()).toBe(0);
    expect(await app.page.getByTestId('import-datum-hint').innerText()).toMatch(/请选择坐标来源/);
    await app.page.getByTestId('import-confirm').click();
    await app.quietFor(500);
    expect(await app.page.getByTestId('import-dialog').isVisible()).toBe(true);
    expect(new URL(app.page.url()).pathname).toBe('/');
    await app.page.getByTestId('import-cancel').click();
    const gcj = TRUTH.map((t) => gcoord.transform(t.at, gcoord.WGS84, gcoord.GCJ02) as [number, number]);
    await chooseFile(app.page, 'amap.csv', ['名称,经度(GCJ-02),纬度(GCJ-02)', ...TRUTH.map((t, i) => `${t.name},${gcj[i]![0].toFixed(6)},${gcj[i]![1].toFixed(6)}`)].join('\n'), 'text/csv', null);
    expect(await app.page.locator('[data-datum="GCJ02"]').isChecked()).toBe(true);
    expect(await app.page.getByTestId('import-datum-hint').innerText()).toContain('经度(GCJ-02)');
    await app.page.getByTestId('import-confirm').click();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/my-sites');
    expect(await countsShown(app.page)).toEqual(truthCounts());
  });

  it('offers every format it reads in the file chooser', async () => {
    const accept = (await app.page.getByTestId('import-file').getAttribute('accept'))!.split(',');
    for (const ext of ['.csv', '.xlsx', '.xls', '.ods', '.geojson', '.kml', '.kmz', '.gpx']) expect(accept).toContain(ext);
  });
});
