import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ZONE_COLOURS } from '../../src/map/palette';
import { AppDriver, countNear, distinctColours } from './app-driver';
import { geo, servedByNginx, useChromium } from './fixtures';
import { precompressFile } from '../../scripts/precompress';
import { runCertificate, startNginx } from '../serve/nginx';

const builtDir = resolve(process.env.ZJCN_OUT ?? 'dist');

/**
 * A host of its own for a test (the shared one stays up for the other files): nginx with the repo's
 * configuration, serving `outDir`. Stopping it takes the network away for real, beside the browser's
 * offline switch.
 */
async function host(outDir: string) {
  const server = await startNginx(outDir, runCertificate());
  return { base: server.url, close: () => server.stop() };
}

/** The page is controlled once the worker has installed, i.e. has precached everything. */
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

/**
 * Every request a page makes that gets no answer. The worker's own tries at the network (for a
 * page it has not kept, before it falls back to a kept one) are expected to fail and are not counted.
 */
function failedRequests(context: BrowserContext): string[] {
  const failed: string[] = [];
  context.on('requestfailed', (r) => {
    if (!r.serviceWorker()) failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return failed;
}

/** What "it draws" means in the other map tests: many colours, each zone's own on the canvas, labels placed. */
async function expectMapDrawn(app: AppDriver) {
  await app.waitForMapIdle();
  const png: PNG = await app.canvasPixels();
  expect(distinctColours(png)).toBeGreaterThan(40);
  for (const [zone, colour] of Object.entries(ZONE_COLOURS)) expect(countNear(png, colour, 30), zone).toBeGreaterThan(40);
  const labels = await app.renderedLabels('zones-label');
  expect(labels.map((l) => l.id).sort()).toEqual(geo.zones.map((z) => z.properties.id).sort());
}

// Offline use, the service worker and updates are about serving: tested against nginx only (global-setup.ts says why when skipped).
describe.runIf(servedByNginx())('installable and offline (service worker), served by nginx over HTTPS, in Chromium', () => {
  const chromium = useChromium();

  it('is installable: the manifest names the app in both scripts, with the palette and icons that exist', async () => {
    const base = inject('baseUrl');
    const html = await (await fetch(`${base}/building/bldg-gold-hongqiao-center`)).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(html).toMatch(/<meta name="theme-color" content="#1d2430"/);
    const manifest = (await (await fetch(`${base}/manifest.webmanifest`)).json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest.name).toMatch(/张江长宁园.*Zhangjiang Changning Park/);
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', theme_color: '#1d2430' });
    for (const size of [192, 512]) expect(manifest.icons.some((i) => i.sizes === `${size}x${size}` && i.purpose === 'any')).toBe(true);
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons.filter((i) => i.src.endsWith('.png'))) {
      const response = await fetch(base + icon.src);
      expect(response.status, icon.src).toBe(200);
      const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()));
      expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
    }
  });

  it('registers the worker only after the first view: not while the map is still loading', async () => {
    const context = await chromium().newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      let releaseWorker!: () => void;
      const held = new Promise<void>((r) => (releaseWorker = r));
      await page.route(/maplibre-gl-worker/, async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${inject('baseUrl')}/`, { waitUntil: 'load' });
      await page.waitForTimeout(2000);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r ?? null))).toBeNull();
      releaseWorker();
      await page.locator('[data-testid="map"][data-map-state="idle"]').waitFor({ timeout: 45_000 });
      await controlled(page);
    } finally {
      await context.close();
    }
  });

  it('after one visit to /, opens and draws with no network: /, a building, a zone, a what’s-here link, an unread paragraph, an unknown page', async () => {
    const server = await host(builtDir);
    const app = await AppDriver.open(chromium(), server.base, '/', undefined, undefined, { serviceWorkers: 'allow' });
    const context = app.page.context();
    try {
      await controlled(app.page);
      // No network at all: the host is gone and the browser is offline.
      await server.close();
      await context.setOffline(true);
      const failed = failedRequests(context);

      await app.page.reload();
      await expectMapDrawn(app);
      await expect.poll(() => app.page.getByTestId('building-list').locator('button').count()).toBeGreaterThan(5);
      expect(await app.page.locator('h1').textContent()).toBe('Zhangjiang Changning Park');

      const building = geo.buildings[0]!.properties;
      await app.load(`/building/${building.id}`);
      await expect.poll(() => app.heading().textContent()).toBe(building.name_en);
      await expectMapDrawn(app);

      const zone = geo.zones.find((z) => z.properties.id === 'zone-central')!.properties;
      await app.load(`/zone/${zone.id}`);
      await expect.poll(() => app.heading().textContent()).toBe(zone.name_en);

      const [lon, lat] = geo.buildings[0]!.geometry.coordinates;
      await app.load(`/at/${lat},${lon}`);
      await expect.poll(() => app.page.getByTestId('whats-here-zone').innerText()).toMatch(/Zone/);

      // A paragraph page is not precached (src/offline/sw.ts): the reader's page opens it.
      await app.load('/report/s2-4-p1');
      const p = app.page.locator('[data-paragraph-id="s2-4-p1"]');
      await expect.poll(() => p.evaluate((el) => el.classList.contains('current'))).toBe(true);

      await app.load('/building/no-such-building');
      await expect.poll(() => app.page.getByTestId('panel').innerText()).toMatch(/no-such-building/);

      // In Chinese too: the panel and both scripts in the labels, from the cached fonts.
      await app.page.evaluate(() => localStorage.setItem('zjcn.lang', 'zh'));
      await app.load('/');
      expect(await app.page.locator('h1').textContent()).toBe('张江长宁园');
      await expectMapDrawn(app);

      expect(failed).toEqual([]);
      expect(app.consoleErrors).toEqual([]);
      expect(app.offOrigin).toEqual([]);
    } finally {
      await app.close();
      await server.close();
    }
  });

  it('a new release waits behind a polite “Reload to update” (更新); the page reloads onto it only when asked', async () => {
    // Release 1 is a copy of the build; release 2 is the same with index.html changed, and sw.js
    // with that page's new revision, as the next `npm run build` would write them.
    const dir = mkdtempSync(join(tmpdir(), 'zjcn-release-'));
    cpSync(builtDir, dir, { recursive: true });
    const server = await host(dir);
    const app = await AppDriver.open(chromium(), server.base, '/', undefined, undefined, { serviceWorkers: 'allow' });
    const page = app.page;
    try {
      await controlled(page);
      const prompt = page.getByTestId('update-prompt');
      expect(await prompt.getAttribute('role')).toBe('status');
      expect(await prompt.getAttribute('aria-live')).toBe('polite');
      expect(await prompt.innerText()).toBe('');

      const index = join(dir, 'index.html');
      const before = readFileSync(index, 'utf8');
      const after = before.replace('</head>', '<meta name="zjcn-release" content="2"></head>');
      const revision = (s: string) => createHash('md5').update(s).digest('hex');
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
      expect(sw).toContain(`{"revision":"${revision(before)}","url":"index.html"}`);
      writeFileSync(index, after);
      writeFileSync(join(dir, 'sw.js'), sw.replace(revision(before), revision(after)));
      // and, as the build does, their precompressed copies (nginx sends those first).
      await Promise.all([precompressFile(index), precompressFile(join(dir, 'sw.js'))]);

      // The reader has this page open; the browser checks for a release (as it does hourly, or on a visit).
      await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      const zh = await page.context().newPage();
      await zh.addInitScript(() => localStorage.setItem('zjcn.lang', 'zh'));
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));

      await expect.poll(() => prompt.innerText(), { timeout: 30_000 }).toContain('A new version of the map is ready.');
      const button = page.getByRole('button', { name: 'Reload to update' });
      expect(await button.isVisible()).toBe(true);
      const axe = await new AxeBuilder({ page }).include('[data-testid="update-prompt"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      // Nothing changed under the reader: the same document, the old page, the map still there.
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(await page.locator('meta[name="zjcn-release"]').count()).toBe(0);

      // Another tab, opened while the release waits, says so in Chinese.
      await zh.goto(`${server.base}/`);
      await expect.poll(() => zh.getByTestId('update-prompt').innerText(), { timeout: 30_000 }).toContain('地图有新版本');
      expect(await zh.getByRole('button', { name: '更新' }).isVisible()).toBe(true);
      await zh.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

      // Asked, the page reloads onto release 2; the other tab is left as it is.
      await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), button.click()]);
      await app.waitForMapIdle();
      expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined();
      expect(await page.locator('meta[name="zjcn-release"]').getAttribute('content')).toBe('2');
      expect(await prompt.innerText()).toBe('');
      await page.waitForTimeout(1000);
      expect(await zh.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
