// @vitest-environment node
/**
 * The other lines' stations (geo/metro-stations.geojson) against the OpenStreetMap extract and the
 * line lists they were authored from (copies in geo/research/osm/), and the "nearest metro of any
 * line" figures on points whose answer is known.
 */
import { readFileSync } from 'node:fs';
import { destination, distance, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { walkBands } from 'virtual:derived-geo';
import type { FeatureCollection } from 'geojson';
import { whatsHere } from '../analysis/whats-here';
import { loadCatalog } from './load';
import { readGeoFiles } from './test-files';
import { validateGeo } from './validate';

const research = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../geo/research/osm/${name}`, import.meta.url), 'utf8')) as T;
const osm = research<{ features: { properties: { osm_id: number; name: string }; geometry: { coordinates: [number, number] } }[] }>('osm-metro-stations-changning.geojson');
const lineList = research<{ stations: { name_zh: string; lines: string[] }[] }>('metro-station-lines.json');
const catalog = loadCatalog();
// The provenance prose is not in start-up's data (stripProse): read it from geo/ itself.
const authored = new Map(Object.values(validateGeo(readGeoFiles())).flat().map((f) => [f.properties.id, f.properties]));
const metro = catalog.metroStations;
const byName = (zh: string) => metro.find((f) => f.properties.name_zh === zh);

describe('metro stations of the other lines', () => {
  it('include the Line 3/4, 10 and 15 stations in and around Changning, with their lines', () => {
    const expected: Record<string, number[]> = {
      虹桥路: [3, 4, 10],
      延安西路: [3, 4],
      伊犁路: [10],
      水城路: [10],
      龙溪路: [10],
      宋园路: [10],
      上海动物园: [10],
      虹桥1号航站楼: [10],
      交通大学: [10, 11],
      红宝石路: [15],
      姚虹路: [15],
    };
    for (const [zh, lines] of Object.entries(expected)) expect(byName(zh)?.properties.lines, zh).toEqual(lines);
  });

  it('leave Line 2 stations to stations.geojson', () => {
    for (const s of catalog.stations) expect(byName(s.properties.name_zh), s.properties.name_zh).toBeUndefined();
    for (const f of metro) expect(f.properties.lines, f.properties.id).not.toContain(2);
  });

  it('carry OSM node ids that exist in the extract under the same name, and lines as the line lists give them', () => {
    const nodeName = new Map(osm.features.map((n) => [n.properties.osm_id, n.properties.name.replace(/站$/, '')]));
    for (const f of metro) {
      const p = f.properties;
      expect(p.osm, p.id).toBe(true);
      expect(p.osm_ids?.length, p.id).toBeGreaterThan(0);
      for (const id of p.osm_ids!) expect(nodeName.get(id), `${p.id} node ${id}`).toBe(p.name_zh);
      const listed = lineList.stations.find((s) => s.name_zh === p.name_zh);
      expect(p.lines, p.id).toEqual(listed!.lines.map(Number));
      expect(p.line_colours?.length, p.id).toBe(p.lines!.length);
      expect(p.named_in_report, p.id).toBe(false);
      expect(authored.get(p.id)!.sources.join(' '), p.id).toMatch(/OpenStreetMap/);
    }
  });

  it('lie within 1 km of Changning and within 350 m of every OSM node of their name', () => {
    for (const f of metro) {
      for (const id of f.properties.osm_ids!) {
        const node = osm.features.find((n) => n.properties.osm_id === id)!;
        expect(distance(point(f.geometry.coordinates), point(node.geometry.coordinates), { units: 'meters' }), `${f.properties.id} ${id}`).toBeLessThan(350);
      }
    }
    expect(metro.filter((f) => f.properties.in_changning).map((f) => f.properties.name_zh).sort()).toEqual(
      ['上海动物园', '伊犁路', '姚虹路', '宋园路', '延安西路', '水城路', '红宝石路', '虹桥1号航站楼', '虹桥路', '龙溪路'].sort(),
    );
  });
});

describe('Line 2 stations against OpenStreetMap', () => {
  const nodesNamed = (zh: string) => osm.features.filter((n) => n.properties.name.replace(/站$/, '') === zh);
  const nearestNodeM = (f: (typeof catalog.stations)[number]) =>
    Math.min(...nodesNamed(f.properties.name_zh).map((n) => distance(point(f.geometry.coordinates), point(n.geometry.coordinates), { units: 'meters' })));

  it('every Line 2 station lies within 150 m of an OSM node of its name', () => {
    for (const s of catalog.stations) expect(nearestNodeM(s), s.properties.id).toBeLessThanOrEqual(150);
  });

  it('a station more than 100 m from every OSM node of its name says why it stays where it is', () => {
    for (const s of catalog.stations.filter((x) => nearestNodeM(x) > 100)) {
      expect(authored.get(s.properties.id)!.notes ?? '', s.properties.id).toMatch(/OpenStreetMap’s station node \d+ lies \d+ m/);
    }
  });

  it('中山公园 is the OSM station node, moved from Baidu’s point, and credits OpenStreetMap', () => {
    const zp = catalog.stations.find((s) => s.properties.id === 'station-zhongshan-park')!;
    expect(nearestNodeM(zp)).toBeLessThan(5);
    expect(zp.properties.osm).toBe(true);
    expect(authored.get(zp.properties.id)!.position).toMatch(/4520492425/);
    // The Line 2 track is drawn through the new point.
    const track = catalog.lines.flatMap((l) => (l.geometry?.type === 'LineString' ? l.geometry.coordinates : []));
    expect(track.some((v) => v[0] === zp.geometry.coordinates[0] && v[1] === zp.geometry.coordinates[1])).toBe(true);
  });

  it('Line 2 stations list the lines the line lists give, each with its colour', () => {
    for (const s of catalog.stations) {
      const listed = lineList.stations.find((x) => x.name_zh === s.properties.name_zh);
      expect(s.properties.lines, s.properties.id).toEqual(listed!.lines.map(Number));
      expect(s.properties.line_colours?.length, s.properties.id).toBe(s.properties.lines!.length);
      expect(s.properties.line_colours![s.properties.lines!.indexOf(2)], s.properties.id).toBe(s.properties.colour);
    }
  });
});

describe('nearest metro of any line', () => {
  const bands = walkBands as FeatureCollection;
  const at = (zh: string, metres: number, bearing: number) =>
    destination(point(byName(zh)!.geometry.coordinates), metres, bearing, { units: 'meters' }).geometry.coordinates as [number, number];

  it('300 m north of 伊犁路 (Line 10) it is 伊犁路, while the nearest Line 2 station is farther', () => {
    const here = whatsHere(catalog, bands, at('伊犁路', 300, 0));
    expect(here.nearestAny.station.properties.name_zh).toBe('伊犁路');
    expect(here.nearestAny.straightM).toBeCloseTo(300, 0);
    expect(here.nearestAny.walkEstimateM).toBeCloseTo(390, 0);
    expect(here.nearest.station.properties.kind).toBe('station');
    expect(here.nearest.straightM).toBeGreaterThan(here.nearestAny.straightM);
  });

  it('at a Line 2 station both answers are that station', () => {
    const s = catalog.stations.find((x) => x.properties.id === 'station-weining-road')!;
    const here = whatsHere(catalog, bands, s.geometry.coordinates);
    expect(here.nearestAny.stationId).toBe('station-weining-road');
    expect(here.nearest.stationId).toBe('station-weining-road');
  });

  it('for a street or an area, measured from the centre of its vertices, and said so', () => {
    for (const id of ['place-silicon-alley', 'place-xinhua-road-conservation-area', 'place-jingya-wuyi']) {
      const near = catalog.nearestStationTo(id)!;
      expect(near.fromCentre, id).toBe(true);
      expect(catalog.nearestMetroTo(id)!.fromCentre, id).toBe(true);
    }
    expect(catalog.nearestStationTo('place-simit')!.fromCentre).toBe(false);
    expect(catalog.nearestStationTo('place-lintangang')).toBeNull();
  });

  it('never farther than the nearest Line 2 station, for every building and located place', () => {
    for (const f of [...catalog.buildings, ...catalog.places]) {
      const line2 = catalog.nearestStationTo(f.properties.id);
      const any = catalog.nearestMetroTo(f.properties.id);
      if (!line2) {
        expect(any, f.properties.id).toBeNull();
        continue;
      }
      expect(any!.straightM, f.properties.id).toBeLessThanOrEqual(line2.straightM);
    }
  });
});
