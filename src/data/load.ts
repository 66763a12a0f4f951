import { report } from '../content/report';
import { buildCatalog, type Catalog } from './catalog';
import { GEO_FILES, GeoDataError } from './validate';

// Vite inlines every geo/ file as text at build time; JSON.parse is cheaper than a JS object literal.
const rawFiles = import.meta.glob<string>('/geo/*.geojson', { query: '?raw', import: 'default', eager: true });

/** Parses and validates geo/ and the report once; throws GeoDataError naming file and feature. */
export function loadCatalog(): Catalog {
  const files: Record<string, unknown> = {};
  for (const name of Object.keys(GEO_FILES)) {
    const text = rawFiles[`/geo/${name}`];
    if (text === undefined) continue;
    try {
      files[name] = JSON.parse(text);
    } catch (e) {
      throw new GeoDataError(name, null, `not valid JSON: ${(e as Error).message}`);
    }
  }
  return buildCatalog(files, report);
}
