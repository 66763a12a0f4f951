/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import './scripts/node20-compat.ts';
import { derivedGeoPlugin } from './scripts/vite-plugin-derived-geo.ts';
import { searchIndexPlugin } from './scripts/vite-plugin-search-index.ts';
import { authoredDataPlugin } from './scripts/vite-plugin-authored-data.ts';
import { bootHintsPlugin } from './scripts/vite-plugin-boot-hints.ts';
import { fontSubsetPlugin } from './scripts/vite-plugin-font-subset.ts';

// The interface strings are compiled at build time (src/i18n/locales/*.json), so vue-i18n ships its
// runtime-only build without the message compiler; composition API only, no global components.
const i18nPrecompiled = VueI18nPlugin({
  include: fileURLToPath(new URL('./src/i18n/locales/*.json', import.meta.url)),
  runtimeOnly: true,
  compositionOnly: true,
  fullInstall: false,
  dropMessageCompiler: true,
});

export default defineConfig({
  plugins: [vue(), derivedGeoPlugin({ geoDir: 'geo', radiiM: [500, 800] }), searchIndexPlugin({ geoDir: 'geo', contentDir: 'src/content' }), authoredDataPlugin({ geoDir: 'geo', contentDir: 'src/content' }), i18nPrecompiled, bootHintsPlugin(), fontSubsetPlugin()],
  build: {
    target: 'es2022',
    // ZJCN_OUT lets several builds (and their preview servers) work side by side on one checkout.
    outDir: process.env.ZJCN_OUT ?? 'dist',
    emptyOutDir: true,
    // MapLibre alone is ~1 MB minified; a warning about it says nothing new.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)/ },
            { name: 'vue', test: /node_modules[\\/](@?vue|pinia|@intlify|vue-i18n|vue-router)/ },
            // The validated geo/ and report: preloaded beside the code, cached apart from it.
            { name: 'data', test: /^\0virtual:authored-data$/ },
            // zod checks data that arrives at run time (and the content modules' loaders): not part of start-up.
            { name: 'zod', test: /node_modules[\\/]zod/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
