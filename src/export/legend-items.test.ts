import { describe, expect, it } from 'vitest';
import { PALETTE, ZONE_COLOURS } from '../map/palette';
import { LAYER_GROUPS, type LayerGroup } from '../stores/layers';
import { legendItems } from './legend-items';

const all = Object.fromEntries(LAYER_GROUPS.map((g) => [g, true])) as Record<LayerGroup, boolean>;

describe("the PNG's legend", () => {
  it('lists every shown group in the panel order, with its name and the map colours', () => {
    const items = legendItems(all, (g) => `name of ${g}`);
    expect(items.map((i) => i.group)).toEqual([...LAYER_GROUPS]);
    expect(items[0]).toEqual({ group: 'zones', label: 'name of zones', swatch: { kind: 'fill', colours: [ZONE_COLOURS.east, ZONE_COLOURS.central, ZONE_COLOURS.west] } });
    expect(items.find((i) => i.group === 'line2')!.swatch).toEqual({ kind: 'line', colours: [PALETTE.line2] });
    expect(items.find((i) => i.group === 'buildings')!.swatch.colours).toEqual([PALETTE.building]);
  });
  it('leaves out what the legend hides', () => {
    const items = legendItems({ ...all, roads: false, walkBands: false }, String);
    expect(items.map((i) => i.group)).toEqual(['zones', 'line2', 'metro', 'buildings', 'places', 'heritage']);
    expect(legendItems({ ...all, roads: false }, String, 'Your sites: a.csv (3)').at(-1)).toEqual({ group: 'imported', label: 'Your sites: a.csv (3)', swatch: { kind: 'dot', colours: [PALETTE.imported] } });
    expect(legendItems(Object.fromEntries(LAYER_GROUPS.map((g) => [g, false])) as Record<LayerGroup, boolean>, String)).toEqual([]);
  });
});
