/**
 * The authored data, parsed and validated when the app is built or served, by
 * scripts/vite-plugin-authored-data.ts (bad data fails the build with the file and the entry).
 */
declare module 'virtual:authored-data' {
  /** geo/, as validateGeo returned it */
  export const geo: import('./validate').ValidatedGeo;
  /** the report, as parseReport returned it (page-break repairs applied) */
  export const report: import('../content/parse-report').Report;
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
