import { z } from 'zod/mini';

/**
 * Parses the 2023 mid-term evaluation report (markdown-ish plain text) into sections and
 * paragraphs. Every sentence stays verbatim: the only changes are the listed page-break repairs
 * and the removal of markdown markers (`#` on headings, `**` whose spans are kept in `strong`).
 */

export const repairSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** exact text as it is in the file, including the "\n\n" of the page break */
  before: z.string().check(z.minLength(1)),
  /** the joined text: `before` with the break removed, nothing else changed */
  after: z.string(),
  why: z.string().check(z.minLength(1)),
});
export type Repair = z.infer<typeof repairSchema>;
export const repairsSchema = z.array(repairSchema);

export interface ReportSection {
  /** "s1", "s1-1", … from the numbering (一 → 1, （二） → 2) */
  id: string;
  /** 1 = 一、…  2 = （一）… — from the numbering, not from the number of '#' */
  level: number;
  /** "一" for level 1, "（一）" for level 2 */
  number: string;
  /** heading text verbatim (including its number), markdown '#' and '**' stripped */
  title: string;
  parentId?: string;
}

export interface ReportParagraph {
  /** "s1-1-p1", "s3-p2", … numbered within the section */
  id: string;
  sectionId: string;
  /** 1-based position within the section */
  index: number;
  /** verbatim, markdown '**' markers removed */
  text: string;
  /** [start, end) UTF-16 offsets into `text` of the spans the source set in bold, in order */
  strong: [number, number][];
}

export interface Report {
  title: string;
  author: string;
  date: string;
  sections: ReportSection[];
  paragraphs: ReportParagraph[];
  repairsApplied: string[];
}

const PAGE_BREAK = '\n\n';
const NUMERALS = '一二三四五六七八九十';
const LEVEL1 = new RegExp(`^([${NUMERALS}]+)、`);
const LEVEL2 = new RegExp(`^（([${NUMERALS}]+)）`);
const DATE = /^\d{4}年\d{1,2}月(?:\d{1,2}日)?$/;

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) count++;
  return count;
}

/**
 * Applies each repair in order. A repair must match exactly once in the text (as it is after the
 * previous repairs) and may only remove one "\n\n" page break; otherwise this throws, naming it.
 */
export function applyRepairs(raw: string, repairs: readonly Repair[]): { text: string; applied: string[] } {
  let text = raw;
  const applied: string[] = [];
  const seen = new Set<string>();
  for (const repair of repairs) {
    if (seen.has(repair.id)) throw new Error(`repair ${repair.id}: duplicate id`);
    seen.add(repair.id);
    if (countOccurrences(repair.before, PAGE_BREAK) !== 1 || repair.before.replace(PAGE_BREAK, '') !== repair.after) {
      throw new Error(`repair ${repair.id}: "after" must be "before" with exactly one "\\n\\n" removed and nothing else changed`);
    }
    const n = countOccurrences(text, repair.before);
    if (n !== 1) {
      throw new Error(`repair ${repair.id}: "before" must match exactly once in the report, found ${n} matches`);
    }
    text = text.replace(repair.before, () => repair.after);
    applied.push(repair.id);
  }
  return { text, applied };
}

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (enough for report numbering) */
export function chineseNumeralToInt(numeral: string): number {
  const digit = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(numeral);
  if (!m || numeral === '') throw new Error(`not a Chinese numeral: ${numeral}`);
  const [, tensOrUnit, ten, unit] = m;
  if (!ten) {
    if (unit || !tensOrUnit) throw new Error(`not a Chinese numeral: ${numeral}`);
    return digit(tensOrUnit);
  }
  return (tensOrUnit ? digit(tensOrUnit) : 1) * 10 + (unit ? digit(unit) : 0);
}

/** Removes `**` markers, returning the plain text and the bold spans (offsets into the plain text). */
export function stripStrong(source: string, where = 'text'): { text: string; strong: [number, number][] } {
  const parts = source.split('**');
  if (parts.length % 2 === 0) throw new Error(`unbalanced "**" in ${where}: ${source.slice(0, 40)}…`);
  let text = '';
  const strong: [number, number][] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1 && part.length > 0) strong.push([text.length, text.length + part.length]);
    text += part;
  });
  return { text, strong };
}

interface Block {
  text: string;
  line: number;
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { lines: string[]; line: number } | undefined;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      if (current) blocks.push({ text: current.lines.join('\n'), line: current.line });
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { lines: [line], line: i + 1 };
    }
  });
  if (current) blocks.push({ text: current.lines.join('\n'), line: current.line });
  return blocks;
}

/**
 * Applies the repairs, then parses the report. Headings ('#'…) are classified by their numbering:
 * "一、" → level 1, "（一）" → level 2; the single "# " heading is the title. The last two blocks are
 * the signature (author, then a date like "2023年8月"). Everything else is a paragraph.
 */
export function parseReport(raw: string, repairs: readonly Repair[]): Report {
  const { text, applied } = applyRepairs(raw, repairs);
  const blocks = splitBlocks(text);

  // signature: "<author>\n\n<date>" closes the file
  const dateBlock = blocks.at(-1);
  const authorBlock = blocks.at(-2);
  if (!dateBlock || !DATE.test(dateBlock.text.trim())) {
    throw new Error(`report must end with a date line like "2023年8月", found: ${dateBlock?.text ?? '(nothing)'}`);
  }
  if (!authorBlock || authorBlock.text.startsWith('#') || /[。：，*\n]/.test(authorBlock.text)) {
    throw new Error(`report must end with an author line before the date, found: ${authorBlock?.text ?? '(nothing)'}`);
  }
  const date = dateBlock.text.trim();
  const author = authorBlock.text.trim();

  let title: string | undefined;
  const sections: ReportSection[] = [];
  const paragraphs: ReportParagraph[] = [];
  let level1: ReportSection | undefined;
  let current: ReportSection | undefined;
  const paragraphCount = new Map<string, number>();

  for (const block of blocks.slice(0, -2)) {
    const heading = /^(#+)\s+(.*)$/.exec(block.text);
    if (heading) {
      const hashes = heading[1]!;
      const { text: headingText } = stripStrong(heading[2]!.trim(), `heading on line ${block.line}`);
      if (hashes.length === 1) {
        if (title !== undefined) throw new Error(`second "# " title heading on line ${block.line}`);
        if (sections.length > 0) throw new Error(`title heading on line ${block.line} after the first section`);
        title = headingText;
        continue;
      }
      const m1 = LEVEL1.exec(headingText);
      const m2 = LEVEL2.exec(headingText);
      if (m1) {
        const n = chineseNumeralToInt(m1[1]!);
        const expected = (level1 ? Number(level1.id.slice(1)) : 0) + 1;
        if (n !== expected) throw new Error(`heading "${headingText}" on line ${block.line}: expected section ${expected}`);
        level1 = { id: `s${n}`, level: 1, number: m1[1]!, title: headingText };
        current = level1;
        sections.push(level1);
      } else if (m2) {
        if (!level1) throw new Error(`heading "${headingText}" on line ${block.line} comes before any 一、 section`);
        const n = chineseNumeralToInt(m2[1]!);
        const siblings = sections.filter((s) => s.parentId === level1!.id).length;
        if (n !== siblings + 1) throw new Error(`heading "${headingText}" on line ${block.line}: expected （${siblings + 1}）`);
        current = { id: `${level1.id}-${n}`, level: 2, number: m2[0]!, title: headingText, parentId: level1.id };
        sections.push(current);
      } else {
        throw new Error(`heading on line ${block.line} has no 一、 / （一） numbering: ${headingText}`);
      }
      continue;
    }

    if (block.text.includes('\n')) throw new Error(`unexpected single line break inside the paragraph on line ${block.line}`);
    if (!current) throw new Error(`paragraph on line ${block.line} comes before any section`);
    const { text: paragraphText, strong } = stripStrong(block.text, `paragraph on line ${block.line}`);
    if (paragraphText.includes('#')) throw new Error(`stray "#" in the paragraph on line ${block.line}`);
    const index = (paragraphCount.get(current.id) ?? 0) + 1;
    paragraphCount.set(current.id, index);
    paragraphs.push({ id: `${current.id}-p${index}`, sectionId: current.id, index, text: paragraphText, strong });
  }

  if (title === undefined) throw new Error('report has no "# " title heading');
  return { title, author, date, sections, paragraphs, repairsApplied: applied };
}
