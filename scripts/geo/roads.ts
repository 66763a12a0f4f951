/**
 * roads.geojson: the basemap roads of the research with the texts of geo/sources/roads.json (one
 * record per road, matched by name_zh; an unmatched road or record is an error).
 */
import { z } from 'zod';
import { feature } from './feature.ts';
import { defineLayer } from './layer.ts';
import { conf } from './research.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, matchRecords, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

const FILE = 'roads.json';
const RANK = { low: 0, medium: 1, high: 2 } as const;

export const roadsSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    name_zh: text.describe('the basemap road it describes (basemap-facts layers.roads)'),
    confidence: confidenceSchema.describe('no higher than the research’s rating; "low" also marks the road schematic'),
    position: text,
    notes: text.optional(),
    sources: sourcesSchema,
  }),
);

export const roads = defineLayer<{ [FILE]: z.infer<typeof roadsSource> }>({
  sources: { [FILE]: roadsSource },
  build({ research }, { [FILE]: src }) {
    const items = research.basemap.layers.roads;
    const recs = matchRecords(FILE, items, src.records, { item: (r) => r.name_zh, record: (r) => r.name_zh, what: 'basemap road' });
    const features = items.map((r) => {
      const rec = recs.get(r)!;
      return forRecord(FILE, rec.id, () => {
        const rated = conf(r.confidence);
        if (RANK[rec.confidence] > RANK[rated]) throw new Error(`confidence ${rec.confidence} is above the research's "${r.confidence}"`);
        // Geometry that derives from OpenStreetMap, even only its end points, must be credited.
        const osm = /OpenStreetMap|\bOSM\b/.test(`${r.source} ${r.license_attribution}`);
        return feature(
          {
            id: rec.id,
            kind: 'road',
            class: r.class,
            name_zh: r.name_zh,
            name_en: r.name_en,
            named_in_report: false,
            confidence: rec.confidence,
            // anchor lines and placeholders (rated low) are straight lines, not traced streets
            ...(rec.confidence === 'low' ? { schematic: true } : {}),
            ...(osm ? { osm: true } : {}),
            ...compose(src.layer, rec, true),
          },
          r.geometry,
        );
      });
    });
    return { 'roads.geojson': features };
  },
});
