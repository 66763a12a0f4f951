// The one entry of shpjs 6 this app uses (the package ships no types).
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export function getShapefile(parts: { shp: Uint8Array; dbf?: Uint8Array; cpg?: string; prj?: string }): Promise<FeatureCollection | FeatureCollection[]>;
}
