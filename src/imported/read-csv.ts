import Papa from 'papaparse';
import { findColumns, type CoordinateColumns } from './columns';
import { ImportFailure } from './problem';
import { checkCount, checkPosition, fieldText, type RawSite } from './raw-site';

/** A number as people write it in a sheet: spaces around it, a trailing degree sign. */
const numberOf = (cell: string) => Number(cell.trim().replace(/[°º]$/, ''));

/**
 * The sites of a CSV or TSV (papaparse finds the delimiter), with their coordinate columns found
 * by name. A row whose coordinates are both empty is skipped; a cell that is not a number, or a
 * position off the Earth, refuses the file and names the row (row 1 is the first under the header).
 */
export function readCSV(text: string): { sites: RawSite[]; skipped: number; columns: CoordinateColumns; fieldNames: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  const headers = (parsed.meta.fields ?? []).filter((h) => h !== '');
  const columns = findColumns(headers);
  if (!columns) throw new ImportFailure('noCoordColumns', { columns: headers.slice(0, 12).join(', ') || '—' });
  checkCount(parsed.data.length);
  const fieldNames = headers.filter((h) => h !== columns.lon && h !== columns.lat);
  const sites: RawSite[] = [];
  let skipped = 0;
  parsed.data.forEach((row, i) => {
    const lonCell = row[columns.lon] ?? '';
    const latCell = row[columns.lat] ?? '';
    if (lonCell.trim() === '' && latCell.trim() === '') return void skipped++;
    const lon = numberOf(lonCell);
    const lat = numberOf(latCell);
    if (Number.isNaN(lon) || Number.isNaN(lat) || lonCell.trim() === '' || latCell.trim() === '') {
      throw new ImportFailure('badNumber', { n: i + 1, lon: fieldText(lonCell), lat: fieldText(latCell) });
    }
    const name = columns.name ? fieldText(row[columns.name] ?? '').trim() || null : null;
    sites.push({ name, at: checkPosition(lon, lat, { kind: 'row', n: i + 1 }), values: fieldNames.map((h) => fieldText(row[h] ?? '')) });
  });
  return { sites, skipped, columns, fieldNames: fieldNames.map(fieldText) };
}
