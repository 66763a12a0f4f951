import Papa from 'papaparse';
import { readTable, type TableSites } from './read-table';

/**
 * The sites of a CSV, TSV or semicolon file (papaparse finds the delimiter), read as a table: its
 * header row found, its coordinate columns found by name (read-table.ts).
 */
export function readCSV(text: string): TableSites {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' });
  return readTable(parsed.data);
}
