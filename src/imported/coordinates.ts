// @font-chars matched-not-shown: the Chinese here (units and hemispheres) is matched against a person's file, never shown.
/**
 * Coordinates as people type them in a sheet: `121.41`, `１２１．４１` (full-width), `121.41°`,
 * degrees-minutes-seconds (`121°24'52"E`, `121度24分52秒`, `N31°13′5″`, `31 13 5.2 N`), with a
 * hemisphere letter or 东经/西经/北纬/南纬. NaN when the cell is none of these.
 */
export function parseCoordinate(cell: string): number {
  // NFKC folds full-width digits and punctuation (１２１．４１, ＋) into ASCII.
  let s = cell.normalize('NFKC').trim();
  if (s === '') return NaN;
  let sign = 1;
  const hemisphere = /^(东经|西经|北纬|南纬|[NSEW])\s*|\s*([NSEW]|东经|西经|北纬|南纬)$/i.exec(s);
  if (hemisphere) {
    const h = (hemisphere[1] ?? hemisphere[2])!.toUpperCase();
    if (h === 'S' || h === 'W' || h === '西经' || h === '南纬') sign = -1;
    s = s.replace(hemisphere[0], '').trim();
  }
  const plain = /^[-+]?\d+(?:\.\d+)?\s*[°º]?$/.exec(s);
  if (plain) return sign * Number(s.replace(/[°º]/, ''));
  // Degrees, minutes, seconds: any of ° 度 : space between, ' ′ 分 after minutes, " ″ '' 秒 after seconds.
  const dms = /^([-+]?\d+(?:\.\d+)?)\s*(?:[°º度:]|\s)\s*(\d+(?:\.\d+)?)?\s*(?:['′’分:]|\s)?\s*(\d+(?:\.\d+)?)?\s*(?:["″”秒]|''|′′|’’)?$/.exec(s);
  if (!dms) return NaN;
  const [d, m = '0', sec = '0'] = [dms[1]!, dms[2], dms[3]];
  if (Number(m) >= 60 || Number(sec) >= 60) return NaN;
  const value = Math.abs(Number(d)) + Number(m) / 60 + Number(sec) / 3600;
  return sign * (d.startsWith('-') ? -value : value);
}

/**
 * One cell holding both coordinates, as Amap and most exports write them ("121.41,31.22", lng
 * first): which is which is read from their ranges here (a latitude is never over 90), so
 * "31.22,121.41" reads the same. Null when the cell is not two coordinates.
 */
export function parsePair(cell: string): [number, number] | null {
  const parts = cell.normalize('NFKC').trim().split(/\s*[,;，、]\s*|\s+/).filter((p) => p !== '');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map(parseCoordinate) as [number, number];
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.abs(a) <= 90 && Math.abs(b) > 90 ? [b, a] : [a, b];
}
