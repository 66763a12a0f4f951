import { read, utils, type WorkBook } from '@e965/xlsx';
import { IMPORT_LIMITS } from './limits';
import { ImportFailure } from './problem';
import { readTable, type TableSites } from './read-table';

/**
 * The sites of a workbook (.xlsx, .xls, .ods; WPS's .et where SheetJS reads it), read with SheetJS
 * 0.20 (its npm `xlsx` 0.18 is stale) and loaded only when such a file arrives: the first sheet whose
 * table names coordinate columns, its header row found under any title rows (read-table.ts). Cells
 * are read as shown (numbers stored as text are numbers to the reader), merged title cells are fine.
 */
export function readSpreadsheet(bytes: Uint8Array): TableSites & { sheet: string; sheets: number } {
  let book: WorkBook;
  try {
    // dense: rows as arrays (less memory for big sheets); no formulas, styles or HTML are kept.
    book = read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: IMPORT_LIMITS.maxFeatures + 31 });
  } catch (e) {
    throw new ImportFailure('unreadable', { message: String((e as Error).message ?? e).slice(0, 200) });
  }
  let first: unknown = null;
  for (const name of book.SheetNames) {
    const rows = utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: false, defval: '', blankrows: true });
    if (!rows.some((r) => r.some((c) => String(c).trim() !== ''))) continue;
    try {
      return { ...readTable(rows), sheet: name, sheets: book.SheetNames.length };
    } catch (e) {
      // A sheet without a coordinate table (a cover sheet, notes): try the next; keep the first sheet's problem.
      if (!(e instanceof ImportFailure) || e.code !== 'noCoordColumns') throw e;
      first ??= e;
    }
  }
  throw first ?? new ImportFailure('noCoordColumns', { columns: '—' });
}
