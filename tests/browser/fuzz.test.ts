import type { BrowserContextOptions } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, inject, it } from 'vitest';
import { AppDriver, distinctColours, MAP_SETTLE_CEILING_MS } from './app-driver';
import { geo, useChromium } from './fixtures';
import { Dice, fenceIn, fuzzSeed } from './fuzz-helpers';
import { DESKTOP, FuzzRun, PHONE } from './fuzz-run';

/**
 * A seeded run of random user actions (tests/browser/fuzz-run.ts) — clicks, keys, typing, wheels,
 * drags, taps, long presses, pinches, the sheet's handle, back and forward, a turned phone — on a
 * desktop window and on a touch phone. It passes if nothing logs a console error, throws, leaves a
 * promise rejection unhandled or scrolls the full-window page, and the app still answers at the
 * end. The seed is printed; ZJCN_FUZZ_SEED=<n> replays that run (the same actions in the same
 * order; the browser's timing can still differ), ZJCN_FUZZ_SEED=random draws a new one.
 */
const SEED = fuzzSeed(20261201);
const ACTIONS = Number(process.env.ZJCN_FUZZ_ACTIONS ?? 500);
const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center')!;
const names = Object.fromEntries([...geo.buildings, ...geo.zones, ...geo.stations, ...geo.places].map((f) => [f.properties.id, [f.properties.name_en, f.properties.name_zh]]));

describe(`fuzz: ${ACTIONS * 2} seeded random actions on a desktop and a phone, in Chromium`, () => {
  const chromium = useChromium();
  const base = () => inject('baseUrl');
  console.log(`fuzz seed ${SEED} (replay with ZJCN_FUZZ_SEED=${SEED}; ZJCN_FUZZ_SEED=random for a new one)`);

  /** The app still answers: the map moves to a view and settles; a building's link shows its panel over a drawn map. */
  async function stillAnswers(run: FuzzRun) {
    const [lon, lat] = building.geometry.coordinates;
    // (check first: it reopens the app if the run left it, e.g. back past its first page)
    await run.check('after the run');
    await run.page.evaluate((h) => (location.hash = h), `#map=15/${lat}/${lon}`);
    await run.mapSettles('after the run, moved to a building by #map=');
    await run.open(`/building/${building.properties.id}`);
    // The run may have switched the interface to Chinese (kept in localStorage).
    await expect.poll(() => run.page.getByTestId('details-heading').innerText()).toMatch(new RegExp(`${building.properties.name_en}|${building.properties.name_zh}`));
    const shot = PNG.sync.read(await run.page.locator('[data-testid="map"] canvas').screenshot());
    expect(distinctColours(shot)).toBeGreaterThan(20);
    await run.check('after the run');
  }

  async function fuzz(phone: boolean, seed: number) {
    const options: BrowserContextOptions = phone
      ? { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'en-US', acceptDownloads: false }
      : { viewport: DESKTOP, deviceScaleFactor: 1, locale: 'en-US', acceptDownloads: false };
    const context = await chromium().newContext(options);
    try {
      const offOrigin: string[] = [];
      await fenceIn(context, new URL(base()).origin, offOrigin);
      const run = new FuzzRun(await context.newPage(), base(), new Dice(seed), phone, seed, offOrigin, names);
      await run.open('/');
      await run.run(ACTIONS);
      await stillAnswers(run);
    } finally {
      await context.close();
    }
  }

  const only = process.env.ZJCN_FUZZ_ONLY;
  it.skipIf(only === 'phone')(`${ACTIONS} actions at 1280 × 800 (mouse and keyboard) leave no error and a working app`, () => fuzz(false, SEED), 420_000);
  it.skipIf(only === 'desktop')(`${ACTIONS} actions at 390 × 844 touch (fingers, the sheet) leave no error and a working app`, () => fuzz(true, SEED), 420_000);
});

/** What the fuzzer found, each kept as a plain test. */
describe('found by the fuzzer, on a phone', () => {
  const chromium = useChromium();

  it('the full-screen page never scrolls: not by End on the page, not for a field folded below the screen’s edge', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/', PHONE, 'en-US', { isMobile: true, hasTouch: true });
    try {
      const scrolled = () =>
        app.page.evaluate(() => [document.documentElement, document.querySelector('.layout')!].map((el) => el.scrollTop + el.scrollLeft));
      // The live region after the layout stuck 1 px out of the page, so End and PageDown scrolled it.
      await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await app.page.keyboard.press('End');
      await app.page.keyboard.press('PageDown');
      // (keyboard scrolling is animated)
      await app.quietFor(400);
      expect(await scrolled()).toEqual([0, 0]);
      // Search open (the sheet rises to full), then a finger drags the sheet down to peek: the field,
      // now below the screen's edge, folds and focus goes back to its button (focused down there,
      // it slid the whole screen up).
      await app.page.getByTestId('sheet-search').tap();
      await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
      await app.animationsDone(); // the sheet's rise is animated
      const handle = (await app.page.getByTestId('sheet-handle').boundingBox())!;
      const cdp = await app.page.context().newCDPSession(app.page);
      const [x, y0] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
      for (let i = 1; i <= 8; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + ((PHONE.height - 14 - y0) * i) / 8 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
      await expect.poll(() => app.page.getByTestId('panel').getAttribute('data-sheet')).toBe('peek');
      await expect.poll(() => app.page.locator('#sheet-search').isVisible()).toBe(false);
      expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sheet-search');
      expect(await scrolled()).toEqual([0, 0]);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('found by the fuzzer, on a phone turned sideways (844 × 390: the side panel)', () => {
  const chromium = useChromium();

  it('the comparison does not make the page taller than the window (its table caption sat below it)', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/compare?zones=central,west', { width: 844, height: 390 }, 'en-US', { isMobile: true, hasTouch: true });
    try {
      await expect.poll(() => app.panel().innerText()).toMatch(/side by side/);
      expect(await app.page.evaluate(() => document.documentElement.scrollHeight - document.documentElement.clientHeight)).toBe(0);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('found by the fuzzer, in a narrow desktop window (the phone layout, a mouse)', () => {
  const chromium = useChromium();

  it('a fast mouse drag of the sheet that leaves it before its first move still moves it, and leaves no drag behind', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/', { width: 600, height: 800 });
    try {
      const sheet = app.page.getByTestId('panel');
      expect(await sheet.getAttribute('data-sheet')).toBe('peek');
      const row = (await app.page.getByTestId('sheet-title-row').boundingBox())!;
      // Pressed on the title row, the very first move is already over the map (a mouse is not
      // captured by itself): the sheet missed the whole drag and then followed the bare pointer.
      await app.page.mouse.move(300, row.y + row.height / 2);
      await app.page.mouse.down();
      await app.page.mouse.move(300, 420, { steps: 2 });
      await app.page.mouse.up();
      await expect.poll(() => sheet.getAttribute('data-sheet')).not.toBe('peek');
      const rested = await sheet.getAttribute('data-sheet');
      await app.page.mouse.move(300, 780, { steps: 4 });
      await app.quietFor(400);
      expect(await sheet.getAttribute('class')).not.toContain('dragging');
      expect(await sheet.getAttribute('data-sheet')).toBe(rested);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('found by the fuzzer, on a desktop', () => {
  const chromium = useChromium();

  it('a drag of the map let go over a map control ends there: the map settles and the arrow keys move it again', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/', DESKTOP);
    try {
      const map = app.page.getByTestId('map');
      const canvas = (await app.page.locator('[data-testid="map"] canvas').boundingBox())!;
      const scale = (await app.page.locator('.maplibregl-ctrl-scale').boundingBox())!;
      const [x, y] = [scale.x + scale.width / 2, scale.y + scale.height / 2];
      // (the point is the scale bar, not the canvas: the controls lie outside MapLibre's canvas container)
      expect(await app.page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest('.maplibregl-ctrl-scale') !== null, [x, y])).toBe(true);
      await app.page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 3);
      await app.page.mouse.down();
      await app.page.mouse.move(x, y, { steps: 3 });
      await app.page.mouse.up();
      // The mouse then rests. MapLibre's drag ended only on a mouseup inside its canvas container (or
      // at the next mouse move): until then the map was "moving" for ever and the keyboard was locked out.
      await expect.poll(() => map.getAttribute('data-map-state'), { timeout: MAP_SETTLE_CEILING_MS }).toBe('idle');
      const before = await app.page.evaluate(() => location.hash);
      await app.page.locator('[data-testid="map"] canvas').focus();
      await app.page.keyboard.press('ArrowDown');
      await expect.poll(() => app.page.evaluate(() => location.hash), { timeout: MAP_SETTLE_CEILING_MS }).not.toBe(before);
      await expect.poll(() => map.getAttribute('data-map-state'), { timeout: MAP_SETTLE_CEILING_MS }).toBe('idle');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

/** Links a person could paste or mistype: each opens on something readable, with no error. */
describe('malformed links, in Chromium', () => {
  const chromium = useChromium();
  const cases: [path: string, status: number, shows: RegExp][] = [
    // A broken escape (a % without two hex digits): 400, as nginx answers (the preview server once answered 500).
    ['/zone/%', 400, /Not found/],
    ['/building/%E0%A4%A', 400, /Not found/],
    ['/at/91,181', 200, /names no point/],
    ['/at/1e400,5', 200, /names no point/],
    ['/tour/99999999999999999999', 404, /There is no step/],
    ['/compare?zones=zzz,,east&metric=%3Cscript%3E', 200, /side by side/],
    ['/?synthetic=1e9&select=a&select=b', 200, /the three zones/i],
    // Escapes that decode to bytes that are not UTF-8: nginx looks for that file, finds none: 404.
    ['/report/%E4%B8', 404, /The report has no paragraph|Not found/],
    ['/report?select[]=x', 200, /Mid-term evaluation|report/i],
  ];

  it('opens each on a readable page with the status nginx gives, and no error', async () => {
    const app = await AppDriver.open(chromium(), inject('baseUrl'), '/');
    try {
      for (const [path, status, shows] of cases) {
        app.consoleErrors.length = 0;
        const response = await app.page.goto(inject('baseUrl') + path);
        expect(response?.status(), path).toBe(status);
        await app.waitForMapIdle();
        await expect.poll(() => app.panel().innerText(), { message: path }).toMatch(shows);
        // The browser notes a page served with 400 as it does one with 404: that is the status, not an app error.
        expect(app.consoleErrors.filter((e) => !(status === 400 && /status of 400/.test(e))), path).toEqual([]);
      }
    } finally {
      await app.close();
    }
  });
});
