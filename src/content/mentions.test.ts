import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMentions, passageAt, sentenceAt } from './mentions';
import { parseReport, repairsSchema } from './parse-report';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const report = parseReport(
  readFileSync(here('./report-2023-08.zh.txt'), 'utf8'),
  repairsSchema.parse(JSON.parse(readFileSync(here('./report-repairs.json'), 'utf8'))),
);
const zoneParagraph = report.paragraphs.find((p) => p.id === 's1-1-p2')!;

describe('findMentions', () => {
  it('keeps the longest of overlapping terms', () => {
    const ms = findMentions([{ id: 'p', text: '中部片区和中部' }], [
      { featureId: 'central', terms: ['中部'] },
      { featureId: 'central-zone', terms: ['中部片区'] },
    ]);
    expect(ms).toEqual([
      { featureId: 'central-zone', paragraphId: 'p', term: '中部片区', start: 0, end: 4 },
      { featureId: 'central', paragraphId: 'p', term: '中部', start: 5, end: 7 },
    ]);
  });

  it('keeps the longest within one feature, and on partial overlaps', () => {
    const ms = findMentions([{ id: 'p', text: '东部片区发展' }], [
      { featureId: 'east', terms: ['东部', '东部片区'] },
      { featureId: 'x', terms: ['片区发'] },
    ]);
    expect(ms.map((m) => m.term)).toEqual(['东部片区']);
  });

  it('finds all occurrences, sorted by paragraph order then start', () => {
    const ms = findMentions(
      [
        { id: 'a', text: '虹桥，长宁，虹桥' },
        { id: 'b', text: '长宁虹桥' },
      ],
      [
        { featureId: 'hq', terms: ['虹桥'] },
        { featureId: 'cn', terms: ['长宁'] },
      ],
    );
    expect(ms.map((m) => `${m.paragraphId}:${m.start}:${m.featureId}`)).toEqual(['a:0:hq', 'a:3:cn', 'a:6:hq', 'b:0:cn', 'b:2:hq']);
  });

  it('keeps the same span for different features, once per feature, and ignores empty terms', () => {
    const ms = findMentions([{ id: 'p', text: '慧谷白猫' }], [
      { featureId: 'a', terms: ['慧谷白猫', '慧谷白猫', ''] },
      { featureId: 'b', terms: ['慧谷白猫'] },
    ]);
    expect(ms.map((m) => m.featureId)).toEqual(['a', 'b']);
  });

  it('finds the three zones in the real report', () => {
    const ms = findMentions(report.paragraphs, [
      { featureId: 'east', terms: ['东部片区', '东部'] },
      { featureId: 'central', terms: ['中部片区', '中部'] },
      { featureId: 'west', terms: ['西部片区', '西部'] },
    ]);
    const inZones = ms.filter((m) => m.paragraphId === 's1-1-p2');
    expect(inZones.map((m) => m.term)).toEqual(['东部片区', '中部片区', '西部片区']);
    expect(inZones.map((m) => [m.start, m.end])).toEqual(zoneParagraph.strong);
    // "中部虹桥经济技术开发区饭块" in （四）三大地区发展不够均衡
    expect(ms.some((m) => m.paragraphId === 's2-4-p1' && m.term === '中部')).toBe(true);
  });
});

describe('passageAt', () => {
  it('gives each zone its own part of the shared zone paragraph', () => {
    const text = zoneParagraph.text;
    const east = passageAt(zoneParagraph, text.indexOf('东部片区'));
    expect(text.slice(east.start).startsWith('东部片区')).toBe(true);
    expect(east.end).toBe(text.indexOf('中部片区'));
    expect(text.slice(east.start, east.end)).toContain('上海硅巷');
    expect(text.slice(east.start, east.end)).not.toContain('中部片区');

    const central = passageAt(zoneParagraph, text.indexOf('中部片区'));
    expect(central).toEqual({ start: text.indexOf('中部片区'), end: text.indexOf('西部片区') });

    const west = passageAt(zoneParagraph, text.indexOf('西部片区'));
    expect(west).toEqual({ start: text.indexOf('西部片区'), end: text.length });
    expect(text.slice(west.start, west.end).endsWith('优势产业集群。')).toBe(true);
  });

  it('gives a place named inside a zone passage that passage', () => {
    const text = zoneParagraph.text;
    expect(passageAt(zoneParagraph, text.indexOf('上海硅巷'))).toEqual({ start: text.indexOf('东部片区'), end: text.indexOf('中部片区') });
    expect(passageAt(zoneParagraph, text.indexOf('缤谷大厦'))).toEqual({ start: text.indexOf('中部片区'), end: text.indexOf('西部片区') });
  });

  it('returns the whole paragraph otherwise', () => {
    const whole = { start: 0, end: zoneParagraph.text.length };
    // before the first bold span ("其中")
    expect(passageAt(zoneParagraph, 0)).toEqual(whole);
    // a single bold span (numbered item) → whole paragraph
    const item = report.paragraphs.find((p) => p.id === 's1-2-p1')!;
    expect(passageAt(item, item.strong[0]![0])).toEqual({ start: 0, end: item.text.length });
    const plain = report.paragraphs.find((p) => p.id === 's2-4-p1')!;
    expect(passageAt(plain, plain.text.indexOf('中部'))).toEqual({ start: 0, end: plain.text.length });
  });

  it('rejects offsets outside the text', () => {
    expect(() => passageAt(zoneParagraph, -1)).toThrow(RangeError);
    expect(() => passageAt(zoneParagraph, zoneParagraph.text.length + 1)).toThrow(RangeError);
  });
});

describe('sentenceAt', () => {
  it('returns the sentence around an offset, terminator included', () => {
    const text = '甲乙。丙丁！戊己？庚';
    expect(sentenceAt(text, 0)).toEqual({ start: 0, end: 3, text: '甲乙。' });
    expect(sentenceAt(text, 2)).toEqual({ start: 0, end: 3, text: '甲乙。' });
    expect(sentenceAt(text, 3).text).toBe('丙丁！');
    expect(sentenceAt(text, 7).text).toBe('戊己？');
    expect(sentenceAt(text, 9).text).toBe('庚');
    expect(sentenceAt(text, text.length).text).toBe('庚');
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(sentenceAt('他说“好。”然后走了。', 7).text).toBe('然后走了。');
    expect(sentenceAt('他说“好。”然后走了。', 0).text).toBe('他说“好。”');
  });

  it('quotes a zone sentence from the report', () => {
    const text = zoneParagraph.text;
    const s = sentenceAt(text, text.indexOf('上海硅巷'));
    // "；" does not end a sentence
    expect(s.text).toBe(
      '加强与中科院微系统所、硅酸盐研究所等机构合作，加快布局人工智能、金融科技等创新产业集群；重点打造“上海硅巷”，新微智谷等一批有影响力的新技术产业孵化空间。',
    );
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentenceAt(text, text.indexOf('西部片区')).text).toBe('西部片区推进特色产业园区和优势产业集群。');
  });
});
