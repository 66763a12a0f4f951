import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDriver } from './app-driver';
import { useAppInChromium } from './fixtures';

/** axe-core's WCAG A/AA rules on the panel of each view; the map canvas is a region with a label. */
describe('accessibility of the panel views (axe-core), in Chromium', () => {
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });

  for (const path of ['/', '/building/bldg-gold-hongqiao-center', '/zone/zone-central', '/report', '/compare', '/tour/2']) {
    it(`has no serious or critical violations at ${path}`, async () => {
      await app.load(path);
      const result = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa']).exclude('.maplibregl-canvas').analyze();
      const serious = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
    });
  }
});
