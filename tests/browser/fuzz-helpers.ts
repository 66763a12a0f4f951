import type { BrowserContext, Page } from 'playwright-core';

// mulberry32, the synthetic sites' seeded PRNG: a fuzz run replays exactly from its seed.
import { mulberry32 } from '../../src/synthetic/sites';

/** Picks and numbers drawn from one seeded stream. */
export class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** one of several choices by weight: [[weight, value], …] */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of choices) if ((r -= w) < 0) return v;
    return choices[choices.length - 1]![1];
  }
}

/**
 * The run's seed: ZJCN_FUZZ_SEED=<n> replays a run, ZJCN_FUZZ_SEED=random draws a new one, and
 * without it the fixed default keeps CI deterministic.
 */
export function fuzzSeed(fallback: number): number {
  const asked = process.env.ZJCN_FUZZ_SEED;
  if (!asked) return fallback;
  if (asked === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(asked);
  if (!Number.isInteger(n)) throw new Error(`ZJCN_FUZZ_SEED must be an integer or "random", not ${asked}`);
  return n;
}

/** The last `size` actions, to print with a failure. */
export class ActionLog {
  private readonly entries: string[] = [];
  constructor(private readonly size = 30) {}
  add(entry: string): void {
    this.entries.push(entry);
    if (this.entries.length > this.size) this.entries.shift();
  }
  toString(): string {
    return this.entries.join('\n');
  }
}

/** What the page reports beyond console errors: unhandled promise rejections (recorded by the init script). */
export interface FuzzWindow {
  __fuzzRejections: string[];
}

/**
 * Fences a fuzzed page in: records unhandled rejections into window, turns every navigation off
 * the app's origin away (a link to another site is the person's choice, not the app's failure),
 * and dismisses dialogs, file choosers, downloads and popups. Requests off the origin that are not
 * navigations are recorded: the app itself must make none.
 */
export async function fenceIn(context: BrowserContext, origin: string, offOrigin: string[]): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as FuzzWindow;
    w.__fuzzRejections = [];
    window.addEventListener('unhandledrejection', (e) => w.__fuzzRejections.push(String((e.reason as Error)?.stack ?? e.reason)));
  });
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.fallback();
    if (!request.isNavigationRequest()) offOrigin.push(url);
    return route.abort();
  });
  context.on('page', (p: Page) => {
    p.on('dialog', (d) => void d.dismiss().catch(() => undefined));
    p.on('filechooser', () => undefined);
    p.on('download', (d) => void d.cancel().catch(() => undefined));
  });
}
