import { useRoute, useRouter } from 'vue-router';
import { useCatalog } from '../data/use-catalog';
import { useSelectionStore } from '../stores/selection';
import { segmentForKind } from './routes';

/** Where navigation asks the camera to go; read once by route-sync when the route lands. */
export const pendingFocus: { value: boolean | null } = { value: null };

/**
 * The verbs that change what is shown. Each writes the URL (so reload, share and back/forward
 * work); route-sync turns the URL into store state. The map view hash is carried along.
 */
export function useNavigation() {
  const router = useRouter();
  const route = useRoute();
  const catalog = useCatalog();
  const selection = useSelectionStore();
  const hash = () => window.location.hash;
  // The reader and the tour keep their place: a selection there rides in ?select=.
  const inReadingMode = () => route.name === 'report' || route.name === 'tour' || route.name === 'compare';

  function toFeature(id: string, options: { focus?: boolean } = {}) {
    const f = catalog.byId.get(id);
    const segment = f ? segmentForKind(f.properties.kind) : null;
    if (!segment) return;
    pendingFocus.value = options.focus ?? true;
    if (inReadingMode()) void router.push({ path: route.path, query: { ...route.query, select: id }, hash: hash() });
    else void router.push({ path: `/${segment}/${id}`, hash: hash() });
  }

  function clear() {
    selection.emphasise([]);
    if (inReadingMode()) {
      const { select: _dropped, ...query } = route.query;
      void router.push({ path: route.path, query, hash: hash() });
    } else if (route.path !== '/') void router.push({ path: '/', hash: hash() });
    else selection.clear();
  }

  function toParagraph(paragraphId: string) {
    void router.push({ path: `/report/${paragraphId}`, hash: hash() });
  }

  function toReport() {
    void router.push({ path: '/report', hash: hash() });
  }

  /** A tour step selects its place (if it has one) through the URL, so back/forward replay it. */
  async function toTour(step = 1) {
    const { tour } = await import('../content/tour');
    const select = tour[step - 1]?.select;
    pendingFocus.value = false;
    void router.push({ path: `/tour/${step}`, query: select ? { select } : {}, hash: hash() });
  }

  function toCompare() {
    void router.push({ path: '/compare', hash: hash() });
  }

  function toOverview() {
    selection.emphasise([]);
    void router.push({ path: '/', hash: hash() });
  }

  /** Details of a feature, leaving the reader or tour. */
  function toDetails(id: string) {
    const f = catalog.byId.get(id);
    const segment = f ? segmentForKind(f.properties.kind) : null;
    if (!segment) return;
    pendingFocus.value = true;
    void router.push({ path: `/${segment}/${id}`, hash: hash() });
  }

  return { toFeature, toDetails, clear, toParagraph, toReport, toTour, toCompare, toOverview };
}
