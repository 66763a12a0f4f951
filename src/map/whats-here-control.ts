import type { IControl, Map as MlMap } from 'maplibre-gl';
import './whats-here-control.css';

/**
 * A map button that asks "what's here?" about the centre of the map in view — the way to the
 * question for a keyboard, a switch or a screen reader, which cannot long-press or right-click.
 * While it is hovered or focused a crosshair marks the point it will ask about (on a phone, the
 * centre of the part the sheet leaves in view: the camera's padding). Named by labelMapUi.
 */
export class WhatsHereControl implements IControl {
  private container: HTMLElement | null = null;
  private mark: HTMLElement | null = null;
  private map: MlMap | null = null;

  constructor(private readonly ask: (at: [number, number]) => void) {}

  onAdd(map: MlMap): HTMLElement {
    this.map = map;
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group zjcn-ctrl-whats-here-group';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'zjcn-ctrl-whats-here';
    button.dataset.testid = 'whats-here-button';
    button.innerHTML =
      '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="6.5" /><path d="M12 2.5v5M12 16.5v5M2.5 12h5M16.5 12h5" /></svg>';
    button.addEventListener('click', () => {
      const c = map.getCenter();
      this.ask([c.lng, c.lat]);
    });
    const show = () => this.showMark(true);
    const hide = () => this.showMark(false);
    button.addEventListener('pointerenter', show);
    button.addEventListener('pointerleave', hide);
    button.addEventListener('focus', show);
    button.addEventListener('blur', hide);
    container.append(button);
    this.container = container;
    return container;
  }

  onRemove(): void {
    this.container?.remove();
    this.mark?.remove();
    this.container = this.mark = this.map = null;
  }

  /** The crosshair at the point the button asks about, drawn over the canvas (it takes no pointer). */
  private showMark(on: boolean): void {
    const map = this.map;
    if (!map) return;
    if (!on) return void this.mark?.classList.remove('zjcn-centre-mark-on');
    if (!this.mark) {
      this.mark = document.createElement('div');
      this.mark.className = 'zjcn-centre-mark';
      this.mark.setAttribute('aria-hidden', 'true');
      this.mark.dataset.testid = 'whats-here-centre-mark';
      map.getCanvasContainer().append(this.mark);
    }
    const p = map.project(map.getCenter());
    this.mark.style.left = `${p.x}px`;
    this.mark.style.top = `${p.y}px`;
    this.mark.classList.add('zjcn-centre-mark-on');
  }
}
