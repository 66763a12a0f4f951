import gcoord from 'gcoord';
import type { Datum } from './types';

/**
 * [lon, lat] in WGS84 from the datum the person chose. Amap and Tencent publish GCJ-02, Baidu
 * BD-09; gcoord applies the published transforms (GCJ-02 only inside China, as defined).
 */
export function toWGS84(at: [number, number], datum: Datum): [number, number] {
  if (datum === 'WGS84') return at;
  const [lon, lat] = gcoord.transform(at, datum === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84) as [number, number];
  return [lon, lat];
}
