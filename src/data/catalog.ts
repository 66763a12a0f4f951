import type { Report } from '../content/parse-report';
import { catalogFromValidated, type Catalog } from './validated-catalog';
import { GeoDataError, splitGeo, validateGeo, type ValidatedGeo } from './validate';

// The collections, lookups and report links live in validated-catalog.ts, which start-up imports
// without the validators (and without zod): the authored data was validated at build time.
export * from './validated-catalog';

/**
 * Builds the catalog from the raw geo/ file contents and the parsed report. Throws a GeoDataError
 * naming the file and feature on any problem. For data that is not checked yet: a build step
 * (scripts/vite-plugin-authored-data.ts) or a file that arrives at run time.
 */
export function buildCatalog(files: Record<string, unknown>, report: Report): Catalog {
  return catalogFromValidated(splitGeo(validateAuthored(files, report)).startup, report);
}

/**
 * Every geo/ file validated (validateGeo) and every `report_name` found in the report; throws a
 * GeoDataError naming file and feature. The lazy files are in the result too (the catalog leaves them out).
 */
export function validateAuthored(files: Record<string, unknown>, report: Report): ValidatedGeo {
  const geo = validateGeo(files);
  const fullText = report.paragraphs.map((p) => p.text).join('\n');
  for (const [file, features] of Object.entries(geo)) {
    for (const f of features) {
      const name = f.properties.report_name;
      if (f.properties.named_in_report && name && !fullText.includes(name)) {
        throw new GeoDataError(file, f.properties.id, `report_name "${name}" does not occur in the report`);
      }
    }
  }
  return geo;
}
