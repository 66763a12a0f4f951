import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectCharacters, stripComments, VERTICAL_FORMS } from './font-chars';
import { FONT_SUBSET_DEFAULTS } from './vite-plugin-font-subset';

const root = resolve(import.meta.dirname, '..');
const cp = (ch: string) => ch.codePointAt(0)!;

describe('the characters the app can show', () => {
  const collected = collectCharacters({ root, ...FONT_SUBSET_DEFAULTS });
  let content: Map<number, string>, code: Map<number, string>, files: string[];
  beforeAll(async () => {
    ({ content, code, files } = await collected);
  });

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
