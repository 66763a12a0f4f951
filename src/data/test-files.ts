import { readFileSync } from 'node:fs';
import { parseReport, repairsSchema, type Report } from '../content/parse-report';
import { GEO_FILES } from './validate';

/** For node tests: geo/ files and the report read from disk, as load.ts gets them through Vite. */
export function readGeoFiles(): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(GEO_FILES).map((name) => [name, JSON.parse(readFileSync(new URL(`../../geo/${name}`, import.meta.url), 'utf8'))]),
  );
}

export function readReport(): Report {
  const raw = readFileSync(new URL('../content/report-2023-08.zh.txt', import.meta.url), 'utf8');
  const repairs = repairsSchema.parse(JSON.parse(readFileSync(new URL('../content/report-repairs.json', import.meta.url), 'utf8')));
  return parseReport(raw, repairs);
}
