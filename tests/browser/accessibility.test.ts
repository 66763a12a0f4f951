import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { openChromium } from './fixtures';

/**
 * axe-core's WCAG 2.2 A/AA rules (target size included) on every view, in both interface languages,
 * on a desktop window and on a phone. The page is checked whole: panel, skip links, the map's own
 * controls (zoom, attribution) and the canvas, which is a labelled, focusable region.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const VIEWS = ['/', '/building/bldg-gold-hongqiao-center', '/zone/zone-central', '/metro/metro-station-yili-road', '/place/place-yuyuan-road', '/report', '/compare', '/tour/2'];
const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, options: {} },
  { name: 'phone', viewport: { width: 390, height: 844 }, options: { isMobile: true, hasTouch: true } },
] as const;
const LANGUAGES = [
  { lang: 'en', locale: 'en-US', htmlLang: 'en' },
  { lang: 'zh', locale: 'zh-CN', htmlLang: 'zh-Hans' },
] as const;

describe('accessibility of every view (axe-core, WCAG 2.2 AA), in Chromium', () => {
  let browser: Browser | undefined;
  /** every violation, of any impact, per screen × language × view: printed at the end */
  const tally: string[] = [];
  beforeAll(async () => {
    browser = await openChromium();
  });
  afterAll(async () => {
    await browser?.close();
    if (tally.length) console.log(`axe violations (all impacts, rule ids):\n${tally.join('\n')}`);
  });

  for (const screen of SCREENS) {
    for (const { lang, locale, htmlLang } of LANGUAGES) {
      describe(`${screen.name} ${screen.viewport.width}×${screen.viewport.height}, ${lang} interface`, () => {
        let app: AppDriver | undefined;
        beforeAll(async () => {
          // Each view below is its own page load: nothing to load before the first.
          app = await AppDriver.open(browser!, inject('baseUrl'), '/', screen.viewport, locale, screen.options, 'none');
        });
        afterAll(async () => {
          await app?.close();
        });

        for (const path of VIEWS) {
          it(`has no serious or critical violations at ${path}`, async () => {
            await app!.load(path);
            expect(await app!.page.evaluate(() => document.documentElement.lang)).toBe(htmlLang);
            const result = await new AxeBuilder({ page: app!.page }).withTags(TAGS).analyze();
            const all = result.violations.map((v) => `${v.id}(${v.impact}×${v.nodes.length})`);
            tally.push(`${screen.name} ${lang} ${path}: ${all.length} ${all.join(' ')}`);
            const serious = result.violations
              .filter((v) => v.impact === 'serious' || v.impact === 'critical')
              .map((v) => `${v.id}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
            expect(serious).toEqual([]);
          });
        }
      });
    }
  }
});
