import { describe, expect, it } from 'vitest';
import { readReport } from '../data/test-files';
import summariesJson from './summaries.en.json';
import { loadSummaries, summaries } from './summaries';

const report = readReport();
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('English section summaries', () => {
  it('has a summary for every section of the report and no extra ids', () => {
    expect(Object.keys(summaries).sort()).toEqual(report.sections.map((s) => s.id).sort());
  });

  it('is plain English of 1–3 sentences, with a numbered title matching the section', () => {
    for (const section of report.sections) {
      const s = summaries[section.id]!;
      expect(s.summary_en, section.id).not.toMatch(CJK);
      expect(s.title_en, section.id).not.toMatch(CJK);
      const sentences = s.summary_en.match(/[.!?](?=\s|$)/g) ?? [];
      expect(sentences.length, section.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, section.id).toBeLessThanOrEqual(3);
      const number = section.id.slice(1).replace('-', '.');
      expect(s.title_en.startsWith(section.level === 1 ? `${number}. ` : `${number} `), section.id).toBe(true);
    }
  });

  it('throws naming a section without a summary, or a summary without a section', () => {
    const { 's2-3': _dropped, ...missing } = summariesJson;
    expect(() => loadSummaries(missing, report)).toThrow(/s2-3.*no summary/);
    const extra = { ...summariesJson, 's4': { title_en: '4. More', summary_en: 'Extra.' } };
    expect(() => loadSummaries(extra, report)).toThrow(/s4.*no section/);
    const empty = { ...summariesJson, 's1-2': { title_en: '1.2 x', summary_en: '' } };
    expect(() => loadSummaries(empty, report)).toThrow(/s1-2.*summary_en/);
  });
});
