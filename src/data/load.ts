import { geo, report as authoredReport } from 'virtual:authored-data';
import type { Report } from '../content/parse-report';
import { catalogFromValidated, type Catalog } from './validated-catalog';

/**
 * The catalog of the authored data (geo/ and the report). They were parsed and validated when the
 * app was built (scripts/vite-plugin-authored-data.ts: bad data fails the build, naming file and
 * feature), so nothing is checked again here and zod does not run at start-up.
 */
export function loadCatalog(): Catalog {
  return catalogFromValidated(geo, authoredReport);
}

/**
 * The catalog of geo/ files that arrive at run time (a file a person imports), as text keyed by
 * file name: parsed and validated here, with the validators (and zod) loaded on first use.
 * Rejects with a GeoDataError naming file and feature, for DataError.vue to show by name.
 */
export async function loadCatalogFromTexts(texts: Readonly<Record<string, string | undefined>>, report: Report = authoredReport): Promise<Catalog> {
  const [{ buildCatalog }, { parseGeoTexts }] = await Promise.all([import('./catalog'), import('./validate')]);
  return buildCatalog(parseGeoTexts(texts), report);
}
