/**
 * What an import accepts. 20 MB of GeoJSON is ~130,000 points with a few fields, so the feature
 * limit is the one most files meet first; both keep a phone's memory and the map's clustering
 * responsive (the map draws 100,000 synthetic sites within 2× of the plain app: BENCHMARKS.md).
 */
export const IMPORT_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxFeatures: 100_000,
  /** longer field values are cut (with an ellipsis): a cell is a label, not a document */
  maxFieldChars: 500,
  /** check-geojson (line-exact messages) reads files up to this size; larger ones get a per-feature check */
  maxCheckedBytes: 2 * 1024 * 1024,
  /** a zip (a workbook, a KMZ) may unpack to this much in all, in at most this many files: a "zip bomb" is refused before it is unpacked */
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxZipFiles: 2_000,
} as const;
