import { coordinateColumnNames, findColumns, type CoordinateColumns } from './columns';
import { parseCoordinate, parsePair } from './coordinates';
import { ImportFailure } from './problem';
import { checkCount, checkPosition, fieldText, type RawSite } from './raw-site';

/** How far down a sheet its header row may be (a title, a blank row, notes above the table). */
const HEADER_SEARCH_ROWS = 30;

export interface TableSites {
  sites: RawSite[];
  skipped: number;
  columns: CoordinateColumns;
  fieldNames: string[];
  /** 1-based row of the header in the sheet or file (1 unless title rows came first) */
  headerRow: number;
}

const cellText = (cell: unknown) => (cell === null || cell === undefined ? '' : String(cell)).trim();

/**
 * The sites of a table (a CSV's rows, a spreadsheet's sheet): the header row is found, not assumed
 * — the first row among the top 30 that names coordinate columns — so a title row ("长宁区…清单"), a
 * blank row or a note above the table are passed over; rows below it with no coordinates (a "制表"
 * footer, blank rows) are skipped and counted. A cell that is not a coordinate refuses the file and
 * names the row as the person sees it. Latitude and longitude swapped is caught and said, never fixed silently.
 */
export function readTable(rows: readonly (readonly unknown[])[]): TableSites {
  let headerIndex = -1;
  let columns: CoordinateColumns | null = null;
  let headers: string[] = [];
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const candidate = (rows[i] ?? []).map(cellText);
    columns = findColumns(candidate.filter((h) => h !== ''));
    if (columns) {
      headerIndex = i;
      headers = candidate;
      break;
    }
  }
  if (!columns) {
    const firstNonEmpty = rows.slice(0, HEADER_SEARCH_ROWS).map((r) => r.map(cellText).filter((c) => c !== '')).find((r) => r.length > 1) ?? [];
    throw new ImportFailure('noCoordColumns', { columns: firstNonEmpty.slice(0, 12).map((c) => fieldText(c).slice(0, 40)).join(', ') || '—' });
  }
  const body = rows.slice(headerIndex + 1);
  checkCount(body.length);
  const coordinateColumns = coordinateColumnNames(columns);
  const index = (h: string) => headers.indexOf(h);
  const fieldColumns = headers.map((h, i) => ({ h, i })).filter(({ h }) => h !== '' && !coordinateColumns.includes(h));
  const nameAt = columns.name ? index(columns.name) : -1;
  const sites: RawSite[] = [];
  let skipped = 0;
  // Row 1 is the first under the header, as before title rows were passed over.
  const rowNumber = (i: number) => i + 1;
  body.forEach((row, i) => {
    const cells = row.map(cellText);
    // A blank row (a gap before a footer) is no row a person would call left out.
    if (cells.every((c) => c === '')) return;
    let lon: number;
    let lat: number;
    if ('pair' in columns) {
      const cell = cells[index(columns.pair)] ?? '';
      if (cell === '') return void skipped++;
      const pair = parsePair(cell);
      if (!pair) throw new ImportFailure('badNumber', { n: rowNumber(i), lon: fieldText(cell), lat: '' });
      [lon, lat] = pair;
    } else {
      const lonCell = cells[index(columns.lon)] ?? '';
      const latCell = cells[index(columns.lat)] ?? '';
      if (lonCell === '' && latCell === '') return void skipped++;
      lon = parseCoordinate(lonCell);
      lat = parseCoordinate(latCell);
      if (Number.isNaN(lon) || Number.isNaN(lat)) {
        // A footer line ("制表：…", "合计") under the table: text in the first column, no coordinates.
        if (lonCell === '' || latCell === '') return void skipped++;
        throw new ImportFailure('badNumber', { n: rowNumber(i), lon: fieldText(lonCell), lat: fieldText(latCell) });
      }
      // In this part of the world a longitude is over 90 and a latitude under it: the other way round, the columns are swapped.
      if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) throw new ImportFailure('swapped', { lon: columns.lon, lat: columns.lat, n: rowNumber(i), lonValue: fieldText(lonCell), latValue: fieldText(latCell) });
    }
    const name = nameAt >= 0 ? fieldText(cells[nameAt] ?? '') || null : null;
    sites.push({ name, at: checkPosition(lon, lat, { kind: 'row', n: rowNumber(i) }), values: fieldColumns.map(({ i: c }) => fieldText(cells[c] ?? '')) });
  });
  return { sites, skipped, columns, fieldNames: fieldColumns.map(({ h }) => fieldText(h)), headerRow: headerIndex + 1 };
}
