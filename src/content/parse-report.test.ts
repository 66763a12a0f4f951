import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyRepairs, parseReport, repairsSchema, stripStrong, type Repair } from './parse-report';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const raw = readFileSync(here('./report-2023-08.zh.txt'), 'utf8');
const repairs: Repair[] = repairsSchema.parse(JSON.parse(readFileSync(here('./report-repairs.json'), 'utf8')));
const report = parseReport(raw, repairs);
const repaired = applyRepairs(raw, repairs).text;

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;
/** the paragraph text with its bold spans put back as ** markers, as the source has it */
const withMarkers = (text: string, strong: [number, number][]) => {
  let out = '';
  let at = 0;
  for (const [s, e] of strong) {
    out += `${text.slice(at, s)}**${text.slice(s, e)}**`;
    at = e;
  }
  return out + text.slice(at);
};

describe('report copy', () => {
  // ../shared sits beside the checkout on the team's machines and in CI, not on every clone.
  const sharedPath = fileURLToPath(new URL('../../../shared/report/report-2023-08.zh.txt', import.meta.url));
  it.skipIf(!existsSync(sharedPath))('is byte-identical to the shared report', () => {
    const shared = readFileSync(sharedPath);
    expect(readFileSync(here('./report-2023-08.zh.txt')).equals(shared)).toBe(true);
  });
});

describe('parseReport', () => {
  it('reads title, author and date from the file', () => {
    expect(report.title).toBe('张江长宁园“十四五”规划中期评估报告');
    expect(report.author).toBe('长宁区科学技术委员会');
    expect(report.date).toBe('2023年8月');
  });

  it('derives sections from the numbering, not from the # count', () => {
    expect(report.sections.map((s) => [s.id, s.level, s.number, s.parentId])).toEqual([
      ['s1', 1, '一', undefined],
      ['s1-1', 2, '（一）', 's1'],
      ['s1-2', 2, '（二）', 's1'],
      ['s1-3', 2, '（三）', 's1'],
      ['s1-4', 2, '（四）', 's1'],
      ['s2', 1, '二', undefined],
      ['s2-1', 2, '（一）', 's2'],
      ['s2-2', 2, '（二）', 's2'],
      ['s2-3', 2, '（三）', 's2'],
      ['s2-4', 2, '（四）', 's2'],
      ['s3', 1, '三', undefined],
    ]);
    const titles = Object.fromEntries(report.sections.map((s) => [s.id, s.title]));
    expect(titles['s1']).toBe('一、进展情况');
    expect(titles['s1-4']).toBe('（四）整合区域资源，服务科创人才'); // was "#### **…**"
    expect(titles['s3']).toBe('三、发展趋势分析'); // was "### "
    for (const s of report.sections) expect(s.title).not.toMatch(/[#*]/);
  });

  it('numbers paragraphs within their section with unique ids', () => {
    const ids = report.paragraphs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      's1-1-p1', 's1-1-p2',
      's1-2-p1', 's1-2-p2', 's1-2-p3',
      's1-3-p1', 's1-3-p2',
      's1-4-p1', 's1-4-p2', 's1-4-p3',
      's2-1-p1', 's2-2-p1', 's2-3-p1', 's2-4-p1',
      's3-p1', 's3-p2', 's3-p3', 's3-p4',
    ]);
    for (const p of report.paragraphs) {
      expect(p.id).toBe(`${p.sectionId}-p${p.index}`);
      expect(report.sections.some((s) => s.id === p.sectionId)).toBe(true);
    }
  });

  it('keeps every paragraph verbatim', () => {
    const plain = repaired.replaceAll('**', '');
    for (const p of report.paragraphs) {
      expect(plain).toContain(p.text);
      // with its bold put back, the paragraph is exactly a line of the repaired file
      expect(repaired.split('\n')).toContain(withMarkers(p.text, p.strong));
      expect(p.text).not.toContain('**');
      expect(p.text).not.toContain('#');
      expect(p.text).not.toContain('\n');
    }
    expect(report.paragraphs.some((p) => p.text.includes('饭块'))).toBe(true); // the source's typo stays
  });

  it('keeps the bold spans', () => {
    const zones = report.paragraphs.find((p) => p.id === 's1-1-p2')!;
    expect(zones.strong.map(([s, e]) => zones.text.slice(s, e))).toEqual(['东部片区', '中部片区', '西部片区']);
    const item = report.paragraphs.find((p) => p.id === 's1-2-p1')!;
    expect(item.text.startsWith('1、城市更新成果显著。')).toBe(true);
    expect(item.strong.map(([s, e]) => item.text.slice(s, e))).toEqual(['城市更新成果显著']);
    const boldNumber = report.paragraphs.find((p) => p.id === 's1-4-p3')!;
    expect(boldNumber.text.slice(...boldNumber.strong[0]!)).toBe('3、完善虹桥海外人才一站式服务中心职能，做好外国人来华工作许可审批工作。');
  });
});

describe('page-break repairs', () => {
  it('each before occurs once in the raw file and each after in exactly one paragraph', () => {
    expect(repairs.map((r) => r.id)).toEqual(['repair-1', 'repair-2', 'repair-3', 'repair-4']);
    expect(report.repairsApplied).toEqual(repairs.map((r) => r.id));
    for (const r of repairs) {
      expect(count(raw, r.before)).toBe(1);
      expect(r.before.replace('\n\n', '')).toBe(r.after);
      expect(report.paragraphs.filter((p) => p.text.includes(r.after))).toHaveLength(1);
    }
    expect(repaired.length).toBe(raw.length - 2 * repairs.length);
  });

  it('leaves no paragraph ending mid-sentence', () => {
    const endings = new Set(report.paragraphs.map((p) => p.text.at(-1)));
    expect([...endings].sort()).toEqual(['。', '：']);
    // the only "：" introduces the 一是/二是/三是 list that follows it
    const colon = report.paragraphs.filter((p) => p.text.endsWith('：'));
    expect(colon.map((p) => p.id)).toEqual(['s3-p1']);
    // without the repairs, the four broken paragraphs would end mid-sentence
    const unrepaired = parseReport(raw, []);
    expect(unrepaired.paragraphs.filter((p) => !/[。：]$/.test(p.text))).toHaveLength(repairs.length);
  });

  it('throws naming the repair when its text is not found', () => {
    const broken: Repair = { id: 'repair-x', before: '不存在的\n\n文字', after: '不存在的文字', why: 'test' };
    expect(() => parseReport(raw, [...repairs, broken])).toThrow(/repair-x/);
  });

  it('throws naming the repair when it matches more than once or changes more than the break', () => {
    const twice: Repair = { id: 'repair-twice', before: '。\n\n', after: '。', why: 'test' };
    expect(() => parseReport(raw, [twice])).toThrow(/repair-twice/);
    const edits: Repair = { ...repairs[0]!, id: 'repair-edit', after: repairs[0]!.after.replace('区域', '区城') };
    expect(() => parseReport(raw, [edits])).toThrow(/repair-edit/);
  });
});

describe('helpers', () => {
  it('stripStrong returns plain text and spans, and rejects unbalanced markers', () => {
    expect(stripStrong('a**bc**d**e**')).toEqual({ text: 'abcde', strong: [[1, 3], [4, 5]] });
    expect(() => stripStrong('a**b')).toThrow(/unbalanced/);
  });

  it('parses a minimal report without hard-coded author/date', () => {
    const r = parseReport('# 标题\n\n## 一、甲\n\n正文。\n\n某某单位\n\n2024年1月', []);
    expect(r).toMatchObject({ title: '标题', author: '某某单位', date: '2024年1月' });
    expect(r.paragraphs.map((p) => p.id)).toEqual(['s1-p1']);
  });
});

describe('report.ts', () => {
  it('loads the same parse via ?raw', async () => {
    const { report: loaded } = await import('./report');
    expect(loaded).toEqual(report);
  });
});
