/**
 * CSS `unicode-range` lists, as the font subset build step writes them and the app reads them:
 * pure functions, shared by scripts/vite-plugin-font-subset.ts (at build time) and src/fonts/noto.ts.
 */

/** An inclusive run of codepoints. */
export type CodePointRange = [start: number, end: number];

const hex = (n: number) => n.toString(16);

/** `U+4E00`, `U+4E00-4E0F` or `U+4E??` entries → sorted, merged runs; throws on anything else. */
export function parseUnicodeRange(entries: readonly string[]): CodePointRange[] {
  const runs = entries.flatMap((raw) =>
    raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ).map((entry): CodePointRange => {
    const wildcard = /^u\+([0-9a-f]*)(\?+)$/i.exec(entry);
    if (wildcard) return [parseInt(wildcard[1] + '0'.repeat(wildcard[2]!.length), 16), parseInt(wildcard[1] + 'f'.repeat(wildcard[2]!.length), 16)];
    const m = /^u\+([0-9a-f]{1,6})(?:-([0-9a-f]{1,6}))?$/i.exec(entry);
    if (!m) throw new Error(`unicode-range: cannot read "${entry}"`);
    return [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)];
  });
  return mergeRuns(runs);
}

function mergeRuns(runs: CodePointRange[]): CodePointRange[] {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const out: CodePointRange[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Codepoints → runs of consecutive ones. */
export function toRuns(codePoints: Iterable<number>): CodePointRange[] {
  return mergeRuns([...codePoints].map((c): CodePointRange => [c, c]));
}

/** Runs → compact `unicode-range` entries: `U+4e2d`, `U+4e00-4e03`. */
export function formatUnicodeRange(runs: readonly CodePointRange[]): string[] {
  return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`));
}

/** Whether a sorted, merged list of runs holds a codepoint (binary search). */
export function runsCover(runs: readonly CodePointRange[], codePoint: number): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = runs[mid]!;
    if (codePoint < a) hi = mid - 1;
    else if (codePoint > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The runs of `runs` with every codepoint of `minus` taken out. */
export function subtractRuns(runs: readonly CodePointRange[], minus: readonly CodePointRange[]): CodePointRange[] {
  const out: CodePointRange[] = [];
  let j = 0;
  for (const [start, end] of runs) {
    let a = start;
    while (j < minus.length && minus[j]![1] < a) j++;
    let k = j;
    while (a <= end) {
      const m = minus[k];
      if (!m || m[0] > end) {
        out.push([a, end]);
        break;
      }
      if (m[0] > a) out.push([a, m[0] - 1]);
      a = Math.max(a, m[1] + 1);
      k++;
    }
  }
  return out;
}

/**
 * Runs packed for shipping: each run as the gap from the previous run's end and, if longer than
 * one codepoint, `.` and its length − 1, in base 36, joined by `,`. fontsource's Noto Sans SC
 * table packs from ~76 KB (30 KB gzip) to ~32 KB (~10 KB gzip).
 */
export function packRuns(runs: readonly CodePointRange[]): string {
  let prev = 0;
  return runs
    .map(([a, b]) => {
      const s = (a - prev).toString(36) + (b > a ? '.' + (b - a).toString(36) : '');
      prev = b;
      return s;
    })
    .join(',');
}

export function unpackRuns(packed: string): CodePointRange[] {
  if (!packed) return [];
  let prev = 0;
  return packed.split(',').map((s): CodePointRange => {
    const [gap, len] = s.split('.');
    const a = prev + parseInt(gap!, 36);
    prev = a + (len ? parseInt(len, 36) : 0);
    return [a, prev];
  });
}
