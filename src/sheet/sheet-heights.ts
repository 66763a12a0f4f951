/**
 * The bottom sheet's three resting heights on a phone, and where a drag comes to rest. Pure
 * numbers so the rules (how much map stays visible) are tested without a browser.
 */
export const SNAPS = ['peek', 'half', 'full'] as const;
export type Snap = (typeof SNAPS)[number];

/** Below this width the panel becomes a bottom sheet; a tablet keeps the side panel. */
export const PHONE_MAX_WIDTH = 640;

export interface SheetFrame {
  /** the layout viewport's height in CSS px */
  height: number;
  /** env(safe-area-inset-top): the sheet at full height stops below a notch */
  safeTop?: number;
}

/**
 * Peek shows the handle and the title row (~15 %); half leaves 42 % of the screen to the map, so
 * a selection and its surroundings stay in view; full leaves a strip of map to tap back to.
 */
export function snapHeights({ height, safeTop = 0 }: SheetFrame): Record<Snap, number> {
  const peek = Math.round(Math.max(height * 0.15, 112));
  const half = Math.round(Math.max(height * 0.58, peek + 120));
  const full = Math.round(Math.max(height - Math.max(56, safeTop + 44), half));
  return { peek, half, full };
}

/**
 * Where a drag that ended at `heightPx`, moving at `velocity` px/ms (positive = growing), rests:
 * a flick goes one step in its direction, a slow release goes to the nearest height.
 */
export function restingSnap(heightPx: number, velocity: number, frame: SheetFrame): Snap {
  const h = snapHeights(frame);
  const FLICK = 0.5;
  if (Math.abs(velocity) >= FLICK) {
    const order = SNAPS.map((s) => [s, h[s]] as const);
    if (velocity > 0) return (order.find(([, v]) => v > heightPx + 8)?.[0] ?? 'full') as Snap;
    return ([...order].reverse().find(([, v]) => v < heightPx - 8)?.[0] ?? 'peek') as Snap;
  }
  return SNAPS.reduce((best, s) => (Math.abs(h[s] - heightPx) < Math.abs(h[best] - heightPx) ? s : best), 'peek' as Snap);
}

/** The next height up or down (arrow keys), staying at the ends. */
export function stepSnap(current: Snap, direction: 1 | -1): Snap {
  const i = SNAPS.indexOf(current) + direction;
  return SNAPS[Math.min(SNAPS.length - 1, Math.max(0, i))]!;
}

/** A tap on the handle: peek → half → full → peek. */
export function cycleSnap(current: Snap): Snap {
  return current === 'full' ? 'peek' : stepSnap(current, 1);
}
