import { describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver';
import { useChromium } from './fixtures';

/**
 * The shipped page's Content-Security-Policy (meta and header: scripts/vite-plugin-csp-hashes.ts,
 * deploy/snippets/zjcn-headers.conf) and links that carry a broken map view.
 */
describe('hardened: the production policy and malformed links', () => {
  const chromium = useChromium();
  const base = () => inject('baseUrl');

  it('ships a policy with no dev socket, no eval, no plugins and no foreign base, as a meta and as the header', async () => {
    const response = await fetch(`${base()}/`);
    const html = await response.text();
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/ws:|localhost|127\.0\.0\.1|unsafe-eval/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "connect-src 'self'"]) expect(meta).toContain(directive);
    expect(response.headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    expect((await fetch(base() + asset)).headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
  });

  it('runs under that policy without a single violation: overview, a building, the reader, synthetic sites', async () => {
    for (const path of ['/', '/building/bldg-gold-hongqiao-center', '/report', '/?synthetic=2000']) {
      const context = await chromium().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await context.addInitScript(() => {
        const seen: string[] = ((window as unknown as { __violations: string[] }).__violations = []);
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const page = await context.newPage();
      await page.goto(base() + path);
      await page.waitForFunction(() => performance.getEntriesByName('map-first-idle').length > 0);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), path).toEqual([]);
      await context.close();
    }
  });

  for (const [hash, expectView] of [
    ['#map=abc', 'the park'],
    ['#map=99/999/999', 'the park'],
    ['#map=12//121.4', 'the park'],
    ['#map=99/31.2165/121.4122', 'zoom 18'],
  ] as const) {
    it(`a link with ${hash} opens on ${expectView}, the panel and map working`, async () => {
      const app = await AppDriver.open(chromium(), base(), `/${hash}`);
      try {
        const { zoom, lat, lon } = await app.page.evaluate(() => {
          const m = /map=([\d.]+)\/([\d.-]+)\/([\d.-]+)/.exec(location.hash);
          return m ? { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) } : { zoom: NaN, lat: NaN, lon: NaN };
        });
        if (expectView === 'zoom 18') expect(zoom).toBe(18);
        else expect(app.page.url()).not.toMatch(/map=(abc|99\/999|12\/\/)/);
        if (Number.isFinite(zoom)) {
          expect(zoom).toBeGreaterThanOrEqual(10);
          expect(zoom).toBeLessThanOrEqual(18);
          expect(Math.abs(lat - 31.2)).toBeLessThan(0.3);
          expect(Math.abs(lon - 121.4)).toBeLessThan(0.3);
        }
        await expect.poll(() => app.page.getByTestId('building-list').locator('button').count()).toBeGreaterThan(5);
        expect(app.consoleErrors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
