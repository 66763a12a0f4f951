import { LEGEND_SWATCHES, type Swatch } from '../map/legend-swatches';
import { LAYER_GROUPS, type LayerGroup } from '../stores/layers';

export interface LegendItem {
  group: LayerGroup;
  label: string;
  swatch: Swatch;
}

/** The legend a picture of the map carries: the groups shown now, in the legend panel's order, with its swatches and names. */
export function legendItems(visible: Record<LayerGroup, boolean>, label: (group: LayerGroup) => string): LegendItem[] {
  return LAYER_GROUPS.filter((g) => visible[g]).map((group) => ({ group, label: label(group), swatch: LEGEND_SWATCHES[group] }));
}
