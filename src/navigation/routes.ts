import type { FeatureKind } from '../data/schema';

/** The URL segment for each kind of selectable feature: /zone/<id>, /building/<id>, … */
export const FEATURE_SEGMENTS = {
  zone: 'zone',
  building: 'key-building',
  station: 'station',
  metro: 'metro-station',
  place: 'place',
} as const satisfies Record<string, FeatureKind>;
export type FeatureSegment = keyof typeof FEATURE_SEGMENTS;

export function segmentForKind(kind: FeatureKind): FeatureSegment | null {
  const hit = (Object.entries(FEATURE_SEGMENTS) as [FeatureSegment, FeatureKind][]).find(([, k]) => k === kind);
  return hit ? hit[0] : null;
}

export function isFeatureSegment(segment: string): segment is FeatureSegment {
  return segment in FEATURE_SEGMENTS;
}
