import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppDriver } from './app-driver';
import { geo, useAppInChromium } from './fixtures';

const path = (app: AppDriver) => new URL(app.page.url()).pathname;
const search = (app: AppDriver) => new URL(app.page.url()).search;

describe('shareable URLs, the report reader, language and the tour, in Chromium', () => {
  const openApp = useAppInChromium();
  let app: AppDriver;
  beforeAll(() => {
    app = openApp();
  });
  beforeEach(() => {
    app.consoleErrors.length = 0;
  });

  it('restores a building’s panel from a pasted deep URL, after a reload too', async () => {
    const b = geo.buildings[5]!;
    await app.load(`/building/${b.properties.id}`);
    await expect.poll(() => app.heading().textContent()).toBe(b.properties.name_en);
    await app.page.reload();
    await app.waitForMapIdle();
    await expect.poll(() => app.heading().textContent()).toBe(b.properties.name_en);
    expect(app.mapHash()).toMatch(/^#map=/);
    expect(app.consoleErrors).toEqual([]);
  });

  it('walks back and forward through selections', async () => {
    const [first, second] = [geo.zones[0]!, geo.stations[3]!];
    await app.page.getByTestId('nav-overview').click();
    await app.page.getByTestId('zone-list').locator(`[data-feature-id="${first.properties.id}"]`).click();
    await expect.poll(() => path(app)).toBe(`/zone/${first.properties.id}`);
    await app.page.getByTestId('close').click();
    await app.page.locator(`[data-feature-id="${second.properties.id}"]`).first().click();
    await expect.poll(() => path(app)).toBe(`/station/${second.properties.id}`);
    await app.page.goBack();
    await expect.poll(() => path(app)).toBe('/');
    await app.page.goBack();
    await expect.poll(() => app.heading().textContent()).toBe(first.properties.name_en);
    await app.page.goForward();
    await app.page.goForward();
    await expect.poll(() => app.heading().textContent()).toBe(second.properties.name_en);
  });

  it('says clearly when a URL names an id the data does not hold (status 404), without an error', async () => {
    await app.load('/building/no-such-building');
    await expect.poll(() => app.page.getByTestId('not-found').textContent()).toContain('no-such-building');
    expect(await app.heading().count()).toBe(0);
    await app.load('/zone/bldg-cloud-nine'); // a real id under the wrong kind
    await expect.poll(() => app.page.getByTestId('not-found').isVisible()).toBe(true);
    // No page was prerendered for either: the host says 404, and the app says what is missing.
    expect(app.notFoundPages).toEqual(['/building/no-such-building', '/zone/bldg-cloud-nine']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('selects a place when its mention in the report reader is clicked, and the URL follows', async () => {
    await app.load('/report');
    const mention = app.page.locator('[data-testid="report-reader"] button.mention[data-mention-of="place-bingu-tower"]').first();
    await mention.click();
    await expect.poll(() => app.heading().textContent()).toBe(geo.places.find((p) => p.properties.id === 'place-bingu-tower')!.properties.name_en);
    expect(path(app)).toBe('/report');
    expect(search(app)).toBe('?select=place-bingu-tower');
    // The paragraphs about the selection are marked.
    await expect.poll(() => app.page.locator('[data-paragraph-id][data-concerns]').count()).toBeGreaterThan(0);
  });

  it('opens the reader at a paragraph from its URL', async () => {
    await app.load('/report/s2-4-p1');
    const p = app.page.locator('[data-paragraph-id="s2-4-p1"]');
    await expect.poll(() => p.evaluate((el) => el.classList.contains('current'))).toBe(true);
    await expect.poll(() => p.evaluate((el) => el.getBoundingClientRect().top < window.innerHeight)).toBe(true);
  });

  it('switches the interface language, <html lang> and the label order, and keeps the choice', async () => {
    await app.load('/');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await app.page.locator('h1').textContent()).toBe('Zhangjiang Changning Park');
    await app.page.getByTestId('language-switch').click();
    await expect.poll(() => app.page.locator('h1').textContent()).toBe('张江长宁园');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await app.page.reload();
    await app.waitForMapIdle();
    expect(await app.page.locator('h1').textContent()).toBe('张江长宁园');
    await app.page.getByTestId('language-switch').click();
    await expect.poll(() => app.page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('moves the tour on with Next and the arrow keys: selection and URL change', async () => {
    await app.load('/tour/1');
    const title1 = await app.page.getByTestId('tour-title').textContent();
    await app.page.getByTestId('tour-next').click();
    await expect.poll(() => path(app)).toBe('/tour/2');
    expect(await app.page.getByTestId('tour-title').textContent()).not.toBe(title1);
    await expect.poll(() => app.heading().count()).toBe(1);
    const selected2 = await app.heading().textContent();
    await app.waitForRedraw();
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => path(app)).toBe('/tour/3');
    await expect.poll(() => app.heading().textContent()).not.toBe(selected2);
    await app.page.keyboard.press('ArrowLeft');
    await expect.poll(() => path(app)).toBe('/tour/2');
    await expect.poll(() => app.heading().textContent()).toBe(selected2);
  });
});
