import { z } from 'zod/mini';
import { indicators as validated } from 'virtual:authored-data/indicators';
import { ContentDataError, parseList, slugSchema, textSchema } from './content-data';
import type { Report } from './parse-report';

const FILE = 'indicators.json';

/**
 * One key figure of the report. The number lives here once; `quote` is the exact span of the
 * paragraph it comes from, so the figure can always be traced back to the report's own words.
 */
export const indicatorSchema = z.strictObject({
  id: slugSchema,
  /** the figure as a number: 5800 for "5800 余家", 0.25 for "超过四分之一" */
  value: z.number(),
  /** how the report bounds the number: "余" / "超过" → more-than, "约" → about */
  qualifier: z.enum(['exact', 'more-than', 'about']),
  /** the year the figure describes, only where the report says so (e.g. "2022年，…") */
  year: z.optional(z.int()),
  /** the figure as shown on a card, e.g. "5,800+", "+32%", "约 5,000" */
  display_zh: textSchema(),
  display_en: textSchema(),
  unit_zh: textSchema(),
  unit_en: textSchema(),
  /** the period shown on the card: the stated year, else the report's window */
  period_zh: textSchema(),
  period_en: textSchema(),
  /** what the figure measures — the map team's words, not the report's */
  measure_zh: textSchema(),
  measure_en: textSchema(),
  paragraph_id: textSchema(),
  /** copied character for character from the paragraph's text (after the page-break repairs) */
  quote: textSchema(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * Validates the indicator data and checks it against the report: every paragraph exists, every
 * quote is a verbatim substring of its paragraph, a stated year occurs in the quote. Throws a
 * ContentDataError naming the indicator id.
 */
export function loadIndicators(data: unknown, source: Pick<Report, 'paragraphs'>): Indicator[] {
  const list = parseList(FILE, indicatorSchema, data);
  const paragraphs = new Map(source.paragraphs.map((p) => [p.id, p]));
  for (const ind of list) {
    const paragraph = paragraphs.get(ind.paragraph_id);
    if (!paragraph) throw new ContentDataError(FILE, ind.id, `paragraph "${ind.paragraph_id}" is not in the report`);
    if (!paragraph.text.includes(ind.quote)) {
      throw new ContentDataError(FILE, ind.id, `quote "${ind.quote}" does not occur verbatim in paragraph ${ind.paragraph_id}`);
    }
    if (ind.year !== undefined && !ind.quote.includes(`${ind.year}年`)) {
      throw new ContentDataError(FILE, ind.id, `year ${ind.year} is not stated in the quote`);
    }
  }
  return list;
}

/** The report's key figures, validated against the parsed report when the app was built (loadIndicators). */
export const indicators: readonly Indicator[] = validated;
export const indicatorById: ReadonlyMap<string, Indicator> = new Map(indicators.map((i) => [i.id, i]));
