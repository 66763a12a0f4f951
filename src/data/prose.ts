import { loadOnce } from './load-once';
import type { FeatureProse, GeoFeature } from './schema';

/**
 * The provenance prose of start-up's features (virtual:authored-data/prose), a chunk of its own:
 * start-up's data leaves it out (stripProse), so it loads when a provenance block or an export
 * first needs it. A failed load is tried again next time.
 */
export const loadProse: () => Promise<Record<string, FeatureProse>> = loadOnce(() => import('virtual:authored-data/prose').then((m) => m.prose));

/** A feature with its prose: its own where it has it (data brought at run time), else start-up's. */
export function withProse<F extends GeoFeature>(f: F, prose: Readonly<Record<string, FeatureProse>>): F {
  const own = prose[f.properties.id];
  if (!own) return f;
  const missing = Object.entries(own).filter(([key]) => f.properties[key as keyof FeatureProse] === undefined);
  return missing.length ? { ...f, properties: { ...f.properties, ...Object.fromEntries(missing) } } : f;
}
