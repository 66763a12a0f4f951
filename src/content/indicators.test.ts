import { describe, expect, it } from 'vitest';
import { readReport } from '../data/test-files';
import indicatorsJson from './indicators.json';
import { indicators, loadIndicators, type Indicator } from './indicators';

const report = readReport();
const paragraph = (id: string) => report.paragraphs.find((p) => p.id === id);
/** The one figure the report gives in words rather than digits. */
const WORDED = new Map<number, string>([[0.25, '四分之一']]);
const fixture = (): Indicator[] => structuredClone(indicatorsJson) as Indicator[];

describe('indicators', () => {
  it('loads the seven key figures of the report', () => {
    expect(indicators.map((i) => i.id)).toEqual([
      'digital-economy-firms',
      'digital-economy-tax-growth',
      'digital-economy-tax-share',
      'software-revenue-city-share',
      'ecommerce-platforms-100m',
      'venture-salons',
      'foreign-work-permits-2022',
    ]);
  });

  it('quotes every figure verbatim from its paragraph', () => {
    for (const ind of indicators) {
      const p = paragraph(ind.paragraph_id);
      expect(p, ind.id).toBeDefined();
      expect(p!.text.includes(ind.quote), `${ind.id}: "${ind.quote}"`).toBe(true);
    }
  });

  it('quotes the e-commerce figure across the repaired page break', () => {
    const ecommerce = indicators.find((i) => i.id === 'ecommerce-platforms-100m')!;
    expect(ecommerce.quote).toContain('平台21 个');
  });

  it('has unique ids', () => {
    const ids = indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has its value in the quote (digits, or the one worded fraction)', () => {
    for (const ind of indicators) {
      const worded = WORDED.get(ind.value);
      if (worded) {
        expect(ind.id).toBe('software-revenue-city-share');
        expect(ind.value).toBe(0.25);
        expect(ind.quote, ind.id).toContain(worded);
      } else {
        const numbers = (ind.quote.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
        expect(numbers, ind.id).toContain(ind.value);
      }
    }
  });

  it('bounds the value as the quote does (余 / 超过 → more-than, 约 → about)', () => {
    for (const ind of indicators) {
      const expected = /余|超过/.test(ind.quote) ? 'more-than' : /约/.test(ind.quote) ? 'about' : 'exact';
      expect(ind.qualifier, ind.id).toBe(expected);
    }
  });

  it('gives a year only where the quote states it, and shows it as the period', () => {
    for (const ind of indicators) {
      if (/\d{4}年/.test(ind.quote)) {
        expect(ind.year, ind.id).toBeDefined();
        expect(ind.period_zh).toContain(String(ind.year));
        expect(ind.period_en).toContain(String(ind.year));
      } else {
        expect(ind.year, ind.id).toBeUndefined();
        expect(ind.period_en).toBe('2022–2023 (report of Aug 2023)');
      }
    }
  });

  it('throws naming the indicator when its quote is not in the paragraph', () => {
    const broken = fixture();
    broken[1]!.quote = '综合税收同比增长 33%';
    expect(() => loadIndicators(broken, report)).toThrow(/digital-economy-tax-growth/);
    expect(() => loadIndicators(broken, report)).toThrow(/does not occur verbatim/);
  });

  it('throws naming the indicator on a page break left in the quote', () => {
    const broken = fixture();
    const ecommerce = broken.find((i) => i.id === 'ecommerce-platforms-100m')!;
    ecommerce.quote = '亿元以上交易量电商平台\n\n21 个';
    expect(() => loadIndicators(broken, report)).toThrow(/ecommerce-platforms-100m/);
  });

  it('throws naming the indicator on an unknown paragraph, a bad field or a duplicate id', () => {
    const missing = fixture();
    missing[0]!.paragraph_id = 's9-p1';
    expect(() => loadIndicators(missing, report)).toThrow(/digital-economy-firms.*s9-p1/);

    const bad = fixture() as unknown as Record<string, unknown>[];
    bad[2]!.value = '54';
    expect(() => loadIndicators(bad, report)).toThrow(/digital-economy-tax-share.*value/);

    const twice = fixture();
    twice.push({ ...twice[0]! });
    expect(() => loadIndicators(twice, report)).toThrow(/digital-economy-firms.*twice/);
  });

  it('throws when a year is given that the quote does not state', () => {
    const broken = fixture();
    broken[0]!.year = 2022;
    expect(() => loadIndicators(broken, report)).toThrow(/digital-economy-firms.*year/);
  });
});
