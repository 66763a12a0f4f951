import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseReport, repairsSchema } from '../src/content/parse-report';
import { collectCharacters, reportCitation, stripComments, VERTICAL_FORMS } from './font-chars';
import { FONT_SUBSET_DEFAULTS } from './vite-plugin-font-subset';

const root = resolve(import.meta.dirname, '..');
const cp = (ch: string) => ch.codePointAt(0)!;

describe('the characters the app can show', () => {
  const collected = collectCharacters({ root, ...FONT_SUBSET_DEFAULTS });
  let content: Map<number, string>, prose: Map<number, string>, code: Map<number, string>, files: string[];
  beforeAll(async () => {
    ({ content, prose, code, files } = await collected);
  });
  const geoStrings = () => {
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') out.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    // geo/heritage.geojson is loaded after the first view (from zoom 14, or a linked place's panel).
    for (const f of files.filter((f) => f.endsWith('.geojson') && !f.endsWith('/heritage.geojson'))) walk(JSON.parse(readFileSync(f, 'utf8')));
    return out.join('');
  };

  it('come from the report, the content files, every string of geo/ and the interface messages', () => {
    // Each of these occurs in one kind of source only.
    expect(content.get(cp('深'))).toBe('src/content/report-2023-08.zh.txt');
    expect(content.get(cp('缴'))).toMatch(/^src\/content\/\w+.*\.json$/);
    expect(content.get(cp('茅'))).toBe('geo/key-buildings.geojson'); // in an address
    expect(content.get(cp('禺'))).toBe('geo/places.geojson'); // in a position note
    expect(content.get(cp('搜'))).toBe('src/i18n/messages.ts');
    expect(files.map((f) => f.slice(root.length + 1))).toEqual(
      expect.arrayContaining(['src/content/report-2023-08.zh.txt', 'src/content/tour.json', 'src/content/summaries.en.json', 'src/content/indicators.json', 'geo/zones.geojson', 'src/i18n/messages.ts']),
    );
  });

  it('set apart as prose only what src/content and the after-first-view messages alone have: never a character of geo/, the first-view messages or the code', async () => {
    expect(prose.size).toBeGreaterThan(100);
    for (const [c, file] of prose) {
      expect(file).toMatch(/^src\/content\/[^/]+\.(txt|json)\b|^src\/i18n\/messages\.ts$|^geo\/heritage\.geojson$/);
      expect(code.has(c)).toBe(false);
    }
    expect(prose.get(cp('深'))).toBe('src/content/report-2023-08.zh.txt');
    expect(prose.has(cp('缴'))).toBe(true);
    for (const ch of '茅禺搜张江长宁园') expect(prose.has(cp(ch)), ch).toBe(false);
    // A character only the heritage names have (岐山村) is prose; the raw OSM copy in geo/research is not read.
    expect(prose.get(cp('岐'))).toBe('geo/heritage.geojson');
    expect(files.some((f) => f.includes('/research/'))).toBe(false);
    // Every character of every geo/ string and every interface message is outside the prose, with its vertical form.
    const { runnerImport } = await import('vite');
    const { module } = await runnerImport<{ messages: Record<string, Record<string, unknown>>; AFTER_FIRST_VIEW: readonly string[] }>(resolve(root, 'src/i18n/messages.ts'), { root, configFile: false, logLevel: 'warn' });
    const firstView = (value: unknown, path = ''): unknown =>
      module.AFTER_FIRST_VIEW.includes(path) ? null : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, firstView(v, path ? `${path}.${k}` : k)])) : value;
    const shown = geoStrings() + JSON.stringify(Object.values(module.messages).map((lang) => firstView(lang)));
    // The import dialog's words are shown only once a person opens a file: at least one of their characters is prose.
    expect([...JSON.stringify((module.messages.zh!.imported as Record<string, unknown>).dialog)].some((ch) => prose.get(cp(ch)) === 'src/i18n/messages.ts')).toBe(true);
    for (const ch of shown) {
      expect(prose.has(cp(ch)), ch).toBe(false);
      if (VERTICAL_FORMS[ch]) expect(prose.has(cp(VERTICAL_FORMS[ch])), VERTICAL_FORMS[ch]).toBe(false);
    }
  });

  it('keep the report’s title and signature, cited on every page, out of the prose (the same blocks parseReport reads)', () => {
    const text = readFileSync(resolve(root, 'src/content/report-2023-08.zh.txt'), 'utf8');
    const repairs = repairsSchema.parse(JSON.parse(readFileSync(resolve(root, 'src/content/report-repairs.json'), 'utf8')));
    const report = parseReport(text, repairs);
    expect(reportCitation(text)).toBe([report.title, report.author, report.date].join('\n'));
    for (const ch of report.title + report.author + report.date) expect(prose.has(cp(ch)), ch).toBe(false);
    expect(content.has(cp('委'))).toBe(true);
    expect(reportCitation('\n# 标题\n\n正文。\n\n作者\n\n2023年8月\n')).toBe('标题\n作者\n2023年8月');
  });

  it('include the vertical forms MapLibre asks for along a line (（ → ︵)', () => {
    expect(content.has(cp('（'))).toBe(true);
    expect(content.get(cp('︵'))).toMatch(/vertical form of （/);
  });

  it('keep the code’s own strings apart, comments left out', () => {
    // Characters only code writes (arrows on buttons and the like) are kept apart, each with its file.
    for (const [c, file] of code) {
      expect(content.has(c)).toBe(false);
      expect(file).toMatch(/^src\/.+\.(ts|vue)\b/);
    }
    expect(stripComments("const a = '中'; // 文\n/* 字 */ <!-- 码 --> const u = 'http://x'; // 注")).toBe("const a = '中'; \n  const u = 'http://x'; ");
  });

  it('copy MapLibre’s table of vertical forms exactly', () => {
    const dist = readFileSync(resolve(root, 'node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs'), 'utf8');
    const table = /const verticalizedCharacterMap = (\{[\s\S]*?\n\});/.exec(dist);
    expect(table, 'verticalizedCharacterMap not found in maplibre-gl-dev.mjs').not.toBeNull();
    expect(VERTICAL_FORMS).toEqual(new Function(`return ${table![1]}`)());
  });
});
