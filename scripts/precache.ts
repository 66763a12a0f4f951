/**
 * Writes the service worker's precache list into sw.js (workbox-build's injectManifest) once the
 * whole build is on disk: `vite build` compiles src/offline/sw.ts (scripts/vite-plugin-offline.ts)
 * but the pages exist only after scripts/prerender.ts. Run last in `npm run build`.
 *
 * Kept: every script, stylesheet and the map's worker, the data, the fonts a view can need (Noto
 * Sans, the Noto Sans SC subset's two files), the icons and manifest, and every page but the
 * report's paragraphs (~200 KB each, 18 of them: cached when read; offline, an unread one opens in
 * the reader's page). Left out: fontsource's Noto Sans SC chunks (~3.5 MB), fetched only for a
 * character the app does not ship, kept once fetched (src/offline/sw.ts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { injectManifest } from 'workbox-build';

const PRECACHE_GLOBS = ['**/*.{html,js,css,woff2,png,svg,webmanifest}'];
const PRECACHE_IGNORES = ['sw.js', 'report/*.html', 'assets/noto-sans-sc-+([0-9])-400-normal-*.woff2'];

const outDir = resolve(process.env.ZJCN_OUT ?? 'dist');
const sw = join(outDir, 'sw.js');
if (!readFileSync(sw, 'utf8').includes('self.__WB_MANIFEST')) {
  throw new Error(`precache: ${sw} has no self.__WB_MANIFEST (already injected? run the whole \`npm run build\`)`);
}
const { count, size, warnings } = await injectManifest({
  swSrc: sw,
  swDest: sw,
  globDirectory: outDir,
  globPatterns: PRECACHE_GLOBS,
  globIgnores: PRECACHE_IGNORES,
  // Hashed names change with their content: no revision needed.
  dontCacheBustURLsMatching: /^assets\//,
  maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
});
for (const w of warnings) console.warn(`precache: ${w}`);
console.log(`precache: ${count} files, ${(size / 1024).toFixed(0)} KB (as stored; less over the wire with gzip) → ${sw}`);
