import { describe, expect, it } from 'vitest';
import { validateStyleMin, expression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { GROUP_KEY, MAP_SOURCE, SOURCES, buildStyle, mergeGroups } from './layers';

/** How MapLibre will evaluate a paint value: 'constant' | 'camera' (zoom) | 'source' (feature) | 'composite'. */
function kindOf(type: string, key: string, value: unknown): string {
  const spec = (latest as unknown as Record<string, Record<string, StylePropertySpecification>>)[`paint_${type}`]?.[key];
  if (!spec) throw new Error(`no spec for ${type} ${key}`);
  const parsed = expression.normalizePropertyExpression(value as never, key as never, spec as never);
  return parsed.kind;
}

describe('the map style', () => {
  for (const synthetic of [false, true]) {
    it(`is valid${synthetic ? ' with synthetic sites' : ''}`, () => {
      expect(validateStyleMin(buildStyle('en', { synthetic }) as never)).toEqual([]);
    });
  }

  it('draws every geo/ group from one source, each layer filtered to its group', () => {
    const style = buildStyle('zh');
    expect(Object.keys(style.sources)).toEqual([MAP_SOURCE]);
    const onMap = style.layers.filter((l) => 'source' in l && l.source === MAP_SOURCE);
    expect(onMap.length).toBeGreaterThan(20);
    for (const l of onMap) expect(JSON.stringify((l as { filter?: unknown }).filter)).toContain(GROUP_KEY);
  });

  it('tags each feature with its group and keeps its properties', () => {
    const merged = mergeGroups({ zones: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null as never, properties: { id: 'z' } }] } });
    expect(merged.features).toEqual([{ type: 'Feature', geometry: null, properties: { id: 'z', [GROUP_KEY]: 'zones' } }]);
    expect(SOURCES).toContain('zones');
  });

  // MapLibre compiles one shader program per layer type and per mix of constant / per-feature
  // paint values: layers of a type that agree share one, which is most of the first frame's cost.
  it('gives every layer of a type the same mix of per-feature paint values (one shader program per type)', () => {
    const style = buildStyle('en');
    const props: Record<string, string[]> = {
      circle: ['circle-color', 'circle-radius', 'circle-opacity', 'circle-stroke-color', 'circle-stroke-width', 'circle-blur', 'circle-stroke-opacity'],
      line: ['line-color', 'line-width', 'line-opacity', 'line-blur', 'line-gap-width', 'line-offset'],
      fill: ['fill-color', 'fill-opacity', 'fill-outline-color'],
      symbol: ['text-color', 'text-halo-color', 'text-halo-width', 'text-halo-blur', 'text-opacity'],
    };
    for (const [type, keys] of Object.entries(props)) {
      const signatures = new Set(
        style.layers
          .filter((l) => l.type === type)
          .map((l) => keys.map((k) => {
            const v = (l as { paint?: Record<string, unknown> }).paint?.[k];
            return v === undefined ? 'default' : kindOf(type, k, v) === 'source' || kindOf(type, k, v) === 'composite' ? kindOf(type, k, v) : 'uniform';
          }).join(',').replace(/default/g, 'uniform')),
      );
      expect([...signatures], type).toHaveLength(1);
    }
    // Antialiasing adds a second fill program (and draw): the fills' edges are drawn by line layers.
    for (const l of style.layers.filter((x) => x.type === 'fill')) expect((l as { paint: Record<string, unknown> }).paint['fill-antialias'], l.id).toBe(false);
  });
});
