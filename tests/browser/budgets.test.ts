import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { useChromium } from './fixtures';

const budgets = JSON.parse(readFileSync(new URL('../../scripts/budgets.json', import.meta.url), 'utf8')) as { firstLoadFonts: number };

/**
 * Font bytes depend on the text a page shows, so they are measured where they are spent: a first
 * visit to the overview in each language, on a phone, until the map has drawn its labels. The
 * overview shows names and interface text only: it takes the Noto Sans SC subset's core file and
 * never its prose file (the report's other characters, for the reader, the tour and report quotes).
 */
describe('first-load font bytes stay within budget (scripts/budgets.json), in Chromium', () => {
  const chromium = useChromium();

  for (const locale of ['zh-CN', 'en-US']) {
    it(`on / in ${locale}`, async () => {
      const app = await AppDriver.open(chromium(), inject('baseUrl'), '/', { width: 390, height: 844 }, locale, { isMobile: true, hasTouch: true });
      try {
        // The fonts the panel's text and the map's labels asked for have all arrived.
        await app.fontsDone();
        await app.waitForRedraw();
        const fonts = await app.page.evaluate(() =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            .filter((r) => r.name.endsWith('.woff2'))
            .map((r) => ({ name: r.name.split('/').pop()!, bytes: r.encodedBodySize })),
        );
        // The HTML and the map labels may ask for the same file: it crosses the wire once.
        const unique = [...new Map(fonts.map((f) => [f.name, f])).values()];
        const total = unique.reduce((n, f) => n + Math.max(f.bytes, 0), 0);
        console.log(`${locale}: ${unique.length} font files (${fonts.length} requests), ${(total / 1024).toFixed(1)} KB (budget ${(budgets.firstLoadFonts / 1024).toFixed(1)} KB)`);
        expect(unique.length).toBeGreaterThan(0);
        expect(unique.filter((f) => /^noto-sans-sc-subset-core-/.test(f.name))).toHaveLength(1);
        expect(unique.filter((f) => /^noto-sans-sc-subset-prose-/.test(f.name)), 'a character of the report’s prose on /').toEqual([]);
        expect(total, unique.map((f) => `${f.name} ${f.bytes}`).join('\n')).toBeLessThanOrEqual(budgets.firstLoadFonts);
      } finally {
        await app.close();
      }
    });
  }
});
