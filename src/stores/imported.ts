import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { KEPT_DATABASE } from '../imported/kept-database';
import type { Datum, ImportContext, ImportProblem, ImportedLayer } from '../imported/types';

/**
 * The person's own sites: the layer (kept in the browser until removed), the file waiting for its
 * datum, and the last problem. The layer is shallow: 100,000 sites must not become reactive.
 * The reading code (worker, IndexedDB) loads only when a file or a kept layer is there.
 */
/** Whether an earlier visit kept a layer, asked without loading the IndexedDB code (most visits kept none). */
async function hasKeptLayer(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  if (typeof indexedDB.databases !== 'function') return true;
  const databases = await indexedDB.databases().catch(() => null);
  return databases === null || databases.some((d) => d.name === KEPT_DATABASE);
}

export const useImportedStore = defineStore('imported', () => {
  const layer = shallowRef<ImportedLayer | null>(null);
  const visible = ref(true);
  /** a file chosen or dropped, waiting for the person to say which datum it is in */
  const pending = shallowRef<File | null>(null);
  const busy = ref(false);
  const problem = ref<ImportProblem | null>(null);
  /** false when the browser would not keep the layer for the next visit */
  const kept = ref(true);
  /** the site the panel shows (/my-sites/<n>), or null for the list */
  const selected = ref<number | null>(null);
  /** true once an earlier visit's layer has been looked for (the panel waits for it on /my-sites) */
  const restored = ref(false);
  /** bumps when the map should fit the sites (a new import: requestFit) */
  const fitRequest = ref(0);

  function offer(file: File) {
    pending.value = file;
    problem.value = null;
  }
  function cancel() {
    pending.value = null;
    problem.value = null;
  }
  /** Reads the pending file; on a problem nothing that was shown changes. True when imported. */
  async function confirm(datum: Datum, context: ImportContext): Promise<boolean> {
    const file = pending.value;
    if (!file || busy.value) return false;
    busy.value = true;
    problem.value = null;
    try {
      const { importFile } = await import('../imported/run-import');
      const outcome = await importFile(file, datum, context);
      if ('problem' in outcome) {
        problem.value = outcome.problem;
        return false;
      }
      layer.value = outcome.layer;
      visible.value = true;
      pending.value = null;
      kept.value = outcome.kept ?? false;
      return true;
    } finally {
      busy.value = false;
    }
  }
  /** Forgets the layer in the browser first, so a reload right after never brings it back. */
  async function remove() {
    const { forgetLayer } = await import('../imported/persist');
    await forgetLayer();
    layer.value = null;
    selected.value = null;
  }
  /** The layer an earlier visit kept (call once, in the browser). */
  async function restore() {
    try {
      if (await hasKeptLayer()) {
        const { loadKeptLayer } = await import('../imported/persist');
        const kept = await loadKeptLayer();
        if (kept && !layer.value) layer.value = kept;
      }
    } finally {
      restored.value = true;
    }
  }
  function select(n: number | null) {
    selected.value = n;
  }
  /** Asks the map to show all the sites (after an import, once the panel that lists them is up). */
  function requestFit() {
    fitRequest.value++;
  }
  function toggle(on = !visible.value) {
    visible.value = on;
  }
  return { layer, visible, restored, pending, busy, problem, kept, selected, fitRequest, offer, cancel, confirm, remove, restore, select, toggle, requestFit };
});
