import { z } from 'zod';

/**
 * The shape of every feature in geo/. One schema for all layers so provenance reads the same
 * everywhere; layer-specific fields are optional and checked by `kind` in validate.ts.
 */
export const confidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidenceSchema>;

export const zoneIdSchema = z.enum(['east', 'central', 'west']);
export type ZoneId = z.infer<typeof zoneIdSchema>;

export const featureKindSchema = z.enum([
  // basemap
  'district',
  'road',
  'water',
  'green',
  'airport',
  'runway',
  // park content
  'zone',
  'key-building',
  'place',
  'metro-line',
  'station',
]);
export type FeatureKind = z.infer<typeof featureKindSchema>;

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position).min(4);
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2)).min(1) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const featurePropertiesSchema = z
  .object({
    /** stable ascii id, unique across all of geo/ */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case ascii words joined by "-"'),
    name_zh: z.string().min(1),
    name_en: z.string().min(1),
    kind: featureKindSchema,
    /** the zone a feature belongs to, where the report or our interpretation assigns one */
    zone: zoneIdSchema.optional(),
    address: z.string().min(1).optional(),
    /** citations: repository + file, web page, or "geo-facts.md §5" for the shared research notes */
    sources: z.array(z.string().min(1)).min(1),
    /** confidence in the position/geometry (identity is covered by named_in_report + identity) */
    confidence: confidenceSchema,
    /** true only when the report names this place itself; then report_name must occur in the report */
    named_in_report: z.boolean(),
    /** the exact form the report uses, when named_in_report */
    report_name: z.string().min(1).optional(),
    /** other forms of the name that should link the feature to report text (exact substrings) */
    aliases: z.array(z.string().min(1)).optional(),
    /** phrases in the report that concern this feature without naming it (e.g. "14幢重点楼宇") */
    report_terms: z.array(z.string().min(1)).optional(),
    /** where the feature's identity comes from (why it is on the map at all) */
    identity: z.string().min(1),
    /** how its position or geometry was obtained: datum, conversion, inference */
    position: z.string().min(1),
    notes: z.string().min(1).optional(),
    /** drawn as schematic (dashed / faint): geometry is a placeholder, not a survey */
    schematic: z.boolean().optional(),
    /** geometry derives from OpenStreetMap: the map must credit it */
    osm: z.boolean().optional(),
    /** road class, district role, etc. */
    class: z.string().min(1).optional(),
    /** stations: lines served, e.g. [2, 10] */
    lines: z.array(z.number().int()).optional(),
    /** stations: inside Changning district */
    in_changning: z.boolean().optional(),
    /** metro-line and stations: which line feature they belong to */
    line_id: z.string().optional(),
    /** line colour, stations order etc. */
    colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/).optional(),
    order: z.number().int().optional(),
  })
  .strict();
export type FeatureProperties = z.infer<typeof featurePropertiesSchema>;

export const featureSchema = z
  .object({
    type: z.literal('Feature'),
    /** null for a place the report names that could not be located */
    geometry: geometrySchema.nullable(),
    properties: featurePropertiesSchema,
  })
  .strict();
export type GeoFeature = z.infer<typeof featureSchema>;

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema),
});
