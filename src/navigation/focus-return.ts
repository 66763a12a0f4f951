import { nextTick } from 'vue';

/**
 * Where keyboard focus was when a selection started — the list button, the search box, the map
 * canvas — so that closing the selection (Escape, the × button) puts focus back there instead of
 * dropping it on <body> when the details panel goes away.
 *
 * The panel re-creates its lists when the details close, so the element itself may be gone by
 * then: it is found again by what it shows (its list and its feature id).
 */

/** The selection's own interface: the details article, the reader's selection card, the phone's title row. */
const SELECTION_UI = '.details, [data-testid="selection-card"], #sheet-title';

interface Origin {
  element: HTMLElement;
  /** finds the same control again after a re-render; null when it has nothing stable to go by */
  selector: string | null;
}

let origin: Origin | null = null;

const attr = (name: string, value: string) => `[${name}="${CSS.escape(value)}"]`;

function selectorFor(el: HTMLElement): string | null {
  if (el.id) return `#${CSS.escape(el.id)}`;
  const testId = el.getAttribute('data-testid');
  const featureId = el.getAttribute('data-feature-id');
  const own = testId ? attr('data-testid', testId) : featureId ? attr('data-feature-id', featureId) : null;
  if (!own) return null;
  const list = el.parentElement?.closest('[data-testid]');
  const scope = list ? `${attr('data-testid', list.getAttribute('data-testid')!)} ` : '';
  return `${scope}${el.tagName.toLowerCase()}${own}`;
}

function focused(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/**
 * Call as a selection starts, before focus moves to the details. A selection made from inside the
 * current selection's details (a zone's member, say) keeps the first origin: Escape closes them all.
 */
export function rememberFocus(): void {
  const el = focused();
  if (!el || el.closest(SELECTION_UI)) return;
  origin = { element: el, selector: selectorFor(el) };
}

/**
 * Call as the selection closes, before the panel re-renders. Returns what to do once it has
 * (the navigation settled): focus goes back only if it was in the selection's interface (or
 * nowhere) — a click on the map that clears the selection leaves focus on the map.
 */
export function takeFocusReturn(): () => Promise<void> {
  const back = origin;
  origin = null;
  const el = focused();
  if (!back || (el && !el.closest(SELECTION_UI))) return async () => undefined;
  return async () => {
    await nextTick();
    const target = back.element.isConnected ? back.element : back.selector ? document.querySelector<HTMLElement>(back.selector) : null;
    target?.focus({ preventScroll: false });
  };
}

/** The pair as a composable, for components that start or close a selection themselves. */
export function useFocusReturn() {
  return { rememberFocus, takeFocusReturn };
}
