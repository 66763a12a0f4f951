import { describe, expect, it } from 'vitest';
import scTable from '@fontsource/noto-sans-sc/unicode.json';
import { formatUnicodeRange, packRuns, parseUnicodeRange, runsCover, subtractRuns, toRuns, unpackRuns } from './unicode-ranges';

describe('unicode-range lists', () => {
  it('reads single codepoints, ranges and wildcards, sorted and merged', () => {
    expect(parseUnicodeRange(['U+4E01', 'u+4e00', 'U+4E02-4E05,U+30??', 'U+3100'])).toEqual([
      [0x3000, 0x3100],
      [0x4e00, 0x4e05],
    ]);
    expect(() => parseUnicodeRange(['4E00'])).toThrow(/4E00/);
  });

  it('writes runs as compact ranges', () => {
    expect(formatUnicodeRange(toRuns([0x4e2d, 0x4e00, 0x4e01, 0x4e02, 0x3002]))).toEqual(['U+3002', 'U+4e00-4e02', 'U+4e2d']);
  });

  it('finds a codepoint in runs', () => {
    const runs = toRuns([1, 2, 3, 10, 20, 21]);
    expect([0, 1, 3, 4, 10, 19, 21, 22].map((c) => runsCover(runs, c))).toEqual([false, true, true, false, true, false, true, false]);
  });

  it('takes one set of runs out of another', () => {
    expect(subtractRuns([[0, 10], [20, 30], [40, 40]], [[0, 2], [5, 5], [10, 22], [40, 40]])).toEqual([[3, 4], [6, 9], [23, 30]]);
    expect(subtractRuns([[5, 9]], [])).toEqual([[5, 9]]);
    expect(subtractRuns([[5, 9]], [[0, 100]])).toEqual([]);
  });

  it('packs and unpacks fontsource’s Noto Sans SC table without loss, to under half its size', () => {
    const chunks = Object.entries(scTable as Record<string, string>).filter(([k]) => k.startsWith('['));
    let raw = 0;
    let packed = 0;
    for (const [, range] of chunks) {
      const runs = parseUnicodeRange([range]);
      const p = packRuns(runs);
      expect(unpackRuns(p)).toEqual(runs);
      raw += range.length;
      packed += p.length;
    }
    expect(packed).toBeLessThan(raw / 2);
    expect(unpackRuns('')).toEqual([]);
  });
});
