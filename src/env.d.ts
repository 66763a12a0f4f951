/// <reference types="vite/client" />

declare module 'virtual:walk-bands' {
  import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
  const bands: FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number; station_ids: string[] }>;
  export default bands;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
