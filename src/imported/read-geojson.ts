import { getIssues } from '@placemarkio/check-geojson';
import type { Feature, GeoJSON, Geometry } from 'geojson';
import { IMPORT_LIMITS } from './limits';
import { applyCrs, declaredCrs } from './crs';
import { ImportFailure, lineOf } from './problem';
import { checkCount, checkPosition, fieldText, type RawSite } from './raw-site';

const NAME_KEYS = ['name', 'name_zh', 'name_en', 'title', '名称', '名字'];

/** The first check-geojson issue as a problem that names its line. */
function checkerProblem(text: string, code: 'notJson' | 'notGeojson'): ImportFailure | null {
  const issue = getIssues(text)[0];
  if (!issue) return null;
  // check-geojson puts JSON syntax errors at offset 0 with "(line:column)" in the message.
  const inMessage = /\((\d+):(\d+)\)\s*$/.exec(issue.message);
  const line = inMessage ? Number(inMessage[1]) : lineOf(text, issue.from);
  return new ImportFailure(code, { line, message: issue.message });
}

/** A FeatureCollection's features, a Feature, or a bare geometry as one feature. */
function featuresOf(data: GeoJSON | null): Feature[] {
  if (data?.type === 'FeatureCollection' && Array.isArray(data.features)) return data.features;
  if (data?.type === 'Feature') return [data];
  if (data && typeof data === 'object' && 'coordinates' in data) return [{ type: 'Feature', geometry: data as Geometry, properties: {} }];
  throw new ImportFailure('notGeojson', { line: 1, message: 'not a FeatureCollection, Feature or geometry' });
}

function positionsOf(geometry: Geometry | null): number[][] | null {
  if (!geometry) return null;
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPoint') return geometry.coordinates;
  return null;
}

/**
 * The points of a GeoJSON file (Point and MultiPoint features, or a bare geometry). Other
 * geometries are counted as skipped: sites are points. A file that is not JSON, or not GeoJSON,
 * is refused with check-geojson's message and its line; a position off the Earth with its feature.
 */
export function readGeoJSON(text: string): { sites: RawSite[]; skipped: number; fieldNames: string[]; crs?: 'EPSG:3857' | 'EPSG:4490' } {
  let data: GeoJSON;
  try {
    data = JSON.parse(text) as GeoJSON;
  } catch (e) {
    throw checkerProblem(text, 'notJson') ?? new ImportFailure('notJson', { line: 1, message: (e as Error).message });
  }
  // Line-exact messages for files check-geojson reads quickly; bigger ones get the checks below.
  if (text.length <= IMPORT_LIMITS.maxCheckedBytes) {
    const problem = checkerProblem(text, 'notGeojson');
    if (problem) throw problem;
  }
  const features = featuresOf(data);
  const crs = applyCrs(features, declaredCrs(data));
  return { ...readFeatures(features), ...(crs ? { crs } : {}) };
}

/** The point sites of parsed features (from a GeoJSON file, or KML/GPX converted to it). */
export function readFeatures(features: Feature[]): { sites: RawSite[]; skipped: number; fieldNames: string[] } {
  checkCount(features.length);
  const sites: RawSite[] = [];
  let skipped = 0;
  // One list of property names for the file (in the order first seen), each site's values aligned to it.
  const fieldIndex = new Map<string, number>();
  features.forEach((feature, i) => {
    if (!feature || typeof feature !== 'object') throw new ImportFailure('notGeojson', { line: 1, message: `feature ${i + 1} is not an object` });
    const positions = positionsOf(feature.geometry ?? null);
    if (!positions) return void skipped++;
    const properties = feature.properties && typeof feature.properties === 'object' ? feature.properties : {};
    // Any case: a shapefile's dBase fields are upper case (NAME).
    const nameKey = NAME_KEYS.map((n) => Object.keys(properties).find((k) => k.toLowerCase() === n)).find((k) => k !== undefined && properties[k] !== undefined && properties[k] !== null && String(properties[k]).trim() !== '');
    const values: string[] = [];
    for (const [k, v] of Object.entries(properties)) {
      if (!fieldIndex.has(k)) fieldIndex.set(k, fieldIndex.size);
      values[fieldIndex.get(k)!] = fieldText(v);
    }
    for (let j = 0; j < values.length; j++) values[j] ??= '';
    for (const p of positions) {
      if (!Array.isArray(p) || p.length < 2) throw new ImportFailure('notGeojson', { line: 1, message: `feature ${i + 1} has a position that is not [lon, lat]` });
      sites.push({ name: nameKey ? fieldText(properties[nameKey]) : null, at: checkPosition(Number(p[0]), Number(p[1]), { kind: 'feature', n: i + 1 }), values });
    }
  });
  checkCount(sites.length);
  return { sites, skipped, fieldNames: [...fieldIndex.keys()].map(fieldText) };
}
