import { useRoute, useRouter } from 'vue-router';
import { atPath } from '../analysis/whats-here';
import { useCatalog } from '../data/use-catalog';
import { useSelectionStore } from '../stores/selection';
import { useFocusReturn } from './focus-return';
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
  const focusReturn = useFocusReturn();
  // The reader and the tour keep their place: a selection there rides in ?select=.
  const inReadingMode = () => route.name === 'report' || route.name === 'tour' || route.name === 'compare';

  /**
   * Every navigation keeps the map view (#map=…), which MapLibre writes outside the router, and
   * ?synthetic=N (test sites), so a reload or a shared link shows the same map.
   */
  const push = (path: string, query: Record<string, string> = {}) => {
    const synthetic = route.query.synthetic;
    const keep = typeof synthetic === 'string' && !('synthetic' in query) ? { synthetic } : {};
    return router.push({ path, query: { ...query, ...keep }, hash: window.location.hash });
  };
  const go = (path: string, query: Record<string, string> = {}) => void push(path, query);
  const pathOf = (id: string) => {
    const f = catalog.byId.get(id);
    const segment = f ? segmentForKind(f.properties.kind) : null;
    return segment ? `/${segment}/${id}` : null;
  };

  function toFeature(id: string, options: { focus?: boolean } = {}) {
    const path = pathOf(id);
    if (!path) return;
    focusReturn.rememberFocus();
    pendingFocus.value = options.focus ?? true;
    if (inReadingMode()) go(route.path, { ...(route.query as Record<string, string>), select: id });
    else go(path);
  }

  /** Details of a feature, leaving the reader, tour or comparison. */
  function toDetails(id: string) {
    const path = pathOf(id);
    if (!path) return;
    focusReturn.rememberFocus();
    pendingFocus.value = true;
    go(path);
  }

  /** A synthetic test site's panel (/site/<n>?synthetic=N); picked on the map, so the camera stays. */
  function toSite(n: number) {
    focusReturn.rememberFocus();
    pendingFocus.value = false;
    go(`/site/${n}`);
  }

  /** Closes the selection; focus goes back to where it was when the selection started (focus-return.ts). */
  function clear() {
    const returnFocus = focusReturn.takeFocusReturn();
    selection.emphasise([]);
    let done: Promise<unknown> = Promise.resolve();
    if (inReadingMode()) {
      const { select: _dropped, ...query } = route.query as Record<string, string>;
      done = push(route.path, query);
    } else if (route.path !== '/') done = push('/');
    else selection.clear();
    void done.then(returnFocus);
  }

  /** "What's here?" at a point of the map (a long press, a right click). */
  function toPoint(at: [number, number]) {
    focusReturn.rememberFocus();
    selection.emphasise([]);
    go(atPath(at));
  }

  /** The person's imported sites (/my-sites), or one of them (/my-sites/<n>, picked on the map: the camera stays). */
  function toMySites(n?: number) {
    focusReturn.rememberFocus();
    selection.emphasise([]);
    pendingFocus.value = false;
    return push(n ? `/my-sites/${n}` : '/my-sites');
  }

  const toParagraph = (paragraphId: string) => go(`/report/${paragraphId}`);
  const toReport = () => go('/report');
  const toCompare = () => go('/compare');

  /** A tour step selects its place (if it has one) through the URL, so back/forward replay it. */
  async function toTour(step = 1) {
    const { tour } = await import('../content/tour');
    const select = tour[step - 1]?.select;
    pendingFocus.value = false;
    go(`/tour/${step}`, select ? { select } : {});
  }

  function toOverview() {
    selection.emphasise([]);
    go('/');
  }

  return { toFeature, toDetails, toSite, toPoint, toMySites, clear, toParagraph, toReport, toTour, toCompare, toOverview };
}
