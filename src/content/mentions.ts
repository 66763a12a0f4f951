import type { ReportParagraph } from './parse-report';

export interface MentionTarget {
  featureId: string;
  terms: string[];
}

export interface Mention {
  featureId: string;
  paragraphId: string;
  term: string;
  /** [start, end) UTF-16 offsets into the paragraph text */
  start: number;
  end: number;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Exact substring matches of every term in every paragraph (all occurrences), sorted by paragraph
 * order, then start. Where matches overlap, only the longest is kept (e.g. "中部片区" wins over
 * "中部" inside it; on equal length the earlier one wins). Matches of the very same span for
 * different features are all kept (one term, several features), in `targets` order.
 */
export function findMentions(
  paragraphs: readonly Pick<ReportParagraph, 'id' | 'text'>[],
  targets: readonly MentionTarget[],
): Mention[] {
  const result: Mention[] = [];
  for (const paragraph of paragraphs) {
    const candidates: (Mention & { order: number })[] = [];
    let order = 0;
    for (const target of targets) {
      for (const term of new Set(target.terms)) {
        if (term.length === 0) continue;
        for (let i = paragraph.text.indexOf(term); i !== -1; i = paragraph.text.indexOf(term, i + 1)) {
          candidates.push({ featureId: target.featureId, paragraphId: paragraph.id, term, start: i, end: i + term.length, order: order++ });
        }
      }
    }
    // longest first, then earliest, then targets order; accept what does not overlap an accepted match
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
    const kept: (Mention & { order: number })[] = [];
    for (const c of candidates) {
      const clash = kept.some((k) => c.start < k.end && k.start < c.end && !(c.start === k.start && c.end === k.end));
      const duplicate = kept.some((k) => k.start === c.start && k.end === c.end && k.featureId === c.featureId);
      if (!clash && !duplicate) kept.push(c);
    }
    kept.sort((a, b) => a.start - b.start || a.order - b.order);
    for (const k of kept) result.push({ featureId: k.featureId, paragraphId: k.paragraphId, term: k.term, start: k.start, end: k.end });
  }
  return result;
}

function checkOffset(text: string, offset: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
    throw new RangeError(`offset ${offset} outside the text (length ${text.length})`);
  }
}

/**
 * The passage of a paragraph that an offset belongs to. A paragraph with several bold spans (the
 * zone paragraph: 其中**东部片区** … **中部片区** … **西部片区** …) is read as passages, each
 * running from one bold span to the next; a mention anywhere inside one (a zone's name, or a place
 * named in that zone's part) gets that passage. Text before the first bold span, and any paragraph
 * with fewer than two bold spans, is the whole paragraph.
 */
export function passageAt(paragraph: Pick<ReportParagraph, 'text' | 'strong'>, offset: number): Span {
  checkOffset(paragraph.text, offset);
  const whole = { start: 0, end: paragraph.text.length };
  if (paragraph.strong.length < 2) return whole;
  const starts = paragraph.strong.map(([s]) => s).sort((a, b) => a - b);
  let i = -1;
  for (let k = 0; k < starts.length; k++) if (starts[k]! <= offset) i = k;
  if (i === -1) return whole;
  return { start: starts[i]!, end: starts[i + 1] ?? paragraph.text.length };
}

const TERMINATORS = '。！？';
const CLOSERS = '”’」』）》';

/**
 * The sentence around `offset`: text is split after 。！？ (plus any closing quotes/brackets right
 * after) and at the end of the text. A terminator belongs to the sentence it ends.
 */
export function sentenceAt(text: string, offset: number): Span & { text: string } {
  checkOffset(text, offset);
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!TERMINATORS.includes(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.includes(text[end]!) || TERMINATORS.includes(text[end]!))) end++;
    ends.push(end);
    i = end - 1;
  }
  if (ends.at(-1) !== text.length) ends.push(text.length);
  let start = 0;
  for (const end of ends) {
    if (offset < end || end === text.length) return { start, end, text: text.slice(start, end) };
    start = end;
  }
  return { start, end: text.length, text: text.slice(start) };
}
