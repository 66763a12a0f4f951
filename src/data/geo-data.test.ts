// @vitest-environment node
/**
 * Checks on the authored data in geo/ (regenerate with `npx tsx scripts/author-geo.ts`).
 * Each check collects the features that fail it, so a failure names them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { area, booleanPointInPolygon, difference, distance, featureCollection, intersect } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { featureSchema, type AuthoredFeature } from './schema';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GEO = resolve(ROOT, 'geo');
const REPORT = resolve(ROOT, 'src/content/report-2023-08.zh.txt');

type Area = Polygon | MultiPolygon;
interface RawFeature {
  geometry: unknown;
  properties: { id?: unknown };
}

const files = readdirSync(GEO)
  .filter((f) => f.endsWith('.geojson'))
  .sort();
const raw: Record<string, RawFeature[]> = Object.fromEntries(
  files.map((f) => [f, (JSON.parse(readFileSync(resolve(GEO, f), 'utf8')) as { features: RawFeature[] }).features]),
);
// The typed view is only trusted after the schema test passes.
const all = Object.values(raw).flat() as unknown as AuthoredFeature[];
const ofFile = (name: string) => (raw[name] ?? []) as unknown as AuthoredFeature[];
const idOf = (f: RawFeature, i: number) => (typeof f.properties?.id === 'string' ? f.properties.id : `feature #${i}`);
const asArea = (f: AuthoredFeature): Feature<Area> => ({ type: 'Feature', geometry: f.geometry as Area, properties: {} });

const zones = ofFile('zones.geojson');
const changning = all.find((f) => f.properties.id === 'district-changning');

describe('geo/ files', () => {
  it('hold the expected layers', () => {
    expect(files).toEqual([
      'airport.geojson',
      'districts.geojson',
      'green.geojson',
      'heritage.geojson',
      'key-buildings.geojson',
      'metro-line2.geojson',
      'metro-stations.geojson',
      'places.geojson',
      'roads.geojson',
      'stations.geojson',
      'water.geojson',
      'zones.geojson',
    ]);
  });

  it('every feature passes featureSchema', () => {
    const failures: string[] = [];
    for (const [file, features] of Object.entries(raw)) {
      features.forEach((f, i) => {
        const r = featureSchema.safeParse(f);
        if (!r.success) failures.push(`${file} › ${idOf(f, i)}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      });
    }
    expect(failures).toEqual([]);
  });

  it('ids are unique across all files', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [file, features] of Object.entries(raw)) {
      features.forEach((f, i) => {
        const id = idOf(f, i);
        const other = seen.get(id);
        if (other) dupes.push(`${id} in ${other} and ${file}`);
        seen.set(id, file);
      });
    }
    expect(dupes).toEqual([]);
  });

  it('coordinates carry at most 6 decimals', () => {
    const long = files.filter((f) => /\d\.\d{7,}/.test(readFileSync(resolve(GEO, f), 'utf8')));
    expect(long).toEqual([]);
  });
});

describe('Changning district', () => {
  it('exists as a polygon', () => {
    expect(changning?.geometry?.type).toMatch(/Polygon/);
  });

  it('has an area within 1 % of the official 37.19 km²', () => {
    const km2 = area(asArea(changning!)) / 1e6;
    expect(Math.abs(km2 - 37.19) / 37.19, `district-changning is ${km2.toFixed(2)} km²`).toBeLessThan(0.01);
  });
});

describe('zones', () => {
  it('are exactly east, central and west', () => {
    expect(zones.map((z) => `${z.properties.id}:${z.properties.zone}`).sort()).toEqual([
      'zone-central:central',
      'zone-east:east',
      'zone-west:west',
    ]);
  });

  it('do not overlap each other', () => {
    const overlaps: string[] = [];
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        const a = zones[i]!;
        const b = zones[j]!;
        const both = intersect(featureCollection([asArea(a), asArea(b)]));
        const m2 = both ? area(both) : 0;
        if (m2 >= 1) overlaps.push(`${a.properties.id} × ${b.properties.id}: ${m2.toFixed(1)} m²`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('lie inside the Changning polygon', () => {
    const outside: string[] = [];
    for (const z of zones) {
      const rest = difference(featureCollection([asArea(z), asArea(changning!)]));
      const m2 = rest ? area(rest) : 0;
      if (m2 >= 1) outside.push(`${z.properties.id}: ${m2.toFixed(1)} m² outside district-changning`);
    }
    expect(outside).toEqual([]);
  });
});

/** Zones whose polygon contains the point. */
function zonesAt(coordinates: [number, number]): string[] {
  return zones.filter((z) => booleanPointInPolygon(coordinates, z.geometry as Area)).map((z) => z.properties.zone!);
}

describe('key buildings', () => {
  const buildings = ofFile('key-buildings.geojson');

  it('are 14 candidates, each tied to the report phrase', () => {
    expect(buildings).toHaveLength(14);
    const bad = buildings
      .filter((b) => !b.properties.report_terms?.includes('14幢重点楼宇') || !b.properties.identity.startsWith('Candidate — the report does not list the 14 buildings;') || b.properties.named_in_report)
      .map((b) => b.properties.id);
    expect(bad).toEqual([]);
  });

  it('each lies in exactly one zone, the one its `zone` property names', () => {
    const wrong: string[] = [];
    for (const b of buildings) {
      if (b.geometry?.type !== 'Point') {
        wrong.push(`${b.properties.id}: not a point`);
        continue;
      }
      const hits = zonesAt(b.geometry.coordinates);
      if (hits.length !== 1 || hits[0] !== b.properties.zone) wrong.push(`${b.properties.id}: zone ${b.properties.zone}, lies in [${hits.join(', ')}]`);
    }
    expect(wrong).toEqual([]);
  });

  it('the east zone holds Raffles City and Cloud Nine by their research points', () => {
    expect(zonesAt([121.409911, 31.218454])).toEqual(['east']);
    expect(zonesAt([121.411975, 31.220994])).toEqual(['east']);
  });
});

describe('places and stations', () => {
  it('located places the report assigns to a zone lie in that zone', () => {
    const wrong: string[] = [];
    for (const p of ofFile('places.geojson')) {
      if (p.geometry?.type !== 'Point' || !p.properties.zone) continue;
      const hits = zonesAt(p.geometry.coordinates);
      if (hits.length !== 1 || hits[0] !== p.properties.zone) wrong.push(`${p.properties.id}: zone ${p.properties.zone}, lies in [${hits.join(', ')}]`);
    }
    expect(wrong).toEqual([]);
  });

  it('unlocated places say so in `position`', () => {
    const bad = ofFile('places.geojson')
      .filter((p) => p.geometry === null && !p.properties.position.startsWith('not located:'))
      .map((p) => p.properties.id);
    expect(bad).toEqual([]);
  });

  it('every Line 2 station in Changning is within 100 m of its research position, unless a recorded check moved it', () => {
    const research = JSON.parse(readFileSync(resolve(GEO, 'research/geo-facts.json'), 'utf8')) as {
      stations: { name_zh: string; lon: number; lat: number; on_line2: boolean; in_changning: boolean }[];
    };
    const stations = ofFile('stations.geojson');
    const far: string[] = [];
    for (const r of research.stations.filter((s) => s.on_line2 && s.in_changning)) {
      const s = stations.find((f) => f.properties.name_zh === r.name_zh);
      if (!s || s.geometry?.type !== 'Point') {
        far.push(`${r.name_zh}: no station feature`);
        continue;
      }
      const m = distance(s.geometry.coordinates, [r.lon, r.lat], { units: 'meters' });
      // A moved station says where from and why (geo/sources/stations.json › override).
      if (m > 100 && /^The station complex as OpenStreetMap maps it/.test(s.properties.position) && s.properties.osm) continue;
      if (m > 100 || s.properties.in_changning !== true) far.push(`${s.properties.id}: ${m.toFixed(0)} m from research, in_changning ${s.properties.in_changning}`);
    }
    expect(far).toEqual([]);
    expect(stations.map((s) => s.properties.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('links to the report text', () => {
  const report = readFileSync(REPORT, 'utf8');

  it('every feature named in the report has a report_name that occurs in it', () => {
    const missing = all
      .filter((f) => f.properties.named_in_report && (!f.properties.report_name || !report.includes(f.properties.report_name)))
      .map((f) => `${f.properties.id}: "${f.properties.report_name ?? ''}"`);
    expect(missing).toEqual([]);
  });

  it('aliases and report_terms are exact substrings of the report', () => {
    const missing: string[] = [];
    for (const f of all) {
      for (const t of [...(f.properties.aliases ?? []), ...(f.properties.report_terms ?? [])]) {
        if (!report.includes(t)) missing.push(`${f.properties.id}: "${t}"`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('attribution', () => {
  it('features drawn from OpenStreetMap are flagged osm: true', () => {
    const unflagged = all
      .filter((f) => f.properties.sources.some((s) => /OpenStreetMap/.test(s)) && f.properties.osm !== true)
      .map((f) => f.properties.id);
    expect(unflagged).toEqual([]);
  });
});
