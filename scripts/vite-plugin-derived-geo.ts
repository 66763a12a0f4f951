import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { FeatureCollection, Point } from 'geojson';
import { areaLabelPoints } from '../src/analysis/area-labels.ts';
import { walkBands } from '../src/analysis/walk-bands.ts';
import { zoneStats } from '../src/analysis/zone-stats.ts';
import type { GeoFeature } from '../src/data/schema.ts';

const VIRTUAL_ID = 'virtual:derived-geo';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Serves `virtual:derived-geo`: geometry computed from geo/ when the app is built or served —
 * the 500 m / 800 m walking bands around the Line 2 stations, one label point per area, and the
 * zone comparison figures (with the 500 m band around the stations of every metro line) — so turf's buffer and polygon code never ships to the browser (buffer
 * alone is ~72 KB gzip).
 */
export function derivedGeoPlugin(options: { geoDir: string; radiiM: number[] }): Plugin {
  const file = (name: string) => resolve(options.geoDir, name);
  const read = <T>(name: string, ctx: { addWatchFile(id: string): void }) => {
    ctx.addWatchFile(file(name));
    return JSON.parse(readFileSync(file(name), 'utf8')) as T;
  };
  return {
    name: 'zjcn-derived-geo',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const stations = read<FeatureCollection<Point, { id: string; line_id?: string }>>('stations.geojson', this);
      const onLine2 = { ...stations, features: stations.features.filter((f) => f.geometry && f.properties.line_id === 'line2') };
      const areas = ['districts.geojson', 'zones.geojson'].flatMap((name) => read<{ features: GeoFeature[] }>(name, this).features);
      const bands = walkBands(onLine2, options.radiiM);
      const others = read<FeatureCollection<Point, { id: string }>>('metro-stations.geojson', this);
      // "Within 500 m of any metro station": Line 2's points and the other lines' (OpenStreetMap).
      const anyMetroBands = walkBands({ ...onLine2, features: [...onLine2.features, ...others.features] }, [500]);
      const labels = areaLabelPoints(areas);
      const zones = read<{ features: GeoFeature[] }>('zones.geojson', this).features;
      const district = areas.find((f) => f.properties.class === 'focus');
      if (!district) throw new Error('derived-geo: districts.geojson has no focus district');
      const stats = zoneStats({
        zones: zones as never,
        district: district as never,
        stations: onLine2.features,
        buildings: read<{ features: GeoFeature[] }>('key-buildings.geojson', this).features as never,
        places: read<{ features: GeoFeature[] }>('places.geojson', this).features,
        bands,
        anyMetroBands,
      });
      return [
        `export const walkBands = ${JSON.stringify(bands)};`,
        `export const areaLabels = ${JSON.stringify(labels)};`,
        `export const zoneStats = ${JSON.stringify(stats)};`,
      ].join('\n');
    },
  };
}
