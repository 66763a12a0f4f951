/**
 * zones.geojson: the texts of geo/sources/zones.json on the polygons zone-outlines.ts builds from
 * the same records' `outline` parameters.
 */
import { area } from '@turf/turf';
import { z } from 'zod';
import { feature } from './feature.ts';
import { m2ToKm2 } from './geometry.ts';
import { defineLayer } from './layer.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, layerTextSchema, lonLatSchema, SourceError, sourceFileSchema, sourcesSchema, text, zoneSchema } from './source-file.ts';

export const ZONES_FILE = 'zones.json';

const metres = z.number().nonnegative();
const outlines = {
  east: z.strictObject({
    comment: commentSchema,
    inner_ring_top: lonLatSchema.describe('the Inner Ring vertex where the ring leaves it northwards (an OSM vertex at the park’s latitude)'),
    jiangsu_extend_north_m: metres.describe('江苏路 lengthened north to meet 愚园路'),
    jiangsu_extend_south_m: metres.describe('江苏路 lengthened south to meet 延安西路'),
    jiangsu_shift_east_m: metres.describe('江苏路 moved east so the Line 2 江苏路 station is inside'),
    yuyuan_shift_north_m: metres.describe('the north frontage of 愚园路'),
    yuyuan_frontage_near: lonLatSchema.describe('the 愚园路 point (moved north like the frontage) east of 中山公园'),
    park_north_east: lonLatSchema.describe('NE of 中山公园, outside its drawn circle'),
    with_silicon_alley: z.boolean().describe('unite with the research’s 上海硅巷 polygon'),
  }),
  central: z.strictObject({
    comment: commentSchema,
    middle_ring_extend_m: metres.describe('the placeholder 中环 lengthened so it meets 延安高架'),
    tianshan_shift_north_m: metres.describe('the north frontage of 天山路 / 天山西路'),
    inner_ring_north: lonLatSchema.describe('the Inner Ring vertex where the north edge meets it (a vertex, so rounding cannot move it off the shared line)'),
  }),
  west: z.strictObject({
    comment: commentSchema,
    songhong_shift_east_m: metres.describe('淞虹路 moved east so 光大安石 and the station are inside'),
    songhong_south_to_lat: z.number().describe('where the east edge, run due south from the drawn 淞虹路, is taken to end'),
    hongqiao_shift_south_m: metres.describe('虹桥路 moved south so T1 is inside'),
    west_lon: z.number().describe('the west edge, past the S20, before clipping to Changning'),
  }),
};
export type ZoneOutlines = { [K in keyof typeof outlines]: z.infer<(typeof outlines)[K]> };

const base = {
  id: idSchema,
  comment: commentSchema,
  name_zh: text,
  name_en: text,
  report_name: text.describe('the exact report substring'),
  aliases: z.array(text).optional(),
  report_terms: z.array(text),
  confidence: confidenceSchema,
  osm: z.boolean().optional().describe('edges reuse OpenStreetMap-derived street lines'),
  identity: text,
  position: text.describe('may use {area_km2} and, e.g. {jiangsu_shift_east_m}, any number of its outline'),
  notes: text.optional(),
  sources: sourcesSchema,
};

export const zonesSource = sourceFileSchema(
  z.discriminatedUnion('zone', [
    z.strictObject({ ...base, zone: z.literal('east'), outline: outlines.east }),
    z.strictObject({ ...base, zone: z.literal('central'), outline: outlines.central }),
    z.strictObject({ ...base, zone: z.literal('west'), outline: outlines.west }),
  ]),
  layerTextSchema.extend({
    checks: z
      .array(z.strictObject({ name: text, point: lonLatSchema, zone: zoneSchema }))
      .describe('points that must lie in the named zone (the build stops otherwise)'),
  }),
);
export type ZonesSource = z.infer<typeof zonesSource>;

/** The outline parameters of each zone; each zone needs exactly one record. */
export function zoneOutlines(src: ZonesSource): ZoneOutlines {
  const get = <K extends keyof ZoneOutlines>(zone: K): ZoneOutlines[K] => {
    const found = src.records.filter((r) => r.zone === zone);
    if (found.length !== 1) throw new SourceError(ZONES_FILE, undefined, `expected one record for zone ${zone}, found ${found.length}`);
    return found[0]!.outline as ZoneOutlines[K];
  };
  return { east: get('east'), central: get('central'), west: get('west') };
}

const numbers = (o: object): Record<string, number> =>
  Object.fromEntries(Object.entries(o).filter((e): e is [string, number] => typeof e[1] === 'number'));

export const zones = defineLayer<{ [ZONES_FILE]: ZonesSource }>({
  sources: { [ZONES_FILE]: zonesSource },
  build({ zones: polygons }, { [ZONES_FILE]: src }) {
    const features = (['east', 'central', 'west'] as const).map((zone) => {
      const rec = src.records.find((r) => r.zone === zone)!;
      return forRecord(ZONES_FILE, rec.id, () => {
        const g = polygons.get(zone)!;
        return feature(
          {
            id: rec.id,
            kind: 'zone',
            name_zh: rec.name_zh,
            name_en: rec.name_en,
            zone,
            named_in_report: true,
            report_name: rec.report_name,
            ...(rec.aliases ? { aliases: rec.aliases } : {}),
            report_terms: rec.report_terms,
            confidence: rec.confidence,
            ...(rec.osm ? { osm: true } : {}),
            // the outline's distances may be quoted in the text, so the two cannot drift apart
            ...compose(src.layer, rec, true, { ...numbers(rec.outline), area_km2: m2ToKm2(area(g)) }),
          },
          g,
        );
      });
    });
    return { 'zones.geojson': features };
  },
});
