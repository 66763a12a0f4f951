import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadAppModules } from './app-modules.ts';
import type { catalogFromValidated, validateAuthored } from '../src/data/catalog.ts';
import type { GEO_FILES, parseGeoTexts, splitGeo, stripProse } from '../src/data/validate.ts';
import type { parseReport, repairsSchema } from '../src/content/parse-report.ts';
import type { loadIndicators } from '../src/content/indicators.ts';
import type { loadSummaries } from '../src/content/summaries.ts';
import type { checkTourFeatures, loadTour } from '../src/content/tour.ts';

const PREFIX = 'virtual:authored-data';
/** The bare id (geo/ and the report) is what start-up needs; the content files' ids load with their lazy views. */
const MODULES = ['', '/indicators', '/summaries', '/tour', '/heritage', '/prose'].map((suffix) => PREFIX + suffix);

interface AppModules {
  validateAuthored: typeof validateAuthored;
  catalogFromValidated: typeof catalogFromValidated;
  GEO_FILES: typeof GEO_FILES;
  parseGeoTexts: typeof parseGeoTexts;
  splitGeo: typeof splitGeo;
  stripProse: typeof stripProse;
  parseReport: typeof parseReport;
  repairsSchema: typeof repairsSchema;
  loadIndicators: typeof loadIndicators;
  loadSummaries: typeof loadSummaries;
  loadTour: typeof loadTour;
  checkTourFeatures: typeof checkTourFeatures;
}

/** The app's own parsers and validators; the content modules' imports of this plugin's data get an empty stand-in. */
const loadAuthoringModules = (root: string) =>
  loadAppModules<AppModules>(
    root,
    'authored-data',
    [
      "export { catalogFromValidated, validateAuthored } from '/src/data/catalog.ts';",
      "export { GEO_FILES, parseGeoTexts, splitGeo, stripProse } from '/src/data/validate.ts';",
      "export { parseReport, repairsSchema } from '/src/content/parse-report.ts';",
      "export { loadIndicators } from '/src/content/indicators.ts';",
      "export { loadSummaries } from '/src/content/summaries.ts';",
      "export { checkTourFeatures, loadTour } from '/src/content/tour.ts';",
    ],
    {
      matches: (id) => id.startsWith(PREFIX),
      code: 'export const geo = {}, report = { sections: [], paragraphs: [] }, indicators = [], summaries = {}, tour = [], heritage = [], prose = {};',
    },
  );

/** JSON.parse of a string literal starts faster than the same object literal. */
const jsonModule = (exports: Record<string, unknown>) =>
  Object.entries(exports)
    .map(([name, value]) => `export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(JSON.stringify(value))});`)
    .join('\n');

export interface AuthoredDataOptions {
  geoDir: string;
  contentDir: string;
}

/**
 * Reads and validates the authored data under `root` with the app's own functions; throws their
 * error (a GeoDataError "zones.geojson › zone-east: …", a ContentDataError "tour.json — step: …").
 * `read` is told of every file read.
 */
export async function readAuthoredData(root: string, options: AuthoredDataOptions, read: (file: string) => string = (file) => readFileSync(file, 'utf8')) {
  const text = (path: string) => read(resolve(root, path));
  const json = (path: string) => JSON.parse(text(path)) as unknown;
  const app = await loadAuthoringModules(root);
  const report = app.parseReport(text(`${options.contentDir}/report-2023-08.zh.txt`), app.repairsSchema.parse(json(`${options.contentDir}/report-repairs.json`)));
  const geoTexts = Object.fromEntries(Object.keys(app.GEO_FILES).map((name) => [name, text(`${options.geoDir}/${name}`)]));
  // The lazy geo/ files (heritage) are validated with the rest but served apart, outside start-up's data.
  const { startup, lazy } = app.splitGeo(app.validateAuthored(app.parseGeoTexts(geoTexts), report));
  const catalog = app.catalogFromValidated(startup, report);
  const indicators = app.loadIndicators(json(`${options.contentDir}/indicators.json`), report);
  const summaries = app.loadSummaries(json(`${options.contentDir}/summaries.en.json`), report);
  const tour = app.loadTour(json(`${options.contentDir}/tour.json`), report, indicators);
  app.checkTourFeatures(tour, catalog.byId);
  // Start-up's data leaves out the provenance prose, which only the provenance block and the exports read.
  const { geo, prose } = app.stripProse(catalog.geo);
  return { geo, prose, report, indicators, summaries, tour, heritage: lazy['heritage.geojson'] };
}

/**
 * Validates the authored data when the app is built or served, and serves it already parsed:
 * `virtual:authored-data` (geo/ through validateGeo and the report checks, the report through
 * parseReport with its page-break repairs) and `virtual:authored-data/{indicators,summaries,tour}`
 * (through their loaders, checked against the report and geo/). The same functions the app would
 * run at start-up run here, so a broken file fails the build with the same message
 * ("zones.geojson › zone-east: …"), and the browser neither parses nor validates these files.
 */
export function authoredDataPlugin(options: AuthoredDataOptions): Plugin {
  let root = process.cwd();
  let building = false;
  let pending: Promise<Record<string, string>> | null = null;
  const files = new Set<string>();

  async function generate(): Promise<Record<string, string>> {
    const data = await readAuthoredData(root, options, (file) => {
      files.add(file);
      return readFileSync(file, 'utf8');
    });
    return {
      [PREFIX]: jsonModule({ geo: data.geo, report: data.report }),
      [`${PREFIX}/indicators`]: jsonModule({ indicators: data.indicators }),
      [`${PREFIX}/summaries`]: jsonModule({ summaries: data.summaries }),
      [`${PREFIX}/tour`]: jsonModule({ tour: data.tour }),
      [`${PREFIX}/heritage`]: jsonModule({ heritage: data.heritage }),
      [`${PREFIX}/prose`]: jsonModule({ prose: data.prose }),
    };
  }
  const modules = () => (pending ??= generate());

  return {
    name: 'zjcn-authored-data',
    configResolved(config) {
      root = config.root;
      building = config.command === 'build';
    },
    // A build checks the data before anything else, so the first error is the data's own (a dev
    // server reports it when the app asks for the data, in its overlay).
    async buildStart() {
      if (!building) return;
      try {
        await modules();
      } catch (e) {
        pending = null;
        this.error((e as Error).message);
      }
    },
    watchChange(id) {
      if (files.has(resolve(id))) pending = null;
    },
    resolveId: {
      filter: { id: new RegExp(`^${PREFIX}(/\\w+)?$`) },
      handler: (id) => (MODULES.includes(id) ? '\0' + id : undefined),
    },
    load: {
      filter: { id: new RegExp(`^\0${PREFIX}(/\\w+)?$`) },
      async handler(id) {
        const name = id.slice(1);
        if (!MODULES.includes(name)) return undefined;
        let code: string | undefined;
        try {
          code = (await modules())[name];
        } catch (e) {
          pending = null;
          this.error((e as Error).message);
        }
        for (const file of files) this.addWatchFile(file);
        return code;
      },
    },
  };
}
