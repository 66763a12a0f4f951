/**
 * The boot timeline of a cold load of `/` on a 390 × 844 touch phone, in headless Chromium: when
 * the HTML, the JS modules, the fonts and the MapLibre worker are requested and arrive, when the
 * app mounts, the style loads and the map is first idle, and how long the main thread is busy.
 * Run against builds: `npx tsx scripts/trace-boot.ts [runs] [dist dir …]` (default: $ZJCN_OUT or dist/).
 * Several builds are loaded in turn, run by run, so a busy machine slows them alike. Prints
 * medians over the runs (ms from navigation start) per build; asserts nothing.
 */
import { preview, type PreviewServer } from 'vite';
import { launchChromium } from '../tests/browser/chromium';

const runs = Number(process.argv[2] ?? 5);
const dists = process.argv.slice(3).length ? process.argv.slice(3) : [process.env.ZJCN_OUT ?? 'dist'];
const locale = process.env.TRACE_LOCALE ?? 'en-US';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; requestId?: string } };
}

// Static file servers only: each build's own index.html and assets, with the SPA fallback.
const servers: PreviewServer[] = [];
for (const outDir of dists) {
  servers.push(await preview({ configFile: false, build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' }));
}
const browser = await launchChromium();
const samplesByDist: Record<string, number>[][] = dists.map(() => []);
try {
  for (let i = 0; i < runs * dists.length; i++) {
    const d = i % dists.length;
    const base = servers[d]!.resolvedUrls!.local[0]!.replace(/\/$/, '');
    const samples = samplesByDist[d]!;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // Network events of the page (the worker's script included), by wall-clock time.
    const requests: { url: string; start: number }[] = [];
    page.on('request', (r) => requests.push({ url: r.url(), start: Date.now() }));
    let workerCreated = 0;
    page.on('worker', () => (workerCreated ||= Date.now()));
    await browser.startTracing(page, { screenshots: false, categories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'disabled-by-default-devtools.timeline'] });
    await page.goto(base + '/');
    await page.locator('[data-testid="map"][data-map-state="idle"]').waitFor({ timeout: 45_000 });
    const perf = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const out: Record<string, number> = { timeOrigin: performance.timeOrigin, htmlEnd: nav.responseEnd };
      for (const p of performance.getEntriesByType('paint')) out[p.name] = p.startTime;
      for (const m of performance.getEntriesByType('mark')) out[m.name] = m.startTime;
      for (const m of performance.getEntriesByType('measure')) out[`${m.name} (dur)`] = m.duration;
      const js = res.filter((r) => /\/assets\/.*\.js$/.test(r.name) && !r.name.includes('maplibre-gl-worker'));
      const entry = js.find((r) => /\/assets\/index-/.test(r.name));
      if (entry) out['main js: end'] = entry.responseEnd;
      if (js.length) out['all initial js: end'] = Math.max(...js.filter((r) => r.startTime < 500).map((r) => r.responseEnd));
      const fonts = res.filter((r) => r.name.endsWith('.woff2'));
      if (fonts.length) {
        out['fonts: first request'] = Math.min(...fonts.map((r) => r.startTime));
        out['fonts: last end'] = Math.max(...fonts.map((r) => r.responseEnd));
        out['fonts: files'] = fonts.length;
      }
      return out;
    });
    const traceBuffer = await browser.stopTracing();
    if (workerCreated) perf['worker: started (page worker event)'] = workerCreated - perf.timeOrigin!;
    const workerRequests = requests.filter((r) => r.url.includes('maplibre-gl-worker'));
    // With the prefetch hint the first request is the hint's and the last the worker's own.
    if (workerRequests.length) {
      perf['worker: first request'] = workerRequests[0]!.start - perf.timeOrigin!;
      perf['worker: last request'] = workerRequests.at(-1)!.start - perf.timeOrigin!;
      perf['worker: requests'] = workerRequests.length;
    }

    // Main-thread busy time (top-level tasks of the renderer's main thread) until first idle.
    const events = (JSON.parse(traceBuffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    const threadName = new Map<string, string>();
    for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const navStart = events.find((e) => e.name === 'navigationStart' && e.args?.data && (e.args.data as { isLoadingMainFrame?: boolean }).isLoadingMainFrame);
    const t0 = navStart?.ts ?? 0;
    const idleAt = t0 + perf['map-first-idle']! * 1000;
    const mainPid = navStart?.pid;
    let busy = 0;
    let workerBusy = 0;
    let workerThreadStart = Infinity;
    for (const e of events) {
      if (e.ph !== 'X' || e.name !== 'RunTask' || !e.dur || e.ts < t0 || e.ts > idleAt) continue;
      const name = threadName.get(`${e.pid}:${e.tid}`) ?? '';
      if (e.pid === mainPid && name === 'CrRendererMain') busy += e.dur;
      if (name.startsWith('DedicatedWorker')) {
        workerBusy += e.dur;
        workerThreadStart = Math.min(workerThreadStart, e.ts);
      }
    }
    perf['main thread busy until first idle'] = busy / 1000;
    // What the main thread did: self time (own duration less its children's) by event name.
    const main = events
      .filter((e) => e.ph === 'X' && e.dur !== undefined && e.pid === mainPid && threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ts >= t0 && e.ts <= idleAt)
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: TraceEvent[] = [];
    for (const e of main) {
      while (stack.length && e.ts >= stack.at(-1)!.ts + stack.at(-1)!.dur!) stack.pop();
      const parent = stack.at(-1);
      if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur!);
      self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
      stack.push(e);
    }
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) perf[`main self: ${name} (dur)`] = us / 1000;
    // The entry script's request, as the trace saw it.
    for (const e of events) {
      if (e.name !== 'ResourceSendRequest' || !e.args?.data?.url) continue;
      const url = e.args.data.url;
      const key = /\/assets\/index-.*\.js/.test(url) ? 'main js: request' : null;
      if (key && perf[key] === undefined) perf[key] = (e.ts - t0) / 1000;
    }
    perf['worker thread busy until first idle'] = workerBusy / 1000;
    if (workerThreadStart < Infinity) perf['worker thread: first task'] = (workerThreadStart - t0) / 1000;
    delete perf.timeOrigin;
    samples.push(perf);
    await context.close();
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Moments in time order, then durations (… (dur), … busy …).
const isDuration = (k: string) => k.includes('(dur)') || k.includes('busy');
for (const [d, samples] of samplesByDist.entries()) {
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s)))];
  const rows = keys
    .map((k) => ({ k, v: samples.map((s) => s[k]).filter((x): x is number => typeof x === 'number') }))
    .map(({ k, v }) => ({ k, m: median(v), min: Math.min(...v), max: Math.max(...v) }))
    .sort((a, b) => (isDuration(a.k) ? 1e9 : a.m) - (isDuration(b.k) ? 1e9 : b.m));
  console.log(`${dists[d]}: cold load of / at 390×844 (touch, ${locale}), ${runs} runs: median [min–max] ms`);
  for (const { k, m, min, max } of rows) console.log(`  ${k.padEnd(44)} ${m.toFixed(1).padStart(8)}   [${min.toFixed(1)}–${max.toFixed(1)}]`);
}
