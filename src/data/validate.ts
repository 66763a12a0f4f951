import { coordAll } from '@turf/turf';
import type { Feature } from 'geojson';
import type { z } from 'zod/mini';
import { LAZY_GEO_FILES } from './lazy-geo-files';
import { featureCollectionSchema, PROSE_KEYS, type AuthoredFeature, type FeatureKind, type FeatureProse, type GeoFeature } from './schema';

/** A data problem, named precisely enough to fix: which file, which feature, what is wrong. */
export class GeoDataError extends Error {
  constructor(
    readonly file: string,
    readonly featureId: string | null,
    readonly problem: string,
  ) {
    super(`${file}${featureId ? ` › ${featureId}` : ''}: ${problem}`);
    this.name = 'GeoDataError';
  }
}

/** Which kinds each geo/ file may hold; a feature in the wrong file is a data error. */
export const GEO_FILES = {
  'districts.geojson': ['district'],
  'roads.geojson': ['road'],
  'water.geojson': ['water'],
  'green.geojson': ['green'],
  'airport.geojson': ['airport', 'runway'],
  'zones.geojson': ['zone'],
  'metro-line2.geojson': ['metro-line'],
  'stations.geojson': ['station'],
  'key-buildings.geojson': ['key-building'],
  'places.geojson': ['place'],
  'metro-stations.geojson': ['metro-station'],
  'heritage.geojson': ['heritage'],
} as const satisfies Record<string, readonly FeatureKind[]>;
export type GeoFileName = keyof typeof GEO_FILES;
export { LAZY_GEO_FILES };
export type LazyGeoFileName = (typeof LAZY_GEO_FILES)[number] & GeoFileName;
// Every lazy file is a geo/ file.
LAZY_GEO_FILES satisfies readonly GeoFileName[];

const GEOMETRY_FOR_KIND: Partial<Record<FeatureKind, readonly string[]>> = {
  zone: ['Polygon', 'MultiPolygon'],
  district: ['Polygon', 'MultiPolygon'],
  station: ['Point'],
  'metro-station': ['Point'],
  'key-building': ['Point'],
  'metro-line': ['LineString', 'MultiLineString'],
  road: ['LineString', 'MultiLineString'],
  runway: ['LineString'],
  heritage: ['Point', 'Polygon', 'MultiPolygon'],
};

export type ValidatedGeo = Record<GeoFileName, AuthoredFeature[]>;
/** What start-up gets: every file but the lazy ones (and, from the build, without the prose: stripProse). */
export type StartupGeo = Record<Exclude<GeoFileName, LazyGeoFileName>, GeoFeature[]>;

/** The start-up files and the lazy ones, apart. */
export function splitGeo(geo: ValidatedGeo): { startup: StartupGeo; lazy: Pick<ValidatedGeo, LazyGeoFileName> } {
  const startup: Partial<ValidatedGeo> = { ...geo };
  const lazy = {} as Pick<ValidatedGeo, LazyGeoFileName>;
  for (const name of LAZY_GEO_FILES) {
    lazy[name] = geo[name];
    delete startup[name];
  }
  return { startup: startup as StartupGeo, lazy };
}

/** The start-up files without their features' provenance prose, and the prose by feature id (PROSE_KEYS in schema.ts). */
export function stripProse(geo: StartupGeo): { geo: StartupGeo; prose: Record<string, FeatureProse> } {
  const prose: Record<string, FeatureProse> = {};
  const out = {} as StartupGeo;
  for (const [name, features] of Object.entries(geo) as [keyof StartupGeo, GeoFeature[]][]) {
    out[name] = features.map((f) => {
      const properties = { ...f.properties };
      const own: Partial<FeatureProse> = {};
      for (const key of PROSE_KEYS) {
        if (properties[key] !== undefined) (own as Record<string, unknown>)[key] = properties[key];
        delete properties[key];
      }
      prose[f.properties.id] = own as FeatureProse;
      return { ...f, properties };
    });
  }
  return { geo: out, prose };
}

function ringsOf(f: GeoFeature): [number, number][][] {
  const g = f.geometry;
  if (g?.type === 'Polygon') return g.coordinates;
  if (g?.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

function checkGeometry(file: string, f: GeoFeature): void {
  const id = f.properties.id;
  const allowed = GEOMETRY_FOR_KIND[f.properties.kind];
  if (!f.geometry) {
    // Only a report-named place may be unlocated: it is still listed, marked as not located.
    if (f.properties.kind !== 'place') throw new GeoDataError(file, id, 'geometry is null; only places may be unlocated');
    return;
  }
  if (allowed && !allowed.includes(f.geometry.type)) {
    throw new GeoDataError(file, id, `a ${f.properties.kind} must be ${allowed.join(' or ')}, not ${f.geometry.type}`);
  }
  for (const [lon, lat] of coordAll(f as Feature) as [number, number][]) {
    // The map covers Shanghai; anything else is a swapped or unconverted coordinate.
    if (!(lon > 120.8 && lon < 122.2 && lat > 30.6 && lat < 31.9)) {
      throw new GeoDataError(file, id, `position ${lon},${lat} is outside Shanghai (lon/lat swapped or not WGS84?)`);
    }
  }
  for (const ring of ringsOf(f)) {
    const a = ring[0]!;
    const b = ring[ring.length - 1]!;
    if (a[0] !== b[0] || a[1] !== b[1]) throw new GeoDataError(file, id, 'polygon ring is not closed');
  }
}

// zod/mini ships no message texts ("Invalid input"); say what was expected instead.
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'unrecognized_keys':
      return `unknown properties: ${issue.keys.join(', ')}`;
    case 'too_small':
      return `too short (at least ${String(issue.minimum)})`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return issue.message;
  }
}

/** geo/ files as text → their JSON; a file that is not JSON is a GeoDataError naming it. */
export function parseGeoTexts(texts: Readonly<Record<string, string | undefined>>): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  for (const name of Object.keys(GEO_FILES)) {
    const text = texts[name];
    if (text === undefined) continue;
    try {
      files[name] = JSON.parse(text);
    } catch (e) {
      throw new GeoDataError(name, null, `not valid JSON: ${(e as Error).message}`);
    }
  }
  return files;
}

/**
 * Validates every geo/ file: schema, kinds per file, geometry sanity, unique ids and
 * cross-references (zone, line). Throws the first GeoDataError found.
 */
export function validateGeo(files: Record<string, unknown>): ValidatedGeo {
  const out = {} as ValidatedGeo;
  const seen = new Map<string, string>();
  for (const name of Object.keys(GEO_FILES) as GeoFileName[]) {
    if (!(name in files)) throw new GeoDataError(name, null, 'file is missing');
    const raw = files[name];
    const parsed = featureCollectionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const index = typeof issue.path[1] === 'number' ? issue.path[1] : null;
      const rawFeatures = (raw as { features?: { properties?: { id?: unknown } }[] } | null)?.features;
      const rawId = index !== null ? rawFeatures?.[index]?.properties?.id : null;
      const who = typeof rawId === 'string' ? rawId : index !== null ? `feature #${index}` : null;
      throw new GeoDataError(name, who, `${issue.path.slice(2).join('.') || 'schema'}: ${describeIssue(issue)}`);
    }
    const kinds: readonly string[] = GEO_FILES[name];
    for (const f of parsed.data.features) {
      const id = f.properties.id;
      if (!kinds.includes(f.properties.kind)) {
        throw new GeoDataError(name, id, `kind "${f.properties.kind}" does not belong in this file (expected ${kinds.join(', ')})`);
      }
      const other = seen.get(id);
      if (other) throw new GeoDataError(name, id, `id is already used in ${other}`);
      seen.set(id, name);
      if (f.properties.named_in_report && !f.properties.report_name) {
        throw new GeoDataError(name, id, 'named_in_report is true but report_name is missing');
      }
      checkGeometry(name, f);
    }
    out[name] = parsed.data.features;
  }

  const zoneKeys = new Set(out['zones.geojson'].map((z) => z.properties.zone));
  const lineIds = new Set(out['metro-line2.geojson'].map((l) => l.properties.line_id));
  const placeIds = new Set(out['places.geojson'].map((l) => l.properties.id));
  for (const name of Object.keys(out) as GeoFileName[]) {
    for (const f of out[name]) {
      const p = f.properties;
      if (p.kind !== 'zone' && p.zone && !zoneKeys.has(p.zone)) {
        throw new GeoDataError(name, p.id, `zone "${p.zone}" has no feature in zones.geojson`);
      }
      if (p.kind === 'zone' && !p.zone) throw new GeoDataError(name, p.id, 'a zone needs its zone key');
      if (p.line_colours && p.line_colours.length !== (p.lines ?? []).length) {
        throw new GeoDataError(name, p.id, `line_colours has ${p.line_colours.length} colours for ${(p.lines ?? []).length} lines`);
      }
      if (p.place && !placeIds.has(p.place)) throw new GeoDataError(name, p.id, `place "${p.place}" has no feature in places.geojson`);
      if (p.line_id && !lineIds.has(p.line_id)) {
        throw new GeoDataError(name, p.id, `line_id "${p.line_id}" has no feature in metro-line2.geojson`);
      }
    }
  }
  return out;
}
