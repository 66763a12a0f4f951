/** Reading geo/sources/ and writing geo/ for the CLI and the tests; the transform itself reads nothing. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { formatGeoJson, type FeatureCollection } from './feature.ts';
import type { Layer } from './layer.ts';
import type { SourceTexts } from './transform.ts';

/** Every *.json in the directory (not its schema/ folder), parsed, by file name. */
export function readSourceFiles(dir: string): SourceTexts {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return Object.fromEntries(files.map((f) => [f, JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown]));
}

export function writeGeo(dir: string, collections: Record<string, FeatureCollection>): void {
  for (const [name, fc] of Object.entries(collections)) writeFileSync(resolve(dir, name), formatGeoJson(fc));
}

/** The JSON Schema of each source file (for editors, through each file's "$schema"), by schema file name. */
export function sourceJsonSchemas(layers: readonly Layer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const layer of layers) {
    for (const [file, schema] of Object.entries(layer.sources)) {
      const json = z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any', reused: 'ref' });
      out[file.replace(/\.json$/, '.schema.json')] = `${JSON.stringify(json, null, 2)}\n`;
    }
  }
  return out;
}
