/**
 * The service worker (built by vite-plugin-pwa's injectManifest into sw.js; the list of files to
 * keep is written into it after the prerender by scripts/precache.ts). After one visit the app
 * opens with no network: its code, styles, data, fonts and pages come from the precache.
 *
 * A new release installs beside the running one and waits: the page keeps the version it opened
 * with until the reader chooses "Reload to update" (src/offline/UpdatePrompt.vue), which asks
 * this worker to take over (SKIP_WAITING) and then reloads.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { offlineShellFor, pageForPath } from './page-for-path';

declare const self: ServiceWorkerGlobalScope;

// `vite preview` (and some hosts) send `Vary: Origin`; the files here differ by URL only.
const matchOptions = { ignoreVary: true };

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// The first install takes the open page at once, so its lazy chunks are kept too; an update
// never does by itself (it waits for SKIP_WAITING).
clientsClaim();
cleanupOutdatedCaches();

// Pages: the address → its file, as the host maps it; the query never picks the file.
const pages = new NetworkFirst({ cacheName: 'zjcn-pages', matchOptions, plugins: [new ExpirationPlugin({ maxEntries: 40 })] });
registerRoute(
  new NavigationRoute(async ({ url, event }) => {
    const precached = await matchPrecache(pageForPath(url.pathname));
    if (precached) return precached;
    // A page not in the precache (a paragraph of the report, an unknown address): the host's
    // answer, kept for next time; offline and never read, the page whose app shows it best.
    try {
      return await pages.handle({ event, request: new Request(new URL(pageForPath(url.pathname), url.origin).href, { credentials: 'same-origin' }) });
    } catch {
      return (await matchPrecache(offlineShellFor(url.pathname))) ?? Response.error();
    }
  }),
);

precacheAndRoute(self.__WB_MANIFEST);

// Hashed files the precache leaves out (fontsource's fallback chunks for characters the app does
// not ship): never change, so kept once fetched.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
  new CacheFirst({ cacheName: 'zjcn-assets', matchOptions, plugins: [new ExpirationPlugin({ maxEntries: 120 })] }),
);
