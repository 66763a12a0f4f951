/**
 * The transform: research facts + editorial sources (geo/sources/*.json, parsed from JSON, not yet
 * validated) → every geo/*.geojson collection. Pure — no file is read or written here — and
 * deterministic. It validates each source file against its layer's schema, builds the zones first
 * (the other layers check their points against them), then runs each layer, and refuses a result
 * with a duplicate id or a feature that fails featureSchema (feature.ts).
 */
import type { Position } from 'geojson';
import type { z } from 'zod';
import type { AuthoredFeature } from '../../src/data/schema.ts';
import { airport } from './airport.ts';
import { buildings } from './buildings.ts';
import { districts } from './districts.ts';
import type { FeatureCollection } from './feature.ts';
import { green } from './green.ts';
import type { Layer, LayerContext } from './layer.ts';
import { metro } from './metro-stations.ts';
import { placesWithHeritage } from './heritage.ts';
import type { Research } from './research.ts';
import { roads } from './roads.ts';
import { forRecord, parseSourceFile, SourceError } from './source-file.ts';
import { water } from './water.ts';
import { buildZones, zoneOfIn } from './zone-outlines.ts';
import { zoneOutlines, zones, zonesSource, ZONES_FILE, type ZonesSource } from './zones.ts';

/** Every layer module. A new layer (with its source files and output files) is one more entry. */
export const LAYERS: readonly Layer[] = [districts, roads, water, green, airport, metro, zones, buildings, placesWithHeritage];

/** Source file name → its parsed JSON. */
export type SourceTexts = Readonly<Record<string, unknown>>;

export function authorGeo(research: Research, sources: SourceTexts, layers: readonly Layer[] = LAYERS): Record<string, FeatureCollection> {
  const schemas = new Map<string, Layer['sources'][string]>();
  for (const layer of layers) {
    for (const [file, schema] of Object.entries(layer.sources)) {
      if (schemas.has(file)) throw new Error(`two layers read ${file}`);
      schemas.set(file, schema);
    }
  }
  for (const file of Object.keys(sources)) if (!schemas.has(file)) throw new SourceError(file, undefined, 'no layer reads this file');
  const parsed = new Map<string, unknown>();
  for (const [file, schema] of schemas) {
    if (!(file in sources)) throw new SourceError(file, undefined, 'missing');
    parsed.set(file, parseSourceFile(file, schema as z.ZodType<{ records: { id: string }[] }>, sources[file]));
  }

  // every layer may test its points against the zones, so they come first, whichever layers run
  const zonesSrc = (parsed.get(ZONES_FILE) as ZonesSource | undefined) ?? parseSourceFile(ZONES_FILE, zonesSource, sources[ZONES_FILE]);
  const polygons = forRecord(ZONES_FILE, undefined, () => buildZones(research, zoneOutlines(zonesSrc), zonesSrc.layer?.checks ?? []));
  const ctx: LayerContext = { research, zones: polygons, zoneOf: (p: Position) => zoneOfIn(polygons, p) };

  const out: Record<string, FeatureCollection> = {};
  const ids = new Map<string, string>();
  for (const layer of layers) {
    const own = Object.fromEntries(Object.keys(layer.sources).map((f) => [f, parsed.get(f)]));
    for (const [file, features] of Object.entries(layer.build(ctx, own))) {
      if (out[file]) throw new Error(`two layers write ${file}`);
      for (const f of features) checkId(ids, f, file);
      out[file] = { type: 'FeatureCollection', features };
    }
  }
  return out;
}

function checkId(ids: Map<string, string>, f: AuthoredFeature, file: string): void {
  const other = ids.get(f.properties.id);
  if (other) throw new Error(`duplicate id ${f.properties.id} in ${other} and ${file}`);
  ids.set(f.properties.id, file);
}
