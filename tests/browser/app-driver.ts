import { PNG } from 'pngjs';
import type { Browser, BrowserContextOptions, Download, Page } from 'playwright-core';

/** A download's bytes, read through Playwright (the shared browser runs in another process, so there is no local path). */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How long a wait for the map to draw may last before it fails: generous, since SwiftShader draws on a shared CPU. */
export const MAP_SETTLE_CEILING_MS = 90_000;

interface TestHandle {
  project(lngLat: [number, number]): { x: number; y: number };
  renderedLabels(layer: string): { id: string; name_zh: string; name_en: string }[];
  renderedHeritage(): string[];
  heritageAdded(): boolean;
  whenIdle(): Promise<void>;
}

/**
 * Given/when/then verbs over the running app, so tests read as what a person does and sees.
 * Records console errors and every request that leaves the app's origin.
 */
export class AppDriver {
  readonly consoleErrors: string[] = [];
  /** pages the host answered with 404 (a path with no prerendered page): the app still renders them */
  readonly notFoundPages: string[] = [];
  readonly offOrigin: string[] = [];
  readonly requests: string[] = [];

  private constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    const origin = new URL(baseUrl).origin;
    page.on('console', (m) => {
      // SwiftShader's readPixels notice is driver chatter, not an app error; the browser's note
      // on a page served with 404 is kept in notFoundPages.
      if (m.type() !== 'error' || /GPU stall due to ReadPixels/.test(m.text())) return;
      if (/status of 404/.test(m.text()) && this.notFoundPages.includes(new URL(m.location().url).pathname)) return;
      this.consoleErrors.push(m.text());
    });
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() && r.status() === 404) this.notFoundPages.push(new URL(r.url()).pathname);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
    page.on('request', (r) => {
      const url = r.url();
      this.requests.push(url);
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) this.offOrigin.push(url);
    });
  }

  static async open(
    browser: Browser,
    baseUrl: string,
    path = '/',
    viewport: { width: number; height: number } = { width: 1280, height: 800 },
    locale = 'en-US',
    /** more of the context, e.g. a phone's `isMobile` and `hasTouch` */
    contextOptions: BrowserContextOptions = {},
    /**
     * what "open" means: the MapLibre map idle, (a browser without WebGL) the SVG drawing shown, (a page
     * with no map) loaded, or nothing loaded yet (the test's first step is a `load`)
     */
    ready: 'map-idle' | 'static-map' | 'page' | 'none' = 'map-idle',
  ): Promise<AppDriver> {
    // No service worker unless a test asks for one (offline.test.ts): its precache (~8 MB, after the
    // first view) competed for the CPU with the next page load of the same context and made a wait for
    // the map's idle time out, once in a few runs.
    const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1, serviceWorkers: 'block', ...contextOptions });
    const driver = new AppDriver(await context.newPage(), baseUrl);
    if (ready === 'none') return driver;
    await driver.page.goto(baseUrl + path);
    if (ready !== 'page') await (ready === 'static-map' ? driver.waitForStaticMap() : driver.waitForMapIdle());
    return driver;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  /** The map container mirrors MapLibre's state: "idle" once everything in view is drawn. */
  async waitForMapIdle(): Promise<void> {
    await this.page.locator('[data-testid="map"][data-map-state="idle"]').waitFor({ timeout: MAP_SETTLE_CEILING_MS });
  }

  /** Without WebGL the map area holds the SVG drawing instead: wait until it is drawn. */
  async waitForStaticMap(): Promise<void> {
    await this.page.locator('[data-testid="map"][data-map-state="static"]').waitFor({ timeout: 45_000 });
    await this.page.locator('[data-testid="static-map"] svg [data-feature-id]').first().waitFor({ timeout: 10_000 });
  }

  /** A fresh page load of `path` (a new document, as a pasted link gives), then wait for idle. */
  async load(path: string): Promise<void> {
    await this.page.goto('about:blank');
    await this.page.goto(this.baseUrl + path);
    await this.waitForMapIdle();
  }

  /**
   * After something that changes the map: waits for the map's next 'idle' after one more frame, so the
   * change is drawn and nothing is still loading or moving. A condition, not a guess at how long a move
   * takes: on a busy machine it waits longer, on a quiet one it returns as soon as the frame is in.
   */
  async waitForRedraw(): Promise<void> {
    await this.page.evaluate(
      (ms) =>
        Promise.race([
          (window as unknown as { __zjcnTest: TestHandle }).__zjcnTest.whenIdle(),
          new Promise((_, reject) => setTimeout(() => reject(new Error(`the map did not settle in ${ms / 1000} s`)), ms)),
        ]),
      MAP_SETTLE_CEILING_MS,
    );
    await this.waitForMapIdle();
  }

  /** Moves the view the way a shared #map= link does, without reloading; waits for the map to settle. */
  async showView(zoom: number, lat: number, lon: number): Promise<void> {
    await this.page.evaluate((h) => (window.location.hash = h), `#map=${zoom}/${lat}/${lon}`);
    await this.waitForRedraw();
  }

  /**
   * Gives something that must NOT happen (a scroll, a zoom, a tap's navigation) time to show itself
   * before the test checks it did not. Never a wait for something to happen: use a condition for that.
   */
  async quietFor(ms: number): Promise<void> {
    await this.page.waitForTimeout(ms);
  }

  /** Waits until every finite CSS transition and animation has finished (the sheet's rise, a smooth scroll). */
  async animationsDone(): Promise<void> {
    await this.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
    );
  }

  /** Everything a picture of the page shows has arrived and stopped: fonts, CSS animations and, with a map, its next idle. */
  async still(): Promise<void> {
    await this.fontsDone();
    await this.animationsDone();
    if (await this.page.evaluate(() => '__zjcnTest' in window && document.querySelector('[data-map-state="static"]') === null)) await this.waitForRedraw();
  }

  /** Waits until every web font the page has asked for so far has loaded (or failed). */
  async fontsDone(): Promise<void> {
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  async screenPosition(lngLat: [number, number]): Promise<{ x: number; y: number }> {
    return this.page.evaluate((ll) => (window as unknown as { __zjcnTest: TestHandle }).__zjcnTest.project(ll), lngLat);
  }

  async clickAt(lngLat: [number, number]): Promise<void> {
    const { x, y } = await this.screenPosition(lngLat);
    const box = (await this.page.locator('[data-testid="map"] canvas').boundingBox())!;
    if (x < box.x || y < box.y || x > box.x + box.width || y > box.y + box.height) {
      throw new Error(`clickAt: ${lngLat.join(',')} is off the map canvas (at ${Math.round(x)},${Math.round(y)}); the view is ${this.mapHash()}`);
    }
    await this.page.mouse.click(x, y);
  }

  async renderedLabels(layer: string) {
    return this.page.evaluate((l) => (window as unknown as { __zjcnTest: TestHandle }).__zjcnTest.renderedLabels(l), layer);
  }

  /** ids of the OSM heritage features drawn now, and whether their layer is on the map at all (it is added on demand) */
  async renderedHeritage(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __zjcnTest: TestHandle }).__zjcnTest.renderedHeritage());
  }

  async heritageAdded(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { __zjcnTest: TestHandle }).__zjcnTest.heritageAdded());
  }

  heading() {
    return this.page.getByTestId('details-heading');
  }

  panel() {
    return this.page.getByTestId('panel');
  }

  mapHash(): string {
    return new URL(this.page.url()).hash;
  }

  /** The map canvas as decoded RGBA pixels, from a real screenshot (WebGL buffers are not readable). */
  async canvasPixels(): Promise<PNG> {
    const shot = await this.page.locator('[data-testid="map"] canvas').screenshot();
    return PNG.sync.read(shot);
  }
}

/** How many pixels lie within `tolerance` (Euclidean RGB) of a colour. */
export function countNear(png: PNG, hex: string, tolerance = 24): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const dr = png.data[i]! - r;
    const dg = png.data[i + 1]! - g;
    const db = png.data[i + 2]! - b;
    if (dr * dr + dg * dg + db * db <= tolerance * tolerance) n++;
  }
  return n;
}

/** Number of distinct colours (quantised to 5 bits a channel): a blank canvas has one or two. */
export function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) seen.add(((png.data[i]! >> 3) << 10) | ((png.data[i + 1]! >> 3) << 5) | (png.data[i + 2]! >> 3));
  return seen.size;
}
