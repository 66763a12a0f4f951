import { report as parsed } from 'virtual:authored-data';
import type { Report } from './parse-report';

export type { Report, ReportParagraph, ReportSection, Repair } from './parse-report';

/**
 * The 2023-08 mid-term evaluation report (verbatim text, page-break repairs applied), parsed and
 * checked when the app was built (scripts/vite-plugin-authored-data.ts runs parseReport).
 */
export const report: Report = parsed;
