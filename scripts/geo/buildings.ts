/**
 * key-buildings.geojson: the candidates for the report's 14幢重点楼宇, one record each in
 * geo/sources/buildings.json. Each record says where the building is in the position vocabulary
 * (positions.ts) and must land in the zone it names.
 */
import { z } from 'zod';
import { feature } from './feature.ts';
import { defineLayer } from './layer.ts';
import { posSchema, resolvePos } from './positions.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, layerTextSchema, SourceError, sourceFileSchema, sourcesSchema, text, zoneSchema } from './source-file.ts';

export const BUILDINGS_FILE = 'buildings.json';

export const buildingsSource = sourceFileSchema(
  z.strictObject({
    id: idSchema.regex(/^bldg-/, 'a building id starts with "bldg-"'),
    comment: commentSchema,
    class: text,
    name_zh: text,
    name_en: text,
    address: text,
    zone: zoneSchema.describe('the zone it is a candidate for; its point must lie in that zone'),
    report_terms: z.array(text).describe('report phrases it is linked to; each must occur in the report'),
    at: posSchema,
    confidence: confidenceSchema,
    osm: z.boolean().optional().describe('the position was computed from an OpenStreetMap-derived street line'),
    identity: text,
    position: text,
    notes: text.optional(),
    sources: sourcesSchema,
  }),
  layerTextSchema.extend({
    expected_count: z.int().positive().describe('how many records there must be (a lost or doubled record stops the build)'),
  }),
);

export const buildings = defineLayer<{ [BUILDINGS_FILE]: z.infer<typeof buildingsSource> }>({
  sources: { [BUILDINGS_FILE]: buildingsSource },
  build({ research, zoneOf }, { [BUILDINGS_FILE]: src }) {
    const expected = src.layer?.expected_count;
    if (expected !== undefined && src.records.length !== expected) {
      throw new SourceError(BUILDINGS_FILE, undefined, `expected ${expected} records (layer.expected_count), have ${src.records.length}`);
    }
    const features = src.records.map((b) =>
      forRecord(BUILDINGS_FILE, b.id, () => {
        const p = resolvePos(research, b.at);
        const inZone = zoneOf(p);
        if (inZone !== b.zone) throw new Error(`falls in zone ${inZone ?? 'none'}, expected ${b.zone}`);
        return feature(
          {
            id: b.id,
            kind: 'key-building',
            class: b.class,
            name_zh: b.name_zh,
            name_en: b.name_en,
            zone: b.zone,
            address: b.address,
            named_in_report: false,
            report_terms: b.report_terms,
            confidence: b.confidence,
            ...(b.osm ? { osm: true } : {}),
            ...compose(src.layer, b, true),
          },
          { type: 'Point', coordinates: p },
        );
      }),
    );
    return { 'key-buildings.geojson': features };
  },
});
