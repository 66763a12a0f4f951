import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDriver } from './app-driver';
import { geo, useAppInChromium } from './fixtures';

describe('a Chinese-language browser, in Chromium with no CJK system font', () => {
  const openApp = useAppInChromium('zh-CN');
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });

  it('gets the interface in Chinese, and <html lang> says so', async () => {
    expect(await app.page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await app.page.locator('h1').textContent()).toBe('张江长宁园');
  });

  it('renders the interface’s Chinese with the self-hosted Noto Sans SC', async () => {
    const text = (await app.panel().textContent())!;
    expect(text).toContain('东部片区');
    // The packaged Chromium has no CJK font: only our woff2 chunks can draw these characters.
    const drawn = await app.page.evaluate(async (sample) => {
      await document.fonts.ready;
      return document.fonts.check('15px "Noto Sans SC"', sample);
    }, '东部片区张江长宁园');
    expect(drawn).toBe(true);
    const loaded = await app.page.evaluate(() =>
      [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC' && f.status === 'loaded').length,
    );
    expect(loaded).toBeGreaterThan(0);
  });

  it('draws form controls (search field, selects) with the same fonts, not the system’s', async () => {
    const family = await app.page.getByTestId('search-input').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain('Noto Sans SC');
  });

  it('puts the Chinese name first in the map labels', async () => {
    const labels = await app.renderedLabels('zones-label');
    expect(labels.length).toBe(geo.zones.length);
    const heading = await app.page.getByTestId('zone-list').locator('button').first().textContent();
    expect(heading?.trim().startsWith(geo.zones.find((z) => z.properties.zone === 'east')!.properties.name_zh)).toBe(true);
  });
});
