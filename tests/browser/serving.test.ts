import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { servedByNginx, useChromium } from './fixtures';

const dist = resolve(process.env.ZJCN_OUT ?? 'dist');
const base = () => inject('baseUrl');
const pageHtml = readFileSync(join(dist, 'index.html'), 'utf8');
const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(pageHtml)![1]!;
const asset = /src="(\/assets\/[^"]+\.js)"/.exec(pageHtml)![1]!;
const notFoundPage = readFileSync(join(dist, '404.html'), 'utf8');

/** One request of each kind a browser makes of the site, and what it must get. */
const KINDS: { name: string; path: string; method?: string; status: number; cache: string; type?: RegExp }[] = [
  { name: 'the overview page', path: '/', status: 200, cache: 'no-cache', type: /^text\/html; charset=utf-8$/ },
  { name: 'a feature page', path: '/building/bldg-gold-hongqiao-center', status: 200, cache: 'no-cache', type: /^text\/html/ },
  { name: "a what's-here shell", path: '/at/31.2165,121.4122', status: 200, cache: 'no-cache', type: /^text\/html/ },
  { name: 'a my-sites shell', path: '/my-sites/3', status: 200, cache: 'no-cache', type: /^text\/html/ },
  { name: 'a path with no page (404)', path: '/building/no-such-building', status: 404, cache: 'no-cache', type: /^text\/html/ },
  { name: 'a broken escape (400)', path: '/zone/%', status: 400, cache: 'no-cache', type: /^text\/html/ },
  { name: 'the not-found page itself (the offline fallback the worker precaches)', path: '/404.html', status: 200, cache: 'no-cache', type: /^text\/html/ },
  { name: 'the service worker', path: '/sw.js', status: 200, cache: 'no-cache', type: /javascript/ },
  { name: 'the web app manifest', path: '/manifest.webmanifest', status: 200, cache: 'no-cache', type: /^application\/manifest\+json/ },
  { name: 'a hashed script', path: asset, status: 200, cache: 'public, max-age=31536000, immutable', type: /javascript/ },
  { name: 'an icon', path: '/icons/icon-192.png', status: 200, cache: 'no-cache', type: /^image\/png$/ },
  { name: 'robots.txt', path: '/robots.txt', status: 200, cache: 'no-cache', type: /^text\/plain/ },
  { name: 'a method the site does not serve (405)', path: '/', method: 'OPTIONS', status: 405, cache: 'no-cache' },
];

/** The security headers every response carries (deploy/snippets/zjcn-headers.conf), and HTTPS's own. */
function expectSecurityHeaders(h: Headers, what: string, https = true) {
  expect(h.get('content-security-policy'), what).toBe(`${metaPolicy}; frame-ancestors 'none'`);
  expect(h.get('x-content-type-options'), what).toBe('nosniff');
  expect(h.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(h.get('permissions-policy'), what).toBe('camera=(), microphone=(), geolocation=()');
  // server_tokens off: no version in a header (or an error page)
  expect(h.get('server'), what).toBe('nginx');
  if (https) expect(h.get('strict-transport-security'), what).toBe('max-age=31536000');
}

describe.runIf(servedByNginx())('served as in production: deploy/ under real nginx, over HTTPS', () => {
  for (const kind of KINDS) {
    it(`${kind.name} (${kind.method ?? 'GET'} ${kind.path}): ${kind.status}, every security header, ${kind.cache}`, async () => {
      const response = await fetch(base() + kind.path, { method: kind.method ?? 'GET', redirect: 'manual' });
      expect(response.status).toBe(kind.status);
      expectSecurityHeaders(response.headers, kind.path);
      expect(response.headers.get('cache-control')).toBe(kind.cache);
      if (kind.type) expect(response.headers.get('content-type')).toMatch(kind.type);
      if (kind.status === 405) expect(response.headers.get('allow')).toBe('GET, HEAD');
      else expect(response.headers.get('allow')).toBeNull();
      // A page that is not there is the readable not-found page (it renders what the path names), never nginx's own.
      if (kind.status === 404 || kind.status === 400) expect(await response.text()).toBe(notFoundPage);
    });
  }

  it('plain HTTP only redirects to HTTPS (the page needs a secure context for its service worker), with the same headers', async () => {
    const response = await fetch(`${inject('httpUrl')}/building/bldg-gold-hongqiao-center?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toMatch(/^https:\/\/[^/]+\/building\/bldg-gold-hongqiao-center\?x=1$/);
    expectSecurityHeaders(response.headers, 'http redirect', false);
  });

  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    it(`sends the build's precompressed ${encoding} copy as it is, and says it varies by Accept-Encoding`, async () => {
      for (const [path, file] of [
        [asset, asset],
        ['/building/bldg-gold-hongqiao-center', '/building/bldg-gold-hongqiao-center.html'],
        ['/sw.js', '/sw.js'],
      ]) {
        const response = await fetch(base() + path!, { headers: { 'accept-encoding': encoding } });
        expect(response.headers.get('content-encoding'), path).toBe(encoding);
        expect(response.headers.get('vary'), path).toBe('Accept-Encoding');
        // The bytes on the wire are the file the build wrote, not a compression made per request.
        expect(Number(response.headers.get('content-length')), path).toBe(statSync(join(dist, file + suffix)).size);
        expect(await response.text(), path).toBe(readFileSync(join(dist, file!), 'utf8'));
      }
    });
  }

  it('a client that asks for no compression gets the plain file', async () => {
    const response = await fetch(base() + asset, { headers: { 'accept-encoding': 'identity' } });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Number(response.headers.get('content-length'))).toBe(statSync(join(dist, asset)).size);
  });

  describe('in the browser', () => {
    const chromium = useChromium();
    it('loads the page over HTTP/2 and TLS, with the certificate trusted and no mixed content', async () => {
      const context = await chromium().newContext();
      try {
        const page = await context.newPage();
        await page.goto(`${base()}/zone/zone-central`);
        const protocols = await page.evaluate(() => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => (e as PerformanceResourceTiming).nextHopProtocol));
        expect(new Set(protocols)).toEqual(new Set(['h2']));
        expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
      } finally {
        await context.close();
      }
    });
  });
});
