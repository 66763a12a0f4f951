import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { geo, openChromium, useChromium } from './fixtures';

const PHONE = { width: 390, height: 844 };
const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center')!;
const [lon, lat] = building.geometry.coordinates as [number, number];

/** The phone layout as a person holds it: a full-screen map, a bottom sheet, fingers not a mouse. */
describe('on a phone (390 × 844, touch): the bottom sheet, in Chromium', () => {
  let browser: Browser;
  let app: AppDriver;
  beforeAll(async () => {
    browser = await openChromium();
    app = await AppDriver.open(browser, inject('baseUrl'), '/', PHONE, 'en-US', { isMobile: true, hasTouch: true });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  const sheet = () => app.page.getByTestId('panel');
  const snap = () => sheet().getAttribute('data-sheet');
  const inViewport = async (selector: ReturnType<AppDriver['page']['locator']>) => {
    const box = await selector.boundingBox();
    return Boolean(box && box.y >= 0 && box.y + box.height <= PHONE.height && box.x >= 0 && box.x + box.width <= PHONE.width);
  };
  /** Touch on the screen at a point: pointer down, moves, up (what a finger dragging the handle sends). */
  async function drag(fromY: number, toY: number) {
    const box = (await app.page.getByTestId('sheet-handle').boundingBox())!;
    const x = box.x + box.width / 2;
    const cdp = await app.page.context().newCDPSession(app.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y?: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: y === undefined ? [] : [{ x, y }] });
    await touch('touchStart', fromY);
    for (let i = 1; i <= 8; i++) await touch('touchMove', fromY + ((toY - fromY) * i) / 8);
    await touch('touchEnd');
    await cdp.detach();
  }

  it('opens with the map on most of the screen and the sheet at peek, titled with the app’s name', async () => {
    expect(await snap()).toBe('peek');
    const box = (await sheet().boundingBox())!;
    expect(box.height / PHONE.height).toBeLessThanOrEqual(0.2);
    expect(box.y + box.height).toBeCloseTo(PHONE.height, 0);
    await expect.poll(() => app.page.locator('#sheet-title h1').isVisible()).toBe(true);
    // The attribution is folded to its (i) button; the zoom buttons are finger-sized.
    await expect.poll(() => app.page.locator('.maplibregl-ctrl-attrib.maplibregl-compact-show').count()).toBe(0);
    const zoomIn = (await app.page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!;
    expect(Math.min(zoomIn.width, zoomIn.height)).toBeGreaterThanOrEqual(44);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a tap on a building where it is drawn opens the sheet at half height, name and nearest station in view, the building still on the map', async () => {
    await app.showView(15, lat, lon);
    const at = await app.screenPosition([lon, lat]);
    await app.page.touchscreen.tap(at.x, at.y);
    await expect.poll(() => app.page.url()).toContain('/building/bldg-gold-hongqiao-center');
    await expect.poll(snap).toBe('half');
    await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
    await app.animationsDone();
    expect(await inViewport(app.heading())).toBe(true);
    expect(await inViewport(app.page.getByTestId('nearest-station'))).toBe(true);
    expect(await inViewport(app.page.getByTestId('candidate-notice'))).toBe(true);
    // Half height leaves at least 30 % of the screen to the map, and the building is in that part.
    const top = (await sheet().boundingBox())!.y;
    expect(top / PHONE.height).toBeGreaterThanOrEqual(0.3);
    await app.waitForMapIdle();
    const now = await app.screenPosition([lon, lat]);
    expect(now.y).toBeGreaterThan(0);
    expect(now.y).toBeLessThan(top);
  });

  it('gives a finger a bigger hit area than a mouse: a tap 16 px beside a building still selects it', async () => {
    await app.load(`/#map=16/${lat}/${lon}`);
    const at = await app.screenPosition([lon, lat]);
    const tap = { x: at.x - 16, y: at.y };
    // Nothing else that can be picked is near the tap: only the building can be meant.
    for (const other of [...geo.buildings, ...geo.stations].filter((f) => f.properties.id !== building.properties.id)) {
      const p = await app.screenPosition(other.geometry.coordinates as [number, number]);
      expect(Math.hypot(p.x - tap.x, p.y - tap.y), other.properties.id).toBeGreaterThan(60);
    }
    await app.page.touchscreen.tap(tap.x, tap.y);
    await expect.poll(() => new URL(app.page.url()).pathname).toBe(`/building/${building.properties.id}`);
    // With a mouse (a fine pointer, on a desktop) the same 16 px miss lands on the zone beneath.
    const desk = await AppDriver.open(browser, inject('baseUrl'), `/#map=16/${lat}/${lon}`);
    try {
      const d = await desk.screenPosition([lon, lat]);
      await desk.page.mouse.click(d.x - 16, d.y);
      await expect.poll(() => new URL(desk.page.url()).pathname).toBe('/zone/zone-central');
    } finally {
      await desk.close();
    }
  });

  it('brings a selection out from under the sheet: a building near the bottom edge is moved above it', async () => {
    await app.page.goto(app.baseUrl + '/');
    await app.waitForMapIdle();
    // Put the building at 78 % of the screen's height: above the peek, under the half-height sheet.
    await app.showView(15, lat, lon);
    const centre = await app.screenPosition([lon, lat]);
    const shifted = await app.page.evaluate(
      ({ x, y }) => (window as unknown as { __zjcnTest: { unproject(p: [number, number]): [number, number] } }).__zjcnTest.unproject([x, y]),
      { x: centre.x, y: centre.y - (PHONE.height * 0.78 - centre.y) },
    );
    await app.showView(15, shifted[1], shifted[0]);
    const before = await app.screenPosition([lon, lat]);
    expect(before.y).toBeGreaterThan(PHONE.height * 0.6);
    await app.page.touchscreen.tap(before.x, before.y);
    await expect.poll(snap).toBe('half');
    await app.waitForRedraw();
    const top = (await sheet().boundingBox())!.y;
    const after = await app.screenPosition([lon, lat]);
    expect(after.y).toBeLessThan(top);
    expect(after.y).toBeGreaterThan(0);
  });

  it('drags and taps the handle: to full height and back to peek; the arrow keys move it too', async () => {
    await expect.poll(snap).toBe('half');
    const half = (await sheet().boundingBox())!;
    await drag(half.y + 10, 80);
    await expect.poll(snap).toBe('full');
    const full = (await sheet().boundingBox())!;
    expect(full.height).toBeGreaterThan(PHONE.height * 0.85);
    // A tap on the handle at full height lowers it to peek.
    const handle = (await app.page.getByTestId('sheet-handle').boundingBox())!;
    await app.page.touchscreen.tap(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await expect.poll(snap).toBe('peek');
    await app.page.getByTestId('sheet-handle').focus();
    await app.page.keyboard.press('ArrowUp');
    await expect.poll(snap).toBe('half');
    await expect.poll(() => app.page.getByTestId('sheet-handle').getAttribute('aria-label')).toContain('half height');
    await app.page.keyboard.press('ArrowDown');
    await expect.poll(snap).toBe('peek');
    // The selection is still there: its name is the peek's title.
    expect(await inViewport(app.heading())).toBe(true);
  });

  it('clears with Escape and with back, lowering the sheet to peek', async () => {
    await app.load(`/#map=15/${lat}/${lon}`);
    const at = await app.screenPosition([lon, lat]);
    await app.page.touchscreen.tap(at.x, at.y);
    await expect.poll(snap).toBe('half');
    await app.page.getByTestId('sheet-handle').focus();
    await app.page.keyboard.press('Escape');
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/');
    await expect.poll(snap).toBe('peek');
    await app.page.goBack();
    await expect.poll(() => app.page.url()).toContain('/building/bldg-gold-hongqiao-center');
    await expect.poll(snap).toBe('half');
    await app.page.goBack();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/');
    await expect.poll(snap).toBe('peek');
    expect(app.consoleErrors).toEqual([]);
  });

  it('makes every control in the sheet a 44 px touch target, on every view (words inside running text excepted)', async () => {
    for (const path of ['/', '/building/bldg-gold-hongqiao-center', '/report', '/compare', '/tour/2']) {
      await app.load(path);
      const small = await app.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="panel"] :is(button, a[href], select, label, summary)')]
          .filter((el) => !el.closest('p, blockquote') && !el.matches('[data-sheet-handle]'))
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && Math.min(r.width, r.height) < 44)
          .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`),
      );
      expect(small, path).toEqual([]);
    }
    // The handle draws 30 px and takes touches 14 px further down (into the title row's padding).
    const hit = await app.page.getByTestId('sheet-handle').evaluate((h) => {
      const after = getComputedStyle(h, '::after');
      return h.getBoundingClientRect().height - parseFloat(after.bottom);
    });
    expect(hit).toBeGreaterThanOrEqual(44);
  });

  it('pinch-zooms the map with two fingers; a double tap on the sheet zooms neither the map nor the page', async () => {
    await app.load('/');
    const zoomOf = () => Number(/map=([\d.]+)/.exec(app.mapHash())![1]);
    const before = zoomOf();
    const cdp = await app.page.context().newCDPSession(app.page);
    const cx = PHONE.width / 2;
    const cy = PHONE.height * 0.4;
    const fingers = (d: number) => [
      { x: cx - d, y: cy, id: 0 },
      { x: cx + d, y: cy, id: 1 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30) });
    for (let d = 40; d <= 150; d += 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(d) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
    await app.waitForRedraw();
    await expect.poll(zoomOf).toBeGreaterThan(before + 0.5);
    const zoomed = zoomOf();
    const body = (await app.page.getByTestId('sheet-title-row').boundingBox())!;
    for (let i = 0; i < 2; i++) await app.page.touchscreen.tap(body.x + 40, body.y + body.height / 2);
    await app.quietFor(600);
    expect(zoomOf()).toBeCloseTo(zoomed, 2);
    expect(await app.page.evaluate(() => window.visualViewport?.scale ?? 1)).toBe(1);
  });

  it('searches from the sheet’s search button, and keeps modes and language in its menu', async () => {
    await app.page.getByTestId('sheet-search').click();
    await expect.poll(snap).toBe('full');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await app.page.keyboard.type('nanfung');
    await app.page.locator('[data-testid="search-results"] [role="option"]').first().click();
    await expect.poll(() => app.page.url()).toContain('/building/');
    await expect.poll(snap).toBe('half');
    await app.page.getByTestId('sheet-handle').focus();
    await app.page.keyboard.press('End');
    await expect.poll(snap).toBe('peek');
    await app.page.getByTestId('sheet-menu').click();
    const menu = app.page.getByTestId('sheet-menu-list');
    await expect.poll(() => menu.isVisible()).toBe(true);
    // Opened from peek, the sheet rises so that every entry of the menu is on the screen.
    await app.animationsDone();
    for (const b of await menu.locator('button').all()) expect(await inViewport(b)).toBe(true);
    for (const b of await menu.locator('button').all()) expect(Math.min(...Object.values((await b.boundingBox())!).slice(2))).toBeGreaterThanOrEqual(44);
    // The open menu and the full-height sheet pass WCAG 2.2 AA too (target size included).
    const axe = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await menu.getByTestId('language-switch').click();
    await expect.poll(() => app.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await app.page.getByTestId('sheet-menu').click();
    await menu.getByTestId('language-switch').click();
    await expect.poll(() => app.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

/** The same deep link on the other screens the issue names: a small phone and a tablet. */
describe('a shared building link on a small phone and on a tablet, in Chromium', () => {
  const chromium = useChromium();

  it('360 × 640: the sheet opens at half height with the name, zone and nearest station in view', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/building/${building.properties.id}`, { width: 360, height: 640 }, 'zh-CN', { isMobile: true, hasTouch: true });
    try {
      await expect.poll(() => app.page.getByTestId('panel').getAttribute('data-sheet')).toBe('half');
      await app.animationsDone();
      for (const id of ['details-heading', 'nearest-station', 'candidate-notice']) {
        const box = (await app.page.getByTestId(id).boundingBox())!;
        expect(box.y + box.height, id).toBeLessThanOrEqual(640);
        expect(box.y, id).toBeGreaterThanOrEqual(0);
      }
      const top = (await app.page.getByTestId('panel').boundingBox())!.y;
      const at = await app.screenPosition([lon, lat]);
      expect(at.y).toBeGreaterThan(0);
      expect(at.y).toBeLessThan(top);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('768 × 1024: a tablet keeps the side panel beside the map', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), `/building/${building.properties.id}`, { width: 768, height: 1024 }, 'en-US', { isMobile: true, hasTouch: true });
    try {
      const panel = (await app.page.getByTestId('panel').boundingBox())!;
      const map = (await app.page.getByTestId('map').boundingBox())!;
      expect(await app.page.getByTestId('panel').getAttribute('data-sheet')).toBeNull();
      expect(panel.height).toBeCloseTo(1024, 0);
      expect(map.x).toBeGreaterThanOrEqual(panel.x + panel.width - 1);
      expect(map.width).toBeGreaterThan(350);
      await expect.poll(() => app.heading().textContent()).toBe(building.properties.name_en);
      const at = await app.screenPosition([lon, lat]);
      expect(at.x).toBeGreaterThan(map.x);
    } finally {
      await app.close();
    }
  });
});
