import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';

/** The legend's toggleable layer groups; the map module maps each to its MapLibre layers. */
export const LAYER_GROUPS = ['zones', 'walkBands', 'line2', 'metro', 'buildings', 'places', 'roads', 'heritage'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const useLayersStore = defineStore('layers', () => {
  const visible = reactive<Record<LayerGroup, boolean>>({
    zones: true,
    walkBands: true,
    line2: true,
    metro: true,
    buildings: true,
    places: true,
    roads: true,
    heritage: true,
  });
  function toggle(group: LayerGroup, on = !visible[group]) {
    visible[group] = on;
  }
  /** the synthetic test sites' toggle (only shown with ?synthetic=N) */
  const syntheticVisible = ref(true);
  function toggleSynthetic(on = !syntheticVisible.value) {
    syntheticVisible.value = on;
  }
  return { visible, toggle, syntheticVisible, toggleSynthetic };
});
