/**
 * The contract between the transform and a layer module. A layer names the source files it reads
 * (geo/sources/<file> → its zod schema) and turns them, the research and the zones into one or more
 * geo/ files. Adding a layer is one entry in LAYERS (transform.ts).
 */
import type { Position } from 'geojson';
import type { z } from 'zod';
import type { AuthoredFeature, ZoneId } from '../../src/data/schema.ts';
import type { Area } from './geometry.ts';
import type { Research } from './research.ts';

export interface LayerContext {
  research: Research;
  /** the three zone polygons, built before any layer (zone-outlines.ts) */
  zones: ReadonlyMap<ZoneId, Area>;
  /** the zone whose polygon holds the point, if any (a point in two zones is an error) */
  zoneOf(p: Position): ZoneId | undefined;
}

export interface Layer<S extends Record<string, unknown> = Record<string, unknown>> {
  /** source file name in geo/sources/ → its schema */
  sources: { [K in keyof S]: z.ZodType<S[K]> };
  /** output file name in geo/ → its features */
  build(ctx: LayerContext, sources: S): Record<string, AuthoredFeature[]>;
}

/** Keeps a layer's source types checked against its build while LAYERS holds layers of any shape. */
export const defineLayer = <S extends Record<string, unknown>>(layer: Layer<S>): Layer => layer as unknown as Layer;
