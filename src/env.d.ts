/// <reference types="vite/client" />

/** Computed from geo/ at build time by scripts/vite-plugin-derived-geo.ts. */
declare module 'virtual:derived-geo' {
  import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
  export const walkBands: FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number; station_ids: string[] }>;
  export const areaLabels: FeatureCollection<Point>;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
