// @vitest-environment node
/**
 * The transform on the committed inputs (geo/research/ copies + geo/sources/, so no ../shared is
 * needed) and on in-memory changes to them: byte-identical output, determinism, a curator's new
 * building reaching the catalog with its report paragraphs, a station override moving the track,
 * errors that name the file and record, and a layer plugged in from outside.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCatalog } from '../../src/data/catalog';
import { readReport } from '../../src/data/test-files';
import { feature, formatGeoJson, type FeatureCollection } from './feature';
import { readSourceFiles, sourceJsonSchemas } from './io';
import { defineLayer } from './layer';
import { readResearch } from './research';
import { idSchema, sourceFileSchema, text } from './source-file';
import { authorGeo, LAYERS, type SourceTexts } from './transform';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const GEO = resolve(ROOT, 'geo');
const research = readResearch(resolve(GEO, 'research'));
const sources = readSourceFiles(resolve(GEO, 'sources'));
const texts = (out: Record<string, FeatureCollection>) => Object.fromEntries(Object.entries(out).map(([f, fc]) => [f, formatGeoJson(fc)]));
const baseline = texts(authorGeo(research, sources));

/** A deep copy of the sources with one file changed. */
function withSource(file: string, change: (json: any) => void): SourceTexts {
  const copy = structuredClone(sources) as Record<string, any>;
  change(copy[file]);
  return copy;
}
const records = (out: Record<string, FeatureCollection>, file: string) => out[file]!.features;

describe('authorGeo on the committed inputs', () => {
  it('gives the committed geo/*.geojson byte for byte', () => {
    const committed = readdirSync(GEO).filter((f) => f.endsWith('.geojson')).sort();
    expect(Object.keys(baseline).sort()).toEqual(committed);
    for (const f of committed) expect(baseline[f], f).toBe(readFileSync(resolve(GEO, f), 'utf8'));
  });

  it('is deterministic and leaves its inputs as they were', () => {
    const before = JSON.stringify([research, sources]);
    expect(texts(authorGeo(structuredClone(research), structuredClone(sources)))).toEqual(baseline);
    expect(JSON.stringify([research, sources])).toBe(before);
  });

  it('the committed JSON Schemas of geo/sources/ are the current ones', () => {
    for (const [name, text] of Object.entries(sourceJsonSchemas(LAYERS))) {
      expect(readFileSync(resolve(GEO, 'sources/schema', name), 'utf8'), name).toBe(text);
    }
    for (const [file, json] of Object.entries(sources)) expect((json as { $schema?: string }).$schema, file).toBe(`./schema/${file.replace('.json', '.schema.json')}`);
  });

  it('the JSON Schemas accept every committed source file and refuse a broken record', () => {
    for (const [file, json] of Object.entries(sources)) {
      const schema = z.fromJSONSchema(JSON.parse(readFileSync(resolve(GEO, 'sources/schema', file.replace('.json', '.schema.json')), 'utf8')));
      expect(schema.safeParse(json).success, file).toBe(true);
      const broken = structuredClone(json) as { records: Record<string, unknown>[] };
      broken.records[0]!.confidence = 'certain';
      expect(schema.safeParse(broken).success, file).toBe(false);
    }
  });
});

describe('adding a building (geo/README.md, "Add a building in three steps")', () => {
  const fixture = {
    id: 'bldg-test-fixture-tower',
    class: 'office',
    name_zh: '测试大厦',
    name_en: 'Fixture Tower',
    address: '娄山关路1号（测试）',
    zone: 'central',
    report_terms: ['14幢重点楼宇'],
    at: { offset: { station: '娄山关路' }, metres: 150, bearing: 180 },
    confidence: 'low',
    identity: 'a fixture record for the test.',
    position: '150 m south of the 娄山关路 station.',
    sources: ['scripts/geo/transform.test.ts'],
  };
  const added = authorGeo(
    research,
    withSource('buildings.json', (j) => {
      j.records.push(fixture);
      j.layer.expected_count += 1;
    }),
  );

  it('appears in key-buildings.geojson with the layer’s shared text', () => {
    const f = records(added, 'key-buildings.geojson').find((x) => x.properties.id === fixture.id)!;
    expect(f.properties).toMatchObject({
      kind: 'key-building',
      zone: 'central',
      identity: 'Candidate — the report does not list the 14 buildings; a fixture record for the test.',
      position: '150 m south of the 娄山关路 station. Datum: WGS84.',
      sources: ['scripts/geo/transform.test.ts', 'geo-facts.md §6'],
    });
    expect(f.properties.notes).toMatch(/^No public list of the 14 buildings/);
    // every other file is unchanged
    for (const [file, text] of Object.entries(texts(added))) if (file !== 'key-buildings.geojson') expect(text, file).toBe(baseline[file]);
  });

  it('is in the catalog, linked to the report paragraphs of 14幢重点楼宇', () => {
    const files = Object.fromEntries(Object.entries(added).map(([f, fc]) => [f, JSON.parse(formatGeoJson(fc))]));
    const catalog = buildCatalog(files, readReport());
    expect(catalog.buildings.map((b) => b.properties.id)).toContain(fixture.id);
    const paragraphs = catalog.paragraphIdsFor(fixture.id);
    expect(paragraphs.length).toBeGreaterThan(0);
    expect(paragraphs).toEqual(catalog.paragraphIdsFor('bldg-gold-hongqiao-center'));
    expect(paragraphs.some((id) => catalog.report.paragraphs.find((p) => p.id === id)?.text.includes('14幢重点楼宇'))).toBe(true);
  });

  it('a record that lands outside its zone, or a lost one, stops the transform naming it', () => {
    const wrongZone = withSource('buildings.json', (j) => {
      j.records.push({ ...fixture, zone: 'east' });
      j.layer.expected_count += 1;
    });
    expect(() => authorGeo(research, wrongZone)).toThrow('geo/sources/buildings.json › bldg-test-fixture-tower: falls in zone central, expected east');
    expect(() => authorGeo(research, withSource('buildings.json', (j) => j.records.pop()))).toThrow(
      'geo/sources/buildings.json: expected 14 records (layer.expected_count), have 13',
    );
  });
});

describe('source errors name the file and the record', () => {
  it('a schema failure', () => {
    const bad = withSource('buildings.json', (j) => {
      j.records.find((r: any) => r.id === 'bldg-soho-tianshan-plaza').confidence = 'certain';
    });
    expect(() => authorGeo(research, bad)).toThrow(/^geo\/sources\/buildings\.json › bldg-soho-tianshan-plaza: confidence: /);
  });

  it('a position method with a wrong field: the method meant, not "matches no method"', () => {
    const bad = withSource('buildings.json', (j) => {
      j.records.find((r: any) => r.id === 'bldg-soho-tianshan-plaza').at.metres = '600';
    });
    expect(() => authorGeo(research, bad)).toThrow('geo/sources/buildings.json › bldg-soho-tianshan-plaza: at.metres: Invalid input: expected number, received string');
  });

  it('a research name that does not exist', () => {
    const bad = withSource('places.json', (j) => {
      j.records.find((r: any) => r.id === 'place-simit').geometry.point.place = '不存在的研究所';
    });
    expect(() => authorGeo(research, bad)).toThrow('geo/sources/places.json › place-simit: geo-facts places: expected exactly one "不存在的研究所", found 0');
  });

  it('a placeholder the layer does not know, a duplicate id, a file no layer reads', () => {
    const badText = withSource('districts.json', (j) => {
      j.records[0].position += ' {nonsense}';
    });
    expect(() => authorGeo(research, badText)).toThrow(/^geo\/sources\/districts\.json › district-changning: unknown placeholder \{nonsense\}/);
    const dup = withSource('roads.json', (j) => j.records.push(j.records[0]));
    expect(() => authorGeo(research, dup)).toThrow('geo/sources/roads.json › road-yanan-elevated: duplicate id');
    expect(() => authorGeo(research, { ...sources, 'bildings.json': { records: [] } })).toThrow('geo/sources/bildings.json: no layer reads this file');
  });

  it('a research item described twice, or not at all', () => {
    const twice = withSource('roads.json', (j) => j.records.push({ ...j.records[0], id: 'road-again' }));
    expect(() => authorGeo(research, twice)).toThrow('geo/sources/roads.json › road-again: a second record for 延安高架路');
    const none = withSource('stations.json', (j) => j.records.shift());
    expect(() => authorGeo(research, none)).toThrow('geo/sources/stations.json: Line 2 station of geo-facts.json 静安寺 has no record');
  });
});

describe('station overrides', () => {
  const override = {
    coordinates: [121.3915, 31.2135] as [number, number],
    position: 'Fixture: a surveyed entrance.',
    confidence: 'high',
    sources: ['fixture survey'],
  };
  const out = authorGeo(
    research,
    withSource('stations.json', (j) => {
      j.records.find((r: any) => r.name_zh === '威宁路').override = override;
    }),
  );
  const researchPoint = (() => {
    const s = research.geoFacts.stations.find((x) => x.name_zh === '威宁路')!;
    return [s.lon, s.lat];
  })();

  it('move the station and take its position text, confidence and sources', () => {
    const s = records(out, 'stations.geojson').find((f) => f.properties.id === 'station-weining-road')!;
    expect(s.geometry).toEqual({ type: 'Point', coordinates: override.coordinates });
    expect(s.properties).toMatchObject({ confidence: 'high', position: override.position, sources: override.sources, zone: 'central', order: 5 });
  });

  it('move the matching Line 2 track vertex, and only it', () => {
    const before = JSON.parse(baseline['metro-line2.geojson']!) as FeatureCollection;
    const after = records(out, 'metro-line2.geojson');
    const vertices = (fc: FeatureCollection['features']) => fc.flatMap((f) => (f.geometry?.type === 'LineString' ? f.geometry.coordinates : []));
    const was = vertices(before.features);
    const now = vertices(after);
    expect(now).toHaveLength(was.length);
    const changed = now.map((v, i) => i).filter((i) => now[i]!.join() !== was[i]!.join());
    expect(changed).toHaveLength(1);
    expect(was[changed[0]!]).toEqual(researchPoint);
    expect(now[changed[0]!]).toEqual(override.coordinates);
    for (const [file, text] of Object.entries(texts(out))) {
      if (file !== 'stations.geojson' && file !== 'metro-line2.geojson') expect(text, file).toBe(baseline[file]);
    }
  });

  it('refuse a station whose research point is no track vertex', () => {
    const moved = structuredClone(research);
    moved.geoFacts.stations.find((x) => x.name_zh === '威宁路')!.lon += 1e-6;
    const src = withSource('stations.json', (j) => {
      j.records.find((r: any) => r.name_zh === '威宁路').override = override;
    });
    expect(() => authorGeo(moved, src)).toThrow('geo/sources/stations.json › station-weining-road: the research point is no vertex of the Line 2 track');
  });

  it('no real station carries one', () => {
    expect((sources['stations.json'] as { records: { override?: unknown }[] }).records.filter((r) => r.override)).toEqual([]);
  });
});

describe('a layer module plugged in', () => {
  it('reads its own source file and an extra research input, and writes its own file', () => {
    const source = sourceFileSchema(z.strictObject({ id: idSchema, name_zh: text, name_en: text }));
    const extra = defineLayer<{ 'test-extra.json': z.infer<typeof source> }>({
      sources: { 'test-extra.json': source },
      build: ({ research: r, zoneOf }, { 'test-extra.json': src }) => ({
        'test-extra.geojson': src.records.map((rec) => {
          const p = r.extra['osm/test.geojson'] as [number, number];
          return feature(
            { id: rec.id, kind: 'place', name_zh: rec.name_zh, name_en: rec.name_en, zone: zoneOf(p), named_in_report: false, confidence: 'low', identity: 'x', position: 'x', sources: ['osm/test.geojson'] },
            { type: 'Point', coordinates: p },
          );
        }),
      }),
    });
    const out = authorGeo(
      { ...research, extra: { ...research.extra, 'osm/test.geojson': [121.409911, 31.218454] } },
      { ...sources, 'test-extra.json': { records: [{ id: 'test-extra-point', name_zh: '测试', name_en: 'Test' }] } },
      [...LAYERS, extra],
    );
    expect(out['test-extra.geojson']!.features.map((f) => [f.properties.id, f.properties.zone, f.geometry])).toEqual([
      ['test-extra-point', 'east', { type: 'Point', coordinates: [121.409911, 31.218454] }],
    ]);
    for (const [file, text] of Object.entries(texts(out))) if (file !== 'test-extra.geojson') expect(text, file).toBe(baseline[file]);
    expect(() => authorGeo(research, { ...sources, 'test-extra.json': { records: [{ id: 'Bad Id' }] } }, [...LAYERS, extra])).toThrow(
      /^geo\/sources\/test-extra\.json › Bad Id: id: id must be lower-case/,
    );
  });
});
