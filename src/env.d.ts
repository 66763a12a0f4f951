/// <reference types="vite/client" />

/** Computed from geo/ at build time by scripts/vite-plugin-derived-geo.ts. */
declare module 'virtual:derived-geo' {
  import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
  export const walkBands: FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number; station_ids: string[] }>;
  export const areaLabels: FeatureCollection<Point>;
  export const zoneStats: import('./analysis/zone-stats').ZoneStats[];
}


/** Search entries (names, pinyin, initials, report paragraphs), built by scripts/vite-plugin-search-index.ts; import it lazily. */
declare module 'virtual:search-index' {
  import type { SearchEntry } from './search/search-index';
  const entries: SearchEntry[];
  export default entries;
}
