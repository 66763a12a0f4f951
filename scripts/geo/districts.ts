/** districts.geojson: the research's district outlines with the texts of geo/sources/districts.json. */
import type { MultiPolygon, Polygon } from 'geojson';
import { area } from '@turf/turf';
import { z } from 'zod';
import { feature } from './feature.ts';
import { m2ToKm2 } from './geometry.ts';
import { defineLayer } from './layer.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, matchRecords, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

const FILE = 'districts.json';

export const districtsSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    adcode: z.int().describe('the research district it describes (basemap-facts layers.districts)'),
    class: z.enum(['focus', 'neighbour', 'context']).describe('focus: the park’s district; neighbour: shares a border; context: fills the frame'),
    named_in_report: z.boolean(),
    report_name: text.optional(),
    confidence: confidenceSchema,
    identity: text,
    position: text.describe('may use {area_km2}: the drawn area'),
    sources: sourcesSchema,
  }),
);

export const districts = defineLayer<{ [FILE]: z.infer<typeof districtsSource> }>({
  sources: { [FILE]: districtsSource },
  build({ research }, { [FILE]: src }) {
    const items = research.basemap.layers.districts;
    const recs = matchRecords(FILE, items, src.records, { item: (d) => d.adcode, record: (r) => r.adcode, what: 'research district (adcode)' });
    const features = items.map((d) => {
      const rec = recs.get(d)!;
      return forRecord(FILE, rec.id, () =>
        feature(
          {
            id: rec.id,
            kind: 'district',
            class: rec.class,
            name_zh: d.name_zh,
            name_en: d.name_en,
            named_in_report: rec.named_in_report,
            ...(rec.report_name ? { report_name: rec.report_name } : {}),
            confidence: rec.confidence,
            ...compose(src.layer, rec, true, { area_km2: m2ToKm2(area(d.geometry as Polygon | MultiPolygon)) }),
          },
          d.geometry,
        ),
      );
    });
    return { 'districts.geojson': features };
  },
});
