import type { ZoneId } from '../data/schema';

/**
 * Colours as data, shared by map layers and the legend. Zone hues are from the Okabe–Ito set,
 * which stays distinguishable under the common colour-vision deficiencies; none is green, so the
 * zones never read as Line 2.
 */
export const ZONE_COLOURS: Record<ZoneId, string> = {
  east: '#0072B2',
  central: '#E69F00',
  west: '#CC79A7',
};

/** Sequential single-hue ramp for the compare choropleth (ColorBrewer Blues: colour-blind safe). */
export const CHOROPLETH_RAMP = ['#eff3ff', '#9ecae1', '#4292c6', '#08519c'] as const;

export const PALETTE = {
  // Same as the neighbouring districts, so the edge of the authored basemap frame does not show.
  background: '#f2f1ec',
  district: '#f2f1ec',
  districtFocus: '#fbfaf7',
  districtLine: '#a8a69d',
  districtFocusLine: '#6f6d66',
  districtLabel: '#8b897f',
  water: '#b6d0e2',
  waterLabel: '#5c86a6',
  green: '#dce8d0',
  road: '#ffffff',
  roadCasing: '#d8d4c8',
  roadLabel: '#8d897c',
  runway: '#cfccc3',
  /** Line 2's identification colour (#97D700), with a darker stroke where it must read on white */
  line2: '#97D700',
  line2Dark: '#4d7a00',
  ink: '#1d2430',
  inkSoft: '#5b6270',
  /** the other metro lines' stations: quiet grey rings under Line 2 (their badges carry the line colours) */
  metroStation: '#6a7180',
  halo: '#ffffff',
  building: '#1d2430',
  place: '#6b5b95',
  selected: '#d7263d',
  /** a person's imported sites: Okabe–Ito vermillion, a hue no project layer uses */
  imported: '#D55E00',
  /**
   * OpenStreetMap heritage footprints and points: a quiet brown, ≥ 10 CIEDE2000 from the ground, the
   * parks, the places, the selection and the imported sites under the common colour-vision deficiencies (palette.test.ts)
   */
  heritage: '#8b6f47',
  /** synthetic test sites (?synthetic=N): a neutral slate that no real layer uses */
  synthetic: '#4f5b6b',
} as const;
