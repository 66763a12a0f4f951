import { loadOnce } from '../data/load-once';
import type { GeoFeature } from '../data/schema';

/**
 * geo/heritage.geojson (OpenStreetMap heritage footprints), validated at build time and served as
 * a chunk of its own: loaded on first use — the map from zoom 13, a linked place's panel — never
 * with start-up's data. A failed load is tried again next time.
 */
export const loadHeritage: () => Promise<GeoFeature[]> = loadOnce(() => import('virtual:authored-data/heritage').then((m) => m.heritage));

/** The heritage features the link rule gave to a place (their `place`), in file order. */
export const linkedTo = (features: readonly GeoFeature[], placeId: string): GeoFeature[] => features.filter((f) => f.properties.place === placeId);

/** A place some heritage features are linked to carries the rule (link_rule) itself. */
export const hasLinkedHeritage = (place: GeoFeature | undefined): boolean => place?.properties.kind === 'place' && Boolean(place.properties.link_rule);
