import { describe, expect, it } from 'vitest';
import { sanitizeMapHash } from './map-hash';

const safe = (hash: string) => sanitizeMapHash(hash, 'map', [10, 18]);

describe('the map view in a link (#map=…)', () => {
  it('keeps a good view as it is', () => {
    expect(safe('#map=13.5/31.2165/121.4122')).toEqual({ hash: '#map=13.5/31.2165/121.4122', hasView: true });
    expect(safe('#map=13/31.2/121.4/30/45')).toEqual({ hash: '#map=13/31.2/121.4/30/45', hasView: true });
  });
  it('clamps a zoom, bearing or pitch past the map’s range', () => {
    expect(safe('#map=99/31.2/121.4')).toEqual({ hash: '#map=18/31.2/121.4', hasView: true });
    expect(safe('#map=2/31.2/121.4/400/90')).toEqual({ hash: '#map=10/31.2/121.4/180/60', hasView: true });
  });
  it('drops a view that names no place, and keeps the rest of the hash', () => {
    expect(safe('#map=abc')).toEqual({ hash: '', hasView: false });
    expect(safe('#map=99/999/999')).toEqual({ hash: '', hasView: false });
    expect(safe('#map=12/31.2')).toEqual({ hash: '', hasView: false });
    expect(safe('#map=12//121.4')).toEqual({ hash: '', hasView: false });
    expect(safe('#map=12/31.2/121.4/0/0/7')).toEqual({ hash: '', hasView: false });
    expect(safe('#other=1&map=abc')).toEqual({ hash: '#other=1', hasView: false });
  });
  it('leaves a hash without a view alone', () => {
    expect(safe('')).toEqual({ hash: '', hasView: false });
    expect(safe('#p-s1-1-p1')).toEqual({ hash: '#p-s1-1-p1', hasView: false });
  });
});
