/**
 * metro-line2.geojson and stations.geojson, one module because the track is drawn through the
 * station points: the research's track vertices include each station's point, so a station whose
 * record in geo/sources/stations.json overrides the research position moves that vertex too.
 */
import type { Position } from 'geojson';
import { z } from 'zod';
import { feature } from './feature.ts';
import type { AuthoredFeature } from '../../src/data/schema.ts';
import type { LayerContext } from './layer.ts';
import { conf, type GfStation } from './research.ts';
import { commentSchema, compose, confidenceSchema, forRecord, idSchema, lonLatSchema, matchRecords, SourceError, sourceFileSchema, sourcesSchema, text } from './source-file.ts';

const STATIONS = 'stations.json';
const LINE = 'metro-line2.json';
const RANK = { low: 0, medium: 1, high: 2 } as const;

export const stationsSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    name_zh: text.describe('the geo-facts Line 2 station it describes'),
    confidence: confidenceSchema.describe('no higher than the research’s rating, unless overridden'),
    identity: text,
    position: text,
    notes: text.optional(),
    sources: sourcesSchema,
    override: z
      .strictObject({
        comment: commentSchema,
        coordinates: lonLatSchema.describe('[lon, lat], WGS84; replaces the research point here and in the Line 2 track'),
        position: text,
        confidence: confidenceSchema,
        osm: z.boolean().optional().describe('the new position derives from OpenStreetMap (the map credits it)'),
        sources: sourcesSchema,
      })
      .optional()
      .describe('a better position than the research’s'),
  }),
);

const trackEnd = z.union([z.enum(['start', 'end']), z.strictObject({ station: text })]);
export const lineSource = sourceFileSchema(
  z.strictObject({
    id: idSchema,
    comment: commentSchema,
    track: z.strictObject({ from: trackEnd, to: trackEnd }).describe('the stretch of the research track, between its ends or station points'),
    confidence: confidenceSchema,
    schematic: z.boolean().optional(),
    identity: text,
    position: text,
    sources: z.array(text).min(1).describe('may use {colour}: the research’s line colour'),
  }),
  z.strictObject({
    comment: commentSchema,
    name_zh: text,
    name_en: text,
    class: text,
    line_id: text,
    report_terms: z.array(text).optional().describe('report phrases about the line; each must occur in the report'),
  }),
);

export type Line2Sources = { [STATIONS]: z.infer<typeof stationsSource>; [LINE]: z.infer<typeof lineSource> };
/** The source files Line 2 and its stations are built from (the metro layer, metro-stations.ts, reads them). */
export const line2Sources = { [STATIONS]: stationsSource, [LINE]: lineSource };

const same = (a: Position, s: GfStation) => a[0] === s.lon && a[1] === s.lat;

/** metro-line2.geojson and stations.geojson from their source files and the research. */
export function buildLine2({ research, zoneOf }: LayerContext, { [STATIONS]: st, [LINE]: ln }: Line2Sources): Record<string, AuthoredFeature[]> {
  const meta = ln.layer;
  if (!meta) throw new SourceError(LINE, undefined, 'no "layer" (the line’s names and line_id)');
  const colour = research.geoFacts2.metro_line2.colour_hex;
  const onLine2 = research.geoFacts.stations.filter((s) => s.on_line2);
  const researchTrack: Position[] = research.geoFacts.line2_track.vertices.map((v) => [v.lon, v.lat]);

  const records = matchRecords(STATIONS, onLine2, st.records, { item: (s) => s.name_zh, record: (r) => r.name_zh, what: 'Line 2 station of geo-facts.json' });
  const track = [...researchTrack];
  for (const s of onLine2) {
    const rec = records.get(s)!;
    if (!rec.override) continue;
    const i = researchTrack.findIndex((v) => same(v, s));
    if (i < 0) throw new SourceError(STATIONS, rec.id, 'the research point is no vertex of the Line 2 track, so the override cannot move it');
    track[i] = rec.override.coordinates;
  }

  const index = (end: z.infer<typeof trackEnd>, id: string): number => {
    if (end === 'start') return 0;
    if (end === 'end') return track.length - 1;
    const s = onLine2.find((x) => x.name_zh === end.station);
    const i = s ? researchTrack.findIndex((v) => same(v, s)) : -1;
    if (i < 0) throw new SourceError(LINE, id, `${end.station} is not a vertex of the Line 2 track`);
    return i;
  };
  const lines = ln.records.map((rec) =>
    forRecord(LINE, rec.id, () => {
      const [a, b] = [index(rec.track.from, rec.id), index(rec.track.to, rec.id)];
      if (b <= a) throw new Error('track.to must come after track.from');
      return feature(
        {
          id: rec.id,
          kind: 'metro-line',
          class: meta.class,
          name_zh: meta.name_zh,
          name_en: meta.name_en,
          named_in_report: false,
          ...(meta.report_terms ? { report_terms: meta.report_terms } : {}),
          line_id: meta.line_id,
          colour,
          confidence: rec.confidence,
          ...(rec.schematic ? { schematic: true } : {}),
          ...compose(undefined, rec, true, { colour }),
        },
        { type: 'LineString', coordinates: track.slice(a, b + 1) },
      );
    }),
  );

  const stations = onLine2.map((s, i) => {
    const rec = records.get(s)!;
    return forRecord(STATIONS, rec.id, () => {
      const o = rec.override;
      if (!o && RANK[rec.confidence] > RANK[conf(s.confidence)]) throw new Error(`confidence ${rec.confidence} is above the research's "${s.confidence}"`);
      const p: Position = o ? o.coordinates : [s.lon, s.lat];
      const lines = s.lines.split(',').map((x) => Number(x.trim()));
      const zone = zoneOf(p);
      return feature(
        {
          id: rec.id,
          kind: 'station',
          class: lines.length > 1 ? 'interchange' : 'station',
          name_zh: s.name_zh,
          name_en: s.name_en,
          ...(zone ? { zone } : {}),
          named_in_report: false,
          line_id: meta.line_id,
          lines,
          order: i + 1,
          in_changning: s.in_changning,
          colour,
          confidence: o ? o.confidence : rec.confidence,
          ...(o?.osm ? { osm: true } : {}),
          ...compose(st.layer, o ? { ...rec, position: o.position, sources: o.sources } : rec, true),
        },
        { type: 'Point', coordinates: p },
      );
    });
  });
  return { 'metro-line2.geojson': lines, 'stations.geojson': stations };
}
