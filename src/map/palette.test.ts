import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, rgb, type Rgb } from 'culori';
import { describe, expect, it } from 'vitest';
import type { ZoneId } from '../data/schema';
import { buildStyle } from './layers';
import { heritageLayers } from './heritage-layer';
import { PALETTE, ZONE_COLOURS } from './palette';

/**
 * The zone colours as a person with each common colour-vision deficiency sees them (culori's
 * Machado et al. 2009 simulation, full severity), measured with CIEDE2000.
 *
 * Two thresholds, for the two ways a zone colour is drawn:
 * - Full strength: the zone outline (a 1.8 px line), the legend swatch, the compare bars and the
 *   details accent. These are small marks, and colour discrimination drops as marks get small, so
 *   they must be ≥ 10 apart — well past "noticeable", the usual floor for a categorical palette.
 * - The fill: a 17 % wash over the district (MapLibre blends in sRGB, so that is what is composited
 *   here). It is a large area, where one CIEDE2000 unit is about one just-noticeable difference;
 *   it must stay ≥ 3 (three JNDs) from the ground and from the other zones' fills. A wash that pale
 *   cannot reach 10 with any hue short of black: the zone's identity rides on its outline, its
 *   name label and the legend, and the fill only has to show which side of the outline is inside.
 */
const de = differenceCiede2000();
const VISIONS: Record<string, (c: Rgb) => Rgb> = {
  'normal vision': (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const ZONES = Object.keys(ZONE_COLOURS) as ZoneId[];
/** zones lie inside Changning, drawn with the district's focus fill; the page around it is the background */
const GROUNDS = { 'the district fill': PALETTE.districtFocus, 'the map background': PALETTE.background };

const toRgb = (hex: string): Rgb => rgb(hex)!;
/** `hex` at `alpha` over `ground`, blended in sRGB as the map's WebGL does */
function over(hex: string, alpha: number, ground: string): Rgb {
  const [f, g] = [toRgb(hex), toRgb(ground)];
  const mix = (a: number, b: number) => a * alpha + b * (1 - alpha);
  return { mode: 'rgb', r: mix(f.r, g.r), g: mix(f.g, g.g), b: mix(f.b, g.b) };
}

/** The zone fill's opacity at rest (not selected, hovered or coloured by a figure), read from the style itself. */
function restFillOpacity(): number {
  const layer = buildStyle('en').layers.find((l) => l.id === 'zones-fill');
  if (layer?.type !== 'fill') throw new Error('no zones-fill layer');
  const opacity = layer.paint?.['fill-opacity'];
  // ['case', <choropleth?>, <choropleth opacities>, ['case', selected, a, hover, b, rest]]
  const own = Array.isArray(opacity) ? opacity[opacity.length - 1] : opacity;
  const rest = Array.isArray(own) ? own[own.length - 1] : own;
  if (typeof rest !== 'number') throw new Error(`unexpected zones-fill opacity: ${JSON.stringify(opacity)}`);
  return rest;
}

/** Every pair of things that must differ, as [label, colour, colour] with colours already composited. */
function pairs(colourOf: (zone: ZoneId, ground: string) => Rgb): [string, Rgb, Rgb][] {
  const out: [string, Rgb, Rgb][] = [];
  for (const [i, a] of ZONES.entries()) {
    for (const b of ZONES.slice(i + 1)) out.push([`${a} vs ${b}`, colourOf(a, PALETTE.districtFocus), colourOf(b, PALETTE.districtFocus)]);
    for (const [name, ground] of Object.entries(GROUNDS)) out.push([`${a} vs ${name}`, colourOf(a, PALETTE.districtFocus), toRgb(ground)]);
  }
  return out;
}

function shortfalls(list: [string, Rgb, Rgb][], min: number): string[] {
  const out: string[] = [];
  for (const [vision, see] of Object.entries(VISIONS)) {
    for (const [label, a, b] of list) {
      const d = de(see(a), see(b));
      if (d < min) out.push(`${vision}: ${label} ΔE00 ${d.toFixed(1)} < ${min}`);
    }
  }
  return out;
}

describe('zone colours under colour-vision deficiencies (CIEDE2000)', () => {
  it('reads the fill opacity the map draws with', () => {
    expect(restFillOpacity()).toBeGreaterThan(0);
    expect(restFillOpacity()).toBeLessThan(1);
  });

  it('full-strength zone colours (outlines, legend, bars) are ≥ 10 apart and from the ground', () => {
    expect(shortfalls(pairs((zone) => toRgb(ZONE_COLOURS[zone])), 10)).toEqual([]);
  });

  it('each zone outline stands ≥ 10 from its own fill, so the edge reads', () => {
    const alpha = restFillOpacity();
    const list = ZONES.map((z): [string, Rgb, Rgb] => [`${z} outline vs its fill`, toRgb(ZONE_COLOURS[z]), over(ZONE_COLOURS[z], alpha, PALETTE.districtFocus)]);
    expect(shortfalls(list, 10)).toEqual([]);
  });

  it('zone fills as drawn (a wash over the district) are ≥ 3 apart and from the ground', () => {
    const alpha = restFillOpacity();
    expect(shortfalls(pairs((zone, ground) => over(ZONE_COLOURS[zone], alpha, ground)), 3)).toEqual([]);
  });

  it('the simulations do change colours (a red and a green a protanope confuses)', () => {
    const [red, green] = [toRgb('#d55e00'), toRgb('#6f8f00')];
    expect(de(red, green)).toBeGreaterThan(20);
    expect(de(VISIONS.protanopia!(red), VISIONS.protanopia!(green))).toBeLessThan(de(red, green) / 2);
  });
});

describe('the heritage colour (OpenStreetMap footprints) under colour-vision deficiencies (CIEDE2000)', () => {
  // Outlines and dots at full strength: small marks, so ≥ 10 from what they lie on and from the marks they must not be read as.
  const against = { ...GROUNDS, 'the parks': PALETTE.green, 'the roads': PALETTE.road, 'the places': PALETTE.place, 'the selection': PALETTE.selected, 'the imported sites': PALETTE.imported, 'the key buildings': PALETTE.building };
  it('outlines and dots are ≥ 10 from the ground, the parks, the roads, the places, the selection and the imported sites', () => {
    const list = Object.entries(against).map(([name, c]): [string, Rgb, Rgb] => [`heritage vs ${name}`, toRgb(PALETTE.heritage), toRgb(c)]);
    expect(shortfalls(list, 10)).toEqual([]);
  });

  it('its fill, as drawn at rest, is ≥ 3 from the district it lies on; not part of the start-up style', () => {
    const layer = heritageLayers(null, true).find((l) => l.id === 'heritage-fill');
    if (layer?.type !== 'fill') throw new Error('no heritage-fill layer');
    const opacity = layer.paint?.['fill-opacity'] as unknown[]; // ['case', linked to the selection, strong, rest]
    const rest = opacity[opacity.length - 1] as number;
    expect(rest).toBeGreaterThan(0);
    expect(shortfalls([['heritage fill vs the district', over(PALETTE.heritage, rest, PALETTE.districtFocus), toRgb(PALETTE.districtFocus)]], 3)).toEqual([]);
    // added on first use (heritage-layer.ts), so the start-up style and its shaders stay as they are
    expect(buildStyle('en').layers.some((l) => l.id.startsWith('heritage-'))).toBe(false);
  });
});

