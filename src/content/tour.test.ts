import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../data/catalog';
import { readGeoFiles, readReport } from '../data/test-files';
import tourJson from './tour.json';
import { indicators } from './indicators';
import { checkTourFeatures, loadTour, tour, type TourStep } from './tour';

const report = readReport();
const catalog = buildCatalog(readGeoFiles(), report);
const fixture = (): TourStep[] => structuredClone(tourJson) as TourStep[];
const reportText = report.paragraphs.map((p) => p.text).join('\n');

describe('guided tour', () => {
  it('has 7–9 steps in the story order, with unique ascii ids', () => {
    expect(tour.length).toBeGreaterThanOrEqual(7);
    expect(tour.length).toBeLessThanOrEqual(9);
    const ids = tour.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(ids.slice(0, 7)).toEqual([
      'boundary-2021',
      'east-zone',
      'central-zone',
      'west-zone',
      'line-2-corridor',
      'digital-economy',
      'talent',
    ]);
  });

  it('shows only paragraphs that exist in the parsed report', () => {
    const paragraphIds = new Set(report.paragraphs.map((p) => p.id));
    for (const step of tour) for (const pid of step.paragraph_ids) expect(paragraphIds.has(pid), `${step.id}: ${pid}`).toBe(true);
  });

  it('uses only feature ids from geo/, selectable selections and located emphasis', () => {
    for (const step of tour) {
      for (const id of [...(step.select ? [step.select] : []), ...step.emphasis]) {
        expect(catalog.byId.has(id), `${step.id}: ${id}`).toBe(true);
      }
    }
    expect(() => checkTourFeatures(tour, catalog.byId)).not.toThrow();
  });

  it('uses only indicator ids from indicators.json', () => {
    const known = new Set(indicators.map((i) => i.id));
    for (const step of tour) for (const id of step.indicator_ids ?? []) expect(known.has(id), `${step.id}: ${id}`).toBe(true);
  });

  it('tells the story the brief asks for', () => {
    const step = (id: string) => tour.find((s) => s.id === id)!;
    // all 14 candidate buildings on the boundary step
    expect([...step('boundary-2021').emphasis].sort()).toEqual(catalog.buildings.map((b) => b.properties.id).sort());
    expect(step('east-zone').select).toBe('zone-east');
    expect(step('central-zone').select).toBe('zone-central');
    expect(step('west-zone').select).toBe('zone-west');
    expect(step('line-2-corridor').emphasis).toEqual(expect.arrayContaining(catalog.stations.map((s) => s.properties.id)));
    expect(step('digital-economy').indicator_ids?.length).toBeGreaterThan(0);
    expect(step('talent').select).toBe('place-overseas-talent-centre');
    expect(step('talent').indicator_ids).toContain('foreign-work-permits-2022');
    // every indicator appears somewhere in the tour
    const shown = new Set(tour.flatMap((s) => s.indicator_ids ?? []));
    for (const ind of indicators) expect(shown.has(ind.id), ind.id).toBe(true);
  });

  it('narrates in the team’s own words: no 10-character run copied from the report', () => {
    // place names are the report's by necessity: blank them out before looking for copied runs
    const names = [...catalog.byId.values()]
      .flatMap((f) => [f.properties.name_zh, f.properties.report_name ?? ''])
      .filter((n) => n.length > 1)
      .sort((a, b) => b.length - a.length);
    const copied: string[] = [];
    for (const step of tour) {
      for (const raw of [step.title_zh, step.text_zh]) {
        const text = names.reduce((t, n) => t.replaceAll(n, '□'), raw);
        for (let i = 0; i + 10 <= text.length; i++) {
          const run = text.slice(i, i + 10);
          if (reportText.includes(run)) copied.push(`${step.id}: "${run}"`);
        }
      }
    }
    expect(copied).toEqual([]);
  });

  it('throws naming the step on an unknown paragraph, indicator or feature', () => {
    const badParagraph = fixture();
    badParagraph[2]!.paragraph_ids = ['s1-1-p9'];
    expect(() => loadTour(badParagraph, report, indicators)).toThrow(/central-zone.*s1-1-p9/);

    const badIndicator = fixture();
    badIndicator[5]!.indicator_ids = ['no-such-figure'];
    expect(() => loadTour(badIndicator, report, indicators)).toThrow(/digital-economy.*no-such-figure/);

    const twice = fixture();
    twice.push({ ...twice[0]! });
    expect(() => loadTour(twice, report, indicators)).toThrow(/boundary-2021.*twice/);

    const badFeature = fixture();
    badFeature[1]!.emphasis = ['zone-north'];
    expect(() => checkTourFeatures(badFeature, catalog.byId)).toThrow(/east-zone.*zone-north/);

    const unlocated = fixture();
    unlocated[6]!.emphasis = ['place-overseas-talent-centre'];
    expect(() => checkTourFeatures(unlocated, catalog.byId)).toThrow(/talent.*no geometry/);

    const notSelectable = fixture();
    notSelectable[4]!.select = 'metro-line2-jingan-songhong';
    expect(() => checkTourFeatures(notSelectable, catalog.byId)).toThrow(/line-2-corridor.*cannot be selected/);
  });
});
