import { describe, expect, it } from 'vitest';
import { cycleSnap, restingSnap, snapHeights, stepSnap } from './sheet-heights';

describe('bottom sheet heights', () => {
  for (const height of [640, 844, 568]) {
    it(`keeps the issue's map shares on a ${height} px tall phone`, () => {
      const h = snapHeights({ height });
      // Nothing selected (peek): at least half the screen is map; half height leaves ≥ 30 %.
      expect(h.peek / height).toBeLessThanOrEqual(0.5);
      expect(1 - h.half / height).toBeGreaterThanOrEqual(0.3);
      expect(h.peek).toBeGreaterThanOrEqual(112);
      expect(h.peek).toBeLessThan(h.half);
      expect(h.half).toBeLessThan(h.full);
      expect(h.full).toBeLessThan(height);
    });
  }

  it('peeks at about 15 % on a tall phone', () => {
    expect(snapHeights({ height: 844 }).peek).toBe(127);
  });

  it('stops the full sheet below a notch', () => {
    expect(snapHeights({ height: 844, safeTop: 47 }).full).toBe(844 - 91);
  });

  it('rests a slow drag at the nearest height and a flick one step on', () => {
    const frame = { height: 844 };
    const h = snapHeights(frame);
    expect(restingSnap(h.half + 30, 0, frame)).toBe('half');
    expect(restingSnap(h.peek + 10, 0, frame)).toBe('peek');
    expect(restingSnap(h.full - 50, 0.1, frame)).toBe('full');
    expect(restingSnap(h.half + 20, 1.2, frame)).toBe('full');
    expect(restingSnap(h.half - 20, -1.2, frame)).toBe('peek');
    expect(restingSnap(h.peek + 20, 0.9, frame)).toBe('half');
    expect(restingSnap(h.full + 40, 2, frame)).toBe('full');
    expect(restingSnap(h.peek - 40, -2, frame)).toBe('peek');
  });

  it('steps with the arrow keys and cycles with taps', () => {
    expect(stepSnap('peek', 1)).toBe('half');
    expect(stepSnap('full', 1)).toBe('full');
    expect(stepSnap('peek', -1)).toBe('peek');
    expect(['peek', 'half', 'full'].map((s) => cycleSnap(s as 'peek'))).toEqual(['half', 'full', 'peek']);
  });
});

describe('the phone breakpoint in CSS', () => {
  it('is PHONE_MAX_WIDTH wherever the stylesheet picks a prerendered variant before any script runs', async () => {
    const { readFileSync } = await import('node:fs');
    const { PHONE_MAX_WIDTH } = await import('./sheet-heights');
    const css = readFileSync(new URL('../styles/base.css', import.meta.url), 'utf8');
    const queries = [...css.matchAll(/@media \(max-width: (\d+)px\) \{\s*html/g)].map((m) => Number(m[1]));
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.every((w) => w === PHONE_MAX_WIDTH)).toBe(true);
  });
});
