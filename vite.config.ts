/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import vue from '@vitejs/plugin-vue';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import './scripts/node20-compat.ts';
import { derivedGeoPlugin } from './scripts/vite-plugin-derived-geo.ts';
import { searchIndexPlugin } from './scripts/vite-plugin-search-index.ts';
import { authoredDataPlugin } from './scripts/vite-plugin-authored-data.ts';
import { bootHintsPlugin } from './scripts/vite-plugin-boot-hints.ts';
import { fontSubsetPlugin } from './scripts/vite-plugin-font-subset.ts';
import { cspHashesPlugin } from './scripts/vite-plugin-csp-hashes.ts';
import { staticPagesPlugin } from './scripts/vite-plugin-static-pages.ts';
import { offlinePlugin } from './scripts/vite-plugin-offline.ts';

// The interface strings are compiled at build time (src/i18n/locales/*.json), so vue-i18n ships its
// runtime-only build without the message compiler; composition API only, no global components.
const i18nPrecompiled = VueI18nPlugin({
  include: fileURLToPath(new URL('./src/i18n/locales/*.json', import.meta.url)),
  runtimeOnly: true,
  compositionOnly: true,
  fullInstall: false,
  dropMessageCompiler: true,
});

// ZJCN_OUT lets several builds (and their preview servers) work side by side on one checkout.
const outDir = process.env.ZJCN_OUT ?? 'dist';

const clientBuild: BuildEnvironmentOptions = {
  target: 'es2022',
  outDir,
  emptyOutDir: true,
  // Which chunks and styles each module needs: the prerender preloads them per page.
  ssrManifest: true,
  // MapLibre alone is ~1 MB minified; a warning about it says nothing new.
  chunkSizeWarningLimit: 1100,
  rolldownOptions: {
    output: {
      // Libraries change less often than the app: separate chunks stay cached across releases.
      codeSplitting: {
        groups: [
          // Its code only: a stylesheet's module stub here would make the entry import (and run) MapLibre.
          { name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre)[\\/](?!.*\.css$)/ },
          { name: 'vue', test: /node_modules[\\/](@?vue|pinia|@intlify|vue-i18n|vue-router)/ },
          // The validated geo/ and report: preloaded beside the code, cached apart from it.
          { name: 'data', test: /^\0virtual:authored-data$/ },
          // zod checks data that arrives at run time (and the content modules' loaders): not part of start-up.
          { name: 'zod', test: /node_modules[\\/]zod/ },
          // The service worker's registration runs after the first view (src/offline/UpdatePrompt.vue).
          { name: 'workbox-window', test: /node_modules[\\/]workbox-window/ },
          // Cutting and simplifying geometry is for the print sheet's map only: not in the shared vendor
          // chunk (turf's helpers, which the first view uses too, stay there).
          { name: 'vendor', test: /node_modules[\\/]@turf[\\/](helpers|meta|invariant)[\\/]/ },
          { name: 'turf-print', test: /node_modules[\\/]@turf[\\/](bbox-clip|simplify|clean-coords|clone)[\\/]/ },
          // Stylesheets and font URLs stay with whoever imports them (MapLibre's stylesheet with the
          // lazily loaded map, the fallback fonts' table with its own lazy chunk).
          { name: 'vendor', test: /node_modules[\\/](?!.*\.(css|woff2)(\?|$))/ },
        ],
      },
    },
  },
};

// The prerender's own build of the app (src/entry-server.ts), run by scripts/prerender.ts; never shipped.
const ssrBuild: BuildEnvironmentOptions = {
  target: 'node20',
  outDir: `${outDir}-ssr`,
  emptyOutDir: true,
  copyPublicDir: false,
  rolldownOptions: {
    // The prerender lists the tour's pages, so the tour is static there; the browser's build keeps it lazy.
    onLog(level, log, handler) {
      if (log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') handler(level, log);
    },
  },
};

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [vue(), derivedGeoPlugin({ geoDir: 'geo', radiiM: [500, 800] }), searchIndexPlugin({ geoDir: 'geo', contentDir: 'src/content' }), authoredDataPlugin({ geoDir: 'geo', contentDir: 'src/content' }), i18nPrecompiled, bootHintsPlugin(), fontSubsetPlugin(), cspHashesPlugin(), staticPagesPlugin(), offlinePlugin({ disable: Boolean(isSsrBuild) })],
  build: isSsrBuild ? ssrBuild : clientBuild,
  // The import worker is a module worker: its rare readers (SheetJS for workbooks, xmldom and
  // togeojson for KML/GPX) stay chunks of their own, fetched only when such a file arrives.
  worker: { format: 'es' as const },
  define: process.env.ZJCN_HYDRATION_DETAILS ? { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' } : {},
  // The prerender's build carries its libraries, so it runs from any output directory.
  ssr: { noExternal: true },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A ceiling for a stuck test, not a speed check: a loaded 2-core machine runs the slowest (~3 s) several times slower.
    testTimeout: 60_000,
  },
}));
