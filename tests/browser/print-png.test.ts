import AxeBuilder from '@axe-core/playwright';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver, countNear, distinctColours, downloaded } from './app-driver';
import { geo, useChromium } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center')!;
const zone = geo.zones.find((z) => z.properties.id === 'zone-central')!;

/** Pages in a PDF: its page objects, not the page tree ('/Type /Pages'). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

/** How many pixels in a box (CSS px × ratio) are near a colour. */
function countNearIn(png: PNG, hex: string, box: { x: number; y: number; w: number; h: number }, tolerance = 40): number {
  const crop = new PNG({ width: box.w, height: box.h });
  PNG.bitblt(png, crop, box.x, box.y, box.w, box.h, 0, 0);
  return countNear(crop, hex, tolerance);
}

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}(${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('the map as a PNG, in Chromium', () => {
  const chromium = useChromium();
  let app: AppDriver;
  beforeAll(async () => {
    // A high-density screen: the picture has the canvas's own pixels, twice the CSS size.
    app = await AppDriver.open(chromium(), inject('baseUrl'), '/', { width: 1280, height: 800 }, 'en-US', { acceptDownloads: true, deviceScaleFactor: 2 });
  });
  afterAll(async () => app?.close());

  it('downloads the view at the canvas size, with legend, scale bar and credits drawn in', async () => {
    const canvas = await app.page.locator('[data-testid="map"] canvas').evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height, css: c.clientWidth, dpr: window.devicePixelRatio }));
    expect(canvas.dpr).toBe(2);
    expect(canvas.width).toBe(canvas.css * 2);
    const [file] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-png').click()]);
    expect(file.suggestedFilename()).toMatch(/^zjcn-map-\d{4}-\d{2}-\d{2}\.png$/);
    const png = PNG.sync.read(await downloaded(file));
    expect({ width: png.width, height: png.height }).toEqual({ width: canvas.width, height: canvas.height });
    // the map itself: a real picture, not a blank buffer
    expect(distinctColours(png)).toBeGreaterThan(200);
    // the legend (top left): ink text and the zone swatches on its white box
    const legend = { x: 16, y: 16, w: 300, h: 300 };
    expect(countNearIn(png, '#1d2430', legend)).toBeGreaterThan(300);
    expect(countNearIn(png, '#ffffff', legend, 4)).toBeGreaterThan(40_000);
    expect(countNearIn(png, '#0072B2', legend)).toBeGreaterThan(40);
    expect(countNearIn(png, '#CC79A7', legend)).toBeGreaterThan(40);
    // the scale bar and the credits strip (bottom left): text and the bar's ink
    const bottom = { x: 0, y: png.height - 2 * 110, w: 2 * 400, h: 2 * 110 };
    expect(countNearIn(png, '#1d2430', bottom)).toBeGreaterThan(300);
    expect(countNearIn(png, '#5b6270', bottom)).toBeGreaterThan(300);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
  });
});

describe('the print view (A4), in Chromium', () => {
  const chromium = useChromium();

  it("a building's sheet: name, its map as SVG, the report's words with paragraph ids, provenance, one A4 page", async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/print/building/${building.properties.id}`, undefined, 'en-US', {}, 'page');
    const page = app.page;
    await expect.poll(() => page.getByTestId('print-title').textContent()).toBe(building.properties.name_en);
    // the map: a vector drawing with the building drawn and highlighted
    const drawn = page.locator(`[data-testid="print-map"] svg [data-feature-id="${building.properties.id}"][data-selected="true"] circle`);
    expect(await drawn.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="print-map"] svg').getAttribute('role')).toBe('img');
    // the report's paragraphs, each with its id
    const quotes = page.locator('[data-testid="print-sheet"] [data-paragraph-id]');
    expect(await quotes.count()).toBeGreaterThan(0);
    const pid = await quotes.first().getAttribute('data-paragraph-id');
    expect(pid).toMatch(/^s\d+(-\d+)*-p\d+$/);
    expect(await quotes.first().textContent()).toContain(`¶ ${pid}`);
    await expect.poll(() => page.getByTestId('provenance').textContent()).toContain('Position confidence');
    expect(await page.getByTestId('print-source').textContent()).toContain('2023');
    // the address that leads back, whole once the page runs
    await expect.poll(() => page.getByTestId('print-url').textContent()).toContain(`${inject('baseUrl')}/building/${building.properties.id}`);
    expect(await page.getByTestId('nearest-station').count()).toBe(1);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPages(pdf)).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    expect(app.offOrigin).toEqual([]);
    await app.close();
  });

  it("a zone's sheet in Chinese: its outline highlighted, one A4 page, no axe violations", async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/print/zone/${zone.properties.id}`, undefined, 'zh-CN', {}, 'page');
    const page = app.page;
    await expect.poll(() => page.getByTestId('print-title').textContent()).toBe(zone.properties.name_zh);
    expect(await page.locator(`[data-testid="print-map"] svg [data-feature-id="${zone.properties.id}"][data-selected="true"] path`).count()).toBe(1);
    expect(await page.locator('[data-testid="print-sheet"] [data-paragraph-id]').count()).toBeGreaterThan(0);
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
    await app.close();
  });

  it('on a phone the sheet reads on screen, with no axe violations', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/print/building/${building.properties.id}`, { width: 390, height: 844 }, 'en-US', { isMobile: true, hasTouch: true }, 'page');
    await app.page.getByTestId('print-sheet').waitFor();
    const width = await app.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await axeViolations(app.page)).toEqual([]);
    await app.close();
  });

  it('every sheet fits one A4 page, in both languages', async () => {
    // Laid out for print at A4's text area (210 − 2 × 12 mm wide, 297 − 2 × 11 mm high, at 96 px an inch):
    // quicker than a PDF each, and checked against one for the tallest.
    const mm = 96 / 25.4;
    const area = { width: Math.floor((210 - 24) * mm), height: Math.floor((297 - 22) * mm) };
    const all = [...geo.zones.map((f) => ['zone', f] as const), ...geo.buildings.map((f) => ['building', f] as const), ...geo.stations.map((f) => ['station', f] as const), ...geo.places.map((f) => ['place', f] as const)];
    for (const locale of ['en-US', 'zh-CN']) {
      const context = await chromium().newContext({ viewport: area, locale, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      let tallest = { path: '', height: 0 };
      await page.goto(`${inject('baseUrl')}/print/zone/zone-east`);
      await page.getByTestId('print-sheet').waitFor();
      for (const [segment, f] of all) {
        const path = `/print/${segment}/${f.properties.id}`;
        // In the page, as back/forward would (a load each would take most of this test's time).
        await page.evaluate((p) => {
          history.pushState(null, '', p);
          dispatchEvent(new PopStateEvent('popstate'));
        }, path);
        const sheet = page.locator(`[data-testid="print-sheet"][data-feature-id="${f.properties.id}"]`);
        await sheet.waitFor();
        // 愚园路 and 新华路 list their OSM heritage features, which load after the sheet is drawn.
        if ((f.properties as { link_rule?: string }).link_rule) await sheet.locator('[data-testid="heritage-list"] li').first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        const height = await sheet.evaluate((el) => el.getBoundingClientRect().height);
        expect(height, `${locale} ${path}`).toBeLessThanOrEqual(area.height);
        if (height > tallest.height) tallest = { path, height };
      }
      await page.goto(`${inject('baseUrl')}${tallest.path}`);
      await page.getByTestId('print-sheet').waitFor();
      if (/place-(yuyuan-road|xinhua-road-conservation-area)$/.test(tallest.path)) await page.locator('[data-testid="heritage-list"] li').first().waitFor();
      expect(pdfPages(await page.pdf({ format: 'A4' })), `${locale} ${tallest.path}, ${Math.round(tallest.height)} px of ${area.height}`).toBe(1);
      await context.close();
    }
  });

  it('reads and prints with JavaScript off (prerendered)', async () => {
    const context = await chromium().newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/print/building/${building.properties.id}`);
    // Without scripts the page shows its Chinese copy (index.html's head script picks the language).
    await expect.poll(() => page.getByTestId('print-title').filter({ visible: true }).textContent()).toBe(building.properties.name_zh);
    expect(await page.locator(`[data-testid="print-map"] svg [data-feature-id="${building.properties.id}"]`).filter({ visible: true }).count()).toBe(1);
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    await context.close();
  });

  it("the panel's Print button opens the sheet and the print dialog; Ctrl+P on the feature page prints the same sheet", async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/building/${building.properties.id}`, undefined, 'en-US');
    const page = app.page;
    // The sheet's code arrives after the first view; then a print of the page is the sheet.
    await page.emulateMedia({ media: 'print' });
    await expect
      .poll(async () => {
        await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
        return page.getByTestId('print-on-demand').count();
      })
      .toBe(1);
    expect(await page.locator('[data-testid="print-on-demand"] [data-testid="print-title"]').textContent()).toBe(building.properties.name_en);
    expect(await page.locator('[data-testid="map"]').isVisible()).toBe(false);
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect.poll(() => page.getByTestId('print-on-demand').count()).toBe(0);

    await page.evaluate(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => void w.__printed++;
    });
    await page.getByTestId('print-feature').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/print/building/${building.properties.id}`);
    await page.getByTestId('print-sheet').waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed)).toBe(1);
    // and back
    await page.getByTestId('print-back').click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/building/${building.properties.id}`);
    await app.waitForMapIdle();
    expect(await app.heading().textContent()).toBe(building.properties.name_en);
    expect(app.consoleErrors).toEqual([]);
    await app.close();
  });

  it('says so for a path that names no feature of that kind', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/print/building/${zone.properties.id}`, undefined, 'en-US', {}, 'page');
    await app.page.getByTestId('not-found').waitFor();
    await app.close();
  });
});
