/**
 * Writes a static page for every route of the app (src/navigation/prerender-paths.ts) into the
 * client build: `/building/<id>` → `building/<id>.html`, `/` → `index.html`, the not-found page →
 * `404.html`. Each page holds the app rendered four times — zh/en × phone/desktop — so the panel
 * paints in the reader's language and layout before any script runs; the browser hydrates the one
 * that fits (src/variant-root.ts). Run after `vite build` and `vite build --ssr src/entry-server.ts`.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pageHead, pageHtml, type SsrManifest } from './prerender-page.ts';

const outDir = resolve(process.env.ZJCN_OUT ?? 'dist');
const ssrDir = `${outDir}-ssr`;

type ServerEntry = typeof import('../src/entry-server.ts');
const server = (await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href)) as ServerEntry;
const template = await readFile(join(outDir, 'index.html'), 'utf8');
const manifestFile = join(outDir, '.vite', 'ssr-manifest.json');
const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as SsrManifest;

const VARIANTS = [
  { lang: 'zh', phone: false },
  { lang: 'zh', phone: true },
  { lang: 'en', phone: false },
  { lang: 'en', phone: true },
] as const;

const fileFor = (path: string) =>
  path === '/' ? 'index.html' : path === server.NOT_FOUND_PATH ? '404.html' : path === server.WHATS_HERE_SHELL_PATH ? 'at.html' : `${path.slice(1)}.html`;

const started = performance.now();
const paths = server.prerenderPaths();
let bytes = 0;
for (const path of paths) {
  const rendered = [];
  for (const variant of VARIANTS) {
    const page = await server.renderPage(path, variant);
    rendered.push({ variant: `${variant.lang}-${variant.phone ? 'phone' : 'desk'}`, ...page });
  }
  const head = pageHead({ template, manifest, modules: rendered.flatMap((r) => r.modules), fontFaceCss: server.fontFaceCss(), fonts: server.firstViewFonts(), title: server.pageTitle(path) });
  const html = pageHtml(template, head, rendered.map((r) => ({ variant: r.variant, url: path, html: r.html })));
  const file = join(outDir, fileFor(path));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, html);
  bytes += Buffer.byteLength(html);
}
// The manifest served the prerender only; the host need not publish it.
await rm(join(outDir, '.vite'), { recursive: true, force: true });
console.log(`prerender: ${paths.length} pages × ${VARIANTS.length} variants in ${((performance.now() - started) / 1000).toFixed(1)} s, ${(bytes / 1024).toFixed(0)} KB of HTML → ${outDir}`);
