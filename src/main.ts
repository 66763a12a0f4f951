import './styles/base.css';
import { createApp } from 'vue';
import { createZoneMapApp } from './create-app';
import DataError from './DataError.vue';
import { registerInterfaceFonts } from './fonts/noto';
import { createAppI18n } from './i18n';
import { initialLang, isLang } from './i18n/use-language';
import { PHONE_MAX_WIDTH } from './sheet/sheet-heights';
import { chooseVariantRoot } from './variant-root';

// Marks for the boot timeline (scripts/trace-boot.ts): the modules have run, the app is mounted.
performance.mark('boot:main');
// A prerendered page declares the fonts its text needs in its head; the dev server's page does not.
if (!document.querySelector('style[data-font-faces]')) registerInterfaceFonts();

// The page's inline head script chose the language before the first paint (index.html).
const chosen = document.documentElement.dataset.lang;
const lang = isLang(chosen) ? chosen : initialLang();
const phone = window.matchMedia(`(max-width: ${PHONE_MAX_WIDTH}px)`).matches;

/** After the browser's next frame (or 100 ms, in a tab that draws no frames while hidden). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

try {
  const { root, hydrate } = chooseVariantRoot(document.getElementById('app')!, `${lang}-${phone ? 'phone' : 'desk'}`, location.pathname + location.search);
  const { app, router } = createZoneMapApp({ lang, phone }, { hydrate });
  // Lazy route components (reader, tour, comparison) resolve before hydration walks the page. The
  // prerendered page is painted first: hydration and then the map start are long tasks, and a
  // frame that waits for them shows nothing for a second on a slow phone.
  void Promise.all([router.isReady(), afterNextPaint()]).then(() => {
    app.mount(root);
    performance.mark('boot:mounted');
    // Fonts for characters the app does not ship (typed or brought later): after the first view.
    setTimeout(() => void import('./fonts/fallback-fonts').then((m) => m.registerFallbackFonts()), 2000);
  });
} catch (error) {
  console.error(error);
  createApp(DataError, { error }).use(createAppI18n(lang)).mount('#app');
}
