import { defineAsyncComponent } from 'vue';

/**
 * The provenance block, loaded with the prose it shows (virtual:authored-data/prose, not in
 * start-up's data). A prerendered page keeps its server-rendered block until the chunk is in, then
 * hydrates it; a selection made later waits for it once.
 */
export const ProvenanceBlock = defineAsyncComponent(() => import('./ProvenanceDetails.vue'));
