import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, runsCover, subtractRuns, toRuns } from '../src/fonts/unicode-ranges';
import { collectCharacters } from './font-chars';
import { assertCovers, buildFontSubset, FONT_SUBSET_DEFAULTS, fontCodePoints } from './vite-plugin-font-subset';

const root = resolve(import.meta.dirname, '..');
const cp = (ch: string) => ch.codePointAt(0)!;

describe('the Noto Sans SC subset', () => {
  // Cut once (~2–4 s) or read from node_modules/.cache/zjcn-font-subset.
  const subset = buildFontSubset(root, FONT_SUBSET_DEFAULTS);

  it('holds every non-Latin character of the app, and no Latin one, in two woff2 files: core and prose', { timeout: 60_000 }, async () => {
    const { parts, runs, count } = await subset;
    expect(parts.map((p) => p.part)).toEqual(['core', 'prose']);
    for (const ch of '深缴茅禺搜，。（）︵《》') expect(runsCover(runs, cp(ch)), ch).toBe(true);
    for (const ch of 'Aa1 é—“”·') expect(runsCover(runs, cp(ch)), ch).toBe(false);
    for (const { part, runs: own, woff2, count: n } of parts) {
      expect(woff2.subarray(0, 4).toString('latin1'), part).toBe('wOF2');
      const has = await fontCodePoints(woff2);
      for (const [a, b] of own) for (let c = a; c <= b; c++) expect(has.has(c), `${part} U+${c.toString(16)}`).toBe(true);
      // HarfBuzz adds the bidi mirror of a bracket it keeps (」 brings 「), nothing more.
      expect(has.size - n, part).toBeLessThan(10);
    }
    expect(count).toBe(parts[0]!.count + parts[1]!.count);
    expect(count).toBeGreaterThan(700);
    // The core is what every first view fetches: well under the whole.
    expect(parts[0]!.woff2.length).toBeLessThan(0.75 * (parts[0]!.woff2.length + parts[1]!.woff2.length));
  });

  it('covers every content character exactly once; the core has every character of geo/, the messages and the code', { timeout: 60_000 }, async () => {
    const [{ parts, latin }, { content, prose, code }] = await Promise.all([subset, collectCharacters({ root, ...FONT_SUBSET_DEFAULTS })]);
    const [core, proseFile] = parts;
    const latinRuns = parseUnicodeRange([...latin.latin, ...latin['latin-ext']]);
    for (const [c, from] of content) {
      if (runsCover(latinRuns, c)) continue;
      const where = `${String.fromCodePoint(c)} (${from})`;
      const inCore = runsCover(core!.runs, c);
      expect(inCore !== runsCover(proseFile!.runs, c), where).toBe(true);
      expect(inCore, where).toBe(!prose.has(c));
    }
    for (const c of code.keys()) if (!runsCover(latinRuns, c)) expect(runsCover(proseFile!.runs, c)).toBe(false);
    // Both files hold nothing else.
    const all = [...content.keys(), ...code.keys()];
    expect(subtractRuns(core!.runs, toRuns(all))).toEqual([]);
    expect(subtractRuns(proseFile!.runs, toRuns(prose.keys()))).toEqual([]);
  });

  it('caches each file on disk by its own hash', { timeout: 60_000 }, async () => {
    const first = await subset;
    const again = await buildFontSubset(root, FONT_SUBSET_DEFAULTS);
    expect(new Set(first.parts.map((p) => p.hash)).size).toBe(2);
    for (const [i, p] of again.parts.entries()) {
      expect(p.cached, p.part).toBe(true);
      expect(p.hash).toBe(first.parts[i]!.hash);
      expect(p.woff2.equals(first.parts[i]!.woff2)).toBe(true);
      expect(existsSync(resolve(root, 'node_modules/.cache/zjcn-font-subset', `${p.hash}.woff2`))).toBe(true);
    }
  });

  it('leaves the fallback chunks only the characters it lacks', { timeout: 60_000 }, async () => {
    const { runs, parts, fallback } = await subset;
    expect(runs).toEqual(toRuns(parts.flatMap((p) => p.runs.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)))));
    expect(fallback.length).toBeGreaterThan(80);
    for (const f of fallback) expect(subtractRuns(f.runs, runs)).toEqual(f.runs);
    // 深 (prose) and 园 (core) were in chunks; now only the subset has them.
    for (const ch of '深园') expect(fallback.some((f) => runsCover(f.runs, cp(ch))), ch).toBe(false);
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
    const { runs, parts, latin } = await subset;
    const latinRuns = parseUnicodeRange([...latin.latin, ...latin['latin-ext']]);
    expect(subtractRuns(runs, latinRuns)).toEqual(runs);
    for (const p of parts) expect(subtractRuns(p.runs, latinRuns)).toEqual(p.runs);
  });

  it('stops a build whose content has a character Noto Sans SC lacks, saying which and where', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjcn-font-subset-'));
    try {
      symlinkSync(resolve(root, 'node_modules'), join(dir, 'node_modules'));
      for (const d of ['geo', 'content', 'i18n']) mkdirSync(join(dir, d));
      // Title and signature (cited on every page) go to the core with geo/ and the messages; the body is prose.
      writeFileSync(join(dir, 'content/report.zh.txt'), '# 张江长宁园\n\n正文深化。\n\n科委\n\n2023年8月\n');
      writeFileSync(join(dir, 'geo/places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { name_zh: '园区⤢' } }] }));
      writeFileSync(join(dir, 'i18n/messages.ts'), "export const messages = { zh: { title: '片区' } };\n");
      const options = { geoDir: 'geo', contentDir: 'content', messagesFile: 'i18n/messages.ts', sourceFont: FONT_SUBSET_DEFAULTS.sourceFont, cacheDir: 'cache' };
      await expect(buildFontSubset(dir, options)).rejects.toThrow(/missing from the source font .*:\n {2}⤢ U\+2922 \(geo\/places\.geojson\)$/);
      writeFileSync(join(dir, 'geo/places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ properties: { name_zh: '园区' } }] }));
      const ok = await buildFontSubset(dir, options);
      const chars = (runs: [number, number][]) => runs.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join('');
      expect(ok.parts.map((p) => [p.part, chars(p.runs)])).toEqual([
        ['core', [...new Set('张江长宁园区片科委年月')].sort().join('')],
        // with the vertical forms of its punctuation, the Markdown's # included
        ['prose', [...new Set('正文深化。︒＃')].sort().join('')],
      ]);
      expect(ok.count).toBe(18);
      // A content with nothing but core characters makes one file.
      writeFileSync(join(dir, 'content/report.zh.txt'), '园区\n\n片区\n\n2023年8月\n');
      expect((await buildFontSubset(dir, options)).parts.map((p) => p.part)).toEqual(['core']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
