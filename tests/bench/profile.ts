/**
 * Where a cold load's time to "settled" goes, for the app or the bare page: a timeline of MapLibre's
 * events (style load, each source loaded, idle), every frame drawn (when, draw calls, main-thread
 * time in Map._render), draw calls per layer summed over the load, and main-thread time in glyph
 * drawing, symbol placement and the frames. Not part of `npm run bench`; a tool for finding costs.
 *
 *   npx tsx tests/bench/profile.ts <dist dir> [runs] [--phone|--desktop] [--bare]
 *
 * The page must put its MapLibre map on `window.__zjcnMap` when it makes it (a profiling build:
 * the app and bare page do not, so add one line in a scratch copy); the script's init script
 * catches the assignment and wraps the map's internals before the first frame.
 */
import { serveStatic } from './static-server';
import { launchChromium } from '../browser/chromium';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'))!;
const runs = Number(args.filter((a) => !a.startsWith('--'))[1] ?? 3);
const desktop = args.includes('--desktop');
const bareHtml = args.includes('--bare') ? 'tests/bench/bare/index.html' : undefined;

const INIT = `(() => {
  const p = { t0: 0, events: [], frames: [], layers: {}, layerMs: {}, glyphMs: 0, glyphs: 0, placementMs: 0, renderMs: 0, draws: 0, workerMsgs: 0 };
  window.__prof = p;
  const ev = (name) => p.events.push([Math.round(performance.now()), name]);
  const proto = WebGL2RenderingContext.prototype;
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    proto[name] = function (...a) { p.draws++; p.lastDraw = performance.now(); return original.apply(this, a); };
  }
  p.gl = {};
  for (const name of ['linkProgram', 'texImage2D', 'texSubImage2D', 'bufferData', 'bufferSubData', 'readPixels', 'getProgramParameter', 'getError', 'clear']) {
    const original = proto[name];
    proto[name] = function (...a) { p.gl[name] = (p.gl[name] || 0) + 1; if (name === 'linkProgram') (p.links = p.links || []).push(p.layer || '?'); return original.apply(this, a); };
  }
  let map;
  Object.defineProperty(window, '__zjcnMap', { configurable: true, get: () => map, set(m) {
    map = m;
    ev('map constructed');
    m.once('load', () => ev('load'));
    m.once('idle', () => ev('first idle'));
    m.on('styledata', () => ev('styledata'));
    m.on('sourcedata', (e) => { if (e.isSourceLoaded && e.sourceDataType !== 'metadata') ev('source loaded ' + e.sourceId + (e.sourceDataType ? ' (' + e.sourceDataType + ')' : '')); else if (e.sourceDataType) ev('sourcedata ' + e.sourceId + ' ' + e.sourceDataType); });
    m.on('data', (e) => { if (e.dataType === 'source' && e.tile) ev('tile ' + e.sourceId + ' ' + e.tile.tileID.canonical.z); });
    const render = m._render.bind(m);
    m._render = (ts) => {
      const d0 = p.draws, t = performance.now();
      const st = m.style;
      if (st && !st.__wrapped && st.glyphManager) {
        st.__wrapped = true;
        const gm = st.glyphManager;
        const draw = gm._drawGlyph.bind(gm);
        gm._drawGlyph = async (...a) => { const t1 = performance.now(); const r = await draw(...a); p.glyphMs += performance.now() - t1; p.glyphs++; return r; };
        const up = st._updatePlacement.bind(st);
        st._updatePlacement = (...a) => { const t1 = performance.now(); const r = up(...a); p.placementMs += performance.now() - t1; return r; };
        const painter = m.painter;
        const rl = painter.renderLayer.bind(painter);
        painter.renderLayer = (pa, tm, layer, coords, ctx) => { const d = p.draws, t1 = performance.now(); p.layer = layer.id; rl(pa, tm, layer, coords, ctx); p.layers[layer.id] = (p.layers[layer.id] || 0) + p.draws - d; p.layerMs[layer.id] = (p.layerMs[layer.id] || 0) + performance.now() - t1; };
      }
      const r = render(ts);
      const ms = performance.now() - t;
      p.renderMs += ms;
      p.frames.push([Math.round(t), p.draws - d0, Math.round(ms), m.style && m.style.placement ? 1 : 0]);
      return r;
    };
  } });
})();`;

const server = await serveStatic(dir, bareHtml);
const browser = await launchChromium();
try {
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext(
      desktop
        ? { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' }
        : { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, locale: 'en-US' },
    );
    await ctx.addInitScript(INIT);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e));
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.url + '/', { waitUntil: 'commit' });
    await page.waitForFunction(
      () => {
        const p = (window as unknown as { __prof: { lastDraw?: number; events: [number, string][] } }).__prof;
        return p.events.some((e) => e[1] === 'first idle') && performance.now() - (p.lastDraw ?? 0) > 1000;
      },
      null,
      { polling: 50, timeout: 60_000 },
    );
    const prof = await page.evaluate(() => {
      const p = (window as unknown as { __prof: Record<string, unknown> & { lastDraw: number } }).__prof;
      const m = (window as unknown as { __zjcnMap: { getZoom(): number; style: { tileManagers: Record<string, { getIds(): string[] }> } } }).__zjcnMap;
      const tiles = Object.fromEntries(Object.entries(m.style.tileManagers).map(([k, v]) => [k, v.getIds().length]));
      const fonts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /woff2|ttf/.test(r.name)).map((r) => `${r.name.split('/').pop()} ${Math.round(r.startTime)}→${Math.round(r.responseEnd)} (${r.initiatorType})`);
      return { ...p, zoom: m.getZoom(), tiles, settled: p.lastDraw, fonts };
    });
    const metrics = await cdp.send('Performance.getMetrics');
    const metric = (n: string) => metrics.metrics.find((x) => x.name === n)?.value ?? NaN;
    const p = prof as unknown as {
      events: [number, string][];
      frames: [number, number, number][];
      layers: Record<string, number>;
      layerMs: Record<string, number>;
      glyphMs: number;
      glyphs: number;
      placementMs: number;
      renderMs: number;
      draws: number;
      zoom: number;
      settled: number;
      tiles: Record<string, number>;
    };
    console.log(`\n=== run ${i + 1}: settled ${Math.round(p.settled)} ms, zoom ${p.zoom.toFixed(2)}, ${p.draws} draws, ${p.frames.length} frames`);
    console.log(`main thread: script ${(metric('ScriptDuration') * 1000).toFixed(0)} ms, task ${(metric('TaskDuration') * 1000).toFixed(0)} ms, layout ${(metric('LayoutDuration') * 1000).toFixed(0)} ms`);
    console.log(`Map._render total ${Math.round(p.renderMs)} ms; placement ${Math.round(p.placementMs)} ms; glyphs drawn ${p.glyphs} (${Math.round(p.glyphMs)} ms wall, async)`);
    console.log('fonts:', (prof as unknown as { fonts: string[] }).fonts.join('; '));
    console.log('tiles kept per source:', JSON.stringify(p.tiles));
    console.log('gl calls:', JSON.stringify((p as unknown as { gl: unknown }).gl));
    console.log('programs linked while drawing:', ((p as unknown as { links: string[] }).links ?? []).join(', '));
    const merged = [...p.events.map(([t, n]) => [t, n] as [number, string]), ...p.frames.map(([t, d, ms]) => [t, `  frame: ${d} draws, _render ${ms} ms`] as [number, string])].sort((a, b) => a[0] - b[0]);
    let last = '';
    for (const [t, n] of merged) {
      if (n === last && n.startsWith('tile')) continue;
      last = n;
      console.log(String(t).padStart(6), n);
    }
    const byLayer = Object.entries(p.layers).filter(([, d]) => d > 0).sort((a, b) => b[1] - a[1]);
    console.log('draw calls by layer (whole load):', byLayer.map(([l, d]) => `${l} ${d} (${p.layerMs[l]!.toFixed(0)} ms)`).join(', '));
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
