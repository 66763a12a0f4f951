import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Zone colouring by a figure (compare view): feature id → value, or null for the normal colours. */
export const useChoroplethStore = defineStore('choropleth', () => {
  const values = ref<Record<string, number> | null>(null);
  function show(next: Record<string, number> | null) {
    values.value = next;
  }
  return { values, show };
});
