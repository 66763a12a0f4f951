// @font-chars matched-not-shown: the Chinese here (datum names in headers) is matched against a person's file, never shown.
import { decodeText } from './decode-text';
import { fileKind } from './file-kind';
import type { Datum } from './types';
import { xmlFormatOf } from './xml-format';

/** Why the dialog suggests a coordinate system, said to the person (i18n key under imported.hint). */
export type HintReason = 'format' | 'header' | 'amapFields';
export interface DatumHint {
  datum: Datum;
  reason: HintReason;
  /** what in the file says so: a format name, a column name */
  evidence: string;
}

const GCJ = /gcj|火星|高德|amap|腾讯|tencent|qq地图/i;
const BD = /bd[-_ ]?0?9|百度|baidu|^bd[_-]?(lng|lon|lat|x|y)$|bd_?(lng|lon|lat)/i;
const WGS = /wgs[-_ ]?84|gps|cgcs2000|天地图|epsg[:_]?4326|epsg[:_]?4490/i;
/** fields of an Amap (高德) POI export: its coordinates are GCJ-02 */
const AMAP_FIELDS = ['adcode', 'pname', 'cityname', 'adname', 'typecode', 'biz_type'];

/**
 * A suggestion for the file's coordinate system, from what the file itself says — never a silent
 * default: KML, GPX and GeoJSON are WGS 84 by their format; a table's header that names a datum
 * (`经度(GCJ-02)`, `bd_lng`, `WGS84_lon`) or Amap's POI export fields (`adcode`, `pname`) say it.
 * `head` is the file's first bytes (enough for its header row). Null when the file says nothing.
 */
export function datumHint(fileName: string, head: Uint8Array): DatumHint | null {
  const kind = fileKind(head);
  if (kind === 'zip' && /\.kmz$/i.test(fileName)) return { datum: 'WGS84', reason: 'format', evidence: 'KMZ' };
  if (kind !== 'text') return null;
  const text = decodeText(head).text.replace(/^\uFEFF/, '');
  const xml = /^\s*</.test(text) ? xmlFormatOf(text) : null;
  if (xml) return { datum: 'WGS84', reason: 'format', evidence: xml.toUpperCase() };
  if (/^\s*[[{]/.test(text) || /\.(geo)?json$/i.test(fileName)) return { datum: 'WGS84', reason: 'format', evidence: 'GeoJSON' };
  // A table: the first lines that name columns (a title row may come first).
  for (const line of text.split(/\r?\n/).slice(0, 30)) {
    const cells = line.split(/[,\t;]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    const coordinateCell = (c: string) => /经|纬|lon|lng|lat|坐标|[xy]$/i.test(c);
    for (const cell of cells.filter(coordinateCell)) {
      if (BD.test(cell)) return { datum: 'BD09', reason: 'header', evidence: cell };
      if (GCJ.test(cell)) return { datum: 'GCJ02', reason: 'header', evidence: cell };
      if (WGS.test(cell)) return { datum: 'WGS84', reason: 'header', evidence: cell };
    }
    const amap = cells.filter((c) => AMAP_FIELDS.includes(c.toLowerCase()));
    if (amap.length >= 2) return { datum: 'GCJ02', reason: 'amapFields', evidence: amap.join(', ') };
  }
  return null;
}
