/**
 * What each thread of the page does during a cold load, from a Chromium trace with V8's sampling
 * profiler: per thread (main, MapLibre's worker, the GPU process's threads), busy time in windows
 * of the load, and the functions with the most self time. A tool for finding costs, not part of
 * `npm run bench`.
 *
 *   npx tsx tests/bench/trace-threads.ts <dist dir> [--bare] [--from ms] [--to ms] [--desktop]
 */
import { serveStatic } from './static-server';
import { launchChromium } from '../browser/chromium';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'))!;
const opt = (n: string, d: number) => (args.includes(`--${n}`) ? Number(args[args.indexOf(`--${n}`) + 1]) : d);
const from = opt('from', 0);
const to = opt('to', 1e9);
const bareHtml = args.includes('--bare') ? 'tests/bench/bare/index.html' : undefined;

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> };
}

const server = await serveStatic(dir, bareHtml);
const browser = await launchChromium();
try {
  const ctx = await browser.newContext(
    args.includes('--desktop')
      ? { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' }
      : { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'en-US' },
  );
  const page = await ctx.newPage();
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'toplevel', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8', 'blink.user_timing', 'gpu', '__metadata'],
  });
  await page.goto(server.url + (process.env.ZJCN_TRACE_PATH ?? '/'), { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('map-first-idle').length > 0, null, { timeout: 60_000, polling: 50 });
  await page.waitForTimeout(1200);
  const origin = await page.evaluate(() => performance.timeOrigin);
  const buf = await browser.stopTracing();
  const trace = JSON.parse(buf.toString()) as { traceEvents: Ev[] };
  const evs = trace.traceEvents;
  const names = new Map<string, string>();
  const procs = new Map<number, string>();
  for (const e of evs) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
    if (e.ph === 'M' && e.name === 'process_name') procs.set(e.pid, String(e.args?.name));
  }
  // navigationStart in trace microseconds: the user-timing mark's ts minus its startTime
  const mark = evs.find((e) => e.name === 'map-first-idle' && e.cat.includes('blink.user_timing'));
  const idleMs = await page.evaluate(() => performance.getEntriesByName('map-first-idle')[0]!.startTime);
  const t0 = mark ? mark.ts / 1000 - idleMs : NaN;
  void origin;
  const rel = (ts: number) => ts / 1000 - t0;
  console.log(`first idle at ${Math.round(idleMs)} ms`);

  // busy: the union of task intervals per thread (tasks nest), in 100 ms windows
  const intervals = new Map<string, [number, number][]>();
  for (const e of evs) {
    if (e.ph !== 'X' || !e.dur) continue;
    if (!(e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' || e.name === 'ThreadPool_RunTask')) continue;
    const key = `${procs.get(e.pid) ?? e.pid} / ${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    const start = rel(e.ts);
    const list = intervals.get(key) ?? [];
    list.push([start, start + e.dur / 1000]);
    intervals.set(key, list);
  }
  const busy = new Map<string, number[]>();
  for (const [key, list] of intervals) {
    list.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const iv of list) {
      const last = merged.at(-1);
      if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
      else merged.push([...iv]);
    }
    const arr: number[] = [];
    for (const [start, end] of merged) {
      if (end < 0 || start > idleMs + 200) continue;
      for (let w = Math.max(0, Math.floor(start / 100)); w <= Math.floor(end / 100); w++) {
        arr[w] = (arr[w] ?? 0) + Math.max(0, Math.min(end, (w + 1) * 100) - Math.max(start, w * 100));
      }
    }
    busy.set(key, arr);
  }
  const windows = Math.ceil((idleMs + 200) / 100);
  console.log('\nbusy ms per 100 ms window (top-level tasks), from navigation start:');
  console.log('thread'.padEnd(48), Array.from({ length: windows }, (_, i) => String(i * 100).padStart(5)).join(''), '  total');
  for (const [k, arr] of [...busy].sort((a, b) => b[1].reduce((s, x) => s + (x ?? 0), 0) - a[1].reduce((s, x) => s + (x ?? 0), 0))) {
    const total = arr.reduce((s, x) => s + (x ?? 0), 0);
    if (total < 20) continue;
    console.log(k.slice(0, 48).padEnd(48), Array.from({ length: windows }, (_, i) => String(Math.round(arr[i] ?? 0)).padStart(5)).join(''), String(Math.round(total)).padStart(7));
  }

  // Self time of trace events (X and B/E) on the main thread and the GPU main thread, by name
  for (const want of ['CrRendererMain', 'CrGpuMain', 'DedicatedWorker thread']) {
    const tidKey = [...names].find(([, n]) => n === want)?.[0];
    if (!tidKey) continue;
    const list = evs
      .filter((e) => `${e.pid}:${e.tid}` === tidKey && e.ph === 'X' && e.dur !== undefined && rel(e.ts) >= from && rel(e.ts) <= Math.min(to, idleMs))
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { end: number; name: string }[] = [];
    const selfOf = new Map<Ev, number>();
    const parents: Ev[] = [];
    for (const e of list) {
      while (parents.length && parents.at(-1)!.ts + parents.at(-1)!.dur! <= e.ts) parents.pop();
      const parent = parents.at(-1);
      if (parent) selfOf.set(parent, (selfOf.get(parent) ?? parent.dur!) - e.dur!);
      selfOf.set(e, selfOf.get(e) ?? e.dur!);
      parents.push(e);
    }
    void stack;
    for (const [e, v] of selfOf) self.set(e.name, (self.get(e.name) ?? 0) + v / 1000);
    console.log(`\n${want}: trace events by self time:`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }

  // CPU profile samples: ProfileChunk events per profile id (one per thread running V8)
  const profiles = new Map<string, { pid: number; tid: number; nodes: Map<number, { name: string; url: string; parent?: number }>; samples: number[]; deltas: number[]; start: number }>();
  for (const e of evs) {
    if (e.name === 'Profile') {
      profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, tid: e.tid, nodes: new Map(), samples: [], deltas: [], start: Number((e.args?.data as { startTime: number }).startTime) });
    }
    if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      if (!p) continue;
      const d = e.args!.data as { cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string } }[]; samples?: number[] }; timeDeltas?: number[] };
      for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, { name: n.callFrame.functionName || '(anonymous)', url: n.callFrame.url, parent: n.parent });
      p.samples.push(...(d.cpuProfile?.samples ?? []));
      p.deltas.push(...(d.timeDeltas ?? []));
    }
  }
  for (const p of profiles.values()) {
    const self = new Map<string, number>();
    let t = p.start;
    let total = 0;
    for (let i = 0; i < p.samples.length; i++) {
      t += p.deltas[i] ?? 0;
      const ms = rel(t);
      const next = (p.deltas[i + 1] ?? 0) / 1000;
      if (ms < from || ms > Math.min(to, idleMs)) continue;
      const n = p.nodes.get(p.samples[i]!);
      if (!n || n.name === '(idle)' || n.name === '(program)') continue;
      const file = (n.url ?? '').split('/').pop() ?? '';
      const chain: string[] = [];
      for (let q = n.parent, k = 0; q !== undefined && k < 4; k++) {
        const pn = p.nodes.get(q);
        if (!pn) break;
        chain.push(pn.name);
        q = pn.parent;
      }
      const key = `${n.name} ${file} ← ${chain.join(' ← ')}`;
      self.set(key, (self.get(key) ?? 0) + next);
      total += next;
    }
    if (total < 10) continue;
    console.log(`\n${names.get(`${p.pid}:${p.tid}`) ?? p.tid}: ${Math.round(total)} ms of JS samples in [${from}, ${Math.round(Math.min(to, idleMs))}] ms; top self time:`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }
  await ctx.close();
} finally {
  await browser.close();
  await server.close();
}
