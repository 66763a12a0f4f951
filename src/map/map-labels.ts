import { watch, type WatchStopHandle } from 'vue';
import './map-focus.css';

/** What the map's own elements are called, in the interface language. */
export interface MapUiLabels {
  /** the canvas: MapLibre makes it a focusable region named "Map" */
  canvas: string;
  zoomIn: string;
  zoomOut: string;
  attribution: string;
  /** the "what's here?" button (whats-here-control.ts) */
  whatsHere: string;
}

/**
 * MapLibre names its canvas and controls once, from its `locale` option, when the map is made.
 * This names them in the interface language, and again whenever it changes. The selectors are
 * MapLibre's own class names inside `root` (the map's container).
 */
export function labelMapUi(root: HTMLElement, labels: () => MapUiLabels): WatchStopHandle {
  const apply = (l: MapUiLabels) => {
    const set = (selector: string, name: string, title: boolean) => {
      for (const el of root.querySelectorAll(selector)) {
        el.setAttribute('aria-label', name);
        if (title) el.setAttribute('title', name);
      }
    };
    set('.maplibregl-canvas', l.canvas, false);
    set('.maplibregl-ctrl-zoom-in', l.zoomIn, true);
    set('.maplibregl-ctrl-zoom-out', l.zoomOut, true);
    set('.maplibregl-ctrl-attrib-button', l.attribution, true);
    set('.zjcn-ctrl-whats-here', l.whatsHere, true);
  };
  return watch(labels, apply, { immediate: true, deep: true });
}
