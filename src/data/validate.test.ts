import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog';
import { readGeoFiles, readReport } from './test-files';
import { GeoDataError, validateGeo } from './validate';

/** A deep copy of the real data with one feature changed: the broken fixture. */
function breakFeature(file: string, id: string, change: (f: Record<string, any>) => void) {
  const files = structuredClone(readGeoFiles()) as Record<string, { features: Record<string, any>[] }>;
  const f = files[file]!.features.find((x) => x.properties.id === id);
  if (!f) throw new Error(`fixture: no ${id} in ${file}`);
  change(f);
  return files;
}

function errorOf(fn: () => unknown): GeoDataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof GeoDataError) return e;
    throw e;
  }
  throw new Error('expected a GeoDataError');
}

describe('geo/ validation at start-up', () => {
  it('accepts the project data', () => {
    expect(() => buildCatalog(readGeoFiles(), readReport())).not.toThrow();
  });

  it('names file and feature when a required property is missing', () => {
    const files = breakFeature('zones.geojson', 'zone-central', (f) => delete f.properties.name_en);
    const e = errorOf(() => validateGeo(files));
    expect(e.message).toBe('zones.geojson › zone-central: properties.name_en: expected string');
  });

  it('names an unknown property and an out-of-range confidence', () => {
    const extra = breakFeature('zones.geojson', 'zone-east', (f) => (f.properties.colour_name = 'blue'));
    expect(errorOf(() => validateGeo(extra)).message).toBe('zones.geojson › zone-east: properties: unknown properties: colour_name');
    const conf = breakFeature('zones.geojson', 'zone-west', (f) => (f.properties.confidence = 'certain'));
    expect(errorOf(() => validateGeo(conf)).message).toBe('zones.geojson › zone-west: properties.confidence: must be one of high, medium, low');
  });

  it('rejects a position that is not WGS84 in Shanghai (swapped lon/lat)', () => {
    const files = breakFeature('stations.geojson', 'station-zhongshan-park', (f) => f.geometry.coordinates.reverse());
    expect(errorOf(() => validateGeo(files)).message).toMatch(/stations\.geojson › station-zhongshan-park: position .* outside Shanghai/);
  });

  it('rejects a heritage feature linked to a place that does not exist, or with a malformed OSM reference', () => {
    const place = breakFeature('heritage.geojson', 'heritage-way-494633276', (f) => (f.properties.place = 'place-nowhere'));
    expect(errorOf(() => validateGeo(place)).message).toBe('heritage.geojson › heritage-way-494633276: place "place-nowhere" has no feature in places.geojson');
    const ref = breakFeature('heritage.geojson', 'heritage-way-494633276', (f) => (f.properties.osm_ref = 'way 494633276'));
    expect(errorOf(() => validateGeo(ref)).message).toMatch(/^heritage\.geojson › heritage-way-494633276: properties\.osm_ref: /);
  });

  it('keeps the lazy heritage file out of the start-up catalog', () => {
    const catalog = buildCatalog(readGeoFiles(), readReport());
    expect(Object.keys(catalog.geo)).not.toContain('heritage.geojson');
    expect(catalog.byId.has('heritage-way-494633276')).toBe(false);
  });

  it('rejects a duplicate id across files', () => {
    const firstPlace = (readGeoFiles()['places.geojson'] as any).features[0].properties.id as string;
    const files = breakFeature('places.geojson', firstPlace, (f) => {
      f.properties.id = 'zone-east';
    });
    expect(errorOf(() => validateGeo(files)).message).toMatch(/places\.geojson › zone-east: id is already used in zones\.geojson/);
  });

  it('rejects a zone reference that resolves to no zone', () => {
    const firstBuilding = (readGeoFiles()['key-buildings.geojson'] as any).features[0].properties.id as string;
    const files = breakFeature('key-buildings.geojson', firstBuilding, (f) => {
      f.properties.zone = 'north';
    });
    expect(errorOf(() => validateGeo(files)).message).toContain(`key-buildings.geojson › ${firstBuilding}`);
  });

  it('rejects an unclosed polygon ring', () => {
    const files = breakFeature('zones.geojson', 'zone-west', (f) => {
      const ring = f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : f.geometry.coordinates[0][0];
      ring.pop();
      ring.push([ring[0][0] + 0.001, ring[0][1]]);
    });
    expect(errorOf(() => validateGeo(files)).message).toBe('zones.geojson › zone-west: polygon ring is not closed');
  });

  it('rejects a report_name the report does not contain', () => {
    const files = breakFeature('zones.geojson', 'zone-east', (f) => {
      f.properties.report_name = '北部片区';
    });
    expect(errorOf(() => buildCatalog(files, readReport())).message).toMatch(/zones\.geojson › zone-east: report_name "北部片区"/);
  });

  it('rejects an unlocated feature that is not a place', () => {
    const firstBuilding = (readGeoFiles()['key-buildings.geojson'] as any).features[0].properties.id as string;
    const files = breakFeature('key-buildings.geojson', firstBuilding, (f) => {
      f.geometry = null;
    });
    expect(errorOf(() => validateGeo(files)).message).toMatch(/geometry is null; only places may be unlocated/);
  });
});
