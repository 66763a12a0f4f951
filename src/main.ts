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

registerInterfaceFonts();
const i18n = createAppI18n();

try {
  // Validate all data before anything draws: a broken file should stop the app with its name.
  const catalog = markRaw(loadCatalog());
  createApp(App).provide(catalogKey, catalog).use(createPinia()).use(i18n).use(router).mount('#app');
} catch (error) {
  console.error(error);
  createApp(DataError, { error }).use(i18n).mount('#app');
}
