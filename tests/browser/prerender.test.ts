import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { snapHeights } from '../../src/sheet/sheet-heights';
import { useChromium, geo } from './fixtures';

/**
 * The prerendered pages (scripts/prerender.ts): the panel is in the HTML, in the reader's
 * language and layout, before any script runs; the browser hydrates it without re-rendering it;
 * the static files are what they say they are.
 */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESK: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const building = geo.buildings.find((b) => b.properties.id === 'bldg-gold-hongqiao-center') ?? geo.buildings[0]!;

describe('prerendered pages', () => {
  const chromium = useChromium();
  const base = () => inject('baseUrl');

  async function open(browser: Browser, path: string, options: BrowserContextOptions & { blockScripts?: boolean; savedLang?: string }) {
    const { blockScripts, savedLang, ...contextOptions } = options;
    const context = await browser.newContext(contextOptions);
    if (savedLang) await context.addInitScript((lang) => localStorage.setItem('zjcn.lang', lang), savedLang);
    // What the page shows before its JavaScript arrives: every module request is held back.
    if (blockScripts) await context.route(/\/assets\/.*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base() + path);
    return { page, errors, close: () => context.close() };
  }
  const visibleText = (page: Page) => page.locator('[data-testid="panel"]:visible').innerText();

  it('with JavaScript off, a building page holds its panel: name, facts and the report quote', async () => {
    const { page, close } = await open(chromium(), `/building/${building.properties.id}`, { ...DESK, locale: 'zh-CN', javaScriptEnabled: false });
    const text = await visibleText(page);
    expect(text).toContain(building.properties.name_zh);
    expect(text).toContain('报告原文');
    expect(await page.locator('[data-testid="panel"]:visible blockquote, [data-testid="panel"]:visible .excerpt').count()).toBeGreaterThan(0);
    expect(await page.title()).toContain(building.properties.name_en);
    await close();
  });

  it('with JavaScript off, the report reader shows the whole report', async () => {
    const { page, close } = await open(chromium(), '/report', { ...DESK, javaScriptEnabled: false });
    const paragraphs = await page.locator('[data-testid="panel"]:visible [data-paragraph-id]').count();
    expect(paragraphs).toBeGreaterThan(15);
    await close();
  });

  for (const [name, options, expectLang, phone] of [
    ['English browser, desktop', { ...DESK, locale: 'en-US' }, 'en', false],
    ['Chinese browser, phone', { ...PHONE, locale: 'zh-CN' }, 'zh', true],
    ['Chinese browser with English saved, phone', { ...PHONE, locale: 'zh-CN', savedLang: 'en' }, 'en', true],
    ['English browser with Chinese saved, desktop', { ...DESK, locale: 'en-US', savedLang: 'zh' }, 'zh', false],
  ] as const) {
    it(`before any module runs, shows the panel in the reader's language and layout: ${name}`, async () => {
      const { page, close } = await open(chromium(), `/building/${building.properties.id}`, { ...options, blockScripts: true });
      const heading = page.locator('[data-testid="details-heading"]:visible');
      await expect.poll(() => heading.innerText()).toBe(expectLang === 'en' ? building.properties.name_en : building.properties.name_zh);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(expectLang === 'en' ? 'en' : 'zh-Hans');
      expect(await page.locator('[data-testid="sheet-handle"]:visible').count()).toBe(phone ? 1 : 0);
      if (phone) {
        // The sheet rests at half height from CSS alone: the same height snapHeights gives the script.
        const box = (await page.locator('[data-testid="panel"]:visible').boundingBox())!;
        expect(Math.abs(box.height - snapHeights({ height: 844 }).half)).toBeLessThanOrEqual(1);
      }
      await close();
    });
  }

  for (const [path, options] of [
    [`/building/${building.properties.id}`, { ...PHONE, locale: 'zh-CN' }],
    [`/building/${building.properties.id}`, { ...DESK, locale: 'en-US' }],
    ['/', { ...PHONE, locale: 'en-US' }],
    ['/report', { ...DESK, locale: 'zh-CN' }],
    ['/compare', { ...PHONE, locale: 'en-US' }],
    ['/tour/2', { ...DESK, locale: 'en-US' }],
  ] as const) {
    it(`hydrates ${path} (${options.locale}, ${options.isMobile ? 'phone' : 'desktop'}) without a mismatch and keeps the prerendered elements`, async () => {
      const context = await chromium().newContext(options);
      // Mark every element of the page as the parser makes it (an expando, invisible to Vue's hydration).
      await context.addInitScript(() => {
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) for (const el of [n, ...n.querySelectorAll('*')]) (el as Element & { __parsed?: boolean }).__parsed = true;
        }).observe(document, { childList: true, subtree: true });
        document.addEventListener('DOMContentLoaded', () => ((window as unknown as { __parsedDone: boolean }).__parsedDone = true));
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(base() + path);
      await page.waitForFunction(() => performance.getEntriesByName('boot:mounted').length > 0);
      const kept = await page.evaluate(() => {
        const els = [...document.querySelectorAll('[data-testid="panel"] *')];
        return { total: els.length, parsed: els.filter((el) => (el as Element & { __parsed?: boolean }).__parsed).length, live: document.querySelectorAll('#app > [data-variant]').length };
      });
      expect(errors.filter((e) => /hydration/i.test(e))).toEqual([]);
      expect(kept.live).toBe(1);
      expect(kept.total).toBeGreaterThan(10);
      // Every element in the panel is the one the HTML made: nothing was re-rendered.
      expect(kept.parsed).toBe(kept.total);
      await context.close();
    });
  }

  it('a path with no page gets the 404 status and the not-found panel, rendered for that path', async () => {
    const response = await fetch(`${base()}/building/no-such-building`);
    expect(response.status).toBe(404);
    const { page, errors, close } = await open(chromium(), '/building/no-such-building', { ...DESK, locale: 'en-US' });
    await expect.poll(() => page.locator('[data-testid="not-found"]').innerText()).toContain('no-such-building');
    // The browser's own note on the 404 status is the only message.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await close();
  });

  it('serves robots.txt as text, and each page as its own file (no index.html fallback)', async () => {
    const robots = await fetch(`${base()}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toMatch(/^User-agent:/m);
    const zone = await (await fetch(`${base()}/zone/zone-central`)).text();
    const home = await (await fetch(`${base()}/`)).text();
    expect(zone).toContain('data-url="/zone/zone-central"');
    expect(home).toContain('data-url="/"');
  });
});
