import { describe, expect, it } from 'vitest';
import { reportDate } from './report-date';

describe('reportDate', () => {
  it('keeps the Chinese date in Chinese and writes it out in English', () => {
    expect(reportDate('2023年8月', 'zh')).toBe('2023年8月');
    expect(reportDate('2023年8月', 'en')).toBe('August 2023');
    expect(reportDate('2023年12月', 'en')).toBe('December 2023');
  });

  it('leaves anything else as it is', () => {
    expect(reportDate('2023-08', 'en')).toBe('2023-08');
  });
});
