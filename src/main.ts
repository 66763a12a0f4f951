import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/base.css';
import { createApp, markRaw } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import DataError from './DataError.vue';
import { loadCatalog } from './data/load';
import { catalogKey } from './data/use-catalog';
import { registerInterfaceFonts } from './fonts/noto';
import { createAppI18n } from './i18n';
import { router } from './router';

// Marks for the boot timeline (scripts/trace-boot.ts): the modules have run, the app is mounted.
performance.mark('boot:main');
registerInterfaceFonts();
const i18n = createAppI18n();

try {
  // The authored data was validated at build time; data that comes at run time is validated where
  // it arrives. Either way a broken file stops the app with its name (DataError).
  const start = performance.now();
  const catalog = markRaw(loadCatalog());
  performance.measure('boot:catalog', { start });
  createApp(App).provide(catalogKey, catalog).use(createPinia()).use(i18n).use(router).mount('#app');
  performance.mark('boot:mounted');
} catch (error) {
  console.error(error);
  createApp(DataError, { error }).use(i18n).mount('#app');
}
