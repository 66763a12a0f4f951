import { getShapefile } from 'shpjs';
import type { Feature } from 'geojson';
import { isUtf8, type TextEncoding } from './decode-text';
import { ImportFailure } from './problem';
import { readFeatures } from './read-geojson';
import { zipEntry } from './zip-entries';

/**
 * The sites of a zipped shapefile (the .shp, .dbf, .prj, .cpg a GIS colleague sends), with shpjs:
 * the first layer in the zip; reprojected to longitude/latitude by its .prj (proj4); its attribute
 * text decoded by its .cpg, or — with none — as UTF-8 when it is UTF-8, else GBK (GB18030).
 * `names` are the zip's entries (already checked against the unpacking limits).
 */
export async function readShapefile(bytes: Uint8Array, names: string[]): Promise<ReturnType<typeof readFeatures> & { encoding?: TextEncoding }> {
  const shpName = names.filter((n) => !n.includes('__MACOSX')).find((n) => /\.shp$/i.test(n));
  if (!shpName) throw new ImportFailure('notSupported', { kind: 'zip' });
  const base = shpName.slice(0, -4);
  const sibling = (ext: string) => names.find((n) => n.toLowerCase() === `${base}.${ext}`.toLowerCase());
  const get = (ext: string) => {
    const name = sibling(ext);
    return name ? zipEntry(bytes, name) : null;
  };
  const dbf = get('dbf');
  const prj = get('prj');
  const cpg = get('cpg');
  const cpgText = cpg ? new TextDecoder().decode(cpg).trim() : null;
  // The records' text starts after the dbf header (its length is at byte 8); without a .cpg, ArcGIS in China usually wrote GBK.
  const encoding = cpgText ?? (dbf && !isUtf8(dbf.subarray(new DataView(dbf.buffer, dbf.byteOffset).getUint16(8, true))) ? 'gb18030' : 'utf-8');
  let collection: { features: Feature[] };
  try {
    collection = (await getShapefile({ shp: zipEntry(bytes, shpName), dbf: dbf ?? undefined, cpg: encoding, prj: prj ? new TextDecoder().decode(prj) : undefined })) as unknown as { features: Feature[] };
  } catch (e) {
    throw new ImportFailure('unreadable', { message: `shapefile: ${String((e as Error).message ?? e).slice(0, 160)}` });
  }
  // Named as the panel names encodings; a .cpg naming another code page is used, not named.
  const shown: TextEncoding | undefined = /^(gb18030|gbk|gb2312|936|cp936)$/i.test(encoding) ? 'GBK' : /^utf-?8$/i.test(encoding) ? 'UTF-8' : undefined;
  return { ...readFeatures(collection.features), ...(shown ? { encoding: shown } : {}) };
}
