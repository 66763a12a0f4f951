import type { GeoFeature } from '../data/schema';
import { segmentForKind } from '../navigation/routes';

/** The print page of a feature: /print/<segment>/<id>, prerendered like the feature's own page. */
export function printPath(feature: GeoFeature): string {
  return `/print/${segmentForKind(feature.properties.kind) ?? 'place'}/${feature.properties.id}`;
}
