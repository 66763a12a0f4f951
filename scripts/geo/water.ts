/** water.geojson: the research's Suzhou Creek line with the text of geo/sources/water.json. */
import { z } from 'zod';
import { feature } from './feature.ts';
import { defineLayer } from './layer.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, SourceError, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

const FILE = 'water.json';

export const waterSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    research: z.enum(['creek']).describe('the basemap item it describes (basemap-facts layers.creek)'),
    class: text,
    confidence: confidenceSchema,
    identity: text,
    position: text,
    sources: sourcesSchema,
  }),
);

export const water = defineLayer<{ [FILE]: z.infer<typeof waterSource> }>({
  sources: { [FILE]: waterSource },
  build({ research }, { [FILE]: src }) {
    if (src.records.length !== 1) throw new SourceError(FILE, undefined, `expected one record (the creek), found ${src.records.length}`);
    const features = src.records.map((rec) =>
      forRecord(FILE, rec.id, () => {
        const c = research.basemap.layers[rec.research];
        return feature(
          {
            id: rec.id,
            kind: 'water',
            class: rec.class,
            name_zh: c.name_zh,
            name_en: c.name_en,
            named_in_report: false,
            confidence: rec.confidence,
            ...compose(src.layer, rec, true),
          },
          c.geometry,
        );
      }),
    );
    return { 'water.geojson': features };
  },
});
