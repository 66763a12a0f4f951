import { inject, type InjectionKey } from 'vue';
import type { Catalog } from './catalog';

export const catalogKey: InjectionKey<Catalog> = Symbol('catalog');

/** The validated catalog, provided once by main.ts. */
export function useCatalog(): Catalog {
  const catalog = inject(catalogKey);
  if (!catalog) throw new Error('useCatalog: no catalog provided (main.ts provides it at start-up)');
  return catalog;
}
