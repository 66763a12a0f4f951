import type { Component } from 'vue';
import type { FeatureKind } from '../data/schema';
import BuildingDetails from './BuildingDetails.vue';
import MetroStationDetails from './MetroStationDetails.vue';
import PlaceDetails from './PlaceDetails.vue';
import StationDetails from './StationDetails.vue';
import ZoneDetails from './ZoneDetails.vue';

const BODIES: Partial<Record<FeatureKind, Component>> = {
  'key-building': BuildingDetails,
  zone: ZoneDetails,
  station: StationDetails,
  'metro-station': MetroStationDetails,
  place: PlaceDetails,
};

/** The details body for a kind of feature: the side panel and the print sheet show the same. */
export const detailsBodyFor = (kind: FeatureKind): Component => BODIES[kind] ?? PlaceDetails;
