/// <reference types="vite/client" />
import raw from './report-2023-08.zh.txt?raw';
import repairsJson from './report-repairs.json';
import { parseReport, repairsSchema, type Report } from './parse-report';

export type { Report, ReportParagraph, ReportSection, Repair } from './parse-report';

/** The 2023-08 mid-term evaluation report, parsed once (verbatim text, page-break repairs applied). */
export const report: Report = parseReport(raw, repairsSchema.parse(repairsJson));
