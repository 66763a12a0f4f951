/**
 * `npm run bench` — the app against a bare MapLibre page of the same data, in one headless
 * Chromium, loads interleaved so machine load falls on both sides alike. Prints tables and writes
 * them into BENCHMARKS.md (between the bench:begin / bench:end markers; the prose around them is
 * kept). Asserts nothing except that the pages work (a cluster click zooms, a tap opens a panel).
 *
 *   npm run bench                       # 7 loads each, phone + desktop, 30 taps, scale 1k/10k/100k/200k
 *   npm run bench -- --runs 5 --scale-runs 5 --clicks 30 --ns 1000,100000 --no-desktop --no-scale --no-write --keep
 *   npm run bench -- --only settled --runs 9 --no-desktop          # cold loads only (no clicks, no scale, no write)
 *   npm run bench -- --only settled --app-dist /tmp/a --bare-dist /tmp/b --variant after=/tmp/c
 *   npm run bench -- --lighthouse 3       # adds Lighthouse 12.2.3 mobile on both pages (fetched by npx)
 *
 * --app-dist / --bare-dist take an existing build instead of building (ZJCN_BENCH_APP_DIST /
 * ZJCN_BENCH_BARE_DIST do the same); each --variant name=dir adds another app build, loaded in the
 * same interleaved rounds, to compare builds under the same machine load. --frames prints when each
 * load's frames were drawn (time, draw calls).
 *
 * What is measured (see BENCHMARKS.md for the method):
 *   settled    the last WebGL draw call before 1 s without one (an init script wraps
 *              WebGL2RenderingContext.prototype.draw*), from navigation start, once the map
 *              has also fired its first `idle` (both pages mark it)
 *   FCP        the paint timeline's first-contentful-paint
 *   bytes      CDP Network.loadingFinished encodedDataLength (headers + gzip body) until settled;
 *              a worker's own script fetch (not in the page's CDP session) from the server's log
 *   heap       CDP Runtime.getHeapUsage after a forced GC, main thread (the map worker not included)
 *   click      pointerdown (capturing listener) → first animation frame after the panel heading changed
 */
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import type { Browser, BrowserContextOptions, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium';
import { serveStatic, type StaticServer } from './static-server';
import { measureResponsiveness, responsivenessTable } from './responsiveness';

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const num = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const RUNS = Math.max(1, num('runs', 7));
const SCALE_RUNS = Math.max(1, num('scale-runs', 5));
const CLICKS = Math.max(1, num('clicks', 30));
const DESKTOP = !flag('no-desktop');
const SCALE = !flag('no-scale');
const WRITE = !flag('no-write');
// The issue's three sizes, and the URL's cap (200,000) to show where the curve is heading.
const SCALE_NS = argv.includes('--ns') ? argv[argv.indexOf('--ns') + 1]!.split(',').map(Number) : [1_000, 10_000, 100_000, 200_000];
const QUIET_MS = 1000;
const str = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ONLY_SETTLED = str('only') === 'settled';
const APP_DIST = str('app-dist') ?? process.env.ZJCN_BENCH_APP_DIST;
const BARE_DIST = str('bare-dist') ?? process.env.ZJCN_BENCH_BARE_DIST;
const VARIANTS = argv.flatMap((a, i) => (a === '--variant' ? [argv[i + 1]!] : [])).map((v) => {
  const at = v.indexOf('=');
  return { name: v.slice(0, at), dir: resolve(v.slice(at + 1)) };
});
const FRAMES = flag('frames');
/** --lighthouse [n]: also n (default 3) Lighthouse mobile runs of each page (tests/bench/lighthouse.ts) */
const LIGHTHOUSE_RUNS = flag('lighthouse') ? (Number(argv[argv.indexOf('--lighthouse') + 1]) || 3) : 0;

const ROOT = resolve(import.meta.dirname, '../..');
const started = Date.now();
const load0 = loadavg();
const log = (...a: unknown[]) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'en-US' };
const DESKTOP_CTX: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' };

// ---------------------------------------------------------------- build both
const tmp = mkdtempSync(join(tmpdir(), 'zjcn-bench-'));
const appOut = APP_DIST ? resolve(APP_DIST) : join(tmp, 'app');
const bareOut = BARE_DIST ? resolve(BARE_DIST) : join(tmp, 'bare');
const BARE_HTML = 'tests/bench/bare/index.html';

/** The app exactly as `npm run build` makes it (client, server build, every page prerendered), into `out`. */
function buildApp(out: string) {
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ZJCN_OUT: out } });
  run('npx', ['vite', 'build', '--logLevel', 'warn']);
  run('npx', ['vite', 'build', '--ssr', 'src/entry-server.ts', '--logLevel', 'warn']);
  run('npx', ['tsx', 'scripts/prerender.ts']);
}

async function buildBoth(): Promise<{ appMs: number; bareMs: number }> {
  const configFile = join(ROOT, 'vite.config.ts');
  let t = Date.now();
  if (!APP_DIST) buildApp(appOut);
  const appMs = APP_DIST ? NaN : Date.now() - t;
  t = Date.now();
  // The app's own config (same plugins, chunking, target), another entry: the bare page.
  if (!BARE_DIST) await build({ root: ROOT, configFile, logLevel: 'warn', build: { outDir: bareOut, emptyOutDir: true, rolldownOptions: { input: join(ROOT, BARE_HTML) } } });
  return { appMs, bareMs: BARE_DIST ? NaN : Date.now() - t };
}

// ---------------------------------------------------------------- in-page instrumentation
/**
 * Runs before any page script: the draw-call clock (every WebGL2 draw call records
 * performance.now()), the pointerdown clock, and the click → panel records. Plain JS in a string:
 * page code must not depend on the bundler's helpers.
 */
const INSTRUMENT = `(() => {
  const b = { lastDraw: 0, draws: 0, pointerDown: 0, clicks: [], heading: '', frames: [] };
  window.__bench = b;
  // A frame: the draw calls of one task (MapLibre draws a whole frame in one animation-frame callback).
  let frame = null;
  const proto = WebGL2RenderingContext.prototype;
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (...args) {
      b.lastDraw = performance.now();
      b.draws++;
      if (!frame) {
        frame = { at: b.lastDraw, draws: 0 };
        b.frames.push(frame);
        setTimeout(() => { if (frame) frame.ms = performance.now() - frame.at; frame = null; }, 0);
      }
      frame.draws++;
      return original.apply(this, args);
    };
  }
  addEventListener('pointerdown', () => { b.pointerDown = performance.now(); }, { capture: true });
})();`;

/** After settle: watch the panel; when its heading's text changes, the next animation frame is "painted". */
const WATCH_PANEL = `(() => {
  const b = window.__bench;
  const panel = document.querySelector('[data-testid="panel"]');
  if (!panel) throw new Error('no [data-testid="panel"]');
  const read = () => (panel.querySelector('[data-testid="details-heading"]') || {}).textContent || '';
  b.heading = read();
  new MutationObserver(() => {
    const text = read();
    if (!text || text === b.heading) return;
    b.heading = text;
    const down = b.pointerDown;
    requestAnimationFrame(() => b.clicks.push({ text, ms: performance.now() - down }));
  }).observe(panel, { subtree: true, childList: true, characterData: true });
})()`;

type Kind = 'JS' | 'fonts' | 'CSS' | 'data/JSON' | 'HTML' | 'other';
const KINDS: Kind[] = ['JS', 'fonts', 'CSS', 'data/JSON', 'HTML', 'other'];
function kindOf(url: string, mime: string): Kind {
  const path = new URL(url).pathname.toLowerCase();
  if (/\.(m?js)$/.test(path) || mime.includes('javascript')) return 'JS';
  if (/\.(woff2?|ttf|otf)$/.test(path) || mime.startsWith('font/')) return 'fonts';
  if (path.endsWith('.css') || mime.includes('css')) return 'CSS';
  if (/\.(json|geojson|pbf|pmtiles|mvt)$/.test(path) || mime.includes('json') || mime.includes('protobuf')) return 'data/JSON';
  if (mime.includes('html')) return 'HTML';
  return 'other';
}

interface LoadResult {
  frames: { at: number; draws: number; ms?: number }[];
  settledMs: number;
  fcpMs: number;
  firstIdleMs: number;
  draws: number;
  heapMB: number;
  bytes: Record<Kind, number>;
  requests: number;
  workerSeen: boolean;
  measures: Record<string, number>;
}

interface Loaded {
  page: Page;
  cdp: CDPSession;
  result: LoadResult;
  close(): Promise<void>;
}

/** A cold load in a fresh context: wait for 1 s with no WebGL draw, then read the numbers. */
async function coldLoad(browser: Browser, server: StaticServer, path: string, ctx: BrowserContextOptions): Promise<Loaded> {
  const url = server.url + path;
  const sentBefore = server.sent.length;
  const seenByCdp: string[] = [];
  const context = await browser.newContext(ctx);
  await context.addInitScript(INSTRUMENT);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const mime = new Map<string, { url: string; mime: string }>();
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  let requests = 0;
  let workerSeen = false;
  let counting = true;
  cdp.on('Network.responseReceived', (e) => mime.set(e.requestId, { url: e.response.url, mime: e.response.mimeType }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = mime.get(e.requestId);
    if (!counting || !r || r.url.startsWith('data:') || r.url.startsWith('blob:')) return;
    bytes[kindOf(r.url, r.mime)] += e.encodedDataLength;
    requests++;
    seenByCdp.push(new URL(r.url).pathname);
    // Fetched by the page (a prefetch hint) or, below, by the worker itself.
    if (r.url.includes('maplibre-gl-worker')) workerSeen = true;
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    (quiet) => {
      const b = (window as unknown as { __bench?: { draws: number; lastDraw: number } }).__bench;
      // Quiet alone is not enough: the worker can be busy for a second (clustering 100k points)
      // with nothing to draw. Both pages mark MapLibre's first `idle` (all sources loaded, drawn).
      const idle = performance.getEntriesByName('map-first-idle').length > 0;
      return Boolean(b && idle && b.draws > 0 && performance.now() - b.lastDraw >= quiet);
    },
    QUIET_MS,
    { polling: 50, timeout: 120_000 },
  );
  counting = false;
  // Chromium fetches a dedicated worker's script for the worker, out of the page's CDP session:
  // take what the server sent that the page did not see (the MapLibre worker) from its log.
  const unseen = [...seenByCdp];
  for (const r of server.sent.slice(sentBefore)) {
    const i = unseen.indexOf(r.path);
    if (i >= 0) unseen.splice(i, 1);
    else {
      bytes[kindOf(server.url + r.path, '')] += r.bytes;
      requests++;
      if (r.path.includes('maplibre-gl-worker')) workerSeen = true;
    }
  }
  const timings = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { draws: number; lastDraw: number; frames: { at: number; draws: number }[] } }).__bench;
    const measures: Record<string, number> = {};
    for (const m of performance.getEntriesByType('measure')) if (m.name.startsWith('zjcn:')) measures[m.name] = m.duration;
    return {
      settledMs: b.lastDraw,
      draws: b.draws,
      frames: b.frames,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      firstIdleMs: performance.getEntriesByName('map-first-idle')[0]?.startTime ?? NaN,
      measures,
    };
  });
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  if (errors.length) log('page errors:', errors.join(' | '));
  return {
    page,
    cdp,
    result: { ...timings, heapMB: heap.usedSize / 2 ** 20, bytes, requests, workerSeen },
    close: () => context.close(),
  };
}

// ---------------------------------------------------------------- acting on the app
interface Handle {
  project(ll: [number, number]): { x: number; y: number };
  zoom(): number;
  renderedSynthetic(): { clusters: { x: number; y: number; count: number }[]; sites: { x: number; y: number; n: number }[] };
}
const handle = (page: Page) => ({
  project: (ll: [number, number]) => page.evaluate((p) => (window as unknown as { __zjcnTest: Handle }).__zjcnTest.project(p), ll),
  zoom: () => page.evaluate(() => (window as unknown as { __zjcnTest: Handle }).__zjcnTest.zoom()),
  synthetic: () => page.evaluate(() => (window as unknown as { __zjcnTest: Handle }).__zjcnTest.renderedSynthetic()),
});

/** Waits until no WebGL draw for `ms` (the map finished moving and fading labels in). */
async function quiet(page: Page, ms = 400): Promise<void> {
  await page.waitForFunction((q) => performance.now() - (window as unknown as { __bench: { lastDraw: number } }).__bench.lastDraw >= q, ms, { polling: 50, timeout: 30_000 });
}

async function setView(page: Page, zoom: number, [lon, lat]: [number, number]): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), `#map=${zoom}/${lat}/${lon}`);
  await page.waitForTimeout(50);
  await quiet(page);
}

/** The visible part of the map (above a phone's sheet). */
async function visibleArea(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas')!.getBoundingClientRect();
    const panel = document.querySelector('[data-testid="panel"]')!.getBoundingClientRect();
    const phone = window.innerWidth <= 640;
    return { left: canvas.left, top: canvas.top, right: canvas.right, bottom: phone ? Math.min(canvas.bottom, panel.top) : canvas.bottom };
  });
}

async function tapOrClick(page: Page, touch: boolean, x: number, y: number) {
  if (touch) await page.touchscreen.tap(x, y);
  else await page.mouse.click(x, y);
}

/** Waits for the next click → panel record after `before` records; null on timeout. */
async function nextClick(page: Page, before: number, timeout = 5_000): Promise<{ text: string; ms: number } | null> {
  try {
    await page.waitForFunction((n) => (window as unknown as { __bench: { clicks: unknown[] } }).__bench.clicks.length > n, before, { polling: 20, timeout });
  } catch {
    return null;
  }
  return page.evaluate((n) => (window as unknown as { __bench: { clicks: { text: string; ms: number }[] } }).__bench.clicks[n]!, before);
}
const clickCount = (page: Page) => page.evaluate(() => (window as unknown as { __bench: { clicks: unknown[] } }).__bench.clicks.length);

const geo = (file: string) => JSON.parse(readFileSync(join(ROOT, 'geo', file), 'utf8')) as { features: { geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }[] };
const BUILDINGS = geo('key-buildings.geojson').features.map((f) => ({ name: String(f.properties.name_en), at: f.geometry!.coordinates as [number, number] }));
const MARKERS = [...geo('key-buildings.geojson').features, ...geo('stations.geojson').features, ...geo('places.geojson').features]
  .filter((f) => f.geometry?.type === 'Point')
  .map((f) => f.geometry!.coordinates as [number, number]);

/** ≥ CLICKS taps/clicks on the key buildings where they are drawn; each a different building than the last. */
async function clickBuildings(page: Page, touch: boolean): Promise<{ ms: number[]; missed: number }> {
  await page.evaluate(WATCH_PANEL);
  const ms: number[] = [];
  let missed = 0;
  for (let i = 0; ms.length < CLICKS && i < CLICKS * 2; i++) {
    const b = BUILDINGS[i % BUILDINGS.length]!;
    await setView(page, 15, b.at);
    const area = await visibleArea(page);
    const p = await handle(page).project(b.at);
    if (p.x < area.left + 10 || p.x > area.right - 10 || p.y < area.top + 10 || p.y > area.bottom - 10) {
      missed++;
      continue;
    }
    const before = await clickCount(page);
    await tapOrClick(page, touch, p.x, p.y);
    const rec = await nextClick(page, before);
    if (!rec) missed++;
    else {
      ms.push(rec.ms);
      if (rec.text !== b.name) log(`  click on ${b.name} opened ${rec.text}`);
    }
    await quiet(page, 300);
  }
  return { ms, missed };
}

interface ScaleClicks {
  zoomBefore: number;
  zoomAfter: number;
  /** cluster tap → the last draw of the zoomed-in map (the ease is 500 ms) */
  clusterSettledMs: number;
  siteMs: number | null;
  siteText: string;
}

/** On a page with synthetic sites: click the clearest cluster (zoom must grow), then tap a single site (panel time). */
async function syntheticClicks(page: Page, touch: boolean): Promise<ScaleClicks> {
  await page.evaluate(WATCH_PANEL);
  const area = await visibleArea(page);
  const clearest = async <T extends { x: number; y: number }>(points: T[]) => {
    const real = await Promise.all(MARKERS.map((m) => handle(page).project(m)));
    const inside = points.filter((p) => p.x > area.left + 30 && p.x < area.right - 30 && p.y > area.top + 60 && p.y < area.bottom - 30);
    const gap = (p: T) => Math.min(...real.map((m) => Math.hypot(m.x - p.x, m.y - p.y)));
    return inside.sort((a, b) => gap(b) - gap(a))[0] ?? null;
  };
  const zoomBefore = await handle(page).zoom();
  const cluster = await clearest((await handle(page).synthetic()).clusters);
  if (!cluster) throw new Error('no cluster drawn in view');
  await tapOrClick(page, touch, cluster.x, cluster.y);
  await page.waitForFunction((z) => (window as unknown as { __zjcnTest: Handle }).__zjcnTest.zoom() > z + 0.3, zoomBefore, { polling: 50, timeout: 10_000 });
  await quiet(page, QUIET_MS);
  const zoomAfter = await handle(page).zoom();
  const clusterSettledMs = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { lastDraw: number; pointerDown: number } }).__bench;
    return b.lastDraw - b.pointerDown;
  });
  // A single site: zoom past clusterMaxZoom (15) in the central zone.
  await setView(page, 16, [121.392, 31.2125]);
  const site = await clearest((await handle(page).synthetic()).sites);
  if (!site) throw new Error('no single site drawn in view');
  const before = await clickCount(page);
  await tapOrClick(page, touch, site.x, site.y);
  const rec = await nextClick(page, before);
  return { zoomBefore, zoomAfter, clusterSettledMs, siteMs: rec?.ms ?? null, siteText: rec?.text ?? '' };
}

// ---------------------------------------------------------------- statistics and tables
const sorted = (xs: number[]) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};
const min = (xs: number[]) => sorted(xs)[0] ?? NaN;
const max = (xs: number[]) => sorted(xs).at(-1) ?? NaN;
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x).toLocaleString('en')} ms` : '—');
const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
const mb = (x: number) => `${x.toFixed(1)} MB`;
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—');
/** The median of per-round ratios: each round's two loads ran back to back, under the same machine load. */
const pairedRatio = (a: number[], b: number[]) => ratio(median(a.map((x, i) => x / b[i]!)), 1);
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function loadTable(app: LoadResult[], bare: LoadResult[]): string {
  const row = (name: string, pick: (r: LoadResult) => number, fmt: (x: number) => string) => {
    const a = app.map(pick);
    const b = bare.map(pick);
    return [name, fmt(median(a)), `${fmt(min(a))} – ${fmt(max(a))}`, fmt(median(b)), `${fmt(min(b))} – ${fmt(max(b))}`, ratio(median(a), median(b)), pairedRatio(a, b)];
  };
  return table(
    ['', 'app median', 'app min – max', 'bare median', 'bare min – max', 'app / bare (ratio of medians)', 'app / bare (median of per-round ratios)'],
    [
      row('**settled** (last draw before 1 s quiet)', (r) => r.settledMs, ms),
      row('first contentful paint', (r) => r.fcpMs, ms),
      row('map first `idle` event', (r) => r.firstIdleMs, ms),
      row('JS heap after GC (main thread)', (r) => r.heapMB, mb),
      row('WebGL draw calls until settled', (r) => r.draws, (x) => (Number.isFinite(x) ? String(Math.round(x)) : '—')),
    ],
  );
}

function bytesTable(app: LoadResult[], bare: LoadResult[]): string {
  const rows = KINDS.map((k) => [k, kb(median(app.map((r) => r.bytes[k]))), kb(median(bare.map((r) => r.bytes[k])))]);
  const total = (r: LoadResult) => KINDS.reduce((s, k) => s + r.bytes[k], 0);
  rows.push(['**total**', `**${kb(median(app.map(total)))}**`, `**${kb(median(bare.map(total)))}**`]);
  rows.push(['requests', String(median(app.map((r) => r.requests))), String(median(bare.map((r) => r.requests)))]);
  return table(['over the wire until settled (median)', 'app', 'bare'], rows);
}

const clickRow = (label: string, c: { ms: number[]; missed: number }) => [label, String(c.ms.length), ms(median(c.ms)), ms(quantile(c.ms, 0.9)), ms(max(c.ms)), ms(min(c.ms)), String(c.missed)];

// ---------------------------------------------------------------- main
let servers: StaticServer[] = [];
let browser: Browser | undefined;
const out: string[] = [];
const section = (title: string, body: string) => {
  out.push(`### ${title}\n\n${body}\n`);
  console.log(`\n### ${title}\n\n${body}`);
};

try {
  log(`building the app and the bare page into ${tmp}`);
  const builds = await buildBoth();
  log(`built: app ${builds.appMs} ms, bare ${builds.bareMs} ms`);
  const app = await serveStatic(appOut);
  const bare = await serveStatic(bareOut, BARE_HTML);
  const variantServers = await Promise.all(VARIANTS.map((v) => serveStatic(v.dir)));
  servers = [app, bare, ...variantServers];
  browser = await launchChromium();
  const chromiumVersion = browser.version();

  type Side = string;
  const sides: { name: Side; server: StaticServer }[] = [
    { name: 'app', server: app },
    { name: 'bare', server: bare },
    ...VARIANTS.map((v, k) => ({ name: v.name, server: variantServers[k]! })),
  ];
  const loads = async (ctx: BrowserContextOptions, label: string) => {
    const results: Record<Side, LoadResult[]> = Object.fromEntries(sides.map((s) => [s.name, [] as LoadResult[]]));
    for (let i = 0; i < RUNS; i++) {
      // Rotate which goes first, so a trend in machine load does not favour one side.
      const order = sides.map((_, k) => sides[(k + i) % sides.length]!);
      for (const side of order) {
        const l = await coldLoad(browser!, side.server, '/', ctx);
        results[side.name]!.push(l.result);
        if (!l.result.workerSeen) log(`  warning: ${side.name}: no request for the map worker's script was seen`);
        await l.close();
        log(`${label} ${side.name} run ${i + 1}/${RUNS}: settled ${ms(l.result.settledMs)}, FCP ${ms(l.result.fcpMs)}, ${l.result.draws} draws in ${l.result.frames.length} frames`);
        if (FRAMES) log(`  frames: ${l.result.frames.map((f) => `${Math.round(f.at)}(${f.draws}${f.ms === undefined ? '' : `, ${Math.round(f.ms)} ms`})`).join(' ')}`);
      }
    }
    if (sides.length > 2) {
      const rows = sides.map((s) => {
        const r = results[s.name]!;
        const settled = r.map((x) => x.settledMs);
        return [s.name, ms(median(settled)), `${ms(min(settled))} – ${ms(max(settled))}`, s.name === 'bare' ? '1.00×' : pairedRatio(settled, results.bare!.map((x) => x.settledMs)), String(median(r.map((x) => x.draws))), String(median(r.map((x) => x.frames.length)))];
      });
      console.log(`\n${label}: every build\n\n${table(['build', 'settled median', 'min – max', 'vs bare (median of per-round ratios)', 'draw calls', 'frames'], rows)}`);
    }
    return { app: results.app!, bare: results.bare! };
  };

  const phone = await loads(PHONE, 'phone');
  section(`Load — phone 390 × 844 (isMobile, hasTouch, DPR 1), ${RUNS} cold loads each, interleaved`, loadTable(phone.app, phone.bare));
  section('Bytes over the wire — phone', bytesTable(phone.app, phone.bare));

  let desktop: typeof phone | null = null;
  if (DESKTOP) {
    desktop = await loads(DESKTOP_CTX, 'desktop');
    section(`Load — desktop 1280 × 800 (DPR 1), ${RUNS} cold loads each, interleaved`, loadTable(desktop.app, desktop.bare));
  }

  if (LIGHTHOUSE_RUNS) {
    log(`Lighthouse mobile, ${LIGHTHOUSE_RUNS} runs of each page`);
    const { compareLighthouse } = await import('./lighthouse');
    const lh = await compareLighthouse(appOut, bareOut, LIGHTHOUSE_RUNS);
    section('Lighthouse — mobile preset (simulated slow 4G, 4× CPU slowdown), interleaved', lh.table);
  }

  if (!ONLY_SETTLED) {
  log(`phone: ${CLICKS} taps on buildings`);
  const phonePage = await coldLoad(browser, app, '/', PHONE);
  const phoneClicks = await clickBuildings(phonePage.page, true);
  await phonePage.close();
  const clickRows = [clickRow('phone, tap on a key building (touch)', phoneClicks)];
  if (DESKTOP) {
    log(`desktop: ${CLICKS} clicks on buildings`);
    const d = await coldLoad(browser, app, '/', DESKTOP_CTX);
    const desktopClicks = await clickBuildings(d.page, false);
    await d.close();
    clickRows.push(clickRow('desktop, click on a key building (mouse)', desktopClicks));
  }
  section(
    `Click → panel painted — the app, ${CLICKS} clicks on key buildings where they are drawn`,
    table(['', 'n', 'median', 'p90', 'worst', 'best', 'not answered'], clickRows),
  );

  if (SCALE) {
    const variants = [0, ...SCALE_NS];
    const scale = new Map<number, { loads: LoadResult[]; clicks: ScaleClicks[] }>(variants.map((n) => [n, { loads: [], clicks: [] }]));
    for (let i = 0; i < SCALE_RUNS; i++) {
      // Rotate the order every run: plain, 1k, 10k, 100k → 1k, 10k, 100k, plain → …
      const order = variants.map((_, k) => variants[(k + i) % variants.length]!);
      for (const n of order) {
        const l = await coldLoad(browser, app, n ? `/?synthetic=${n}` : '/', PHONE);
        const entry = scale.get(n)!;
        entry.loads.push(l.result);
        if (n) entry.clicks.push(await syntheticClicks(l.page, true));
        await l.close();
        log(`scale N=${n} run ${i + 1}/${SCALE_RUNS}: settled ${ms(l.result.settledMs)}${n ? `, site tap ${ms(entry.clicks.at(-1)!.siteMs ?? NaN)}, zoom ${entry.clicks.at(-1)!.zoomBefore.toFixed(1)} → ${entry.clicks.at(-1)!.zoomAfter.toFixed(1)}` : ''}`);
      }
    }
    const plainRuns = scale.get(0)!.loads.map((r) => r.settledMs);
    const plain = median(plainRuns);
    const rows = variants.map((n) => {
      const { loads, clicks } = scale.get(n)!;
      const settled = loads.map((r) => r.settledMs);
      const measure = (name: string) => median(loads.map((r) => r.measures[name] ?? NaN));
      const zoomOk = clicks.filter((c) => c.zoomAfter > c.zoomBefore).length;
      const site = clicks.map((c) => c.siteMs ?? NaN);
      return [
        n ? n.toLocaleString('en') : 'plain app',
        ms(median(settled)),
        `${ms(min(settled))} – ${ms(max(settled))}`,
        n ? ratio(median(settled), plain) : '1.00×',
        n ? pairedRatio(settled, plainRuns) : '1.00×',
        n ? ms(measure('zjcn:synthetic-generate')) : '—',
        n ? ms(measure('zjcn:synthetic-geojson')) : '—',
        mb(median(loads.map((r) => r.heapMB))),
        n ? `${zoomOk}/${clicks.length} (${median(clicks.map((c) => c.zoomBefore)).toFixed(1)} → ${median(clicks.map((c) => c.zoomAfter)).toFixed(1)})` : '—',
        n ? ms(median(clicks.map((c) => c.clusterSettledMs))) : '—',
        n ? `${ms(median(site))} / ${ms(max(site))} (${clicks.filter((c) => c.siteText.startsWith('Synthetic site #')).length}/${clicks.length} opened)` : '—',
      ];
    });
    section(
      `Scale — \`?synthetic=N\` on the phone, ${SCALE_RUNS} cold loads each, order rotated every run`,
      table(['N', 'settled median', 'min – max', 'vs plain app (ratio of medians)', 'vs plain app (median of per-round ratios)', 'generate sites', 'sites → GeoJSON', 'JS heap after GC', 'cluster tap zooms in (median zoom)', 'cluster tap → settled again', 'site tap → panel (median / worst)'], rows),
    );
  }

  log(`responsiveness: ${SCALE_RUNS} imports of 100,000 CSV rows, ${SCALE_RUNS} × 100,000 synthetic sites`);
  const figures = await measureResponsiveness(browser, app.url, SCALE_RUNS, log);
  section('Figures that were test thresholds — measured here beside their goal, never asserted', responsivenessTable(figures));
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  const cpu = cpus();
  const machine = [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; load average ${load0.map((x) => x.toFixed(2)).join(' / ')} at start, ${loadavg().map((x) => x.toFixed(2)).join(' / ')} at end (other builds share the machine)`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GB`,
    `- Chromium ${chromiumVersion} (headless, WebGL2 through SwiftShader on the CPU), node ${process.version}`,
    `- Builds: app ${APP_DIST ? `prebuilt (${APP_DIST})` : `${builds.appMs} ms`}, bare ${BARE_DIST ? `prebuilt (${BARE_DIST})` : `${builds.bareMs} ms`}${VARIANTS.map((v) => `, ${v.name} prebuilt (${v.dir})`).join('')}; served by tests/bench/static-server.ts (gzip level 6)`,
    `- Runs: ${RUNS} loads per side and viewport, ${CLICKS} clicks, ${SCALE_RUNS} loads per N; \`npm run bench\` took ${Math.floor(seconds / 60)} min ${seconds % 60} s`,
  ].join('\n');
  console.log(`\n${machine}`);
  if (WRITE && !ONLY_SETTLED && !VARIANTS.length) {
    const file = join(ROOT, 'BENCHMARKS.md');
    const generated = `<!-- bench:begin — written by \`npm run bench\` (tests/bench/run.ts); edit outside these markers -->\n## Latest run\n\n${machine}\n\n${out.join('\n')}<!-- bench:end -->`;
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const re = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
    writeFileSync(file, re.test(old) ? old.replace(re, generated) : `# Benchmarks\n\n${generated}\n`);
    log(`wrote ${file}`);
  }
} finally {
  await browser?.close();
  for (const s of servers) await s.close();
  if (!flag('keep')) rmSync(tmp, { recursive: true, force: true });
}
