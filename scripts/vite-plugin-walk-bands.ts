import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { FeatureCollection, Point } from 'geojson';
import { walkBands } from '../src/analysis/walk-bands.ts';

const VIRTUAL_ID = 'virtual:walk-bands';
const RESOLVED_ID = '\0' + VIRTUAL_ID;

/**
 * Serves `virtual:walk-bands`: the 500 m / 800 m bands around the Line 2 stations, computed from
 * geo/stations.geojson when the app is built or served, so turf's buffer code never ships.
 */
export function walkBandsPlugin(options: { stationsFile: string; radiiM: number[] }): Plugin {
  const file = resolve(options.stationsFile);
  return {
    name: 'zjcn-walk-bands',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(file);
      const stations = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Point, { id: string; line_id?: string }>;
      const onLine2 = { ...stations, features: stations.features.filter((f) => f.geometry && f.properties.line_id === 'line2') };
      const bands = walkBands(onLine2, options.radiiM);
      return `export default ${JSON.stringify(bands)};`;
    },
  };
}
