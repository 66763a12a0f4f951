import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Plugin } from 'vite';
import { loadAppModules } from './app-modules.ts';
import type { buildCatalog } from '../src/data/catalog.ts';
import type { GEO_FILES } from '../src/data/validate.ts';
import type { parseReport, repairsSchema } from '../src/content/parse-report.ts';
import type { buildSearchEntries } from '../src/search/search-index.ts';

const VIRTUAL_ID = 'virtual:search-index';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

interface AppModules {
  buildCatalog: typeof buildCatalog;
  GEO_FILES: typeof GEO_FILES;
  parseReport: typeof parseReport;
  repairsSchema: typeof repairsSchema;
  buildSearchEntries: typeof buildSearchEntries;
}

/** The app's own parsing, validation and indexing code. */
const loadIndexingModules = (root: string) =>
  loadAppModules<AppModules>(root, 'search-index', [
    "export { buildCatalog } from '/src/data/catalog.ts';",
    "export { GEO_FILES } from '/src/data/validate.ts';",
    "export { parseReport, repairsSchema } from '/src/content/parse-report.ts';",
    "export { buildSearchEntries } from '/src/search/search-index.ts';",
  ]);

/**
 * Serves `virtual:search-index`: the search entries (names with their pinyin and initials, and the
 * report paragraphs) computed from geo/ and the report when the app is built or served, so the
 * pinyin dictionary (pinyin-pro) never ships to the browser. The app imports it lazily, on the
 * first use of the search box, so it is a chunk of its own.
 */
export function searchIndexPlugin(options: { geoDir: string; contentDir: string }): Plugin {
  let root = process.cwd();
  return {
    name: 'zjcn-search-index',
    configResolved(config) {
      root = config.root;
    },
    // Filters keep the bundler from calling these (async) hooks for every other module.
    resolveId: {
      filter: { id: new RegExp(`^${VIRTUAL_ID}$`) },
      handler: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    },
    load: {
      filter: { id: new RegExp(`^\0${VIRTUAL_ID}$`) },
      async handler(id) {
        if (id !== RESOLVED_ID) return undefined;
        const read = (path: string) => {
          const file = resolve(root, path);
          this.addWatchFile(file);
          return readFileSync(file, 'utf8');
        };
        const app = await loadIndexingModules(root);
        const files = Object.fromEntries(
          Object.keys(app.GEO_FILES).map((name) => [name, JSON.parse(read(`${options.geoDir}/${name}`)) as unknown]),
        );
        const repairs = app.repairsSchema.parse(JSON.parse(read(`${options.contentDir}/report-repairs.json`)));
        const report = app.parseReport(read(`${options.contentDir}/report-2023-08.zh.txt`), repairs);
        // Validates geo/ as the app does at start-up: bad data fails the build here too.
        const catalog = app.buildCatalog(files, report);
        const entries = app.buildSearchEntries(catalog, report, (zh) => pinyin(zh, { toneType: 'none', type: 'array' }));
        // JSON.parse of a string literal starts faster than the same object literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(entries))});`;
      },
    },
  };
}
