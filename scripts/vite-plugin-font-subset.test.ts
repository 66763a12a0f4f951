import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, runsCover, subtractRuns } from '../src/fonts/unicode-ranges';
import { assertCovers, buildFontSubset, FONT_SUBSET_DEFAULTS, fontCodePoints } from './vite-plugin-font-subset';

const root = resolve(import.meta.dirname, '..');
const cp = (ch: string) => ch.codePointAt(0)!;

describe('the Noto Sans SC subset', () => {
  // Cut once (~2–4 s) or read from node_modules/.cache/zjcn-font-subset.
  const subset = buildFontSubset(root, FONT_SUBSET_DEFAULTS);

  it('holds every non-Latin character of the app, and no Latin one', { timeout: 60_000 }, async () => {
    const { runs, count, woff2 } = await subset;
    for (const ch of '深缴茅禺搜，。（）︵《》') expect(runsCover(runs, cp(ch)), ch).toBe(true);
    for (const ch of 'Aa1 é—“”·') expect(runsCover(runs, cp(ch)), ch).toBe(false);
    const has = await fontCodePoints(woff2);
    for (const [a, b] of runs) for (let c = a; c <= b; c++) expect(has.has(c), `U+${c.toString(16)}`).toBe(true);
    // HarfBuzz adds the bidi mirror of a bracket it keeps (」 brings 「), nothing more.
    expect(has.size - count).toBeLessThan(10);
    expect(count).toBeGreaterThan(700);
    expect(woff2.subarray(0, 4).toString('latin1')).toBe('wOF2');
  });

  it('leaves the fallback chunks only the characters it lacks', { timeout: 60_000 }, async () => {
    const { runs, fallback } = await subset;
    expect(fallback.length).toBeGreaterThan(80);
    for (const f of fallback) expect(subtractRuns(f.runs, runs)).toEqual(f.runs);
    // 深 was in a chunk; now only the subset has it.
    expect(fallback.some((f) => runsCover(f.runs, cp('深')))).toBe(false);
  });

  it('fails the build, naming each character and its file, when a font lacks one', { timeout: 60_000 }, async () => {
    const ttf = readFileSync(resolve(root, FONT_SUBSET_DEFAULTS.sourceFont));
    const tiny = await subsetFont(ttf, '长宁', { targetFormat: 'woff2' });
    await expect(assertCovers(tiny, new Map([[cp('长'), 'a'], [cp('园'), 'geo/zones.geojson']]), 'the subset')).rejects.toThrow(
      /1 character\(s\) of the app's content missing from the subset:\n {2}园 U\+56ED \(geo\/zones\.geojson\)/,
    );
    await expect(assertCovers(tiny, new Map([[cp('长'), 'a']]), 'the subset')).resolves.toBeUndefined();
  });

  it('keeps Latin on Noto Sans: the subset takes nothing in its ranges', async () => {
    const { runs, latin } = await subset;
    const latinRuns = parseUnicodeRange([...latin.latin, ...latin['latin-ext']]);
    expect(subtractRuns(runs, latinRuns)).toEqual(runs);
  });

  it('stops a build whose content has a character Noto Sans SC lacks, saying which and where', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjcn-font-subset-'));
    try {
      symlinkSync(resolve(root, 'node_modules'), join(dir, 'node_modules'));
      for (const d of ['geo', 'content', 'i18n']) mkdirSync(join(dir, d));
      writeFileSync(join(dir, 'content/report.zh.txt'), '张江长宁园');
      writeFileSync(join(dir, 'geo/places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { name_zh: '园区⤢' } }] }));
      writeFileSync(join(dir, 'i18n/messages.ts'), "export const messages = { zh: { title: '片区' } };\n");
      const options = { geoDir: 'geo', contentDir: 'content', messagesFile: 'i18n/messages.ts', sourceFont: FONT_SUBSET_DEFAULTS.sourceFont, cacheDir: 'cache' };
      await expect(buildFontSubset(dir, options)).rejects.toThrow(/missing from the source font .*:\n {2}⤢ U\+2922 \(geo\/places\.geojson\)$/);
      writeFileSync(join(dir, 'geo/places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { name_zh: '园区' } }] }));
      const ok = await buildFontSubset(dir, options);
      expect(ok.count).toBe(new Set('张江长宁园区片').size);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
