import type { CDPSession, Page } from 'playwright-core';
import { MAP_SETTLE_CEILING_MS } from './app-driver';
import { ActionLog, type Dice, type FuzzWindow } from './fuzz-helpers';

/** How long the panel may take to agree with the URL (it loads lazily) before that counts as a failure. */
const AGREE_CEILING_MS = 30_000;

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** What a person might type into search: names, pinyin, initials, typos, markup, odd characters. */
const TYPED = ['hq', '虹桥', 'gold', 'zhongshan', 'Line 2', 'jc', 'x', '1', '<b>', '%', '  ', 'Ω≈ç', '\\', 'zhangjiang changning', '长宁', 'a'.repeat(60)];
const KEYS = ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Enter', 'Space', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', '/', 'Home', 'End', 'PageDown', 'Shift+ArrowDown'];
/** everything a person can click, tap or focus */
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, label, [role="button"], [role="option"], [role="tab"], [tabindex]:not([tabindex="-1"])';

type Box = { x: number; y: number; width: number; height: number };

/** One fuzzed page: draws actions from the dice, does them, and checks the page after each. */
export class FuzzRun {
  readonly errors: string[] = [];
  readonly log = new ActionLog(30);
  private readonly notFoundPages: string[] = [];
  private cdp: CDPSession | null = null;
  private actions = 0;

  constructor(
    readonly page: Page,
    readonly base: string,
    readonly dice: Dice,
    readonly phone: boolean,
    readonly seed: number,
    /** filled by fenceIn */
    readonly offOrigin: string[],
    /** each feature's id → its names (English, Chinese), to check the panel against the URL */
    readonly names: Record<string, string[]> = {},
  ) {
    page.on('console', (m) => {
      if (m.type() !== 'error' || /GPU stall due to ReadPixels/.test(m.text())) return;
      if (/status of 404/.test(m.text()) && this.notFoundPages.includes(new URL(m.location().url).pathname)) return;
      this.errors.push(`console: ${m.text()} (${m.location().url}:${m.location().lineNumber})`);
    });
    page.on('response', (r) => {
      if (r.request().isNavigationRequest() && r.status() === 404) this.notFoundPages.push(new URL(r.url()).pathname);
    });
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.stack ?? e}`));
    page.on('popup', (p) => void p.close().catch(() => undefined));
  }

  async open(path: string): Promise<void> {
    await this.page.goto(this.base + path);
    await this.page.locator('[data-testid="map"][data-map-state="idle"]').waitFor({ timeout: MAP_SETTLE_CEILING_MS });
  }

  private async touch(): Promise<CDPSession> {
    return (this.cdp ??= await this.page.context().newCDPSession(this.page));
  }

  private async mapBox(): Promise<Box | null> {
    return this.boxOf('[data-testid="map"] canvas');
  }

  /** An element's box now, or null (no waiting: an action has no time to lose). */
  private async boxOf(selector: string): Promise<Box | null> {
    return this.page
      .evaluate((sel) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return r && r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
      }, selector)
      .catch(() => null);
  }

  /** A random point of the map's canvas; with `clear`, only of the part the phone's sheet leaves in view. */
  private async pointOnMap(clear = false): Promise<{ x: number; y: number } | null> {
    const box = await this.mapBox();
    if (!box) return null;
    const sheet = clear && this.phone ? await this.boxOf('[data-testid="panel"]') : null;
    const bottom = sheet ? Math.min(box.y + box.height, sheet.y) : box.y + box.height;
    return { x: Math.round(box.x + 4 + this.dice.next() * (box.width - 8)), y: Math.round(box.y + 4 + this.dice.next() * Math.max(0, bottom - box.y - 8)) };
  }

  /** The visible interactive elements in the viewport, described for the log. */
  private async interactive(): Promise<{ box: Box; what: string }[]> {
    return this.page.evaluate((selector) => {
      const out: { box: Box; what: string }[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        if ((el as HTMLButtonElement).disabled || el.closest('[inert], [aria-hidden="true"]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width < 2 || r.height < 2 || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const id = el.dataset.testid ? `[${el.dataset.testid}]` : el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '';
        const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 32);
        out.push({ box: { x: r.x, y: r.y, width: r.width, height: r.height }, what: `${el.tagName.toLowerCase()}${id} "${text}"` });
      }
      return out;
    }, INTERACTIVE);
  }

  /** Whether every point lands on the map's canvas (not a control, not the sheet, not off the screen). */
  private async onCanvas(points: { x: number; y: number }[]): Promise<boolean> {
    const vp = this.page.viewportSize()!;
    if (points.some((p) => p.x < 0 || p.y < 0 || p.x >= vp.width || p.y >= vp.height)) return false;
    return this.page.evaluate((pts) => pts.every((p) => document.elementFromPoint(p.x, p.y)?.classList.contains('maplibregl-canvas')), points);
  }

  /** A point inside an element's box that is also on screen. */
  private inside(box: Box): { x: number; y: number } {
    const vp = this.page.viewportSize()!;
    const x = Math.min(vp.width - 1, Math.max(0, box.x + box.width * (0.2 + 0.6 * this.dice.next())));
    const y = Math.min(vp.height - 1, Math.max(0, box.y + box.height * (0.2 + 0.6 * this.dice.next())));
    return { x: Math.round(x), y: Math.round(y) };
  }

  /** Fingers on the screen (a point past its edge is held at the edge: no finger touches outside it). */
  private async touches(type: 'touchStart' | 'touchMove' | 'touchEnd', points: { x: number; y: number }[]): Promise<void> {
    const vp = this.page.viewportSize()!;
    const onScreen = (p: { x: number; y: number }) => ({ x: Math.min(vp.width - 1, Math.max(0, p.x)), y: Math.min(vp.height - 1, Math.max(0, p.y)) });
    await (await this.touch()).send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...onScreen(p), id })) });
  }

  /** A finger (or two) moving from → to in `steps`. */
  private async gesture(from: { x: number; y: number }[], to: { x: number; y: number }[], steps: number): Promise<void> {
    await this.touches('touchStart', from);
    for (let i = 1; i <= steps; i++) {
      await this.touches(
        'touchMove',
        from.map((f, k) => ({ x: Math.round(f.x + ((to[k]!.x - f.x) * i) / steps), y: Math.round(f.y + ((to[k]!.y - f.y) * i) / steps) })),
      );
    }
    await this.touches('touchEnd', []);
  }

  private async typeIntoSearch(): Promise<string> {
    let input = this.page.locator('[data-testid="search-input"]:visible').first();
    if (!(await input.count())) {
      // In the phone layout the search field opens from the sheet's search button; on a desktop '/' focuses it.
      const opener = this.page.locator('[data-testid="sheet-search"]:visible').first();
      if (await opener.count()) await (this.phone ? opener.tap({ timeout: 2_000 }) : opener.click({ timeout: 2_000 })).catch(() => undefined);
      else await this.page.keyboard.press('/');
      input = this.page.locator('[data-testid="search-input"]:visible').first();
      if (!(await input.count())) return 'type: no search field';
    }
    const text = this.dice.pick(TYPED);
    await input.focus({ timeout: 2_000 }).catch(() => undefined);
    if (this.dice.next() < 0.5) await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.type(text, { delay: 0 });
    const then = this.dice.pick(['', 'ArrowDown', 'Enter', 'ArrowDown Enter', 'Escape', 'Backspace']);
    for (const key of then.split(' ').filter(Boolean)) await this.page.keyboard.press(key);
    return `type ${JSON.stringify(text)} then ${then || 'nothing'}`;
  }

  /** One random action; returns what it did, for the log. */
  private async act(): Promise<string> {
    const { page, dice } = this;
    const kind = this.phone
      ? dice.weighted([
          [18, 'tap-element'],
          [12, 'tap-map'],
          [3, 'long-press'],
          [4, 'pinch'],
          [6, 'swipe-map'],
          [6, 'drag-handle'],
          [2, 'tap-handle'],
          [2, 'double-tap-map'],
          [5, 'key'],
          [4, 'type'],
          [2, 'back'],
          [1, 'forward'],
          [1, 'rotate'],
        ] as const)
      : dice.weighted([
          [18, 'click-element'],
          [12, 'click-map'],
          [3, 'right-click-map'],
          [2, 'double-click-map'],
          [10, 'key'],
          [5, 'type'],
          [6, 'wheel'],
          [6, 'drag-map'],
          [3, 'hover-map'],
          [2, 'back'],
          [1, 'forward'],
          [1, 'resize'],
        ] as const);
    switch (kind) {
      case 'click-element':
      case 'tap-element': {
        const targets = await this.interactive();
        if (!targets.length) return `${kind}: nothing to click`;
        const t = dice.pick(targets);
        const at = this.inside(t.box);
        if (kind === 'tap-element') await page.touchscreen.tap(at.x, at.y);
        else await page.mouse.click(at.x, at.y);
        return `${kind} ${t.what} at ${at.x},${at.y}`;
      }
      case 'click-map':
      case 'right-click-map':
      case 'double-click-map':
      case 'tap-map':
      case 'double-tap-map': {
        const at = await this.pointOnMap();
        if (!at) return `${kind}: no map`;
        if (kind === 'tap-map') await page.touchscreen.tap(at.x, at.y);
        else if (kind === 'double-tap-map') {
          await page.touchscreen.tap(at.x, at.y);
          await page.touchscreen.tap(at.x, at.y);
        } else await page.mouse.click(at.x, at.y, { button: kind === 'right-click-map' ? 'right' : 'left', clickCount: kind === 'double-click-map' ? 2 : 1 });
        return `${kind} at ${at.x},${at.y}`;
      }
      case 'long-press': {
        const at = await this.pointOnMap();
        if (!at) return 'long-press: no map';
        const ms = dice.pick([300, 600, 700]);
        await this.touches('touchStart', [at]);
        await page.waitForTimeout(ms);
        await this.touches('touchEnd', []);
        return `long-press ${ms} ms at ${at.x},${at.y}`;
      }
      case 'pinch': {
        // Two fingers on the map's canvas itself (a finger on the sheet or a control would zoom the page, as it should).
        const at = await this.pointOnMap(true);
        if (!at) return 'pinch: no map';
        const [a, b] = [dice.int(20, 60), dice.int(20, 160)];
        const out = dice.next() < 0.5;
        const [r0, r1] = out ? [a, b] : [b, a];
        const [dy0, dy1] = [dice.int(-20, 20), dice.int(-20, 20)];
        const from = [
          { x: at.x - r0, y: at.y },
          { x: at.x + r0, y: at.y },
        ];
        const to = [
          { x: at.x - r1, y: at.y + dy0 },
          { x: at.x + r1, y: at.y + dy1 },
        ];
        if (!(await this.onCanvas([...from, ...to]))) return `pinch: ${at.x},${at.y} ± ${Math.max(r0, r1)} px is not all map`;
        await this.gesture(from, to, 4);
        return `pinch ${out ? 'out' : 'in'} ${r0}→${r1} px at ${at.x},${at.y}`;
      }
      case 'swipe-map':
      case 'drag-map': {
        const from = await this.pointOnMap();
        const to = await this.pointOnMap();
        if (!from || !to) return `${kind}: no map`;
        if (kind === 'swipe-map') await this.gesture([from], [to], 3);
        else {
          await page.mouse.move(from.x, from.y);
          await page.mouse.down();
          await page.mouse.move(to.x, to.y, { steps: 3 });
          await page.mouse.up();
        }
        return `${kind} ${from.x},${from.y} → ${to.x},${to.y}`;
      }
      case 'drag-handle':
      case 'tap-handle': {
        const box = await this.boxOf('[data-testid="sheet-handle"]');
        if (!box) return `${kind}: no handle`;
        const x = Math.round(box.x + box.width / 2);
        const y = Math.round(box.y + box.height / 2);
        if (kind === 'tap-handle') {
          await page.touchscreen.tap(x, y);
          return `tap-handle at ${x},${y}`;
        }
        const toY = dice.int(-40, PHONE.height + 40);
        await this.gesture([{ x, y }], [{ x: x + dice.int(-30, 30), y: toY }], dice.int(2, 5));
        return `drag-handle ${y} → ${toY}`;
      }
      case 'key': {
        const key = dice.pick(KEYS);
        await page.keyboard.press(key);
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}` : 'none';
        });
        return `key ${key} (focus now ${focused})`;
      }
      case 'type':
        return this.typeIntoSearch();
      case 'wheel': {
        const at = await this.pointOnMap();
        if (!at) return 'wheel: no map';
        const dy = dice.pick([-600, -240, -100, -30, 30, 100, 240, 600]);
        await page.mouse.move(at.x, at.y);
        await page.mouse.wheel(0, dy);
        return `wheel ${dy} at ${at.x},${at.y}`;
      }
      case 'hover-map': {
        const from = await this.pointOnMap();
        const to = await this.pointOnMap();
        if (!from || !to) return 'hover-map: no map';
        await page.mouse.move(from.x, from.y);
        await page.mouse.move(to.x, to.y, { steps: 3 });
        return `hover ${from.x},${from.y} → ${to.x},${to.y}`;
      }
      case 'back':
      case 'forward':
        await page.evaluate((k) => (k === 'back' ? history.back() : history.forward()), kind);
        return kind;
      case 'resize':
      case 'rotate': {
        // Away from the run's own size and back: a turned phone, a narrowed window (600 px wide is the phone layout).
        const own = this.phone ? PHONE : DESKTOP;
        const now = page.viewportSize()!;
        const away = this.phone ? [{ width: PHONE.height, height: PHONE.width }] : [{ width: 800, height: 700 }, { width: 600, height: 800 }];
        const size = now.width !== own.width || now.height !== own.height ? own : dice.pick(away);
        await page.setViewportSize(size);
        return `${kind} to ${size.width}×${size.height}`;
      }
    }
  }

  /** What went wrong so far, or null: console and page errors, unhandled rejections, requests off the origin. */
  private async trouble(lookInPage = true): Promise<string | null> {
    if (!lookInPage) return this.errors.length || this.offOrigin.length ? this.problems([]) : null;
    let state: { rejections: string[]; scrolled: string[]; inApp: boolean; url: string };
    try {
      state = await this.page.evaluate(() => {
        // The app fills the window: neither the page nor a box around the map ever scrolls (the map would slide off the screen).
        const scrolled: string[] = [];
        for (let el = document.querySelector('[data-testid="map"]'); el; el = el.parentElement) {
          if (el.scrollTop || el.scrollLeft) scrolled.push(`${el.tagName.toLowerCase()}.${el.className} scrolled to ${el.scrollLeft},${el.scrollTop}`);
        }
        // Fingers on the map move the map: the page itself is never zoomed by them (about:blank, outside the app, is another page).
        if (document.querySelector('[data-testid="map"]') && visualViewport && Math.abs(visualViewport.scale - 1) > 1e-3) scrolled.push(`the page is zoomed ×${visualViewport.scale.toFixed(2)}`);
        return {
          rejections: (window as unknown as FuzzWindow).__fuzzRejections ?? [],
          scrolled,
          inApp: Boolean(document.querySelector('[data-testid="map"]')),
          url: location.href,
        };
      });
    } catch {
      // A navigation was under way (a new document): look again once it has loaded.
      await this.page.waitForLoadState('domcontentloaded').catch(() => undefined);
      return null;
    }
    if (this.errors.length || this.offOrigin.length || state.rejections.length || state.scrolled.length) return this.problems(state.rejections, state.scrolled);
    // What the app shows must agree with its URL (given a moment: panels load lazily).
    if (state.inApp && (await this.disagreement())) {
      // Until it agrees, or a generous ceiling: on a busy machine a lazy panel can take seconds.
      let still = await this.disagreement();
      for (const until = Date.now() + AGREE_CEILING_MS; still && Date.now() < until; still = await this.disagreement()) await this.page.waitForTimeout(250);
      if (still) return still;
    }
    // Left the app (back past its first page to about:blank, a same-origin file): not a failure, back to the start.
    if (!state.inApp) {
      this.log.add(`  (left the app for ${state.url}; reopened)`);
      await this.open('/');
    }
    return null;
  }

  /**
   * A feature's URL with no panel naming it, or a sheet left mid-drag with no finger on it; null if
   * all agree. (Between actions no finger or button is down.)
   */
  private async disagreement(): Promise<string | null> {
    return this.page
      .evaluate((names) => {
        if (document.querySelector('[data-testid="panel"].dragging')) return 'the sheet is stuck mid-drag with no finger on it';
        const m = /^\/(?:zone|building|station|place)\/([^/]+)$/.exec(location.pathname);
        const want = m ? names[decodeURIComponent(m[1]!)] : undefined;
        if (!want) return null;
        const shown = [...document.querySelectorAll<HTMLElement>('[data-testid="details-heading"]')].map((h) => h.innerText.trim());
        return shown.some((s) => want.includes(s)) ? null : `the URL names ${want[0]} but the panel shows ${JSON.stringify(shown)}`;
      }, this.names)
      .catch(() => null);
  }

  private problems(rejections: string[], scrolled: string[] = []): string {
    return [...this.errors, ...rejections.map((r) => `unhandled rejection: ${r}`), ...this.offOrigin.map((u) => `request off the origin: ${u}`), ...scrolled].join('\n');
  }

  /** Where things stand, for a failure message: the page, the sheet, the focus. */
  private async describePage(): Promise<string> {
    return this.page
      .evaluate(() => {
        const sheet = document.querySelector<HTMLElement>('[data-testid="panel"]');
        const r = sheet?.getBoundingClientRect();
        const el = document.activeElement as HTMLElement | null;
        return [
          `at ${location.pathname}${location.search}${location.hash}, window ${innerWidth}×${innerHeight}`,
          `panel ${sheet?.dataset.sheet ?? ''} at y ${Math.round(r?.top ?? NaN)}, ${Math.round(r?.height ?? NaN)} px tall`,
          `focus on ${el ? `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}` : 'nothing'}`,
          `map ${document.querySelector('[data-testid="map"]')?.getAttribute('data-map-state') ?? 'absent'}`,
        ].join('; ');
      })
      .catch((e: Error) => `(the page could not be read: ${e.message.split('\n')[0]})`);
  }

  private async fail(message: string): Promise<never> {
    throw new Error(
      `fuzz (${this.phone ? 'phone' : 'desktop'}, seed ${this.seed}; replay with ZJCN_FUZZ_SEED=${this.seed}) failed after action ${this.actions}:\n` +
        `${message}\n\nthe page: ${await this.describePage()}\n\nthe last actions:\n${this.log}`,
    );
  }

  /** Waits for the map to settle (idle); fails with the log if it does not. */
  async mapSettles(when: string): Promise<void> {
    const idle = await this.page
      .locator('[data-testid="map"][data-map-state="idle"]')
      .waitFor({ timeout: MAP_SETTLE_CEILING_MS })
      .then(() => true)
      .catch(() => false);
    if (!idle) await this.fail(`${when}: the map did not settle in ${MAP_SETTLE_CEILING_MS / 1000} s`);
  }

  /** Fails (with the log) if anything went wrong so far. */
  async check(when: string): Promise<void> {
    const problem = await this.trouble();
    if (problem) await this.fail(`${when}: ${problem}`);
  }

  async run(count: number): Promise<void> {
    for (this.actions = 1; this.actions <= count; this.actions++) {
      let did: string;
      const t0 = performance.now();
      try {
        did = await this.act();
      } catch (e) {
        // An action can race a navigation (its element gone, its document replaced): noted, not a failure.
        did = `(action failed: ${String((e as Error).message).split('\n')[0]})`;
      }
      this.log.add(`${this.actions}. ${did} → ${new URL(this.page.url()).pathname}`);
      if (process.env.ZJCN_FUZZ_VERBOSE) console.log(`${Math.round(performance.now() - t0)} ms ${this.actions}. ${did} → ${new URL(this.page.url()).pathname}`);
      // Errors arrive here at once; the page's own record (rejections, still in the app) is read every few actions.
      const problem = await this.trouble(this.actions % 8 === 0 || this.actions === count || Boolean(process.env.ZJCN_FUZZ_VERBOSE));
      if (problem) await this.fail(problem);
    }
  }
}
