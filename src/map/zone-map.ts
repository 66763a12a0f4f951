import { Map as MlMap, AttributionControl, LngLat, NavigationControl, ScaleControl, prewarm, setWorkerUrl, type GeoJSONSource, type LngLatBoundsLike, type MapGeoJSONFeature, type MapMouseEvent, type PointLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { FeatureCollection, Point } from 'geojson';
import type { Catalog } from '../data/catalog';
import type { GeoFeature } from '../data/schema';
import type { LayerGroup } from '../stores/layers';
import { bbox } from '@turf/turf';
import { boundsOf, padBounds } from './bounds';
import { siteNumberOf } from '../synthetic/sites';
import { captureMap, type MapSnapshot } from './snapshot';
import { MAP_HASH_KEY, ZOOM_RANGE, sanitizeMapHash } from './map-hash';
import type { ImportedSite } from '../imported/types';
import { IMPORTED_LAYERS, IMPORTED_SOURCE, hasImportedLayers, showImportedSelected, showImportedSites } from './imported-layer';
import { WhatsHereControl } from './whats-here-control';
import { drawBadges, lineColours, withBadges } from './line-badges';
import { hasLinkedHeritage, loadHeritage } from '../heritage/heritage-data';
import { WHATS_HERE_SOURCE, whatsHereLayer, BILINGUAL_LABEL_LAYERS, GROUP_LAYERS, HERITAGE_LAYERS, HERITAGE_MINZOOM, MAP_SOURCE, SYNTHETIC_LAYERS, SYNTHETIC_SELECTED_SOURCE, SYNTHETIC_SOURCE, buildStyle, interactiveLayers, labelText, type SourceId } from './layers';

setWorkerUrl(workerUrl);
// Start the worker now, while the app builds its first view, rather than when the map is first created.
if ('WebGL2RenderingContext' in window) prewarm();

/** The URL hash key for the view ("#map=zoom/lat/lon"), leaving the rest of the URL to the app. */
export { MAP_HASH_KEY };
const [MIN_ZOOM, MAX_ZOOM] = ZOOM_RANGE;
/** how long a finger rests on the map to ask "what's here?" (Android's long press is 400–500 ms) */
const LONG_PRESS_MS = 550;

export interface ZoneMapOptions {
  container: HTMLElement;
  catalog: Catalog;
  /** build-time geometry (virtual:derived-geo) */
  derived: { walkBands: FeatureCollection; areaLabels: FeatureCollection };
  lang: 'zh' | 'en';
  attribution: string;
  onPick(id: string | null): void;
  onHover(id: string | null): void;
  onFirstIdle?(): void;
  /** every time the map settles, and when it starts moving again */
  onIdle?(): void;
  onBusy?(): void;
  onError?(message: string): void;
  /** the graphics context is gone: nothing draws until onContextRestored (without this, onError says so) */
  onContextLost?(): void;
  /** drawing again after a lost context, the selection and the other feature states re-applied */
  onContextRestored?(): void;
  /** a click arrived before the map could answer it; it is answered once the map is ready */
  onPendingPick?(): void;
  /** a phone layout: attribution starts folded to its (i) button */
  compact?: boolean;
  /** "what's here?" asked at a point: a right click, or a long press of a finger */
  onWhatsHere?(at: [number, number]): void;
  /** synthetic test sites (?synthetic=N): drawn as a clustered layer; a click on one calls onPickSite */
  synthetic?: { data(): FeatureCollection; siteAt(n: number): [number, number] | null };
  onPickSite?(n: number): void;
  /** a click on one of the person's imported sites (its number) */
  onPickImported?(n: number): void;
}

/** Kinds of feature that carry a selection or hover state (all in MAP_SOURCE, by their id). */
const STATEFUL_KINDS = new Set<GeoFeature['properties']['kind']>(['zone', 'key-building', 'station', 'metro-station', 'place', 'metro-line']);

/**
 * Owns the MapLibre map: its sources, layers, camera and feature states. Everything outside talks
 * to it through these verbs and the pick/hover callbacks; nothing else imports maplibre-gl.
 */
export class ZoneMap {
  private readonly map: MlMap;
  private readonly catalog: Catalog;
  /** resolves once the style is in; replaced by a pending one while the graphics context is lost */
  private loaded: Promise<void>;
  private choropleth: Record<string, number> | null = null;
  private styleLoaded = false;
  private selected: string | null = null;
  private hovered: string | null = null;
  private emphasised: string[] = [];
  private destroyed = false;
  private imported: readonly ImportedSite[] | null = null;
  private importedVisible = true;
  /** the OSM heritage layer: loaded and added when the map nears its zoom or a linked place is selected */
  private heritage: 'none' | 'loading' | 'added' = 'none';
  private heritageLayer: typeof import('./heritage-layer') | null = null;
  private heritageVisible = true;
  /** true from the first idle: sources filled and drawn, so a click can be answered */
  private ready = false;
  /**
   * Set when a long press asked "what's here?": the click that the same finger's lift makes is not a tap.
   * Tied to the gesture, not to a time window, so a slow phone (or a long hold) cannot turn the lift into a tap.
   */
  private swallowLift = false;
  private pendingClick: LngLat | null = null;
  private pendingTouch = false;
  /** the part of the map hidden under the phone's sheet */
  private padding = { top: 0, right: 0, bottom: 0, left: 0 };
  /**
   * Until the first picture is drawn, the park is kept fitted to the frame as it settles (size,
   * sheet padding); not if the URL asked for a view (#map=…), nor once anything else moved the camera.
   */
  private initialFit: boolean;
  // The panel can change width (the compare view widens it); the window does not resize then.
  // Until the first picture is drawn, the park is fitted to the new frame too.
  private readonly resizeObserver = new ResizeObserver(() => (this.ready ? this.map.resize() : this.fitInitialView()));

  constructor(private readonly options: ZoneMapOptions) {
    this.catalog = options.catalog;
    // A link's view, made safe first: a bad one is dropped (the park is shown), a zoom past the range clamped.
    const view = sanitizeMapHash(window.location.hash, MAP_HASH_KEY, [MIN_ZOOM, MAX_ZOOM]);
    if (view.hash !== window.location.hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${view.hash}`);
    const hasView = view.hasView;
    this.initialFit = !hasView;
    this.map = new MlMap({
      container: options.container,
      // The data goes in with the style, so the worker tiles it while the style loads, in one round.
      style: buildStyle(options.lang, { synthetic: this.syntheticData(), data: this.sourceData() }),
      hash: MAP_HASH_KEY,
      bounds: hasView ? undefined : this.parkBounds(),
      fitBoundsOptions: { padding: this.parkPadding() },
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      // The basemap is authored for a fixed frame; keep the view inside it so no blank edge shows.
      // A portrait phone needs a taller frame, or the bounds would forbid zooming out to the park.
      maxBounds: padBounds(boundsOf(options.catalog.geo['districts.geojson']), 0.35, options.compact ? 1.6 : 0.35),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    // The map is never rotated by drag or touch; Shift+arrows should not turn it either.
    this.map.keyboard.disableRotation();
    this.resizeObserver.observe(options.container);
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // "What's here?" at the map's centre: the way to ask without a long press or a right click.
    if (options.onWhatsHere) this.map.addControl(new WhatsHereControl(options.onWhatsHere), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    const attribution = new AttributionControl({ customAttribution: options.attribution, ...(options.compact ? { compact: true } : {}) });
    this.map.addControl(attribution, 'bottom-right');

    // Ready for the verbs once the style is parsed ('style.load'), not once every tile is drawn
    // ('load'): feature states and layout set now go into the first tiles, not a second round.
    this.loaded = new Promise((resolve) => {
      this.map.once('style.load', () => {
        performance.mark('map-style-load');
        // On a phone the credits fold to their (i) button from the start, not only after a drag.
        if (options.compact) options.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
        // Fit again to the page's layout now: the panel and fonts can change the container's
        // size after construction. Only what changed is applied, so the camera moves (and the
        // map draws again) only if it must.
        this.fitInitialView();
        this.styleLoaded = true;
        resolve();
      });
    });
    // A person moving the map, or any other camera verb, ends the start-up fitting.
    this.map.on('movestart', (e) => {
      if (e.originalEvent) this.initialFit = false;
    });
    this.map.once('idle', () => {
      this.ready = true;
      this.initialFit = false;
      options.onFirstIdle?.();
      this.answerPendingClick();
      this.wantHeritage();
    });
    this.map.on('zoomend', () => this.wantHeritage());
    this.map.on('idle', () => options.onIdle?.());
    // 'render' fires for every frame that is drawn, so busy covers moves, toggles and data changes.
    this.map.on('render', () => options.onBusy?.());
    // The other lines' badges are drawn the first time a tile needs one.
    const colours = lineColours(options.catalog.metroStations);
    this.map.setMissingStyleImageResolver((id) => {
      const ratio = window.devicePixelRatio || 1;
      const image = drawBadges(id, colours, ratio);
      if (image && !this.map.hasImage(id)) this.map.addImage(id, image, { pixelRatio: ratio });
    });
    this.map.on('click', this.handleClick);
    document.addEventListener('mouseup', this.endDragReleasedElsewhere);
    this.listenForWhatsHere();
    this.map.on('mousemove', this.handleMove);
    this.map.on('mouseout', this.handleOut);
    this.map.on('error', (e) => options.onError?.(e.error?.message ?? String(e)));
    // A lost context (a GPU reset, too many contexts): MapLibre drops the style and rebuilds it from a
    // snapshot on restore — sources, layers, visibility, camera, but not feature state. Until then
    // the verbs wait on a pending `loaded`; then the states are put back.
    let resumeDrawing: (() => void) | null = null;
    this.map.on('webglcontextlost', () => {
      if (!options.onContextLost) return options.onError?.('The map lost its graphics context; reload the page to draw it again.');
      if (!resumeDrawing) this.loaded = new Promise((resolve) => (resumeDrawing = resolve));
      options.onContextLost();
    });
    this.map.on('webglcontextrestored', () => {
      this.map.once('style.load', () => {
        this.setState(this.selected, { selected: true });
        this.setState(this.hovered, { hover: true });
        for (const id of this.emphasised) this.setState(id, { emphasis: true });
        resumeDrawing?.();
        resumeDrawing = null;
        void this.setChoropleth(this.choropleth);
        options.onContextRestored?.();
      });
    });
  }

  /** Shows a feature as selected (null clears). Safe to call repeatedly with the same id. */
  async setSelected(id: string | null): Promise<void> {
    await this.loaded;
    if (id === this.selected) return;
    this.setState(this.selected, { selected: false });
    this.selected = id;
    this.setState(id, { selected: true });
    if (this.options.synthetic) this.showSelectedSite(id);
    if (this.heritageLayer) this.heritageLayer.emphasiseHeritage(this.map, this.linkedPlace());
    else this.wantHeritage();
  }

  /** The selection, when it is a place that heritage features are linked to. */
  private linkedPlace(): string | null {
    return this.selected && hasLinkedHeritage(this.catalog.byId.get(this.selected)) ? this.selected : null;
  }

  /**
   * Loads and adds the heritage layer once the map is drawn and either nears its zoom (one level
   * early, so it is there when the zoom is reached) or a linked place is selected; never at start-up.
   */
  private wantHeritage(): void {
    if (this.heritage !== 'none' || !this.ready || this.destroyed) return;
    if (this.map.getZoom() < HERITAGE_MINZOOM - 1 && !this.linkedPlace()) return;
    this.heritage = 'loading';
    Promise.all([loadHeritage(), import('./heritage-layer')]).then(
      async ([features, layer]) => {
        await this.loaded;
        if (this.destroyed) return;
        layer.addHeritageLayers(this.map, features, this.linkedPlace(), this.heritageVisible);
        this.heritageLayer = layer;
        this.heritage = 'added';
      },
      (e: unknown) => {
        this.heritage = 'none';
        this.options.onError?.(`The historic buildings layer did not load: ${(e as Error).message}`);
      },
    );
  }

  /** Shows a feature as hovered (null clears). */
  async setHovered(id: string | null): Promise<void> {
    await this.loaded;
    if (id === this.hovered) return;
    this.setState(this.hovered, { hover: false });
    this.hovered = id;
    this.setState(id, { hover: true });
  }

  /**
   * Colours the zones by a figure (null restores their own colours). Values are scaled min → 0,
   * max → 1 across the zones given, so the ramp always spans what is compared.
   */
  async setChoropleth(values: Record<string, number> | null): Promise<void> {
    await this.loaded;
    const before = this.choropleth;
    this.choropleth = values;
    // Nothing to clear at start-up (or after a context restore, which drops feature state).
    if (before) for (const z of this.catalog.zones) this.map.removeFeatureState({ source: MAP_SOURCE, id: z.properties.id }, 'choro');
    if (!values) return;
    const nums = Object.values(values);
    const [min, max] = [Math.min(...nums), Math.max(...nums)];
    for (const [id, v] of Object.entries(values)) {
      this.map.setFeatureState({ source: MAP_SOURCE, id }, { choro: max > min ? (v - min) / (max - min) : 0.5 });
    }
  }

  /** Shows several features together (a paragraph's places, a tour step), apart from the selection. */
  async setEmphasis(ids: string[]): Promise<void> {
    await this.loaded;
    for (const id of this.emphasised) this.setState(id, { emphasis: false });
    this.emphasised = [...ids];
    for (const id of this.emphasised) this.setState(id, { emphasis: true });
  }

  /** Fits the camera to some features; unlocated ones are skipped, nothing happens if none is located. */
  async fitFeatures(ids: string[]): Promise<void> {
    await this.loaded;
    this.initialFit = false;
    const located = ids.map((id) => this.catalog.byId.get(id)).filter((f): f is GeoFeature => Boolean(f?.geometry));
    if (located.length === 0) return;
    const only = located.length === 1 ? located[0]! : null;
    if (only?.geometry?.type === 'Point') return this.focus(only.properties.id);
    this.map.fitBounds(boundsOf(located), { padding: 70, duration: 700, maxZoom: 15.5 });
  }

  /** Moves the camera to a feature: points are centred, areas and lines fitted. */
  async focus(id: string): Promise<void> {
    await this.loaded;
    this.initialFit = false;
    const site = this.sitePosition(id);
    // A synthetic site: close enough that it is drawn on its own, not in a cluster (clusterMaxZoom 14).
    if (site) return void this.map.easeTo({ center: site, zoom: Math.max(this.map.getZoom(), 16), duration: 600 });
    const f = this.catalog.byId.get(id);
    if (!f?.geometry) return;
    if (f.geometry.type === 'Point') {
      this.map.easeTo({ center: f.geometry.coordinates, zoom: Math.max(this.map.getZoom(), 14.5), duration: 600 });
    } else {
      this.map.fitBounds(boundsOf([f]), { padding: 60, duration: 600, maxZoom: 15.5 });
    }
  }

  /**
   * Keeps `bottom` px of the map (under the phone's sheet) out of the camera's frame, so centring
   * and fitting use the visible part. The picture does not move: only the camera's idea of its
   * centre does. Synchronous once the style is in, so a camera move asked for in the same tick
   * (a list selection) already uses the new frame.
   */
  setViewPadding(bottom: number): void {
    const before = this.padding;
    this.padding = { ...before, bottom };
    // Before the first picture, the start-up fit takes the padding at once (no second camera move later).
    if (this.initialFit) return this.fitInitialView();
    if (!this.styleLoaded || before.bottom === bottom) return;
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const center = this.map.unproject([width / 2, (height - bottom) / 2]);
    this.map.jumpTo({ center, padding: this.padding });
  }

  /** Moves the camera only if the feature's anchor is outside the visible part of the map. */
  reveal(id: string): void {
    const f = this.catalog.byId.get(id);
    const site = this.sitePosition(id);
    if (!this.styleLoaded || !(f?.geometry || site)) return;
    let anchor = site;
    if (!anchor) {
      const [[w, s], [e, n]] = boundsOf([f!]) as [[number, number], [number, number]];
      anchor = f!.geometry!.type === 'Point' ? (f!.geometry!.coordinates as [number, number]) : [(w + e) / 2, (s + n) / 2];
    }
    this.revealPoint(anchor);
  }

  /** The "what's here?" ring at a point (null: none); the camera moves only if the point is out of view. */
  async setWhatsHere(at: [number, number] | null): Promise<void> {
    await this.loaded;
    const data: FeatureCollection = { type: 'FeatureCollection', features: at ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: {} }] : [] };
    const source = this.map.getSource(WHATS_HERE_SOURCE) as GeoJSONSource | undefined;
    if (source) source.setData(data);
    else if (at) {
      // Added on first use: the start-up style (and its shader programs) stays as it is.
      this.map.addSource(WHATS_HERE_SOURCE, { type: 'geojson', data });
      this.map.addLayer(whatsHereLayer());
    }
    if (at) this.revealPoint(at);
  }

  /** A right click, or a finger held still for LONG_PRESS_MS, asks "what's here?"; the tap that may follow is not a pick. */
  private listenForWhatsHere(): void {
    const ask = (at: LngLat) => this.options.onWhatsHere?.([at.lng, at.lat]);
    this.map.on('contextmenu', (e) => {
      e.preventDefault();
      ask(e.lngLat);
    });
    let press: { x: number; y: number; timer: number } | null = null;
    const cancel = () => {
      if (press) window.clearTimeout(press.timer);
      press = null;
    };
    this.map.on('touchstart', (e) => {
      cancel();
      this.swallowLift = false;
      if (e.points.length !== 1) return;
      const at = e.lngLat;
      press = {
        x: e.point.x,
        y: e.point.y,
        timer: window.setTimeout(() => {
          press = null;
          this.swallowLift = true;
          ask(at);
        }, LONG_PRESS_MS),
      };
    });
    this.map.on('touchmove', (e) => {
      if (press && (e.points.length !== 1 || Math.hypot(e.point.x - press.x, e.point.y - press.y) > 10)) cancel();
    });
    this.map.on('touchend', cancel);
    this.map.on('touchcancel', cancel);
  }

  private revealPoint(anchor: [number, number]): void {
    const p = this.map.project(anchor);
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const margin = 36;
    const visible = p.x >= margin && p.x <= width - margin && p.y >= margin && p.y <= height - this.padding.bottom - margin;
    if (visible) return;
    this.initialFit = false;
    this.map.easeTo({ center: anchor, padding: this.padding, duration: 450 });
  }

  /** Fits the three zones and Line 2 from end to end: the park and the corridor that strings it. */
  async fitPark(): Promise<void> {
    await this.loaded;
    this.initialFit = false;
    this.map.fitBounds(this.parkBounds(), { padding: this.parkPadding(), duration: 600 });
  }

  async setGroupVisible(group: LayerGroup, visible: boolean): Promise<void> {
    await this.loaded;
    if (group === 'heritage') this.heritageVisible = visible;
    // A layer added on first use (heritage) takes the toggle when it is added.
    for (const layer of GROUP_LAYERS[group]) if (this.map.getLayer(layer)) this.setLayerVisible(layer, visible);
  }

  /** The person's imported sites (null: none), drawn clustered. */
  async setImported(sites: readonly ImportedSite[] | null): Promise<void> {
    await this.loaded;
    // Start-up (no layer kept, none shown) has nothing to do.
    if (!sites && !this.imported) return;
    // Known at once, for the fit and the selected ring that follow in this same task.
    this.imported = sites;
    // Drawn in a task of its own: the layer has just arrived from the import's worker, and handing
    // 100,000 sites to MapLibre's worker in that same task would hold the page for twice as long.
    await new Promise((resolve) => setTimeout(resolve));
    if (this.imported === sites) showImportedSites(this.map, sites, this.importedVisible);
  }

  async setImportedVisible(visible: boolean): Promise<void> {
    await this.loaded;
    this.importedVisible = visible;
    if (hasImportedLayers(this.map)) for (const layer of IMPORTED_LAYERS) this.setLayerVisible(layer, visible);
  }

  /** Rings one imported site (null: none) and brings it into view if it is not. */
  async setImportedSelected(n: number | null): Promise<void> {
    await this.loaded;
    const site = n ? (this.imported?.find((s) => s.n === n) ?? null) : null;
    showImportedSelected(this.map, site);
    if (site) this.revealPoint(site.at);
  }

  /** Fits the imported sites (a new import: show the person where their sites are). */
  async fitImported(): Promise<void> {
    await this.loaded;
    if (!this.imported?.length) return;
    const [w, s, e, n] = bbox({ type: 'MultiPoint', coordinates: this.imported.map((site) => site.at) });
    this.initialFit = false;
    this.map.fitBounds([w, s, e, n], { padding: this.parkPadding(), maxZoom: 15, duration: 600 });
  }

  /** Shows or hides the synthetic sites (a no-op without them). */
  async setSyntheticVisible(visible: boolean): Promise<void> {
    await this.loaded;
    if (!this.options.synthetic) return;
    for (const layer of SYNTHETIC_LAYERS) this.setLayerVisible(layer, visible);
  }

  /**
   * A layer's visibility, set only when it changes: MapLibre reloads a layer's whole source for
   * any layout change, even 'visible' on a layer that has no visibility set (visible already).
   */
  private setLayerVisible(layer: string, visible: boolean): void {
    const now = this.map.getLayoutProperty(layer, 'visibility') ?? 'visible';
    const want = visible ? 'visible' : 'none';
    if (now !== want) this.map.setLayoutProperty(layer, 'visibility', want);
  }

  /** Puts the given language's name first in every bilingual label. */
  async setLanguage(lang: 'zh' | 'en'): Promise<void> {
    await this.loaded;
    for (const layer of BILINGUAL_LABEL_LAYERS) {
      if (layer === 'districts-label') this.map.setLayoutProperty(layer, 'text-field', ['get', lang === 'zh' ? 'name_zh' : 'name_en']);
      else this.map.setLayoutProperty(layer, 'text-field', labelText(lang));
    }
  }

  /**
   * What browser tests need to act like a person on the canvas: where a place is on screen, and
   * which labels MapLibre actually placed. Exposed only under automation (see MapView).
   */
  testHandle() {
    return {
      project: (lngLat: [number, number]) => {
        const p = this.map.project(lngLat);
        const r = this.map.getCanvas().getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
      unproject: ([x, y]: [number, number]): [number, number] => {
        const r = this.map.getCanvas().getBoundingClientRect();
        return this.map.unproject([x - r.left, y - r.top]).toArray() as [number, number];
      },
      renderedLabels: (layer: string) =>
        this.map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ id: String(f.properties.id), name_zh: String(f.properties.name_zh), name_en: String(f.properties.name_en) })),
      zoom: () => this.map.getZoom(),
      /**
       * Resolves at the next 'idle' after one more frame: whatever the page changed before this call
       * (a camera jump, a toggled layer, new data) is in that frame, and nothing is still loading or moving.
       */
      whenIdle: () =>
        new Promise<void>((resolve) => {
          this.map.once('idle', () => resolve());
          this.map.triggerRepaint();
        }),
      layerIds: () => this.map.getStyle().layers.map((l) => l.id),
      /** ids of the heritage features drawn now (none before the layer is added, or below its zoom) */
      renderedHeritage: () => (this.map.getLayer(HERITAGE_LAYERS[0]) ? [...new Set(this.map.queryRenderedFeatures({ layers: [...HERITAGE_LAYERS] }).map((f) => String(f.properties.id)))] : []),
      heritageAdded: () => this.heritage === 'added',
      /** imported clusters and single sites drawn now, at their page positions */
      renderedImported: () => (hasImportedLayers(this.map) ? this.renderedSites('imported') : { clusters: [], sites: [] }),
      /** synthetic clusters and single sites drawn now, at their page positions (empty without ?synthetic) */
      renderedSynthetic: () => (this.options.synthetic ? this.renderedSites('synthetic') : { clusters: [], sites: [] }),
    };
  }

  /** The clusters (with their counts) and single sites of a clustered layer drawn now, at their page positions. */
  private renderedSites(prefix: 'imported' | 'synthetic') {
    const r = this.map.getCanvas().getBoundingClientRect();
    const at = (f: MapGeoJSONFeature) => {
      const p = this.map.project((f.geometry as Point).coordinates as [number, number]);
      return { x: r.left + p.x, y: r.top + p.y };
    };
    return {
      clusters: this.map.queryRenderedFeatures({ layers: [`${prefix}-clusters`] }).map((f) => ({ ...at(f), count: Number(f.properties.point_count) })),
      sites: this.map.queryRenderedFeatures({ layers: [`${prefix}-sites`] }).map((f) => ({ ...at(f), n: Number(f.id) })),
    };
  }

  resize(): void {
    this.map.resize();
  }

  /** The map as drawn now, for a picture of it (src/export/map-png.ts). */
  snapshot(): Promise<MapSnapshot> {
    return captureMap(this.map);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.resizeObserver.disconnect();
    this.map.off('click', this.handleClick);
    document.removeEventListener('mouseup', this.endDragReleasedElsewhere);
    this.map.off('mousemove', this.handleMove);
    this.map.off('mouseout', this.handleOut);
    this.map.remove();
  }

  /**
   * The start-up camera for the frame as it is now: the canvas sized to its container, the sheet's
   * padding, and (unless the URL gave a view) the park fitted. Each is applied only if it differs,
   * since every camera change costs MapLibre a whole new frame.
   */
  private fitInitialView(): void {
    if (this.destroyed) return;
    const container = this.map.getContainer();
    const canvas = this.map.getCanvas();
    if (canvas.style.width !== `${container.clientWidth}px` || canvas.style.height !== `${container.clientHeight}px`) this.map.resize();
    const padding = this.map.getPadding();
    if ((['top', 'right', 'bottom', 'left'] as const).some((k) => padding[k] !== this.padding[k])) this.map.setPadding(this.padding);
    if (!this.initialFit) return;
    const camera = this.map.cameraForBounds(this.parkBounds(), { padding: this.parkPadding() });
    if (!camera?.center || camera.zoom === undefined) return;
    const center = LngLat.convert(camera.center);
    const now = this.map.getCenter();
    const same = Math.abs(camera.zoom - this.map.getZoom()) < 1e-6 && Math.abs(center.lng - now.lng) < 1e-9 && Math.abs(center.lat - now.lat) < 1e-9;
    if (!same) this.map.jumpTo({ center, zoom: camera.zoom });
  }

  /** A phone's screen is narrow: a desktop's 40 px margins would shrink the park a zoom level. */
  private parkPadding(): number {
    return this.options.compact ? 16 : 40;
  }

  private parkBounds(): LngLatBoundsLike {
    return boundsOf([...this.catalog.zones, ...this.catalog.stations]);
  }

  /** What each source draws: geo/ files and the build-time geometry (unlocated features left out). */
  private sourceData(): Record<SourceId, FeatureCollection> {
    const g = this.options.catalog.geo;
    const located = (features: GeoFeature[] | FeatureCollection): FeatureCollection =>
      Array.isArray(features) ? ({ type: 'FeatureCollection', features: features.filter((f) => f.geometry) } as FeatureCollection) : features;
    return {
      'area-labels': this.options.derived.areaLabels,
      districts: located(g['districts.geojson']),
      roads: located(g['roads.geojson']),
      water: located(g['water.geojson']),
      green: located(g['green.geojson']),
      airport: located(g['airport.geojson']),
      zones: located(g['zones.geojson']),
      'walk-bands': this.options.derived.walkBands,
      line2: located(g['metro-line2.geojson']),
      stations: located(g['stations.geojson']),
      'metro-stations': withBadges(g['metro-stations.geojson']),
      places: located(g['places.geojson']),
      buildings: located(g['key-buildings.geojson']),
    };
  }

  /**
   * Synthetic sites go into the style with the rest of the data, so the worker clusters them while
   * it tiles the map, in the same round (a setData after the style would cost a second one).
   */
  private syntheticData(): FeatureCollection | undefined {
    if (!this.options.synthetic) return undefined;
    const start = performance.now();
    const data = this.options.synthetic.data();
    performance.measure('zjcn:synthetic-geojson', { start, end: performance.now() });
    return data;
  }

  private sitePosition(id: string | null): [number, number] | null {
    const n = siteNumberOf(id);
    return n && this.options.synthetic ? this.options.synthetic.siteAt(n) : null;
  }

  /** The selected synthetic site's ring (its own one-point source: clustered features keep no state). */
  private showSelectedSite(id: string | null): void {
    const at = this.sitePosition(id);
    const features = at ? [{ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: at } }] : [];
    (this.map.getSource(SYNTHETIC_SELECTED_SOURCE) as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features });
  }

  private setState(id: string | null, state: Record<string, boolean>): void {
    // A verb that waited for the style can land after destroy (a page with no map, /print/…, replaced this one).
    if (!id || this.destroyed) return;
    const kind = this.catalog.byId.get(id)?.properties.kind;
    if (kind && STATEFUL_KINDS.has(kind)) this.map.setFeatureState({ source: MAP_SOURCE, id }, state);
  }

  /**
   * The topmost pickable feature near a pixel. Slack makes small markers hittable: a few pixels
   * for a mouse, a fingertip's worth (a 44 px box) for a touch.
   */
  private pick(point: PointLike, touch = false): MapGeoJSONFeature | null {
    const [x, y] = Array.isArray(point) ? point : [point.x, point.y];
    const slack = touch ? 22 : 5;
    const layers = interactiveLayers(Boolean(this.options.synthetic), hasImportedLayers(this.map)).filter((l) => this.map.getLayoutProperty(l, 'visibility') !== 'none');
    const hits = this.map.queryRenderedFeatures(
      [
        [x - slack, y - slack],
        [x + slack, y + slack],
      ],
      { layers },
    );
    for (const layer of layers) {
      const hit = hits.find((h) => h.layer.id === layer);
      if (hit) return hit;
    }
    return null;
  }

  /** A feature's id to select, null for empty map; a synthetic cluster zooms in, a synthetic site opens its panel. */
  private answer(point: PointLike, touch: boolean): void {
    const hit = this.pick(point, touch);
    if (hit?.layer.id === 'synthetic-clusters' || hit?.layer.id === 'imported-clusters') return void this.expandCluster(hit);
    if (hit?.layer.id === 'synthetic-sites' && this.options.onPickSite) return this.options.onPickSite(Number(hit.id));
    if (hit?.layer.id === 'imported-sites' && this.options.onPickImported) return this.options.onPickImported(Number(hit.id));
    this.options.onPick(hit ? String(hit.properties.id) : null);
  }

  /** Zooms to where a cluster breaks apart (MapLibre's own answer), centred on it. */
  private async expandCluster(cluster: MapGeoJSONFeature): Promise<void> {
    const source = this.map.getSource(cluster.layer.source === IMPORTED_SOURCE ? IMPORTED_SOURCE : SYNTHETIC_SOURCE) as GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(Number(cluster.properties.cluster_id));
    const center = (cluster.geometry as Point).coordinates as [number, number];
    this.initialFit = false;
    this.map.easeTo({ center, zoom: Math.min(zoom, this.map.getMaxZoom()), duration: 500 });
  }

  private readonly handleClick = (e: MapMouseEvent) => {
    // The lifted finger of a long press is not a tap on what lies under it.
    if (this.swallowLift && isTouch(e)) {
      this.swallowLift = false;
      return;
    }
    // Before the first idle there is nothing to hit yet: keep the place, answer it when drawn.
    if (!this.ready) {
      this.pendingClick = e.lngLat;
      this.pendingTouch = isTouch(e);
      this.options.onPendingPick?.();
      return;
    }
    this.answer(e.point, isTouch(e));
  };

  private answerPendingClick(): void {
    if (!this.pendingClick) return;
    const p = this.map.project(this.pendingClick);
    this.pendingClick = null;
    this.answer(p, this.pendingTouch);
  }

  /**
   * MapLibre ends a mouse drag of the map only on a mouseup inside its canvas container, or else at
   * the next mouse move (seeing the button up). A drag let go elsewhere — over a map control (the
   * controls sit outside that container), the panel — left the map "moving" until the mouse moved:
   * no 'idle', and its keyboard handler, blocked by the active drag, ignored the arrow keys. So the
   * release is handed on to where MapLibre listens for it (found by the fuzz test).
   */
  private readonly endDragReleasedElsewhere = (e: MouseEvent) => {
    const listening = this.map.getCanvasContainer();
    if (!e.isTrusted || !this.map.dragPan.isActive() || (e.target instanceof Node && listening.contains(e.target))) return;
    const { button, buttons, clientX, clientY, screenX, screenY, ctrlKey, shiftKey, altKey, metaKey } = e;
    listening.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button, buttons, clientX, clientY, screenX, screenY, ctrlKey, shiftKey, altKey, metaKey }));
  };

  private readonly handleMove = (e: MapMouseEvent) => {
    if (!this.ready) return;
    const hit = this.pick(e.point);
    this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
    // Synthetic and imported sites and clusters take the pointer but are no hover state of the app's.
    const id = hit && !/^(synthetic|imported)-/.test(hit.layer.id) ? String(hit.properties.id) : null;
    if (id !== this.hovered) this.options.onHover(id);
  };

  private readonly handleOut = () => {
    this.map.getCanvas().style.cursor = '';
    this.options.onHover(null);
  };
}

/** A tap from a finger or pen (a coarse pointer), which gets a bigger hit area than a mouse. */
function isTouch(e: MapMouseEvent): boolean {
  const o = e.originalEvent as PointerEvent | MouseEvent;
  return ('pointerType' in o && (o.pointerType === 'touch' || o.pointerType === 'pen')) || matchMedia('(pointer: coarse)').matches;
}
