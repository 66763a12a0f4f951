import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog';
import { readGeoFiles, readReport } from './test-files';

const report = readReport();
const catalog = buildCatalog(readGeoFiles(), report);
const quoted = (id: string) => catalog.excerptsFor(id).map((e) => e.paragraph.text.slice(e.start, e.end));

describe('catalog: features linked to the report by their names', () => {
  it('gives each zone its own passage of the zone paragraph, starting at its bold name', () => {
    for (const zone of catalog.zones) {
      const name = zone.properties.report_name!;
      const passages = quoted(zone.properties.id);
      expect(passages.some((p) => p.startsWith(name)), zone.properties.id).toBe(true);
      const others = catalog.zones.filter((z) => z !== zone).map((z) => z.properties.report_name!);
      const own = passages.find((p) => p.startsWith(name))!;
      for (const other of others) expect(own).not.toContain(other);
    }
  });

  it('shows a candidate building the 2021 boundary paragraph and its zone’s passage', () => {
    for (const b of catalog.buildings) {
      const ex = catalog.excerptsFor(b.properties.id);
      const group = ex[0]!;
      expect(group.paragraph.text.slice(group.highlights[0]!.start, group.highlights[0]!.end)).toBe('14幢重点楼宇');
      const zoneName = catalog.zoneByKey(b.properties.zone!).properties.report_name!;
      expect(ex.some((e) => e.paragraph.text.slice(e.start, e.end).startsWith(zoneName)), b.properties.id).toBe(true);
    }
  });

  it('shows every station the corridor paragraph (the report’s words on Line 2)', () => {
    for (const s of catalog.stations) {
      expect(quoted(s.properties.id).some((p) => p.includes('地铁2号线')), s.properties.id).toBe(true);
    }
  });

  it('finds a passage for every place the report names', () => {
    for (const p of catalog.places.filter((x) => x.properties.named_in_report)) {
      const ex = catalog.excerptsFor(p.properties.id);
      expect(ex.length, p.properties.id).toBeGreaterThan(0);
      const marked = ex.flatMap((e) => e.highlights.map((h) => e.paragraph.text.slice(h.start, h.end)));
      expect(marked.some((m) => m.includes(p.properties.report_name!)), `${p.properties.id}: ${marked.join(' | ')}`).toBe(true);
    }
  });

  it('links a newly added place to its paragraphs with no table to edit', () => {
    const files = structuredClone(readGeoFiles()) as Record<string, { features: unknown[] }>;
    files['places.geojson']!.features.push({
      type: 'Feature',
      geometry: null,
      properties: {
        id: 'test-shanghai-quality-institute',
        name_zh: '上海质量管理科学研究院',
        name_en: 'Shanghai Academy of Quality Management',
        kind: 'place',
        sources: ['test'],
        confidence: 'low',
        named_in_report: true,
        report_name: '上海质量管理科学研究院',
        identity: 'test fixture',
        position: 'not located',
      },
    });
    const withNew = buildCatalog(files, report);
    const ex = withNew.excerptsFor('test-shanghai-quality-institute');
    expect(ex.map((e) => e.paragraph.id)).toEqual(['s1-2-p3']);
  });

  it('measures the straight-line distance from a building to its nearest Line 2 station', () => {
    for (const b of catalog.buildings) {
      const near = catalog.nearestStationTo(b.properties.id)!;
      expect(near.station.properties.kind).toBe('station');
      // Every candidate sits within reach of Line 2; a kilometre-plus answer means a wrong point.
      expect(near.straightM, b.properties.id).toBeLessThan(2500);
    }
  });
});
