/**
 * A prerendered page holds the app four times — Chinese and English, phone and desktop — inside
 * #app, as `<div data-variant="zh-phone" data-url="/building/…">`; CSS shows the one that fits
 * before any script runs (src/styles/base.css). This keeps that one, removes the others and says
 * where to mount: into the kept page, which Vue then hydrates, when it was rendered for this very
 * URL; otherwise (a query the prerender did not see, the 404 page, the dev server) for a fresh
 * render, which replaces what the page showed in the same task.
 */
export function chooseVariantRoot(app: HTMLElement, variant: string, url: string): { root: HTMLElement; hydrate: boolean } {
  const variants = [...app.querySelectorAll<HTMLElement>(':scope > [data-variant]')];
  const kept = variants.find((v) => v.dataset.variant === variant);
  for (const v of variants) if (v !== kept) v.remove();
  if (!kept) return { root: app, hydrate: false };
  // A variant the CSS no longer hides, whatever the window's width does later.
  kept.dataset.variant = 'live';
  return { root: kept, hydrate: kept.dataset.url === url };
}
