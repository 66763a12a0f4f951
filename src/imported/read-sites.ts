import { booleanPointInPolygon, point } from '@turf/turf';
import { nearestStation } from '../analysis/nearest-station';
import type { CoordinateColumns } from './columns';
import { toWGS84 } from './datum';
import type { RawSite } from './raw-site';
import { ImportFailure } from './problem';
import { readCSV } from './read-csv';
import { readGeoJSON } from './read-geojson';
import type { Datum, ImportContext, ImportFormat, ImportOutcome, ImportedSite, ZoneCounts } from './types';

/** GeoJSON by extension or by a first character of `{` / `[`; everything else is read as CSV/TSV. */
export function formatOf(fileName: string, text: string): ImportFormat {
  if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'geojson' : 'csv';
}

/**
 * A person's file → the layer the map draws and the panel lists: each site converted to WGS84,
 * placed in a zone (turf, against the same outlines the map draws) and given its nearest Line 2
 * station and its nearest station of any line. Runs in a worker (import.worker.ts) so a big file never holds up the page.
 */
export function readSites(input: { fileName: string; text: string; datum: Datum; importedAt: string }, context: ImportContext): ImportOutcome {
  try {
    const text = input.text.replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new ImportFailure('empty');
    const format = formatOf(input.fileName, text);
    const read: { sites: RawSite[]; skipped: number; fieldNames: string[]; columns?: CoordinateColumns } = format === 'geojson' ? readGeoJSON(text) : readCSV(text);
    if (read.sites.length === 0) throw new ImportFailure('noPoints', { skipped: read.skipped });
    const counts: ZoneCounts = { east: 0, central: 0, west: 0, outside: 0 };
    const sites = read.sites.map((raw, i): ImportedSite => {
      const at = toWGS84(raw.at, input.datum);
      const p = point(at);
      const zone = context.zones.find((z) => booleanPointInPolygon(p, z.geometry))?.id ?? null;
      counts[zone ?? 'outside']++;
      const near = nearestStation(at, context.stations);
      const metro = nearestStation(at, context.metroStations);
      return {
        n: i + 1,
        name: raw.name,
        at,
        original: raw.at,
        values: raw.values,
        zone,
        station: near.stationId,
        straightM: near.straightM,
        walkM: near.walkEstimateM,
        metro: metro.stationId,
        metroM: metro.straightM,
      };
    });
    return {
      layer: {
        fileName: input.fileName,
        format,
        datum: input.datum,
        importedAt: input.importedAt,
        sites,
        counts,
        skipped: read.skipped,
        fieldNames: read.fieldNames,
        ...(read.columns ? { columns: read.columns } : {}),
      },
    };
  } catch (e) {
    if (e instanceof ImportFailure) return { problem: e.toProblem() };
    return { problem: { code: 'unreadable', params: { message: String((e as Error)?.message ?? e) } } };
  }
}
