import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getManifest } from 'workbox-build';
import { precacheOptions } from './precache-options';

/** A build's files by name (as `npm run build` writes them), to see which the service worker keeps. */
const FILES = [
  'index.html',
  '404.html',
  'at.html',
  'report.html',
  'report/s2-4-p1.html',
  'building/bldg-gold-hongqiao-center.html',
  'zone/zone-central.html',
  'tour/3.html',
  'print/building/bldg-gold-hongqiao-center.html',
  'my-sites.html',
  'sw.js',
  'robots.txt',
  'favicon.svg',
  'manifest.webmanifest',
  'icons/maskable-512.png',
  'assets/index-B2jTIY8S.js',
  'assets/maplibre-C_nNAalB.js',
  'assets/maplibre-gl-worker-DTh23QKw.js',
  'assets/data-DVym7onF.js',
  'assets/fallback-fonts-B8KqqsEn.js',
  'assets/maplibre-gl-qvkd0SPb.css',
  'assets/noto-sans-latin-400-normal-BTkUljjl.woff2',
  'assets/noto-sans-latin-ext-600-normal-Has_8ph9.woff2',
  'assets/noto-sans-sc-subset-core-BfJJs43G.woff2',
  'assets/noto-sans-sc-subset-prose-DKQt5Y4u.woff2',
  'assets/noto-sans-sc-45-400-normal-DdOuPp0S.woff2',
  'assets/noto-sans-sc-119-400-normal-flOVnW3A.woff2',
];

describe('what the service worker precaches (scripts/precache-options.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zjcn-precache-'));
  for (const f of FILES) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the app, its map worker, data, fonts and pages; not the paragraphs, the print sheets, the fallback chunks or itself', async () => {
    const { manifestEntries, warnings } = await getManifest(precacheOptions(dir));
    expect(warnings).toEqual([]);
    const kept = manifestEntries!.map((e) => e.url).sort();
    expect(kept).toEqual(
      FILES.filter((f) => !['report/s2-4-p1.html', 'print/building/bldg-gold-hongqiao-center.html', 'sw.js', 'robots.txt'].includes(f) && !/noto-sans-sc-\d+-400/.test(f)).sort(),
    );
  });

  it('revisions the pages by content, and trusts the hashed names under assets/', async () => {
    const { manifestEntries } = await getManifest(precacheOptions(dir));
    const entry = (url: string) => manifestEntries!.find((e) => e.url === url)!;
    expect(entry('index.html').revision).toMatch(/^[0-9a-f]{32}$/);
    expect(entry('assets/index-B2jTIY8S.js').revision).toBeNull();
  });
});
