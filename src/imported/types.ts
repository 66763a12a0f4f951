import type { ZoneId } from '../data/schema';
import type { CoordinateColumns } from './columns';
import type { TextEncoding } from './decode-text';

/** The coordinate systems a Chinese user's data is in: GPS/OSM, Amap/Tencent, Baidu. */
export const DATUMS = ['WGS84', 'GCJ02', 'BD09'] as const;
export type Datum = (typeof DATUMS)[number];
/** how the datums are written for people */
export const DATUM_NAMES: Record<Datum, string> = { WGS84: 'WGS 84', GCJ02: 'GCJ-02', BD09: 'BD-09' };

export type ImportFormat = 'geojson' | 'csv' | 'spreadsheet' | 'kml' | 'kmz' | 'gpx' | 'shapefile';

/** One site of a person's file, as the map and the panel use it. Every value is plain text. */
export interface ImportedSite {
  /** 1-based, in file order: /my-sites/<n> */
  n: number;
  /** the value of the file's name field, if it has one */
  name: string | null;
  /** [lon, lat] in WGS84, after the datum conversion */
  at: [number, number];
  /** the position as the file gave it (in `datum`) */
  original: [number, number];
  /** the file's fields, stringified, aligned with the layer's `fieldNames` (missing at the end: empty) */
  values: string[];
  zone: ZoneId | null;
  /** nearest Line 2 station: id, straight line and walk estimate in metres */
  station: string;
  straightM: number;
  walkM: number;
  /** nearest station of any metro line (Line 2's or another's) and its straight line; absent in layers kept before issue 10 */
  metro?: string;
  metroM?: number;
}

export type ZoneCounts = Record<ZoneId | 'outside', number>;

/** A person's imported file, kept in the browser (IndexedDB) until they remove it. */
export interface ImportedLayer {
  fileName: string;
  format: ImportFormat;
  datum: Datum;
  /** ISO 8601 */
  importedAt: string;
  sites: ImportedSite[];
  counts: ZoneCounts;
  /** features or rows without a usable position, left out (and said so) */
  skipped: number;
  /** the names of the file's fields (CSV columns other than the coordinates, GeoJSON property names) */
  fieldNames: string[];
  /** a table (CSV, spreadsheet): the columns read as longitude / latitude (or both in one) / name */
  columns?: CoordinateColumns;
  /** a text file: the encoding it was read as (GBK for what Excel and WPS write on Chinese Windows) */
  encoding?: TextEncoding;
  /** a GeoJSON file's declared projection, when it was not plain longitude/latitude (converted) or was CGCS2000 */
  crs?: 'EPSG:3857' | 'EPSG:4490';
  /** a spreadsheet: the sheet read, and how many the workbook has */
  sheet?: string;
  sheets?: number;
  /** a table whose header is not its first row (title rows above it): the header's row, 1-based */
  headerRow?: number;
}

/** Why a file was not imported: a code the interface words in both languages, with what it names. */
export type ImportProblemCode =
  | 'empty'
  | 'tooBig'
  | 'tooMany'
  | 'notJson'
  | 'notGeojson'
  | 'noPoints'
  | 'outOfRange'
  | 'noCoordColumns'
  | 'badNumber'
  | 'swapped'
  | 'unknownCrs'
  | 'notXml'
  | 'notSupported'
  | 'zipTooBig'
  | 'unreadable';

export interface ImportProblem {
  code: ImportProblemCode;
  /** filled into the message: line, feature/row number, column names, limits, the checker's words */
  params: Record<string, string | number>;
}

export type ImportOutcome = { layer: ImportedLayer } | { problem: ImportProblem };

/** What the worker needs from the catalog to place each site (sent with the file: the worker holds no data). */
export interface ImportContext {
  zones: { id: ZoneId; geometry: import('geojson').Polygon | import('geojson').MultiPolygon }[];
  stations: { id: string; coordinates: [number, number] }[];
  /** every metro station: Line 2's and the other lines' */
  metroStations: { id: string; coordinates: [number, number] }[];
}
