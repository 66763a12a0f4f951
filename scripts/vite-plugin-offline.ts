import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/** The palette's ink (src/styles/base.css --ink, the favicon's ground) and paper (--paper-2). */
export const THEME_COLOUR = '#1d2430';
export const BACKGROUND_COLOUR = '#f6f5f1';

/**
 * Installable and offline (vite-plugin-pwa): the web app manifest — one for both languages, its
 * link added to index.html and so to every prerendered page — and the service worker
 * src/offline/sw.ts, compiled to sw.js. The list of files it precaches is written in later, by
 * scripts/precache.ts after the prerender, since the pages it must keep do not exist yet when
 * this build ends (so no injection point here). The worker is registered by the app after its
 * first view (src/offline/register-service-worker.ts), not by a script this plugin adds.
 */
export function offlinePlugin({ disable }: { disable: boolean }): PluginOption {
  return VitePWA({
    disable,
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    injectRegister: false,
    registerType: 'prompt',
    injectManifest: { injectionPoint: undefined, minify: true },
    manifest: {
      id: '/',
      name: '张江长宁园 · Zhangjiang Changning Park',
      short_name: '张江长宁园',
      description: '张江长宁园“十四五”规划中期评估 · 片区地图 — the Changning sub-park of Zhangjiang Hi-Tech Park on a map of its 2023 mid-term evaluation report; works offline',
      lang: 'zh-Hans',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
      categories: ['maps', 'reference'],
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
  });
}
