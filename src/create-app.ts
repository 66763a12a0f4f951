import { createApp, createSSRApp, markRaw } from 'vue';
import { createPinia } from 'pinia';
import type { RouterHistory } from 'vue-router';
import App from './App.vue';
import { loadCatalog } from './data/load';
import { catalogKey } from './data/use-catalog';
import { createAppI18n } from './i18n';
import type { Lang } from './i18n/messages';
import { createAppRouter } from './router';
import { useSheetStore } from './stores/sheet';

export interface AppVariant {
  lang: Lang;
  /** the phone layout (bottom sheet) rather than the side panel */
  phone: boolean;
}

/**
 * The app as the browser and the prerender (src/entry-server.ts) both build it. Every page is
 * prerendered once per language and layout; the browser hydrates the one that matches, so the
 * first render here must depend on nothing but the route and the variant.
 */
export function createZoneMapApp(variant: AppVariant, { history, hydrate = true }: { history?: RouterHistory; hydrate?: boolean } = {}) {
  performance.mark('boot:catalog-start');
  // The authored data was validated at build time; data that comes at run time is validated where it arrives.
  const catalog = markRaw(loadCatalog());
  performance.measure('boot:catalog', 'boot:catalog-start');
  const pinia = createPinia();
  const router = createAppRouter(history);
  const app = (hydrate ? createSSRApp : createApp)(App).provide(catalogKey, catalog).use(pinia).use(createAppI18n(variant.lang)).use(router);
  useSheetStore(pinia).phone = variant.phone;
  return { app, router, catalog };
}
