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
    // One file draws all of it: the build's subset of Noto Sans SC, none of fontsource's chunks.
    const fonts = app.requests.filter((u) => u.endsWith('.woff2'));
    expect(fonts.some((u) => /\/noto-sans-sc-subset-[\w-]+\.woff2$/.test(u)), fonts.join('\n')).toBe(true);
    expect(fonts.filter((u) => /noto-sans-sc-\d+-400-normal/.test(u))).toEqual([]);
  });

  it('draws form controls (search field, selects) with the same fonts, not the system’s', async () => {
    const family = await app.page.getByTestId('search-input').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain('Noto Sans SC');
    // The subset first, fontsource's chunks only for what it lacks.
    expect(family).toMatch(/"Noto Sans SC", "Noto Sans SC Fallback"/);
  });

  it('puts the Chinese name first in the map labels', async () => {
    const labels = await app.renderedLabels('zones-label');
    expect(labels.length).toBe(geo.zones.length);
    const heading = await app.page.getByTestId('zone-list').locator('button').first().textContent();
    expect(heading?.trim().startsWith(geo.zones.find((z) => z.properties.zone === 'east')!.properties.name_zh)).toBe(true);
  });

  it('reads the whole report with the subset alone: no fallback chunk is fetched', async () => {
    await app.load('/report');
    // Every font the report's text asks for has arrived (or was never needed): a fallback chunk would be among them.
    await app.fontsDone();
    const text = await app.page.locator('main, body').first().innerText();
    expect(text).toContain('十四五');
    expect(app.requests.filter((u) => /noto-sans-sc-\d+-400-normal/.test(u))).toEqual([]);
  });

  it('fetches one fallback chunk only when a character outside the subset appears', async () => {
    const chunks = () => app.requests.filter((u) => /noto-sans-sc-\d+-400-normal/.test(u));
    expect(chunks()).toEqual([]);
    // The fallback faces are registered after the first view (src/main.ts), from a chunk of their own.
    await app.page.waitForFunction(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Sans SC Fallback'));
    // 鑫 is in no text of the app (a name a person might import later).
    const drawn = await app.page.evaluate(async () => {
      const span = document.createElement('span');
      span.textContent = '鑫';
      span.dataset.testid = 'fallback-sample';
      document.body.append(span);
      await document.fonts.ready;
      await new Promise((r) => setTimeout(r, 300));
      await document.fonts.ready;
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Sans SC Fallback' && f.status === 'loaded');
      return { loaded: faces.length, check: document.fonts.check('15px "Noto Sans SC Fallback"', '鑫') };
    });
    expect(drawn).toEqual({ loaded: 1, check: true });
    expect(chunks()).toHaveLength(1);
  });
});
