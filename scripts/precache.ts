/**
 * Writes the service worker's precache list (scripts/precache-options.ts) into sw.js with
 * workbox-build's injectManifest, once the whole build is on disk: `vite build` compiles
 * src/offline/sw.ts (scripts/vite-plugin-offline.ts), but the pages exist only after
 * scripts/prerender.ts. Run last in `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { injectManifest } from 'workbox-build';
import { precacheOptions } from './precache-options.ts';

const outDir = resolve(process.env.ZJCN_OUT ?? 'dist');
const sw = join(outDir, 'sw.js');
if (!readFileSync(sw, 'utf8').includes('self.__WB_MANIFEST')) {
  throw new Error(`precache: ${sw} has no self.__WB_MANIFEST (already injected? run the whole \`npm run build\`)`);
}
const { count, size, warnings } = await injectManifest({ ...precacheOptions(outDir), swSrc: sw, swDest: sw });
for (const w of warnings) console.warn(`precache: ${w}`);
console.log(`precache: ${count} files, ${(size / 1024).toFixed(0)} KB (as stored; less over the wire with gzip) → ${sw}`);
