import { defineStore } from 'pinia';
import { ref } from 'vue';

/**
 * What the person has selected and is pointing at, as feature ids only — never features or the
 * map. The map module and the panel both react to these.
 */
export const useSelectionStore = defineStore('selection', () => {
  const selectedId = ref<string | null>(null);
  const hoveredId = ref<string | null>(null);
  /** bumps when a selection should also move the camera (from the panel, not from a map click) */
  const focusRequest = ref(0);

  function select(id: string | null, options: { focus?: boolean } = {}) {
    selectedId.value = id;
    if (id && options.focus) focusRequest.value++;
  }
  function clear() {
    selectedId.value = null;
  }
  function hover(id: string | null) {
    hoveredId.value = id;
  }
  return { selectedId, hoveredId, focusRequest, select, clear, hover };
});
