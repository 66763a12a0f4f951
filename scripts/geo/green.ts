/**
 * green.geojson: the research has a point and an area-derived radius per park, no outline, so each
 * park is drawn as a circle; the texts are geo/sources/green.json.
 */
import { circle } from '@turf/turf';
import { z } from 'zod';
import { feature } from './feature.ts';
import { defineLayer } from './layer.ts';
import { pointCoords } from './research.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, matchRecords, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

const FILE = 'green.json';

export const greenSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    name_zh: text.describe('the basemap park it describes (basemap-facts layers.green)'),
    class: text,
    address: text.optional(),
    radius_m: z.number().positive().optional().describe('used only where the research gives no radius'),
    confidence: confidenceSchema,
    schematic: z.boolean().optional(),
    identity: text.optional(),
    position: text.describe('may use {radius_m} and {centre}'),
    sources: sourcesSchema,
  }),
);

export const green = defineLayer<{ [FILE]: z.infer<typeof greenSource> }>({
  sources: { [FILE]: greenSource },
  build({ research }, { [FILE]: src }) {
    const items = research.basemap.layers.green;
    const recs = matchRecords(FILE, items, src.records, { item: (g) => g.name_zh, record: (r) => r.name_zh, what: 'basemap park' });
    const features = items.map((g) => {
      const rec = recs.get(g)!;
      return forRecord(FILE, rec.id, () => {
        const radius = g.approx_radius_m ?? rec.radius_m;
        if (!radius) throw new Error('no radius: the research gives none, so the record needs radius_m');
        const centre = pointCoords(g);
        return feature(
          {
            id: rec.id,
            kind: 'green',
            class: rec.class,
            name_zh: g.name_zh,
            name_en: g.name_en,
            ...(rec.address ? { address: rec.address } : {}),
            named_in_report: false,
            confidence: rec.confidence,
            ...(rec.schematic ? { schematic: true } : {}),
            ...compose(src.layer, rec, true, { radius_m: radius, centre: centre.join(', ') }),
          },
          circle(centre, radius, { steps: 48, units: 'meters' }).geometry,
        );
      });
    });
    return { 'green.geojson': features };
  },
});
