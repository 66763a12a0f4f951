// @font-chars matched-not-shown: the Chinese here (header names) is matched against a person's file, never shown.
/**
 * Which columns of a table hold longitude, latitude (or both in one cell) and a name. Exact names
 * first (`lon`, `lng`, `longitude`, `x`, `经度` …), then headers that contain one of the long forms,
 * e.g. `经度(GCJ-02)` or `Longitude (WGS84)`; case, spaces, `_` and `-` do not matter. Full-width
 * letters are folded first (ＬＯＮ).
 */
const NAMES = {
  lon: { exact: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'bdlng', 'bdlon', 'gcjlng', 'gcjlon', 'wgslng', 'wgslon', 'wgs84lng', 'wgs84lon'], contains: ['longitude', '经度'] },
  lat: { exact: ['lat', 'latitude', 'y', '纬度', '北纬', 'bdlat', 'gcjlat', 'wgslat', 'wgs84lat'], contains: ['latitude', '纬度'] },
  pair: { exact: ['坐标', '经纬度', '经纬度坐标', 'lnglat', 'lonlat', 'location', 'coordinates', 'coordinate', 'coords', 'position', '位置坐标', 'gps'], contains: ['经纬度', '坐标'] },
  name: { exact: ['name', 'title', 'label', '名称', '名字', '名', '企业名称', '单位名称', '项目名称', '楼宇名称', '地点'], contains: ['name', '名称'] },
} as const;

const normalise = (header: string) => header.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-]+/g, '');

function find(headers: readonly string[], which: keyof typeof NAMES): string | null {
  const keys = headers.map(normalise);
  const { exact, contains } = NAMES[which];
  for (const name of exact) {
    const i = keys.indexOf(name);
    if (i >= 0) return headers[i]!;
  }
  const i = keys.findIndex((k) => k !== '' && contains.some((c) => k.includes(c)));
  return i >= 0 ? headers[i]! : null;
}

/** Two columns (lon, lat), or one that holds both (`pair`, "121.41,31.22"). */
export type CoordinateColumns = { lon: string; lat: string; name: string | null } | { pair: string; name: string | null };

/** The coordinate and name columns among a table's headers; null when there are no coordinates. */
export function findColumns(headers: readonly string[]): CoordinateColumns | null {
  const lon = find(headers, 'lon');
  const lat = find(headers, 'lat');
  if (lon && lat && lon !== lat) return { lon, lat, name: find(headers.filter((h) => h !== lon && h !== lat), 'name') };
  const pair = find(headers, 'pair');
  if (pair) return { pair, name: find(headers.filter((h) => h !== pair), 'name') };
  return null;
}

/** The columns a table's coordinates were read from, for the panel ("经度, 纬度" or "坐标"). */
export const coordinateColumnNames = (c: CoordinateColumns): string[] => ('pair' in c ? [c.pair] : [c.lon, c.lat]);
