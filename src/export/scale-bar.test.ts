import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scale-bar';

describe('the PNG scale bar', () => {
  it('uses Web Mercator metres per pixel of 512 px tiles', () => {
    // zoom 0 at the equator: the whole circumference over 512 px
    expect(metresPerPixel(0, 0)).toBeCloseTo(78271.517, 2);
    // one zoom level halves it; 60° north halves it again
    expect(metresPerPixel(1, 60)).toBeCloseTo(78271.517 / 4, 2);
  });
  it('picks the longest round length that fits, drawn at its true length', () => {
    // Changning (31.2° N) at zoom 14: ~4.08 m a pixel, so 100 px hold 408 m → 300 m
    const bar = scaleBar(14, 31.2, 100);
    expect(bar).toMatchObject({ metres: 300, value: 300, unit: 'm' });
    expect(bar.pixels).toBeCloseTo(300 / metresPerPixel(14, 31.2), 6);
    expect(bar.pixels).toBeLessThanOrEqual(100);
    expect(bar.pixels).toBeGreaterThan(50);
  });
  it('switches to kilometres from 1000 m', () => {
    expect(scaleBar(12, 31.2, 120)).toMatchObject({ metres: 1000, value: 1, unit: 'km' });
    expect(scaleBar(11, 31.2, 150)).toMatchObject({ metres: 3000, value: 3, unit: 'km' });
    expect(scaleBar(11, 31.2, 100)).toMatchObject({ metres: 3000, value: 3, unit: 'km' });
    expect(scaleBar(11, 31.2, 80)).toMatchObject({ metres: 2000, value: 2, unit: 'km' });
    expect(scaleBar(10, 31.2, 150)).toMatchObject({ metres: 5000, value: 5, unit: 'km' });
  });
});
