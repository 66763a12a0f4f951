import { watch, type WatchStopHandle } from 'vue';
import type { useLayersStore } from '../stores/layers';
import { LAYER_GROUPS } from '../stores/layers';
import type { useChoroplethStore } from '../stores/choropleth';
import type { useSelectionStore } from '../stores/selection';
import type { useSheetStore } from '../stores/sheet';
import type { useImportedStore } from '../stores/imported';
import type { ZoneMap } from './zone-map';

/**
 * The whole store ⇄ map loop on one screen.
 * Store → map: selection and hover become feature-state, focus requests move the camera,
 * layer toggles become visibility, the language reorders the labels.
 * Map → store: clicks and hovers arrive through ZoneMap's onPick / onHover (wired in MapView).
 */
export function syncMapWithStores(
  zoneMap: ZoneMap,
  stores: {
    selection: ReturnType<typeof useSelectionStore>;
    choropleth: ReturnType<typeof useChoroplethStore>;
    layers: ReturnType<typeof useLayersStore>;
    sheet: ReturnType<typeof useSheetStore>;
    imported: ReturnType<typeof useImportedStore>;
    lang: () => 'zh' | 'en';
  },
): WatchStopHandle {
  const { selection, layers, imported } = stores;
  const stops: WatchStopHandle[] = [
    watch(() => selection.selectedId, (id) => void zoneMap.setSelected(id), { immediate: true }),
    watch(() => selection.hoveredId, (id) => void zoneMap.setHovered(id), { immediate: true }),
    // A camera move only when asked (panel, list, deep link) — a click on the map leaves the view alone.
    watch(
      () => selection.focusRequest,
      () => {
        if (selection.selectedId) void zoneMap.focus(selection.selectedId);
      },
    ),
    ...LAYER_GROUPS.map((group) =>
      watch(() => layers.visible[group], (on) => void zoneMap.setGroupVisible(group, on), { immediate: true }),
    ),
    watch(() => layers.syntheticVisible, (on) => void zoneMap.setSyntheticVisible(on), { immediate: true }),
    watch(() => selection.emphasisIds, (ids) => void zoneMap.setEmphasis(ids), { immediate: true }),
    watch(() => selection.point, (at) => void zoneMap.setWhatsHere(at), { immediate: true }),
    // The person's own sites: the layer, its toggle, the site the panel shows, and a fit after an import.
    watch(() => imported.layer, (layer) => void zoneMap.setImported(layer?.sites ?? null), { immediate: true }),
    watch(() => imported.visible, (on) => void zoneMap.setImportedVisible(on), { immediate: true }),
    watch([() => imported.selected, () => imported.layer], ([n]) => void zoneMap.setImportedSelected(n), { immediate: true }),
    watch(() => imported.fitRequest, () => void zoneMap.fitImported()),
    watch(
      () => selection.fitRequest,
      () => void zoneMap.fitFeatures(selection.frameIds),
    ),
    watch(() => stores.choropleth.values, (values) => void zoneMap.setChoropleth(values), { immediate: true }),
    watch(stores.lang, (lang) => void zoneMap.setLanguage(lang)),
    // On a phone the sheet covers the map's bottom: frame the visible part, and bring a selection
    // out from under the sheet. After the other watchers ('post'), so the sheet's height for a new
    // selection is known, and before a camera move they asked for starts.
    watch(
      [() => stores.sheet.obscuredPx, () => selection.selectedId],
      ([bottom, id]) => {
        zoneMap.setViewPadding(bottom);
        if (id && bottom > 0) zoneMap.reveal(id);
      },
      { immediate: true, flush: 'post' },
    ),
  ];
  return () => stops.forEach((stop) => stop());
}
