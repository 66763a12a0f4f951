import type { GetManifestOptions } from 'workbox-build';

/**
 * What the service worker keeps (scripts/precache.ts writes the list into sw.js): every script —
 * MapLibre's worker and the lazy routes too —, stylesheet, the data, the fonts a view can need
 * (Noto Sans, the Noto Sans SC subset's two files), the icons and manifest, and every page but the
 * report's paragraphs (~200 KB each, 18 of them: kept once read; offline, an unread one opens in
 * the reader's page, src/offline/sw.ts) and the 44 print sheets (/print/…, 60–110 KB each: kept once
 * opened). Left out: fontsource's Noto Sans SC chunks (~3.5 MB),
 * fetched only for a character the app does not ship (kept once fetched), robots.txt, sw.js itself,
 * and the import worker's rare readers (SheetJS for workbooks ~110 KB gzip, xmldom + togeojson for
 * KML/GPX, shpjs + proj4 for shapefiles): fetched only when such a file is added, not downloaded for every reader.
 */
export function precacheOptions(outDir: string): GetManifestOptions {
  return {
    globDirectory: outDir,
    globPatterns: ['**/*.{html,js,css,woff2,png,svg,webmanifest}'],
    globIgnores: ['sw.js', 'report/*.html', 'print/**/*.html', 'assets/noto-sans-sc-+([0-9])-400-normal-*.woff2', 'assets/read-spreadsheet-*.js', 'assets/read-gis-*.js', 'assets/read-shapefile-*.js'],
    // Hashed names change with their content: no revision needed.
    dontCacheBustURLsMatching: /^assets\//,
    maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
  };
}
