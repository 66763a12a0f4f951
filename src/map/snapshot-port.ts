import { ref } from 'vue';
import type { MapSnapshot } from './snapshot';

/**
 * How the panel asks the map for a picture without holding the map: MapView lends a function while
 * a MapLibre map is drawn (none without WebGL). Only that flag is reactive, never the map.
 */
let take: (() => Promise<MapSnapshot>) | null = null;
export const canSnapshot = ref(false);

export function provideMapSnapshot(fn: () => Promise<MapSnapshot>): () => void {
  take = fn;
  canSnapshot.value = true;
  return () => {
    if (take !== fn) return;
    take = null;
    canSnapshot.value = false;
  };
}

export function takeMapSnapshot(): Promise<MapSnapshot> {
  return take ? take() : Promise.reject(new Error('no map is drawn'));
}
