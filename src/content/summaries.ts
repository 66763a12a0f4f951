import { z } from 'zod/mini';
import { summaries as validated } from 'virtual:authored-data/summaries';
import { ContentDataError, parseRecord, textSchema } from './content-data';
import type { Report } from './parse-report';

const FILE = 'summaries.en.json';

/**
 * An English title and a short English summary of one report section, written by the map team in
 * plain English — not a translation of the report's words (the UI says so wherever it shows one).
 */
export const sectionSummarySchema = z.strictObject({
  title_en: textSchema(),
  /** 1–3 sentences */
  summary_en: textSchema(),
});
export type SectionSummary = z.infer<typeof sectionSummarySchema>;

/**
 * Validates the summaries and checks that they cover exactly the report's sections: throws a
 * ContentDataError naming a section without a summary, or a summary for no section.
 */
export function loadSummaries(data: unknown, source: Pick<Report, 'sections'>): Readonly<Record<string, SectionSummary>> {
  const summaries = parseRecord(FILE, sectionSummarySchema, data);
  const sectionIds = new Set(source.sections.map((s) => s.id));
  for (const id of sectionIds) {
    if (!(id in summaries)) throw new ContentDataError(FILE, id, 'section of the report has no summary');
  }
  for (const id of Object.keys(summaries)) {
    if (!sectionIds.has(id)) throw new ContentDataError(FILE, id, 'no section of the report has this id');
  }
  return summaries;
}

/** English title and summary by report section id ("s1", "s1-1", … "s3"), checked when the app was built (loadSummaries). */
export const summaries: Readonly<Record<string, SectionSummary>> = validated;
