import { createMemoryHistory } from 'vue-router';
import { renderToString } from 'vue/server-renderer';
import { createZoneMapApp, type AppVariant } from './create-app';
import { fontFaceCss, firstViewFonts } from './fonts/font-face-css';
import { loadCatalog } from './data/load';
import { prerenderPaths } from './navigation/prerender-paths';

export { firstViewFonts, fontFaceCss, prerenderPaths };

/**
 * One page of the prerender (scripts/prerender.ts): the app at `url` in one language and layout,
 * as HTML, with the modules it rendered (their chunks are preloaded by the page).
 */
export async function renderPage(url: string, variant: AppVariant): Promise<{ html: string; modules: string[] }> {
  const { app, router } = createZoneMapApp(variant, { history: createMemoryHistory() });
  await router.push(url);
  await router.isReady();
  const ctx: { modules?: Set<string> } = {};
  const html = await renderToString(app, ctx);
  return { html, modules: [...(ctx.modules ?? [])] };
}

export { NOT_FOUND_PATH, WHATS_HERE_SHELL_PATH } from './navigation/prerender-paths';

/**
 * A feature page's (and its print sheet's) title names the feature in both languages (a link pasted in a chat shows it);
 * other pages keep the app's title (null).
 */
export function pageTitle(path: string): string | null {
  const [, , id] = /^(?:\/print)?\/(zone|building|station|place)\/(.+)$/.exec(path) ?? [];
  const f = id ? loadCatalog().byId.get(id) : undefined;
  return f ? `${f.properties.name_zh} ${f.properties.name_en} · 张江长宁园 Zhangjiang Changning Park` : null;
}
