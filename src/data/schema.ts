import { z } from 'zod/mini';

// zod/mini: the same schemas as zod's full API in a tree-shakable form (~10× smaller in the bundle).
const text = () => z.string().check(z.minLength(1));

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
  // other lines' stations (OpenStreetMap), context for "how far to the metro"
  'metro-station',
  // context: OpenStreetMap heritage footprints (geo/heritage.geojson)
  'heritage',
]);
export type FeatureKind = z.infer<typeof featureKindSchema>;

const position = z.tuple([z.number(), z.number()]);
const ring = z.array(position).check(z.minLength(4));
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position).check(z.minLength(2)) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).check(z.minLength(2))).check(z.minLength(1)) }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).check(z.minLength(1)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).check(z.minLength(1))).check(z.minLength(1)) }),
]);

export const featurePropertiesSchema = z.strictObject({
    /** stable ascii id, unique across all of geo/ */
    id: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case ascii words joined by "-"')),
    name_zh: text(),
    name_en: text(),
    kind: featureKindSchema,
    /** the zone a feature belongs to, where the report or our interpretation assigns one */
    zone: z.optional(zoneIdSchema),
    address: z.optional(text()),
    /** citations: repository + file, web page, or "geo-facts.md §5" for the shared research notes */
    sources: z.array(text()).check(z.minLength(1)),
    /** confidence in the position/geometry (identity is covered by named_in_report + identity) */
    confidence: confidenceSchema,
    /** true only when the report names this place itself; then report_name must occur in the report */
    named_in_report: z.boolean(),
    /** the exact form the report uses, when named_in_report */
    report_name: z.optional(text()),
    /** other forms of the name that should link the feature to report text (exact substrings) */
    aliases: z.optional(z.array(text())),
    /** phrases in the report that concern this feature without naming it (e.g. "14幢重点楼宇") */
    report_terms: z.optional(z.array(text())),
    /** where the feature's identity comes from (why it is on the map at all) */
    identity: text(),
    /** how its position or geometry was obtained: datum, conversion, inference */
    position: text(),
    notes: z.optional(text()),
    /** drawn as schematic (dashed / faint): geometry is a placeholder, not a survey */
    schematic: z.optional(z.boolean()),
    /** geometry derives from OpenStreetMap: the map must credit it */
    osm: z.optional(z.boolean()),
    /** road class, district role, etc. */
    class: z.optional(text()),
    /** stations: lines served, e.g. [2, 10] */
    lines: z.optional(z.array(z.int())),
    /** stations: inside Changning district */
    in_changning: z.optional(z.boolean()),
    /** metro-line and stations: which line feature they belong to */
    line_id: z.optional(z.string()),
    /** line colour, stations order etc. */
    colour: z.optional(z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/))),
    order: z.optional(z.int()),
    /** metro stations: each line's colour, in the order of `lines` */
    line_colours: z.optional(z.array(z.string().check(z.regex(/^#[0-9A-Fa-f]{6}$/)))),
    /** OpenStreetMap node ids the feature is drawn from (metro stations) */
    osm_ids: z.optional(z.array(z.int()).check(z.minLength(1))),
    /** heritage: OSM gives no name (name_zh / name_en then say what it is and its OSM id) */
    unnamed: z.optional(z.literal(true)),
    /** heritage: the OpenStreetMap element, e.g. "way/494633276" */
    osm_ref: z.optional(z.string().check(z.regex(/^(node|way|relation)\/\d+$/, 'osm_ref must be node|way|relation/<id>'))),
    /** heritage: the list it is on (OSM heritage:operator, e.g. 上海市优秀历史建筑) and its number there (heritage:ref) */
    heritage_list: z.optional(text()),
    heritage_ref: z.optional(text()),
    /** heritage: when it was built, as OSM gives it (start_date) */
    start_date: z.optional(text()),
    /** heritage: the report place it is linked to, by the rule in link_rule */
    place: z.optional(z.string().check(z.regex(/^place-[a-z0-9-]+$/))),
    /** heritage and the places they are linked to: the link rule, in words */
    link_rule: z.optional(text()),
});
export type FeatureProperties = z.infer<typeof featurePropertiesSchema>;

export const featureSchema = z.strictObject({
  type: z.literal('Feature'),
  /** null for a place the report names that could not be located */
  geometry: z.nullable(geometrySchema),
  properties: featurePropertiesSchema,
});
/** A feature as geo/ holds it, every field checked by featureSchema (build time, and data brought at run time). */
export type AuthoredFeature = z.infer<typeof featureSchema>;

/**
 * The provenance prose: a feature's identity, position, notes and sources. Start-up data carries
 * none of it (scripts/vite-plugin-authored-data.ts serves it apart, virtual:authored-data/prose):
 * only the provenance block and the exports read it, and it was a third of the data's weight.
 */
export const PROSE_KEYS = ['identity', 'position', 'notes', 'sources'] as const;
export type ProseKey = (typeof PROSE_KEYS)[number];
export type FeatureProse = Pick<FeatureProperties, ProseKey>;

/** A feature as the app holds it: the prose is optional (absent in the start-up data, see PROSE_KEYS). */
export type GeoFeature = Omit<AuthoredFeature, 'properties'> & { properties: Omit<FeatureProperties, ProseKey> & Partial<FeatureProse> };

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema),
});
