/**
 * places.geojson: every other place the report names, one record each in geo/sources/places.json
 * (geometry in the position vocabulary, or null when it could not be located). A located point the
 * report puts in a zone must lie in that zone.
 */
import { z } from 'zod';
import { feature } from './feature.ts';
import { defineLayer } from './layer.ts';
import { geomSchema, resolveGeom } from './positions.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, sourceFileSchema, sourcesSchema, text, zoneSchema } from './source-file.ts';

const FILE = 'places.json';

export const placesSource = sourceFileSchema(
  z.strictObject({
    id: idSchema.regex(/^place-/, 'a place id starts with "place-"'),
    comment: commentSchema,
    class: text,
    name_zh: text,
    name_en: text,
    report_name: text.describe('the exact report substring'),
    aliases: z.array(text).optional(),
    zone: zoneSchema.optional().describe('only where the report puts it in a zone'),
    address: text.optional(),
    geometry: geomSchema,
    confidence: confidenceSchema,
    osm: z.boolean().optional(),
    identity: text,
    position: text.describe('for an unlocated place, starts with "not located:"'),
    notes: text.optional(),
    sources: sourcesSchema,
  }),
);

export const places = defineLayer<{ [FILE]: z.infer<typeof placesSource> }>({
  sources: { [FILE]: placesSource },
  build({ research, zoneOf }, { [FILE]: src }) {
    const features = src.records.map((pl) =>
      forRecord(FILE, pl.id, () => {
        const g = resolveGeom(research, pl.geometry);
        if (g?.type === 'Point' && pl.zone) {
          const z = zoneOf(g.coordinates);
          if (z !== pl.zone) throw new Error(`the report puts it in ${pl.zone}, the point is in ${z ?? 'no zone'}`);
        }
        return feature(
          {
            id: pl.id,
            kind: 'place',
            class: pl.class,
            name_zh: pl.name_zh,
            name_en: pl.name_en,
            ...(pl.zone ? { zone: pl.zone } : {}),
            ...(pl.address ? { address: pl.address } : {}),
            named_in_report: true,
            report_name: pl.report_name,
            ...(pl.aliases ? { aliases: pl.aliases } : {}),
            confidence: pl.confidence,
            ...(pl.osm ? { osm: true } : {}),
            ...compose(src.layer, pl, g !== null),
          },
          g,
        );
      }),
    );
    return { 'places.geojson': features };
  },
});
