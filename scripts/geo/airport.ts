/** airport.geojson: the Hongqiao reference point, terminals and runways of geo/sources/airport.json. */
import { z } from 'zod';
import { feature } from './feature.ts';
import { defineLayer } from './layer.ts';
import { geomSchema, resolveGeom } from './positions.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

const FILE = 'airport.json';

export const airportSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    kind: z.enum(['airport', 'runway']),
    class: text,
    name_zh: text,
    name_en: text,
    address: text.optional(),
    lines: z.array(z.int()).optional().describe('metro lines serving it'),
    geometry: geomSchema,
    confidence: confidenceSchema,
    schematic: z.boolean().optional(),
    identity: text.optional(),
    position: text,
    notes: text.optional(),
    sources: sourcesSchema,
  }),
);

export const airport = defineLayer<{ [FILE]: z.infer<typeof airportSource> }>({
  sources: { [FILE]: airportSource },
  build({ research }, { [FILE]: src }) {
    const features = src.records.map((rec) =>
      forRecord(FILE, rec.id, () => {
        const g = resolveGeom(research, rec.geometry);
        return feature(
          {
            id: rec.id,
            kind: rec.kind,
            class: rec.class,
            name_zh: rec.name_zh,
            name_en: rec.name_en,
            ...(rec.address ? { address: rec.address } : {}),
            named_in_report: false,
            ...(rec.lines ? { lines: rec.lines } : {}),
            confidence: rec.confidence,
            ...(rec.schematic ? { schematic: true } : {}),
            ...compose(src.layer, rec, g !== null),
          },
          g,
        );
      }),
    );
    return { 'airport.geojson': features };
  },
});
