import type { LayerGroup } from '../stores/layers';
import { PALETTE, ZONE_COLOURS } from './palette';

export type SwatchKind = 'fill' | 'line' | 'dot' | 'dash';
export interface Swatch {
  kind: SwatchKind;
  colours: string[];
}

/** What each legend group looks like on the map, from the palette the layers use: the legend panel and the PNG export draw the same. */
export const LEGEND_SWATCHES: Record<LayerGroup, Swatch> = {
  zones: { kind: 'fill', colours: [ZONE_COLOURS.east, ZONE_COLOURS.central, ZONE_COLOURS.west] },
  walkBands: { kind: 'fill', colours: [PALETTE.line2] },
  line2: { kind: 'line', colours: [PALETTE.line2] },
  metro: { kind: 'dot', colours: [PALETTE.metroStation] },
  buildings: { kind: 'dot', colours: [PALETTE.building] },
  places: { kind: 'dot', colours: [PALETTE.place] },
  roads: { kind: 'dash', colours: [PALETTE.roadCasing] },
  heritage: { kind: 'fill', colours: [PALETTE.heritage] },
};
