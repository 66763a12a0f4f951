import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDriver } from './app-driver';
import { geo, useAppInChromium, type Props } from './fixtures';

const segmentOf: [keyof typeof geo, string][] = [
  ['zones', 'zone'],
  ['buildings', 'building'],
  ['stations', 'station'],
  ['metroStations', 'metro'],
  ['places', 'place'],
];
function feature(id: string): { props: Props; segment: string } {
  for (const [layer, segment] of segmentOf) {
    const f = (geo[layer] as { properties: Props }[]).find((x) => x.properties.id === id);
    if (f) return { props: f.properties, segment };
  }
  throw new Error(`no feature ${id} in geo/`);
}
const hongqiaoIds = segmentOf.flatMap(([layer]) => (geo[layer] as { properties: Props }[]).filter((f) => f.properties.name_zh.includes('虹桥')).map((f) => f.properties.id));

describe('the search box, in Chromium', () => {
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });
  const input = () => app.page.getByTestId('search-input');
  const list = () => app.page.getByTestId('search-results');
  const resultIds = () => list().locator('[role="option"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-result-id')));
  const isFocused = () => input().evaluate((el) => el === document.activeElement);

  it('takes focus when "/" is pressed anywhere outside a text field, and loads its index only then', async () => {
    const isIndex = (u: string) => /search-index[^/]*\.js$/.test(u);
    expect(app.requests.some(isIndex)).toBe(false);
    expect(await isFocused()).toBe(false);
    await app.page.keyboard.press('/');
    await expect.poll(isFocused).toBe(true);
    expect(await input().inputValue()).toBe('');
    // The index is a chunk of its own, fetched on first use.
    await expect.poll(() => app.requests.some(isIndex)).toBe(true);
  });

  it('lists results as one types pinyin, and opens a feature with ArrowDown + Enter', async () => {
    await input().pressSequentially('hongqiao');
    await expect.poll(() => list().isVisible()).toBe(true);
    const ids = await resultIds();
    expect(ids).toEqual(expect.arrayContaining(hongqiaoIds));
    expect(await input().getAttribute('aria-expanded')).toBe('true');
    expect(await input().getAttribute('aria-controls')).toBe(await list().getAttribute('id'));

    await app.page.keyboard.press('ArrowDown');
    const first = list().locator('[role="option"]').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await input().getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    const chosen = feature(ids[0]!);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.heading().textContent()).toBe(chosen.props.name_en);
    expect(new URL(app.page.url()).pathname).toBe(`/${chosen.segment}/${chosen.props.id}`);
    expect(await list().isVisible()).toBe(false);
  });

  it('finds the 虹桥 places by their pinyin initials', async () => {
    await input().fill('hq');
    await expect.poll(() => list().isVisible()).toBe(true);
    const ids = await resultIds();
    expect(ids.some((id) => hongqiaoIds.includes(id!))).toBe(true);
    const option = list().locator(`[data-result-id="${ids.find((id) => hongqiaoIds.includes(id!))}"]`);
    expect(await option.textContent()).toContain('虹桥');
    expect(await option.textContent()).toContain('pinyin initials');
  });

  it('finds a station by its Chinese name', async () => {
    await input().fill('娄山关');
    await expect.poll(resultIds).toEqual(['station-loushanguan-road']);
    const option = list().locator('[data-result-id="station-loushanguan-road"]');
    expect(await option.textContent()).toContain('Loushanguan Road');
    expect(await option.textContent()).toContain('Metro station');
  });

  it('closes the list with Escape, without clearing the selection', async () => {
    const heading = await app.heading().textContent();
    const path = new URL(app.page.url()).pathname;
    await input().fill('数字人民币');
    await expect.poll(resultIds).toContain('s1-3-p1');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => list().isVisible()).toBe(false);
    expect(await input().getAttribute('aria-expanded')).toBe('false');
    expect(await app.heading().textContent()).toBe(heading);
    expect(new URL(app.page.url()).pathname).toBe(path);
    // A second Escape empties the field; the selection still stays.
    await app.page.keyboard.press('Escape');
    expect(await input().inputValue()).toBe('');
    expect(await app.heading().textContent()).toBe(heading);
  });

  it('opens a report paragraph at its place in the reader', async () => {
    await input().fill('数字人民币');
    const option = list().locator('[data-result-id="s1-3-p1"]');
    await option.waitFor();
    expect(await option.locator('mark').textContent()).toBe('数字人民币');
    await option.click();
    await expect.poll(() => new URL(app.page.url()).pathname).toBe('/report/s1-3-p1');
  });

  it('does not take "/" while one types in the box', async () => {
    await input().fill('');
    await input().focus();
    await app.page.keyboard.type('a/b');
    expect(await input().inputValue()).toBe('a/b');
    expect(app.consoleErrors).toEqual([]);
  });
});
