import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Snap } from '../sheet/sheet-heights';

/**
 * The phone layout's bottom sheet: whether the layout is a phone's, the height the sheet rests at,
 * and how many pixels of the map's bottom it covers (the map keeps its selection above that).
 */
export const useSheetStore = defineStore('sheet', () => {
  const phone = ref(false);
  const snap = ref<Snap>('peek');
  /** CSS px of the map hidden under the sheet; 0 on the desktop layout */
  const obscuredPx = ref(0);
  function setSnap(next: Snap) {
    snap.value = next;
  }
  return { phone, snap, obscuredPx, setSnap };
});
