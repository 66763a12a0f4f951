import { IMPORT_LIMITS } from './limits';
import { ImportFailure } from './problem';

/** A site as read from a file, before the datum conversion and the analysis. */
export interface RawSite {
  name: string | null;
  /** [lon, lat] as the file gives it */
  at: [number, number];
  /** the file's other fields, aligned with the reader's `fieldNames` (a shorter list: the rest are empty) */
  values: string[];
}

/** Any value as a bounded plain string: the panel prints it as text, never as markup. */
export function fieldText(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > IMPORT_LIMITS.maxFieldChars ? `${text.slice(0, IMPORT_LIMITS.maxFieldChars - 1)}…` : text;
}

/**
 * A position that can be on the Earth, else the file is refused with where it went wrong
 * (`where` is "feature 12" / "row 7" in the person's numbering).
 */
export function checkPosition(lon: number, lat: number, where: { kind: 'feature' | 'row'; n: number }): [number, number] {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new ImportFailure('outOfRange', { kind: where.kind, n: where.n, lon: String(lon), lat: String(lat) });
  }
  return [lon, lat];
}

export function checkCount(n: number): void {
  if (n > IMPORT_LIMITS.maxFeatures) throw new ImportFailure('tooMany', { n, max: IMPORT_LIMITS.maxFeatures });
}
