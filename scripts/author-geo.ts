/**
 * Writes every geo/*.geojson file: the shared research facts + the editorial sources in
 * geo/sources/ → the transform (scripts/geo/transform.ts) → geo/.
 *
 *   npx tsx scripts/author-geo.ts            (reads ../shared, or $SHARED_DIR)
 *
 * The research files are copied verbatim into geo/research/ first and read from there, so the tests
 * (and anyone without ../shared) run the same transform on the same inputs. The JSON Schemas of the
 * source files are written to geo/sources/schema/ for editors. Everything decided by hand lives in
 * geo/sources/ (see geo/README.md); this file only reads and writes.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { area } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { m2ToKm2 } from './geo/geometry.ts';
import { readSourceFiles, sourceJsonSchemas, writeGeo } from './geo/io.ts';
import { EXTRA_RESEARCH, readResearch, RESEARCH_FILES } from './geo/research.ts';
import { authorGeo, LAYERS } from './geo/transform.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.SHARED_DIR ?? resolve(ROOT, '../shared'));
const GEO = resolve(ROOT, 'geo');
const RESEARCH = resolve(GEO, 'research');
const SOURCES = resolve(GEO, 'sources');

for (const f of [...Object.values(RESEARCH_FILES), ...EXTRA_RESEARCH]) {
  mkdirSync(dirname(resolve(RESEARCH, f)), { recursive: true });
  copyFileSync(resolve(SHARED, f), resolve(RESEARCH, f));
}

const collections = authorGeo(readResearch(RESEARCH), readSourceFiles(SOURCES));
writeGeo(GEO, collections);
for (const [name, fc] of Object.entries(collections)) console.log(`geo/${name}: ${fc.features.length} features`);

mkdirSync(resolve(SOURCES, 'schema'), { recursive: true });
for (const [name, text] of Object.entries(sourceJsonSchemas(LAYERS))) writeFileSync(resolve(SOURCES, 'schema', name), text);

for (const z of collections['zones.geojson']?.features ?? []) {
  console.log(`${z.properties.id}: ${m2ToKm2(area(z.geometry as Polygon | MultiPolygon))} km²`);
}
