import type { Plugin } from 'vite';

/**
 * Adds to the built index.html hints that fetch the map's code and MapLibre's worker together
 * with the app's code, instead of after that code has downloaded, run and mounted the map.
 * The map module (src/map/zone-map.ts, with MapLibre) is imported dynamically, so that the
 * prerendered panel hydrates without waiting for it: a modulepreload starts it at once. (zone-map.ts
 * starts the worker itself as soon as its module runs, with MapLibre's `prewarm`.)
 *
 * Why `prefetch`: Chromium has no preload destination for a worker (`as="worker"` is ignored with
 * a warning), a `modulepreload` is a script fetch the worker's own request does not reuse, and a
 * `preload as="script"` is reused but warns that it went unused. A prefetch goes to the HTTP
 * cache, where the worker's request finds it (or revalidates it with a 304 when the host sends
 * no caching headers, as `vite preview` does).
 */
export function bootHintsPlugin(): Plugin {
  let base = '/';
  return {
    name: 'zjcn-boot-hints',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const files = Object.values(ctx.bundle ?? {});
        const worker = files.find((file) => /(^|\/)maplibre-gl-worker[^/]*\.m?js$/.test(file.fileName));
        if (!worker) throw new Error('boot-hints: the MapLibre worker is not in the bundle (is it still imported with ?worker&url?)');
        const workerHint = { tag: 'link', attrs: { rel: 'prefetch', href: base + worker.fileName }, injectTo: 'head' as const };
        // Other pages built with this config (the benchmark's bare MapLibre page) get the worker hint only.
        if (ctx.path !== '/index.html') return [workerHint];
        const map = files.find((file) => file.type === 'chunk' && file.facadeModuleId?.replaceAll('\\', '/').endsWith('/src/map/zone-map.ts'));
        if (!map || map.type !== 'chunk') throw new Error('boot-hints: src/map/zone-map.ts is not a chunk of its own (is it still imported dynamically by MapView?)');
        const preload = [map.fileName, ...map.imports].filter((f) => !html.includes(base + f));
        return [
          // Low priority: the page's own code, styles and fonts (the panel) come first; the map's
          // ~300 KB follow at once, instead of competing with them for a phone's bandwidth. (Chromium
          // ignores fetchpriority on a modulepreload; a CORS script preload is what the module fetch reuses.)
          ...preload.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'script', crossorigin: true, fetchpriority: 'low', href: base + f }, injectTo: 'head' as const })),
          workerHint,
        ];
      },
    },
  };
}
