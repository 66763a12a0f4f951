import { z } from 'zod/mini';
import { tour as validated } from 'virtual:authored-data/tour';
import { ContentDataError, parseList, slugSchema, textSchema } from './content-data';
import type { Indicator } from './indicators';
import type { Report } from './parse-report';
import type { GeoFeature } from '../data/schema';

const FILE = 'tour.json';

/**
 * One step of the guided tour. The narration is the map team's; the report speaks through the
 * paragraphs listed. Feature ids are checked against geo/ by checkTourFeatures (the catalog is
 * built elsewhere), paragraph and indicator ids here at load.
 */
export const tourStepSchema = z.strictObject({
  /** ascii slug, unique within the tour */
  id: slugSchema,
  title_zh: textSchema(),
  title_en: textSchema(),
  /** the team's 1–2 sentence narration, not the report's words */
  text_zh: textSchema(),
  text_en: textSchema(),
  /** report paragraphs to show, in reading order */
  paragraph_ids: z.array(textSchema()).check(z.minLength(1)),
  /** one feature to select (its details open); must be a selectable kind */
  select: z.optional(textSchema()),
  /** features shown together and fitted on the map; each must have a geometry */
  emphasis: z.array(textSchema()),
  /** key figures (indicators.json) to show with the step */
  indicator_ids: z.optional(z.array(textSchema()).check(z.minLength(1))),
});
export type TourStep = z.infer<typeof tourStepSchema>;

/**
 * Validates the tour and checks its paragraph and indicator ids. Throws a ContentDataError naming
 * the step.
 */
export function loadTour(data: unknown, source: Pick<Report, 'paragraphs'>, known: readonly Pick<Indicator, 'id'>[]): TourStep[] {
  const steps = parseList(FILE, tourStepSchema, data);
  const paragraphIds = new Set(source.paragraphs.map((p) => p.id));
  const indicatorIds = new Set(known.map((i) => i.id));
  for (const step of steps) {
    for (const pid of step.paragraph_ids) {
      if (!paragraphIds.has(pid)) throw new ContentDataError(FILE, step.id, `paragraph "${pid}" is not in the report`);
    }
    for (const iid of step.indicator_ids ?? []) {
      if (!indicatorIds.has(iid)) throw new ContentDataError(FILE, step.id, `indicator "${iid}" is not in indicators.json`);
    }
    const dup = step.emphasis.find((id, i) => step.emphasis.indexOf(id) !== i);
    if (dup) throw new ContentDataError(FILE, step.id, `emphasis lists "${dup}" twice`);
  }
  return steps;
}

const SELECTABLE = new Set(['zone', 'key-building', 'station', 'place']);

/**
 * Checks the tour's feature ids against geo/ (the catalog's byId): every `select` exists and is a
 * selectable kind, every `emphasis` feature exists and has a geometry to fit. Throws naming the step.
 */
export function checkTourFeatures(steps: readonly TourStep[], byId: ReadonlyMap<string, GeoFeature>): void {
  for (const step of steps) {
    if (step.select !== undefined) {
      const f = byId.get(step.select);
      if (!f) throw new ContentDataError(FILE, step.id, `select "${step.select}" is not a feature in geo/`);
      if (!SELECTABLE.has(f.properties.kind)) throw new ContentDataError(FILE, step.id, `select "${step.select}" is a ${f.properties.kind}, which cannot be selected`);
    }
    for (const id of step.emphasis) {
      const f = byId.get(id);
      if (!f) throw new ContentDataError(FILE, step.id, `emphasis "${id}" is not a feature in geo/`);
      if (f.geometry === null) throw new ContentDataError(FILE, step.id, `emphasis "${id}" has no geometry to show or fit`);
    }
  }
}

/**
 * The guided tour, in order (step n of the /tour/n route is tour[n - 1]); loadTour and
 * checkTourFeatures accepted it when the app was built.
 */
export const tour: readonly TourStep[] = validated;
