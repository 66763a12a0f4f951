import type { ZoneStats } from '../analysis/zone-stats';

/**
 * A numeric row of the comparison: one value per zone and which direction is better. Its label and
 * its "how" note are interface text: i18n keys compare.rows.<labelKey> and compare.method.<id>.
 */
export interface MetricRow {
  id: 'area' | 'share' | 'buildings' | 'places' | 'stations' | 'coverage500' | 'coverage800' | 'coverageAny500' | 'medianDistance' | 'worstDistance';
  /** i18n key of the row label under compare.rows */
  labelKey: string;
  unit: 'km2' | 'percent' | 'count' | 'm';
  better: 'higher' | 'lower' | null;
  values: Record<string, number | null>;
}

/** The rows a person can colour the map by (choropleth). */
export const MAP_METRICS: MetricRow['id'][] = ['coverage500', 'coverage800', 'coverageAny500', 'area', 'buildings', 'stations', 'medianDistance'];

export function metricRows(stats: readonly ZoneStats[]): MetricRow[] {
  const by = (f: (s: ZoneStats) => number | null) => Object.fromEntries(stats.map((s) => [s.zoneId, f(s)]));
  return [
    { id: 'area', labelKey: 'area', unit: 'km2', better: null, values: by((s) => s.areaKm2) },
    { id: 'share', labelKey: 'share', unit: 'percent', better: null, values: by((s) => s.shareOfDistrict) },
    { id: 'buildings', labelKey: 'buildings', unit: 'count', better: 'higher', values: by((s) => s.buildingIds.length) },
    { id: 'places', labelKey: 'places', unit: 'count', better: 'higher', values: by((s) => s.placeIds.length) },
    { id: 'stations', labelKey: 'stations', unit: 'count', better: 'higher', values: by((s) => s.stationIds.length) },
    { id: 'coverage500', labelKey: 'coverage500', unit: 'percent', better: 'higher', values: by((s) => s.coverage['500'] ?? 0) },
    { id: 'coverage800', labelKey: 'coverage800', unit: 'percent', better: 'higher', values: by((s) => s.coverage['800'] ?? 0) },
    { id: 'coverageAny500', labelKey: 'coverageAny500', unit: 'percent', better: 'higher', values: by((s) => s.coverageAnyMetro['500'] ?? null) },
    { id: 'medianDistance', labelKey: 'medianDistance', unit: 'm', better: 'lower', values: by((s) => s.medianBuildingDistanceM) },
    { id: 'worstDistance', labelKey: 'worstDistance', unit: 'm', better: 'lower', values: by((s) => s.worstBuildingDistanceM) },
  ];
}

/** The zone ids holding the best value of a row among the shown zones (ties all count); none if the row has no direction. */
export function bestOf(row: MetricRow, zoneIds: readonly string[]): string[] {
  if (!row.better) return [];
  const vals = zoneIds.map((id) => row.values[id]).filter((v): v is number => v !== null && v !== undefined);
  if (vals.length < 2) return [];
  const target = row.better === 'higher' ? Math.max(...vals) : Math.min(...vals);
  const winners = zoneIds.filter((id) => row.values[id] === target);
  // A tie across every zone has no best.
  return winners.length === vals.length ? [] : winners;
}

/** A value as the table shows it: km² to 2 decimals, shares as whole percent, metres rounded to 10. */
export function formatValue(value: number | null, unit: MetricRow['unit']): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'km2':
      return value.toFixed(2);
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'm':
      return String(Math.round(value / 10) * 10);
    default:
      return String(value);
  }
}

/** The table as CSV (RFC 4180 quoting): raw values, full precision, one column per shown zone. */
export function toCsv(
  rows: readonly MetricRow[],
  zones: readonly { id: string; name: string }[],
  label: (row: MetricRow) => string,
  how: (row: MetricRow) => string,
): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const unitName = { km2: 'km²', percent: 'share 0–1', count: 'count', m: 'metres' } as const;
  const lines = [['metric', 'unit', ...zones.map((z) => z.name), 'method'].map(q).join(',')];
  for (const row of rows) {
    const cells = zones.map((z) => {
      const v = row.values[z.id];
      return v === null || v === undefined ? '' : String(Number(v.toFixed(6)));
    });
    lines.push([label(row), unitName[row.unit], ...cells, how(row)].map(q).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
