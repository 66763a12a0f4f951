/**
 * Time from navigation to the map's first `idle`, in headless Chromium (SwiftShader), over several
 * cold page loads of the built app; and the gzip weight of what the build ships.
 * Run: `npm run build && npm run bench:first-idle [runs]`. Prints numbers; asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { AppDriver } from './browser/app-driver';
import { launchChromium } from './browser/chromium';

const runs = Number(process.argv[2] ?? 5);
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await launchChromium();
const times: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    const app = await AppDriver.open(browser, base);
    times.push(await app.page.evaluate(() => performance.getEntriesByName('map-first-idle')[0]!.startTime));
    await app.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const ms = (x: number) => `${Math.round(x)} ms`;
console.log(`navigation → first map idle, ${runs} cold loads: median ${ms(times[Math.floor(runs / 2)]!)}, min ${ms(times[0]!)}, max ${ms(times[runs - 1]!)}`);

const assets = join('dist', 'assets');
// What the first paint needs: files index.html links, plus the MapLibre worker the map starts at once.
const html = readFileSync(join('dist', 'index.html'), 'utf8');
const initial = (file: string) => html.includes(`assets/${file}`) || file.startsWith('maplibre-gl-worker');
const sizes = { initialJs: 0, lazyJs: 0, css: 0 };
const rows: string[] = [];
for (const file of readdirSync(assets)) {
  const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
  if (!kind) continue;
  const gz = gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  if (kind === 'css') sizes.css += gz;
  else if (initial(file)) sizes.initialJs += gz;
  else sizes.lazyJs += gz;
  rows.push(`  ${file.padEnd(48)} ${(gz / 1024).toFixed(1).padStart(7)} KB gzip${kind === 'js' && !initial(file) ? '  (lazy)' : ''}`);
}
console.log(rows.sort().join('\n'));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`total gzip: JS ${kb(sizes.initialJs)} on first load + ${kb(sizes.lazyJs)} lazy (reader, tour, search index), CSS ${kb(sizes.css)}`);
