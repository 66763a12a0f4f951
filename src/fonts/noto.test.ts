import { describe, expect, it } from 'vitest';
import { mapFontFaces, MAP_FONT } from '../map/font-faces';
import { NOTO_SANS_400, NOTO_SANS_SC_400, NOTO_SANS_SC_FALLBACK_400 } from './noto';
import { parseUnicodeRange, runsCover, subtractRuns } from './unicode-ranges';

describe('the interface and map fonts', () => {
  const subset = parseUnicodeRange(NOTO_SANS_SC_400.unicodeRange);

  it('serve the app’s Chinese from one subset file, with its exact range', () => {
    expect(NOTO_SANS_SC_400.url).toMatch(/noto-sans-sc-subset|@zjcn-font-subset\//);
    for (const entry of NOTO_SANS_SC_400.unicodeRange) expect(entry).toMatch(/^U\+[0-9a-f]{1,6}(-[0-9a-f]{1,6})?$/);
    for (const ch of '张江长宁园东部片区。（）') expect(runsCover(subset, ch.codePointAt(0)!), ch).toBe(true);
  });

  it('keep fontsource’s chunks as a fallback that never holds a subset character', () => {
    expect(NOTO_SANS_SC_FALLBACK_400.length).toBeGreaterThan(80);
    for (const f of NOTO_SANS_SC_FALLBACK_400) {
      expect(f.url).toMatch(/noto-sans-sc-\d+-400-normal/);
      const runs = parseUnicodeRange(f.unicodeRange);
      expect(subtractRuns(runs, subset)).toEqual(runs);
    }
  });

  it('give the map Latin first, then the subset, then the fallback (MapLibre takes the first file that covers a character)', () => {
    const faces = mapFontFaces()[MAP_FONT] as { url: string; 'unicode-range': string[] }[];
    expect(faces.map((f) => f.url)).toEqual([...NOTO_SANS_400, NOTO_SANS_SC_400, ...NOTO_SANS_SC_FALLBACK_400].map((f) => f.url));
  });
});
