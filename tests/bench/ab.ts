/**
 * Settled time of several page variants, loaded in rotation in one Chromium (phone viewport, cold
 * context each), so machine load falls on all alike: a quick A/B for one change at a time.
 * Settled as in run.ts: the last WebGL draw before 1 s without one, once `map-first-idle` is marked.
 *
 *   npx tsx tests/bench/ab.ts [--runs 7] [--desktop] name=<dist dir>[?query] [--bare name=<dir>] …
 *
 * A `--bare` variant is served with the bare page's HTML as its fallback.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { launchChromium } from '../browser/chromium';
import { serveStatic, type StaticServer } from './static-server';

const argv = process.argv.slice(2);
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 7;
const desktop = argv.includes('--desktop');
const variants: { name: string; dir: string; query: string; bare: boolean }[] = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--runs') i++;
  else if (a.startsWith('--') && a !== '--bare') continue;
  else {
    const bare = a === '--bare';
    const spec = bare ? argv[++i]! : a;
    const [name, rest] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
    const q = rest.indexOf('?');
    variants.push({ name, dir: q >= 0 ? rest.slice(0, q) : rest, query: q >= 0 ? rest.slice(q) : '', bare });
  }
}

const INSTRUMENT = `(() => {
  const b = { lastDraw: 0, draws: 0, frames: 0 };
  window.__bench = b;
  let inFrame = false;
  const proto = WebGL2RenderingContext.prototype;
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (...args) {
      b.lastDraw = performance.now();
      b.draws++;
      if (!inFrame) { inFrame = true; b.frames++; setTimeout(() => (inFrame = false), 0); }
      return original.apply(this, args);
    };
  }
})();`;

/**
 * CPU time (user + system, ms) of every process descending from this one — the Chromium it
 * launched: renderer, GPU (SwiftShader), network. Less sensitive than wall time to other work on
 * the machine: what a load costs, not how long it waited for a core.
 */
const TICK_MS = 10; // USER_HZ = 100 on Linux
function chromiumCpuMs(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // gone
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) {
      if (p === process.pid && pid !== process.pid) {
        total += ms;
        break;
      }
    }
  }
  return total;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const servers = new Map<string, StaticServer>();
for (const v of variants) {
  const key = `${v.dir}|${v.bare}`;
  if (!servers.has(key)) servers.set(key, await serveStatic(v.dir, v.bare ? 'tests/bench/bare/index.html' : undefined));
}
const browser = await launchChromium();
const results = new Map<string, { settled: number; draws: number; frames: number; cpu: number }[]>(variants.map((v) => [v.name, []]));
try {
  for (let i = 0; i < runs; i++) {
    const order = variants.map((_, k) => variants[(k + i) % variants.length]!);
    for (const v of order) {
      const ctx = await browser.newContext(
        desktop
          ? { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' }
          : { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'en-US' },
      );
      await ctx.addInitScript(INSTRUMENT);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => console.error(v.name, 'pageerror', String(e)));
      const cpu0 = chromiumCpuMs();
      await page.goto(servers.get(`${v.dir}|${v.bare}`)!.url + '/' + v.query, { waitUntil: 'commit' });
      await page.waitForFunction(
        () => {
          const b = (window as unknown as { __bench: { lastDraw: number; draws: number } }).__bench;
          return performance.getEntriesByName('map-first-idle').length > 0 && b.draws > 0 && performance.now() - b.lastDraw >= 1000;
        },
        null,
        { polling: 50, timeout: 60_000 },
      );
      const r = await page.evaluate(() => {
        const b = (window as unknown as { __bench: { lastDraw: number; draws: number; frames: number } }).__bench;
        return { settled: b.lastDraw, draws: b.draws, frames: b.frames };
      });
      // The 1 s of quiet costs next to nothing; the context is still open, so its processes count.
      results.get(v.name)!.push({ ...r, cpu: chromiumCpuMs() - cpu0 });
      await ctx.close();
      // Let the closed context's renderer exit, so it neither counts nor vanishes from the next count.
      await new Promise((r) => setTimeout(r, 400));
    }
    console.error(`round ${i + 1}/${runs}: ` + variants.map((v) => `${v.name} ${Math.round(results.get(v.name)!.at(-1)!.settled)}`).join(', '));
  }
  const base = results.get(variants.find((v) => v.bare)?.name ?? variants[0]!.name)!;
  console.log(`\n${'variant'.padEnd(28)} ${'settled'.padStart(8)} ${'min'.padStart(6)} ${'max'.padStart(6)} ${'÷ base'.padStart(7)} draws frames  cpu ms (÷ base)`);
  for (const v of variants) {
    const r = results.get(v.name)!;
    const s = r.map((x) => x.settled);
    const paired = median(s.map((x, k) => x / base[k]!.settled));
    console.log(
      `${v.name.padEnd(28)} ${String(Math.round(median(s))).padStart(8)} ${String(Math.round(Math.min(...s))).padStart(6)} ${String(Math.round(Math.max(...s))).padStart(6)} ${paired.toFixed(2).padStart(6)}× ${String(median(r.map((x) => x.draws))).padStart(5)} ${String(median(r.map((x) => x.frames))).padStart(6)} ${String(Math.round(median(r.map((x) => x.cpu)))).padStart(7)} (${median(r.map((x, k) => x.cpu / base[k]!.cpu)).toFixed(2)}×)`,
    );
  }
} finally {
  await browser.close();
  for (const s of servers.values()) await s.close();
}
