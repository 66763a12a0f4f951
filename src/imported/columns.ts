/**
 * Which CSV columns hold longitude, latitude and a name. Exact names first (`lon`, `lng`,
 * `longitude`, `x`, `经度` …), then headers that contain one of the long forms, e.g.
 * `经度(GCJ-02)` or `Longitude (WGS84)`; case, spaces, `_` and `-` do not matter.
 */
const NAMES = {
  lon: { exact: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经'], contains: ['longitude', '经度'] },
  lat: { exact: ['lat', 'latitude', 'y', '纬度', '北纬'], contains: ['latitude', '纬度'] },
  name: { exact: ['name', 'title', 'label', '名称', '名字', '名'], contains: ['name', '名称'] },
} as const;

const normalise = (header: string) => header.trim().toLowerCase().replace(/[\s_\-]+/g, '');

function find(headers: readonly string[], which: keyof typeof NAMES): string | null {
  const keys = headers.map(normalise);
  const { exact, contains } = NAMES[which];
  for (const name of exact) {
    const i = keys.indexOf(name);
    if (i >= 0) return headers[i]!;
  }
  const i = keys.findIndex((k) => contains.some((c) => k.includes(c)));
  return i >= 0 ? headers[i]! : null;
}

export interface CoordinateColumns {
  lon: string;
  lat: string;
  name: string | null;
}

/** The coordinate and name columns among a CSV's headers; null when either coordinate is missing. */
export function findColumns(headers: readonly string[]): CoordinateColumns | null {
  const lon = find(headers, 'lon');
  const lat = find(headers, 'lat');
  if (!lon || !lat || lon === lat) return null;
  const name = find(headers.filter((h) => h !== lon && h !== lat), 'name');
  return { lon, lat, name };
}
