/**
 * Vitest 5's reporter calls Map.groupBy (Node ≥ 21) when it prints a failure; on this project's
 * Node 20 that crashes the report and hides the failing assertion. Loaded by the vitest configs.
 */
const MapWithGroupBy = Map as unknown as { groupBy?: <K, T>(items: Iterable<T>, key: (item: T, i: number) => K) => Map<K, T[]> };
if (typeof MapWithGroupBy.groupBy !== 'function') {
  MapWithGroupBy.groupBy = <K, T>(items: Iterable<T>, key: (item: T, i: number) => K) => {
    const out = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
}
export {};
