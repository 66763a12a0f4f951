import { defineStore } from 'pinia';
import { ref } from 'vue';

/** A feature URL whose id the data does not hold: the panel says so instead of going blank. */
export interface NotFound {
  segment: string;
  id: string;
}

/**
 * What the person has selected and is pointing at, as feature ids only — never features or the
 * map. The URL is the source of truth for the selection (navigation/route-sync.ts writes it here);
 * the map module and the panel both react to these.
 */
export const useSelectionStore = defineStore('selection', () => {
  const selectedId = ref<string | null>(null);
  const hoveredId = ref<string | null>(null);
  /** features shown together (a paragraph's places, a tour step's places), besides the selection */
  const emphasisIds = ref<string[]>([]);
  const notFound = ref<NotFound | null>(null);
  /** bumps when the camera should go to the selection (a link, a list, a deep link, back/forward) */
  const focusRequest = ref(0);
  /** what the camera should fit next, and a counter that asks for it */
  const frameIds = ref<string[]>([]);
  const fitRequest = ref(0);
  /** the point a "what's here?" asks about ([lon, lat], /at/<lat>,<lon>), or null */
  const point = ref<[number, number] | null>(null);

  function select(id: string | null, options: { focus?: boolean } = {}) {
    selectedId.value = id;
    notFound.value = null;
    if (id && options.focus) focusRequest.value++;
  }
  function clear() {
    selectedId.value = null;
  }
  function hover(id: string | null) {
    hoveredId.value = id;
  }
  function emphasise(ids: string[], options: { fit?: boolean } = {}) {
    emphasisIds.value = ids;
    if (options.fit) frame(ids);
  }
  /** Fits the map to some features without marking them. */
  function frame(ids: string[]) {
    if (ids.length === 0) return;
    frameIds.value = ids;
    fitRequest.value++;
  }
  function markNotFound(value: NotFound) {
    selectedId.value = null;
    notFound.value = value;
  }
  function setPoint(at: [number, number] | null) {
    point.value = at;
  }
  return { selectedId, hoveredId, emphasisIds, notFound, focusRequest, frameIds, fitRequest, point, select, clear, hover, emphasise, frame, markNotFound, setPoint };
});
