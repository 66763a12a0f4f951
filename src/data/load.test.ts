import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog';
import { loadCatalog, loadCatalogFromTexts } from './load';
import { readGeoFiles, readReport } from './test-files';
import { GEO_FILES, GeoDataError, stripProse } from './validate';

const texts = () =>
  Object.fromEntries(Object.keys(GEO_FILES).map((name) => [name, readFileSync(new URL(`../../geo/${name}`, import.meta.url), 'utf8')]));

describe('loading the catalog', () => {
  it('start-up reads the build-time validated data: the same catalog as validating geo/ now', () => {
    const atStart = loadCatalog();
    const validated = buildCatalog(readGeoFiles(), readReport());
    // start-up's features carry no provenance prose (it is served apart: prose.test.ts)
    expect(atStart.geo).toEqual(stripProse(validated.geo).geo);
    expect(atStart.report).toEqual(validated.report);
    for (const f of atStart.buildings) expect(atStart.excerptsFor(f.properties.id)).toEqual(validated.excerptsFor(f.properties.id));
  });

  it('validates data that arrives at run time, naming the file and the feature', async () => {
    await expect(loadCatalogFromTexts(texts())).resolves.toMatchObject({ zones: expect.any(Array) });
    const notJson = { ...texts(), 'water.geojson': '{"type": "FeatureCollection", "features": [' };
    await expect(loadCatalogFromTexts(notJson)).rejects.toThrow(GeoDataError);
    await expect(loadCatalogFromTexts(notJson)).rejects.toThrow(/^water\.geojson: not valid JSON/);
    const zones = JSON.parse(texts()['zones.geojson']!);
    zones.features.find((f: { properties: { id: string } }) => f.properties.id === 'zone-east').properties.confidence = 'certain';
    await expect(loadCatalogFromTexts({ ...texts(), 'zones.geojson': JSON.stringify(zones) })).rejects.toThrow(
      'zones.geojson › zone-east: properties.confidence: must be one of high, medium, low',
    );
  });
});
