import { describe, expect, it } from 'vitest';
import { areaLabelPoints } from '../analysis/area-labels';
import { buildCatalog } from '../data/catalog';
import type { GeoFeature } from '../data/schema';
import { readGeoFiles, readReport } from '../data/test-files';
import { PALETTE, ZONE_COLOURS } from '../map/palette';
import { escapeXml, placeLabels, renderStaticMap, staticMapData, textWidth, type LabelRequest, type StaticMapData } from './render-svg';

const catalog = buildCatalog(readGeoFiles(), readReport());
const data = staticMapData(catalog, areaLabelPoints([...catalog.geo['districts.geojson'], ...catalog.zones]));
const W = 1000;
const H = 700;
const render = (options: Partial<Parameters<typeof renderStaticMap>[1]> = {}, d: StaticMapData = data) =>
  renderStaticMap(d, { width: W, height: H, lang: 'en', ...options });

/** The opening tags of every element with a data-feature-id, as attribute maps. */
function selectables(svg: string): Record<string, string>[] {
  return [...svg.matchAll(/<g\b([^>]*\bdata-feature-id="[^"]*"[^>]*)>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

/**
 * A small XML well-formedness check (no parser in node): tags balance, attribute values are quoted,
 * and no bare "<" or "&" appears in text or attributes.
 */
function checkWellFormed(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    expect(text.replace(/&(amp|lt|gt|quot|apos);/g, ''), `text before ${i}`).not.toMatch(/[<&]/);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(svg);
    if (!m) throw new Error(`malformed tag at ${lt}: ${svg.slice(lt, lt + 80)}`);
    const [, close, name, , selfClose] = m;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else if (!selfClose) stack.push(name!);
    i = tag.lastIndex;
  }
  expect(stack).toEqual([]);
}

describe('renderStaticMap on the real catalog', () => {
  const svg = render();
  const els = selectables(svg);
  const ofKind = (kind: string) => els.filter((e) => e['data-kind'] === kind);

  it('is one well-formed SVG document of the asked size', () => {
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${W} ${H}"`);
    checkWellFormed(svg);
  });

  it('draws exactly the 3 zones, the 14 buildings, every station and every located place as selectable elements', () => {
    expect(ofKind('zone').map((e) => e['data-feature-id']).sort()).toEqual(catalog.zones.map((z) => z.properties.id).sort());
    expect(ofKind('key-building')).toHaveLength(14);
    expect(ofKind('key-building').map((e) => e['data-feature-id']).sort()).toEqual(catalog.buildings.map((b) => b.properties.id).sort());
    expect(ofKind('station').map((e) => e['data-feature-id'])).toEqual(catalog.stations.map((s) => s.properties.id));
    expect(ofKind('metro-station').map((e) => e['data-feature-id'])).toEqual(catalog.metroStations.map((s) => s.properties.id));
    const located = catalog.places.filter((p) => p.geometry).map((p) => p.properties.id);
    const unlocated = catalog.places.filter((p) => !p.geometry).map((p) => p.properties.id);
    expect(unlocated.length).toBeGreaterThan(0);
    expect(ofKind('place').map((e) => e['data-feature-id']).sort()).toEqual(located.sort());
    for (const id of unlocated) expect(svg).not.toContain(`"${id}"`);
    // One element per feature: ids are not repeated.
    expect(new Set(els.map((e) => e['data-feature-id'])).size).toBe(els.length);
  });

  it('makes each selectable feature a named, focusable button with a title', () => {
    for (const e of els) {
      expect(e.tabindex).toBe('0');
      expect(e.role).toBe('button');
      const f = catalog.byId.get(e['data-feature-id']!)!;
      expect(e['aria-label']).toBe(`${escapeXml(f.properties.name_en)}, ${{ zone: 'zone', 'key-building': 'key building (candidate)', station: 'metro station', 'metro-station': 'metro station (another line)', place: 'place named in the report' }[f.properties.kind as string]}`);
    }
    const titles = [...svg.matchAll(/<g\b[^>]*data-feature-id="([^"]+)"[^>]*><title>([^<]*)<\/title>/g)];
    expect(titles).toHaveLength(els.length);
    const east = catalog.zoneByKey('east');
    expect(titles.find((t) => t[1] === east.properties.id)![2]).toBe(`${east.properties.name_en} · ${east.properties.name_zh}`);
  });

  it('names features in the interface language first (aria-labels, kinds and labels)', () => {
    const zh = render({ lang: 'zh', kindNames: { zone: '片区' } });
    const zone = catalog.zoneByKey('central');
    expect(zh).toContain(`aria-label="${zone.properties.name_zh}，片区"`);
    // In a label the primary name is the first line, the other language the second (smaller) one.
    const label = new RegExp(`data-label-for="${zone.properties.id}"[^>]*>(<tspan[^>]*>[^<]*</tspan>)+</text>`).exec(zh)![0];
    const lines = [...label.matchAll(/<tspan[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/tspan>/g)].map((m) => [Number(m[1]), m[2]] as const);
    expect(lines[0]![1]).toBe(zone.properties.name_zh);
    expect(lines.at(-1)![1]).toBe(zone.properties.name_en);
    expect(lines.at(-1)![0]).toBeLessThan(lines[0]![0]);
    const en = render();
    expect(new RegExp(`data-label-for="${zone.properties.id}"[^>]*><tspan[^>]*>${zone.properties.name_en}<`).test(en)).toBe(true);
  });

  it('fills and outlines the zones in the palette’s zone colours', () => {
    for (const z of catalog.zones) {
      const el = new RegExp(`data-feature-id="${z.properties.id}"[^>]*><title>[^<]*</title><path[^>]*>`).exec(svg)![0];
      const colour = ZONE_COLOURS[z.properties.zone!];
      expect(el).toContain(`fill="${colour}"`);
      expect(el).toContain(`stroke="${colour}"`);
    }
    expect(svg).toContain(`stroke="${PALETTE.line2}"`);
    // Another palette, another drawing: the colours are an option, not constants.
    const other = render({ palette: { zones: { east: '#111111', central: '#222222', west: '#333333' }, base: PALETTE } });
    expect(other).toContain('fill="#222222"');
    expect(other).not.toContain(ZONE_COLOURS.central);
  });

  it('marks the selected feature, and only it', () => {
    const id = 'bldg-gold-hongqiao-center';
    const sel = selectables(render({ selectedId: id }));
    const marked = sel.filter((e) => e['data-selected'] === 'true');
    expect(marked.map((e) => e['data-feature-id'])).toEqual([id]);
    expect(marked[0]!['aria-current']).toBe('true');
    expect(render({ selectedId: id })).toMatch(new RegExp(`data-feature-id="${id}"[^>]*>.*?fill="${PALETTE.selected}"`));
    expect(els.some((e) => e['data-selected'])).toBe(false);
    // The selection's label is always drawn, even in the crowded central zone.
    expect(render({ selectedId: id, width: 390, height: 500 })).toContain(`data-label-for="${id}"`);
  });

  it('escapes names: a name with <&"> stays text', () => {
    const evil = 'Tom & Jerry <b>"Tower"</b>';
    const copy: StaticMapData = {
      ...data,
      buildings: data.buildings.map((b, i) => (i === 0 ? ({ ...b, properties: { ...b.properties, name_en: evil, name_zh: '<楼&>' } } as GeoFeature) : b)),
    };
    const out = render({}, copy);
    checkWellFormed(out);
    expect(out).not.toContain('<b>');
    expect(out).toContain('Tom &amp; Jerry &lt;b&gt;&quot;Tower&quot;&lt;/b&gt;');
    expect(out).toContain('&lt;楼&amp;&gt;');
    expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
  });

  it('keeps the park inside the frame, padding included', () => {
    const padded = render({ padding: { top: 80, left: 16, right: 16, bottom: 16 } });
    for (const z of catalog.zones) {
      const d = new RegExp(`data-feature-id="${z.properties.id}"[^>]*><title>[^<]*</title><path[^>]*\\bd="([^"]+)"`).exec(padded)![1]!;
      const xy = [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      for (const [x, y] of xy) {
        expect(x).toBeGreaterThanOrEqual(16 - 0.1);
        expect(x).toBeLessThanOrEqual(W - 16 + 0.1);
        expect(y).toBeGreaterThanOrEqual(80 - 0.1);
        expect(y).toBeLessThanOrEqual(H - 16 + 0.1);
      }
    }
  });

  it('gives every small marker a touch target of at least 24 px, 44 px where there is room', () => {
    const radii = [...svg.matchAll(/<circle class="zjcn-hit"[^>]*\br="([\d.]+)"/g)].map((m) => Number(m[1]));
    const points = [...catalog.buildings, ...catalog.stations, ...catalog.metroStations, ...catalog.places.filter((p) => p.geometry?.type === 'Point')];
    expect(radii).toHaveLength(points.length);
    for (const r of radii) expect(r * 2).toBeGreaterThanOrEqual(24);
    expect(radii.some((r) => r * 2 >= 44)).toBe(true);
    // Each belongs to one point feature, and all lie under every marker, so a drawn dot takes its own click.
    const hitFor = [...svg.matchAll(/<circle class="zjcn-hit" data-hit-for="([^"]+)"/g)].map((m) => m[1]);
    expect(hitFor.sort()).toEqual(points.map((p) => p.properties.id).sort());
    const lastHit = svg.lastIndexOf('data-hit-for=');
    for (const p of points) expect(svg.indexOf(`data-feature-id="${p.properties.id}"`)).toBeGreaterThan(lastHit);
  });

  /** The box each label takes, rebuilt from its text, size and anchor with the renderer's width estimate. */
  const labelBoxes = (out: string) =>
    [...out.matchAll(/<text\b([^>]*)>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) => {
      const anchor = /text-anchor="(\w+)"/.exec(m[1]!)![1];
      const spacing = Number(/letter-spacing="([\d.]+)em"/.exec(m[1]!)?.[1] ?? 0);
      const spans = [...m[2]!.matchAll(/x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)">([^<]*)</g)].map((s) => ({ x: Number(s[1]), y: Number(s[2]), size: Number(s[3]), text: s[4]! }));
      const width = Math.max(...spans.map((s) => textWidth(s.text.replace(/&amp;/g, '&').replace(/&apos;/g, "'"), s.size, spacing)));
      const x = spans[0]!.x;
      const x0 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
      return { id: /data-label-for="([^"]+)"/.exec(m[1]!)![1], x0: x0 + 0.5, x1: x0 + width - 0.5, y0: spans[0]!.y - spans[0]!.size + 0.5, y1: spans.at(-1)!.y - 0.5 };
    });
  const overlap = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

  it('places labels without overlaps (the zone names first), leaving out what does not fit', () => {
    for (const [w, h] of [
      [W, H],
      [390, 500],
    ] as const) {
      const boxes = labelBoxes(render({ width: w, height: h }));
      for (const z of catalog.zones) expect(boxes.some((b) => b.id === z.properties.id)).toBe(true);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${w}×${h}: ${boxes[i]!.id} overlaps ${boxes[j]!.id}`).toBe(false);
      }
      // The small frame cannot hold every name: some are left out rather than piled up.
      if (w === 390) expect(boxes.length).toBeLessThan(3 + 14 + catalog.stations.length);
    }
  });

  it('keeps labels off the boxes asked to stay clear (controls drawn over the map)', () => {
    const clear = { x0: W - 300, y0: 0, x1: W, y1: H / 2 };
    const near = labelBoxes(render()).filter((b) => overlap(b, clear));
    expect(near.length).toBeGreaterThan(0);
    const cleared = labelBoxes(render({ keepClear: [clear] })).filter((b) => !catalog.zones.some((z) => z.properties.id === b.id));
    expect(cleared.filter((b) => overlap(b, clear))).toEqual([]);
  });
});

describe('placeLabels (greedy)', () => {
  const req = (id: string, x: number, y: number, extra: Partial<LabelRequest> = {}): LabelRequest => ({
    id,
    at: [x, y],
    lines: [{ text: 'Label', size: 10 }],
    colour: '#000',
    anchors: ['right', 'left'],
    offset: 5,
    weight: 400,
    haloWidth: 1,
    ...extra,
  });
  const frame = { x0: 0, y0: 0, x1: 500, y1: 500 };

  it('tries the next anchor when the first collides, and drops a label with no free anchor', () => {
    const out = placeLabels([req('a', 100, 100), req('b', 110, 100), req('c', 105, 100)], frame, []);
    expect(out).toHaveLength(2);
    expect(out[0]).toContain('text-anchor="start"'); // a: right of its point
    expect(out[1]).toContain('text-anchor="end"'); // b: its right side is taken, so left
  });

  it('keeps labels inside the frame and off other features’ markers, but forces what must show', () => {
    expect(placeLabels([req('edge', 495, 100, { anchors: ['right'] })], frame, [])).toHaveLength(0);
    const marker = [{ id: 'm', box: { x0: 104, y0: 95, x1: 140, y1: 105 } }];
    expect(placeLabels([req('a', 100, 100, { anchors: ['right'] })], frame, marker)).toHaveLength(0);
    expect(placeLabels([req('m', 100, 100, { anchors: ['right'] })], frame, marker)).toHaveLength(1);
    expect(placeLabels([req('a', 100, 100, { anchors: ['right'], force: true })], frame, marker)).toHaveLength(1);
  });
});
