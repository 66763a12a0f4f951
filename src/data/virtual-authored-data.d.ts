/**
 * The authored data, parsed and validated when the app is built or served, by
 * scripts/vite-plugin-authored-data.ts (bad data fails the build with the file and the entry).
 */
declare module 'virtual:authored-data' {
  /** geo/, as validateGeo returned it, without the lazy files (LAZY_GEO_FILES: see below) */
  export const geo: import('./validate').StartupGeo;
  /** the report, as parseReport returned it (page-break repairs applied) */
  export const report: import('../content/parse-report').Report;
}

/** Each start-up feature's provenance prose (identity, position, notes, sources) by id: a chunk of its own, for the provenance block and the exports. */
declare module 'virtual:authored-data/prose' {
  export const prose: Record<string, import('./schema').FeatureProse>;
}

/** src/content/indicators.json, as loadIndicators returned it. */
declare module 'virtual:authored-data/indicators' {
  export const indicators: import('../content/indicators').Indicator[];
}

/** src/content/summaries.en.json, as loadSummaries returned it. */
declare module 'virtual:authored-data/summaries' {
  export const summaries: Record<string, import('../content/summaries').SectionSummary>;
}

/** src/content/tour.json, as loadTour returned it (and checkTourFeatures accepted it). */
declare module 'virtual:authored-data/tour' {
  export const tour: import('../content/tour').TourStep[];
}

/** geo/heritage.geojson, as validateGeo returned it: OSM heritage footprints, loaded on demand (not at start-up). */
declare module 'virtual:authored-data/heritage' {
  export const heritage: import('./schema').GeoFeature[];
}
