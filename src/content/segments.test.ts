import { describe, expect, it } from 'vitest';
import { segmentText } from './segments';

describe('segmentText', () => {
  const text = '其中东部片区重点推动人工智能。中部片区以数字技术';

  it('marks the report bold and the highlighted mention separately', () => {
    const segs = segmentText(text, 0, text.length, [[2, 6]], [{ start: 10, end: 14 }]);
    expect(segs).toEqual([
      { text: '其中', strong: false, mark: false },
      { text: '东部片区', strong: true, mark: false },
      { text: '重点推动', strong: false, mark: false },
      { text: '人工智能', strong: false, mark: true, markIndex: 0 },
      { text: '。中部片区以数字技术', strong: false, mark: false },
    ]);
  });

  it('handles a mention inside bold text and clips to the passage', () => {
    const segs = segmentText(text, 2, 15, [[2, 6]], [{ start: 2, end: 6 }]);
    expect(segs[0]).toEqual({ text: '东部片区', strong: true, mark: true, markIndex: 0 });
    expect(segs.map((s) => s.text).join('')).toBe(text.slice(2, 15));
  });
});
