import { centroid } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Report, ReportParagraph } from '../content/parse-report';
import { findMentions, passageAt, type Mention } from '../content/mentions';
import { nearestStation, type NearestStation } from '../analysis/nearest-station';
import type { GeoFeature, ZoneId } from './schema';
import type { StartupGeo } from './validate';

/** The nearest station to a feature; `fromCentre` when measured from the centre of a line or an area. */
export type NearestFromFeature = NearestStation & { station: PointFeature; fromCentre: boolean };

export type PointFeature = GeoFeature & { geometry: { type: 'Point'; coordinates: [number, number] } };

/** A stretch of a report paragraph that concerns a feature, with the mentions to highlight. */
export interface Excerpt {
  paragraph: ReportParagraph;
  start: number;
  end: number;
  highlights: { start: number; end: number }[];
}

/** A span of report text that links to features: a name (one feature) or a shared term (a group). */
export interface ParagraphLink {
  start: number;
  end: number;
  featureIds: string[];
  via: 'name' | 'term';
}

/**
 * Everything the app shows, validated (buildCatalog; for the authored data, at build time) and
 * cross-linked once at start-up. Components and the map read from here; nothing else parses geo/
 * or the report.
 */
export interface Catalog {
  /** geo/ without the files loaded later (heritage: src/heritage/heritage-data.ts) */
  geo: StartupGeo;
  report: Report;
  zones: GeoFeature[];
  buildings: PointFeature[];
  stations: PointFeature[];
  /** other lines' stations (OpenStreetMap), west to east; Line 2's are in `stations` */
  metroStations: PointFeature[];
  places: GeoFeature[];
  lines: GeoFeature[];
  byId: ReadonlyMap<string, GeoFeature>;
  zoneByKey(key: ZoneId): GeoFeature;
  /** features of a zone other than the zone itself, buildings first */
  membersOfZone(key: ZoneId): GeoFeature[];
  /** report mentions of a feature's own names (report_name + aliases) */
  mentionsOf(id: string): Mention[];
  /** the report passages shown for a feature (see excerptsFor) */
  excerptsFor(id: string): Excerpt[];
  /** from a point feature's point, or from the centre of a line's or an area's vertices (`fromCentre`) */
  nearestStationTo(id: string): NearestFromFeature | null;
  /** the nearest station of any metro line (Line 2's or another's) */
  nearestMetroTo(id: string): NearestFromFeature | null;
  /** the spans of a paragraph that name features (one feature) or concern a group (report_terms) */
  linksIn(paragraphId: string): ParagraphLink[];
  /** ids of the paragraphs shown for a feature, in report order */
  paragraphIdsFor(id: string): string[];
  paragraph(id: string): ReportParagraph | undefined;
}

function namesOf(f: GeoFeature): string[] {
  const p = f.properties;
  return [...(p.report_name ? [p.report_name] : []), ...(p.aliases ?? [])];
}

function isPoint(f: GeoFeature): f is PointFeature {
  return f.geometry?.type === 'Point';
}

/**
 * The catalog of data buildCatalog has already accepted (at build time, for the authored data):
 * collections, lookups and report links, without checking anything again.
 */
export function catalogFromValidated(geo: StartupGeo, report: Report): Catalog {
  const zones = geo['zones.geojson'];
  const buildings = geo['key-buildings.geojson'].filter(isPoint);
  const stations = geo['stations.geojson'].filter(isPoint).sort((a, b) => (a.properties.order ?? 0) - (b.properties.order ?? 0));
  const metroStations = geo['metro-stations.geojson'].filter(isPoint);
  const places = geo['places.geojson'];
  const lines = geo['metro-line2.geojson'];
  const byId = new Map<string, GeoFeature>();
  for (const features of Object.values(geo)) for (const f of features) byId.set(f.properties.id, f);
  const paragraphs = new Map(report.paragraphs.map((p) => [p.id, p]));

  const linked = [...zones, ...buildings, ...stations, ...places, ...lines];
  // Names link a feature to the text; report_terms only say a passage concerns it.
  const nameMentions = findMentions(
    report.paragraphs,
    linked.map((f) => ({ featureId: f.properties.id, terms: namesOf(f) })).filter((t) => t.terms.length > 0),
  );
  const termMentions = findMentions(
    report.paragraphs,
    linked
      .map((f) => ({ featureId: f.properties.id, terms: f.properties.report_terms ?? [] }))
      .filter((t) => t.terms.length > 0),
  );
  const group = (ms: Mention[]) => {
    const m = new Map<string, Mention[]>();
    for (const x of ms) m.set(x.featureId, [...(m.get(x.featureId) ?? []), x]);
    return m;
  };
  const byName = group(nameMentions);
  const byTerm = group(termMentions);

  const zoneByKey = (key: ZoneId) => {
    const z = zones.find((f) => f.properties.zone === key);
    if (!z) throw new Error(`no zone ${key}`);
    return z;
  };

  const toExcerpts = (ms: Mention[]): Excerpt[] => {
    const out: Excerpt[] = [];
    for (const m of ms) {
      const paragraph = paragraphs.get(m.paragraphId)!;
      const span = passageAt(paragraph, m.start);
      const existing = out.find((e) => e.paragraph.id === paragraph.id && e.start === span.start && e.end === span.end);
      const hl = { start: m.start, end: m.end };
      if (existing) existing.highlights.push(hl);
      else out.push({ paragraph, start: span.start, end: span.end, highlights: [hl] });
    }
    return out;
  };

  const lineOf = (f: GeoFeature) => lines.filter((l) => l.properties.line_id === f.properties.line_id);

  function excerptsFor(id: string): Excerpt[] {
    const f = byId.get(id);
    if (!f) return [];
    const own = toExcerpts([...(byName.get(id) ?? []), ...(byTerm.get(id) ?? [])]);
    const p = f.properties;
    if (p.kind === 'key-building' && p.zone) {
      // The report speaks of the 14 buildings only as a group; their zone's passage says what they serve.
      return [...own, ...excerptsFor(zoneByKey(p.zone).properties.id)];
    }
    if (p.kind === 'station') {
      // Both Line 2 segments carry the same corridor paragraph: show it once.
      const byParagraph = new Map<string, Excerpt>();
      for (const e of [...own, ...lineOf(f).flatMap((l) => excerptsFor(l.properties.id))]) {
        if (!byParagraph.has(e.paragraph.id)) byParagraph.set(e.paragraph.id, e);
      }
      return [...byParagraph.values()];
    }
    return own;
  }

  const linksByParagraph = new Map<string, ParagraphLink[]>();
  for (const [via, ms] of [
    ['name', nameMentions],
    ['term', termMentions],
  ] as const) {
    for (const m of ms) {
      const list = linksByParagraph.get(m.paragraphId) ?? [];
      const same = list.find((l) => l.start === m.start && l.end === m.end && l.via === via);
      if (same) same.featureIds.push(m.featureId);
      // A name wins over a group term at the same place; overlapping terms are skipped.
      else if (!list.some((l) => l.start < m.end && m.start < l.end)) list.push({ start: m.start, end: m.end, featureIds: [m.featureId], via });
      linksByParagraph.set(m.paragraphId, list);
    }
  }
  for (const list of linksByParagraph.values()) list.sort((a, b) => a.start - b.start);
  const order = new Map(report.paragraphs.map((p, i) => [p.id, i]));

  const anyMetro = [...stations, ...metroStations];
  function nearestAmong(id: string, among: PointFeature[]) {
    const f = byId.get(id);
    if (!f?.geometry) return null;
    const fromCentre = !isPoint(f);
    // A street or an area has no one point; its vertices' centre stands in, and the panel says so.
    const at = isPoint(f) ? f.geometry.coordinates : (centroid(f as Feature).geometry.coordinates as [number, number]);
    const near = nearestStation(
      at,
      among.map((s) => ({ id: s.properties.id, coordinates: s.geometry.coordinates })),
    );
    return { ...near, station: byId.get(near.stationId) as PointFeature, fromCentre };
  }

  return {
    geo,
    report,
    linksIn: (pid) => linksByParagraph.get(pid) ?? [],
    paragraphIdsFor: (id) => [...new Set(excerptsFor(id).map((e) => e.paragraph.id))].sort((a, b) => order.get(a)! - order.get(b)!),
    zones,
    buildings,
    stations,
    metroStations,
    places,
    lines,
    byId,
    zoneByKey,
    membersOfZone: (key) => [...buildings, ...places].filter((f) => f.properties.zone === key),
    mentionsOf: (id) => byName.get(id) ?? [],
    excerptsFor,
    nearestStationTo: (id) => nearestAmong(id, stations),
    nearestMetroTo: (id) => nearestAmong(id, anyMetro),
    paragraph: (id) => paragraphs.get(id),
  };
}
