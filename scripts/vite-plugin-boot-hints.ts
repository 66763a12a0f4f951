import type { Plugin } from 'vite';

/**
 * Adds to the built index.html a hint that fetches the MapLibre worker together with the app's
 * code, instead of after that code has downloaded, run and mounted the map. (zone-map.ts starts
 * the worker itself as soon as its module runs, with MapLibre's `prewarm`.)
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
      handler(_html, ctx) {
        const worker = Object.values(ctx.bundle ?? {}).find((file) => /(^|\/)maplibre-gl-worker[^/]*\.m?js$/.test(file.fileName));
        if (!worker) throw new Error('boot-hints: the MapLibre worker is not in the bundle (is it still imported with ?worker&url?)');
        return [{ tag: 'link', attrs: { rel: 'prefetch', href: base + worker.fileName }, injectTo: 'head' }];
      },
    },
  };
}
