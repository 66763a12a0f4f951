import { z } from 'zod/mini';
import { zoneIdSchema } from '../data/schema';
import { DATUMS, type ImportedLayer } from './types';

const position = z.tuple([z.number(), z.number()]);
const count = z.number().check(z.int(), z.nonnegative());

/**
 * A kept layer read back from the browser: written by an earlier visit, maybe by an older version
 * of the app, so checked before the map draws it (a layer that does not fit is dropped, not shown half).
 */
export const importedLayerSchema = z.object({
  fileName: z.string(),
  format: z.enum(['geojson', 'csv', 'spreadsheet', 'kml', 'kmz', 'gpx', 'shapefile']),
  datum: z.enum(DATUMS),
  importedAt: z.string(),
  sites: z.array(
    z.object({
      n: count,
      name: z.nullable(z.string()),
      at: position,
      original: position,
      values: z.array(z.string()),
      zone: z.nullable(zoneIdSchema),
      station: z.string(),
      straightM: z.number(),
      walkM: z.number(),
      metro: z.optional(z.string()),
      metroM: z.optional(z.number()),
    }),
  ),
  counts: z.object({ east: count, central: count, west: count, outside: count }),
  skipped: count,
  fieldNames: z.array(z.string()),
  columns: z.optional(z.union([z.object({ lon: z.string(), lat: z.string(), name: z.nullable(z.string()) }), z.object({ pair: z.string(), name: z.nullable(z.string()) })])),
  encoding: z.optional(z.enum(['UTF-8', 'GBK', 'UTF-16LE', 'UTF-16BE'])),
  crs: z.optional(z.enum(['EPSG:3857', 'EPSG:4490'])),
  sheet: z.optional(z.string()),
  sheets: z.optional(count),
  headerRow: z.optional(count),
});

export const parseKeptLayer = (value: unknown): ImportedLayer | null => {
  const parsed = importedLayerSchema.safeParse(value);
  return parsed.success ? (parsed.data as ImportedLayer) : null;
};
