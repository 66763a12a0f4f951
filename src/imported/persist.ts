import { createStore, del, get, set } from 'idb-keyval';
import type { ImportedLayer } from './types';
import { parseKeptLayer } from './layer-schema';
import { KEPT_DATABASE } from './kept-database';

// IndexedDB, not localStorage: a layer of 100,000 sites is tens of MB, far over localStorage's ~5 MB.
const store = () => createStore(KEPT_DATABASE, 'layers');
const KEY = 'sites';

/** The kept layer, or null (none, or a browser that keeps nothing, e.g. some private modes). */
export async function loadKeptLayer(): Promise<ImportedLayer | null> {
  try {
    const kept = await get(KEY, store());
    return kept === undefined ? null : parseKeptLayer(kept);
  } catch {
    return null;
  }
}

/** Keeps the layer for the next visit; false when the browser refuses (the layer still shows now). */
export async function keepLayer(layer: ImportedLayer): Promise<boolean> {
  try {
    await set(KEY, layer, store());
    return true;
  } catch {
    return false;
  }
}

export async function forgetLayer(): Promise<void> {
  try {
    await del(KEY, store());
  } catch {
    // Nothing kept, nothing to forget.
  }
}
