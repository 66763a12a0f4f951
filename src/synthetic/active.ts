import type { MultiPolygon, Polygon } from 'geojson';
import type { Catalog } from '../data/catalog';
import { generateSites, parseSyntheticCount, siteAt, type SyntheticSites } from './sites';

/**
 * Whether this page load shows synthetic test sites: `?synthetic=N` in the URL it was opened
 * with, read once (the app's own navigations carry the parameter along, see use-navigation).
 */
let count: number | null | undefined;
export function syntheticCount(): number | null {
  if (count === undefined) count = typeof window === 'undefined' ? null : parseSyntheticCount(window.location.search);
  return count;
}

let cached: SyntheticSites | null = null;

/**
 * This load's sites, generated once inside the catalog's focus district (Changning) and shared
 * by the map layer and the panel. Null when synthetic sites are off.
 */
export function syntheticSites(catalog: Catalog): SyntheticSites | null {
  const n = syntheticCount();
  if (!n) return null;
  if (!cached) {
    const district = catalog.geo['districts.geojson'].find((f) => f.properties.class === 'focus');
    if (!district?.geometry) throw new Error('synthetic sites: the data has no focus district to put them in');
    const start = performance.now();
    cached = generateSites(district.geometry as Polygon | MultiPolygon, n);
    performance.measure('zjcn:synthetic-generate', { start, end: performance.now() });
  }
  return cached;
}

/** Site #n's [lon, lat] in this load, or null if there is no such site. */
export function syntheticSiteAt(catalog: Catalog, n: number): [number, number] | null {
  const sites = syntheticSites(catalog);
  return sites ? siteAt(sites, n) : null;
}
