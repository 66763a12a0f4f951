/**
 * One geo/ feature from its properties and geometry: properties in a fixed order, geometry tidied
 * (6 decimals, RFC 7946 rings), and the result checked against featureSchema — nothing that fails
 * it is returned. Also the text format of the written files.
 */
import type { Geometry } from 'geojson';
import { featureSchema, type FeatureProperties, type AuthoredFeature } from '../../src/data/schema.ts';
import { tidy } from './geometry.ts';

/** Property order in the files (readability only). */
const KEY_ORDER: (keyof FeatureProperties)[] = [
  'id', 'kind', 'class', 'name_zh', 'name_en', 'zone', 'address', 'named_in_report', 'report_name', 'aliases',
  'report_terms', 'line_id', 'lines', 'line_colours', 'order', 'in_changning', 'colour', 'confidence', 'schematic', 'osm',
  'osm_ids', 'identity', 'position', 'notes', 'sources',
];

export function feature(props: FeatureProperties, geometry: Geometry | null): AuthoredFeature {
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (props[k] !== undefined) ordered[k] = props[k];
  const f = { type: 'Feature', geometry: geometry ? tidy(geometry) : null, properties: ordered };
  const parsed = featureSchema.safeParse(f);
  if (!parsed.success) throw new Error(`${props.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return f as AuthoredFeature;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: AuthoredFeature[];
}

/** The file text: pretty JSON with each [lon, lat] pair on one line. */
export function formatGeoJson(fc: FeatureCollection): string {
  return `${JSON.stringify(fc, null, 2).replace(/\[\s+(-?\d+(?:\.\d+)?),\s+(-?\d+(?:\.\d+)?)\s+\]/g, '[$1, $2]')}\n`;
}
