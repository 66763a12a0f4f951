import { watch, type WatchStopHandle } from 'vue';
import type { Router } from 'vue-router';
import type { Catalog } from '../data/catalog';
import type { useSelectionStore } from '../stores/selection';
import type { useImportedStore } from '../stores/imported';
import { parseAt } from '../analysis/whats-here';
import { syntheticCount } from '../synthetic/active';
import { siteId } from '../synthetic/sites';
import { FEATURE_SEGMENTS, isFeatureSegment } from './routes';
import { pendingFocus } from './use-navigation';

/**
 * URL → store: the feature a route names becomes the selection. A navigation the app made says
 * whether to move the camera (a map click does not); anything else — a pasted link, a reload,
 * back/forward — brings the selection into view.
 */
export function syncSelectionWithRoute(router: Router, selection: ReturnType<typeof useSelectionStore>, catalog: Catalog, imported?: ReturnType<typeof useImportedStore>): WatchStopHandle {
  return watch(
    () => router.currentRoute.value,
    (route) => {
      // /at/<lat>,<lon>: "what's here?" at a point (the panel says when the path names none).
      selection.setPoint(route.name === 'at' ? parseAt(String(route.params.coords)) : null);
      // /my-sites/<n>: one of the person's imported sites (the panel says when there is no such site).
      imported?.select(route.name === 'my-sites' && /^[1-9]\d*$/.test(String(route.params.n ?? '')) ? Number(route.params.n) : null);
      const focus = pendingFocus.value ?? true;
      pendingFocus.value = null;
      let segment: string | null = null;
      let id: string | null = null;
      if (route.name === 'feature') {
        segment = String(route.params.segment);
        id = String(route.params.id);
      } else if (typeof route.query.select === 'string') {
        segment = 'select';
        id = route.query.select;
      } else if (route.name === 'unknown') {
        selection.markNotFound({ segment: 'path', id: route.fullPath.split('#')[0]! });
        return;
      }
      if (!id) {
        selection.select(null);
        return;
      }
      if (segment === 'site') {
        // A synthetic test site: /site/<n> with 1 ≤ n ≤ N of this load's ?synthetic=N.
        const n = /^\d+$/.test(id) ? Number(id) : 0;
        if (n < 1 || n > (syntheticCount() ?? 0)) return void selection.markNotFound({ segment, id });
        if (selection.selectedId !== siteId(n) || focus) selection.select(siteId(n), { focus });
        return;
      }
      const f = catalog.byId.get(id);
      const kindMatches = f && (segment === 'select' || (isFeatureSegment(segment!) && FEATURE_SEGMENTS[segment] === f.properties.kind));
      if (!kindMatches) {
        selection.markNotFound({ segment: segment!, id });
        return;
      }
      if (selection.selectedId !== id) selection.select(id, { focus });
      else if (focus) selection.select(id, { focus });
    },
    { immediate: true },
  );
}
