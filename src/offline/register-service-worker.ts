import { Workbox } from 'workbox-window';

/** How often a page left open asks the host for a new release (the browser also asks on every visit). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers /sw.js (src/offline/sw.ts) with workbox-window and reports a new release that has
 * installed and is waiting. Returns what the reader's "Reload to update" does: let the waiting
 * worker take over, then reload onto it. Nothing reloads without that click — not the first
 * install (which takes the page quietly), not a release another tab switched to.
 */
export function registerServiceWorker({ onWaiting }: { onWaiting: () => void }): () => Promise<void> {
  const wb = new Workbox('/sw.js', { scope: '/' });
  let reloadAsked = false;
  wb.addEventListener('waiting', onWaiting);
  wb.addEventListener('controlling', () => {
    if (reloadAsked) window.location.reload();
  });
  void wb.register().then(
    () => setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS),
    (error: unknown) => console.warn('zjcn: offline use is not available here:', (error as Error).message),
  );
  return async () => {
    reloadAsked = true;
    const registration = await navigator.serviceWorker.getRegistration('/');
    // Another tab may have switched to the new release already: then a reload is all it takes.
    if (registration?.waiting) wb.messageSkipWaiting();
    else window.location.reload();
  };
}
