import { booleanPointInPolygon, point } from '@turf/turf';
import { nearestStation } from '../analysis/nearest-station';
import { decodeText } from './decode-text';
import { toWGS84 } from './datum';
import { fileKind } from './file-kind';
import type { RawSite } from './raw-site';
import { ImportFailure } from './problem';
import { readCSV } from './read-csv';
import { readGeoJSON } from './read-geojson';
import { xmlFormatOf } from './xml-format';
import { zipEntry, zipNames } from './zip-entries';
import type { Datum, ImportContext, ImportOutcome, ImportedLayer, ImportedSite, ZoneCounts } from './types';

/** GeoJSON by extension or by a first character of `{` / `[`; everything else is read as CSV/TSV. */
export function formatOf(fileName: string, text: string): 'geojson' | 'csv' {
  if (/\.(geo)?json$/i.test(fileName)) return 'geojson';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  return /^\s*[[{]/.test(text) ? 'geojson' : 'csv';
}

/** What a reader hands over: the sites as the file gives them, and what the panel says about how it was read. */
type ReadResult = Pick<ImportedLayer, 'format' | 'skipped' | 'fieldNames' | 'columns' | 'encoding' | 'crs' | 'sheet' | 'sheets' | 'headerRow'> & { sites: RawSite[] };

/** KML and GPX need an XML parser (xmldom) and togeojson: loaded into the worker only for such a file. */
const readGis = async (text: string, format: 'kml' | 'gpx') => (await import('./read-gis')).readGis(text, format);

/** A text file's sites: GeoJSON, KML, GPX or a table (CSV/TSV). */
async function readText(fileName: string, raw: string): Promise<ReadResult> {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportFailure('empty');
  const xml = /^\s*</.test(text) ? xmlFormatOf(text) : null;
  if (xml) return { format: xml, ...(await readGis(text, xml)) };
  if (/^\s*</.test(text)) throw new ImportFailure('notSupported', { kind: 'xml' });
  const format = formatOf(fileName, text);
  if (format === 'geojson') return { format, ...readGeoJSON(text) };
  return { format: 'csv', ...readCSV(text) };
}

/** Any file's sites, by what its bytes are (not by its name): text, a zip (workbook, KMZ), an old Office file (.xls). */
async function readBytes(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.length === 0) throw new ImportFailure('empty');
  const kind = fileKind(bytes);
  if (kind === 'text') {
    const { text, encoding } = decodeText(bytes);
    return { ...(await readText(fileName, text)), encoding };
  }
  if (kind === 'ole2') return spreadsheet(bytes);
  if (kind === 'zip') {
    const names = zipNames(bytes);
    if (names.includes('xl/workbook.xml') || names.includes('content.xml') || names.some((n) => /^xl\//.test(n))) return spreadsheet(bytes);
    const kmlFile = names.find((n) => /\.kml$/i.test(n) && /(^|\/)doc\.kml$/i.test(n)) ?? names.find((n) => /\.kml$/i.test(n));
    if (kmlFile) {
      const { text } = decodeText(zipEntry(bytes, kmlFile));
      return { format: 'kmz', ...(await readGis(text, 'kml')) };
    }
    if (names.some((n) => /\.shp$/i.test(n))) {
      // shpjs and proj4 (for the .prj) load into the worker only for a shapefile.
      const { readShapefile } = await import('./read-shapefile');
      return { format: 'shapefile', ...(await readShapefile(bytes, names)) };
    }
    throw new ImportFailure('notSupported', { kind: 'zip' });
  }
  throw new ImportFailure('notSupported', { kind });
}

async function spreadsheet(bytes: Uint8Array): Promise<ReadResult> {
  // SheetJS is large: loaded (into the worker) only when a workbook arrives.
  const { readSpreadsheet } = await import('./read-spreadsheet');
  return { format: 'spreadsheet', ...readSpreadsheet(bytes) };
}

/**
 * A person's file → the layer the map draws and the panel lists: each site converted to WGS84,
 * placed in a zone (turf, against the same outlines the map draws) and given its nearest Line 2
 * station and its nearest station of any line. Runs in a worker (import.worker.ts) so a big file never holds up the page.
 */
export async function readFileSites(input: { fileName: string; bytes: Uint8Array; datum: Datum; importedAt: string }, context: ImportContext): Promise<ImportOutcome> {
  try {
    return place(await readBytes(input.fileName, input.bytes), input, context);
  } catch (e) {
    return failure(e);
  }
}

/** The same for a text already in hand. */
export async function readSites(input: { fileName: string; text: string; datum: Datum; importedAt: string }, context: ImportContext): Promise<ImportOutcome> {
  try {
    return place(await readText(input.fileName, input.text), input, context);
  } catch (e) {
    return failure(e);
  }
}

function failure(e: unknown): ImportOutcome {
  if (e instanceof ImportFailure) return { problem: e.toProblem() };
  return { problem: { code: 'unreadable', params: { message: String((e as Error)?.message ?? e).slice(0, 300) } } };
}

function place(read: ReadResult, input: { fileName: string; datum: Datum; importedAt: string }, context: ImportContext): ImportOutcome {
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
  // A header on the first row is the usual case: said only when title rows came first.
  const optional = { columns: read.columns, encoding: read.encoding, crs: read.crs, sheet: read.sheet, sheets: read.sheets, headerRow: read.headerRow && read.headerRow > 1 ? read.headerRow : undefined };
  return {
    layer: {
      fileName: input.fileName,
      format: read.format,
      datum: input.datum,
      importedAt: input.importedAt,
      sites,
      counts,
      skipped: read.skipped,
      fieldNames: read.fieldNames,
      ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    },
  };
}
