export interface TextSegment {
  text: string;
  strong: boolean;
  mark: boolean;
  /** index into `marks` of the mark covering this run, when marked */
  markIndex?: number;
}

type Range = readonly [number, number] | { start: number; end: number };
const pair = (r: Range): [number, number] => ('start' in r ? [r.start, r.end] : [r[0], r[1]]);

/**
 * Cuts text[start, end) into runs that share the same emphasis: the report's own bold spans
 * (strong) and the mentions to highlight (mark), so a component can render them without
 * touching offsets.
 */
export function segmentText(text: string, start: number, end: number, strong: readonly Range[], marks: readonly Range[]): TextSegment[] {
  const s = strong.map(pair);
  const m = marks.map(pair);
  const cuts = new Set([start, end]);
  for (const [a, b] of [...s, ...m]) {
    if (a > start && a < end) cuts.add(a);
    if (b > start && b < end) cuts.add(b);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const inside = (ranges: [number, number][], at: number) => ranges.some(([a, b]) => at >= a && at < b);
  const markAt = (at: number) => m.findIndex(([a, b]) => at >= a && at < b);
  const out: TextSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (a === b) continue;
    const index = markAt(a);
    const seg: TextSegment = { text: text.slice(a, b), strong: inside(s, a), mark: index >= 0 };
    if (index >= 0) seg.markIndex = index;
    const last = out[out.length - 1];
    if (last && last.strong === seg.strong && last.mark === seg.mark && last.markIndex === seg.markIndex) last.text += seg.text;
    else out.push(seg);
  }
  return out;
}
