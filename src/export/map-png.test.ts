import { describe, expect, it } from 'vitest';
import { wrapText } from './map-png';

// Every character one unit wide: line lengths are character counts.
const ctx = { measureText: (t: string) => ({ width: [...t].length }) as TextMetrics };

describe("the PNG's credit lines", () => {
  it('break at spaces, keeping words whole', () => {
    expect(wrapText(ctx, 'Basemap: district outlines (DataV)', 18)).toEqual(['Basemap: district', 'outlines (DataV)']);
  });
  it('break between Chinese characters, but never inside a number or a Latin word', () => {
    const lines = wrapText(ctx, '报告：《张江长宁园》，长宁区科学技术委员会，2023年8月', 22);
    expect(lines.join('')).toBe('报告：《张江长宁园》，长宁区科学技术委员会，2023年8月');
    expect(lines).toEqual(['报告：《张江长宁园》，长宁区科学技术委员会，', '2023年8月']);
    expect(wrapText(ctx, '底图 © OpenStreetMap contributors（部分道路）', 20)).toEqual(['底图 © OpenStreetMap', 'contributors（部分道路）']);
  });
});
