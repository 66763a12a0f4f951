import { LEGEND_SWATCHES, type Swatch } from '../map/legend-swatches';
import { LAYER_GROUPS, type LayerGroup } from '../stores/layers';
import { PALETTE } from '../map/palette';

export interface LegendItem {
  group: LayerGroup | 'imported';
  label: string;
  swatch: Swatch;
}

/**
 * The legend a picture of the map carries: the groups shown now, in the legend panel's order, with
 * its swatches and names, and last the person's own sites when they are on the map (`imported`: their label).
 */
export function legendItems(visible: Record<LayerGroup, boolean>, label: (group: LayerGroup) => string, imported?: string): LegendItem[] {
  const items: LegendItem[] = LAYER_GROUPS.filter((g) => visible[g]).map((group) => ({ group, label: label(group), swatch: LEGEND_SWATCHES[group] }));
  return imported ? [...items, { group: 'imported', label: imported, swatch: { kind: 'dot', colours: [PALETTE.imported] } }] : items;
}
