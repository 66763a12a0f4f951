import { describe, expect, it } from 'vitest';
import { mapFontFaces, MAP_FONT } from '../map/font-faces';
import { fontFaceCss, firstViewFonts } from './font-face-css';
import { NOTO_SANS_SC_FALLBACK_400 } from './fallback-fonts';
import { NOTO_SANS_400, NOTO_SANS_SC_400, NOTO_SANS_SC_CORE_400, NOTO_SANS_SC_PROSE_400 } from './noto';
import { parseUnicodeRange, runsCover, subtractRuns } from './unicode-ranges';

describe('the interface and map fonts', () => {
  const [core] = NOTO_SANS_SC_CORE_400;
  const [prose] = NOTO_SANS_SC_PROSE_400;
  const coreRuns = parseUnicodeRange(core!.unicodeRange);
  const proseRuns = parseUnicodeRange(prose!.unicodeRange);
  const covers = (ch: string) => [coreRuns, proseRuns].filter((runs) => runsCover(runs, ch.codePointAt(0)!)).length;

  it('serve the app’s Chinese from two subset files, core and prose, each with its exact range', () => {
    expect(NOTO_SANS_SC_CORE_400).toHaveLength(1);
    expect(NOTO_SANS_SC_PROSE_400).toHaveLength(1);
    expect(NOTO_SANS_SC_400).toEqual([core, prose]);
    expect(core!.url).toMatch(/noto-sans-sc-subset-core|@zjcn-font-subset\//);
    expect(prose!.url).toMatch(/noto-sans-sc-subset-prose|@zjcn-font-subset\//);
    expect(core!.url).not.toBe(prose!.url);
    for (const f of NOTO_SANS_SC_400) for (const entry of f.unicodeRange) expect(entry).toMatch(/^U\+[0-9a-f]{1,6}(-[0-9a-f]{1,6})?$/);
    // The two never overlap: each character is drawn from one file.
    expect(subtractRuns(coreRuns, proseRuns)).toEqual(coreRuns);
  });

  it('put what the map and the overview show in the core: names, messages, the report’s title and author', () => {
    // 张江长宁园 (zone names), 搜 (the search button), 委员 (长宁区科学技术委员会, cited in every footer), ︵ (vertical form)
    for (const ch of '张江长宁园东部片区搜委员。（）︵') {
      expect(runsCover(coreRuns, ch.codePointAt(0)!), ch).toBe(true);
      expect(covers(ch), ch).toBe(1);
    }
    // Only the report's prose has these.
    for (const ch of '深缴钳') {
      expect(runsCover(proseRuns, ch.codePointAt(0)!), ch).toBe(true);
      expect(covers(ch), ch).toBe(1);
    }
  });

  it('keep fontsource’s chunks as a fallback that never holds a subset character', () => {
    expect(NOTO_SANS_SC_FALLBACK_400.length).toBeGreaterThan(80);
    for (const f of NOTO_SANS_SC_FALLBACK_400) {
      expect(f.url).toMatch(/noto-sans-sc-\d+-400-normal/);
      const runs = parseUnicodeRange(f.unicodeRange);
      expect(subtractRuns(subtractRuns(runs, coreRuns), proseRuns)).toEqual(runs);
    }
  });

  it('give the map Latin first, then the core and the prose (MapLibre takes the first file that covers a character)', () => {
    const faces = mapFontFaces()[MAP_FONT] as { url: string; 'unicode-range': string[] }[];
    expect(faces.map((f) => f.url)).toEqual([...NOTO_SANS_400, core!, prose!].map((f) => f.url));
    expect(faces[NOTO_SANS_400.length]!['unicode-range']).toEqual(core!.unicodeRange);
  });

  it('declare both files in a prerendered page’s CSS, and preload only the core', () => {
    const css = fontFaceCss();
    for (const f of [core!, prose!]) {
      expect(css).toContain(`font-family:"Noto Sans SC";src:url(${f.url}) format("woff2");font-weight:400;font-display:swap;unicode-range:${f.unicodeRange.join(',')}}`);
    }
    expect(css).not.toContain('Fallback');
    const preload = firstViewFonts();
    expect(preload).toContain(core!.url);
    expect(preload).not.toContain(prose!.url);
  });
});
