import type { FeatureCollection } from 'geojson';
import type { GeoFeature } from '../data/schema';

/** The image id of a station's row of line badges, e.g. `metro-badge-3-4`. */
export const badgeId = (lines: readonly number[]): string => `metro-badge-${lines.join('-')}`;
const BADGE_PREFIX = 'metro-badge-';

/** The other lines' stations as the map draws them: each names its badge image (line-badges.ts draws it on demand). */
export function withBadges(features: readonly GeoFeature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features
      .filter((f) => f.geometry && f.properties.lines?.length)
      .map((f) => ({ ...f, properties: { ...f.properties, badge: badgeId(f.properties.lines!) } })) as FeatureCollection['features'],
  };
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
/** Black or white, whichever reads better on the line colour (the palettes' own choice differs for some lines). */
export function badgeInk(colour: string): '#000000' | '#ffffff' {
  const l = luminance(colour);
  return contrast(l, 0) >= contrast(l, 1) ? '#000000' : '#ffffff';
}

/** line number → colour, from the stations' own `lines` / `line_colours` (geo/sources/metro-line-colours.json). */
export function lineColours(features: readonly GeoFeature[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const f of features) f.properties.lines?.forEach((n, i) => f.properties.line_colours?.[i] && out.set(n, f.properties.line_colours[i]!));
  return out;
}

/**
 * A row of square line badges (the line number on its colour), as MapLibre's addImage takes it.
 * Drawn on a canvas when the map first asks for it (its missing-image resolver): digits only, so any system
 * font draws them, and no sprite file has to ship for thirteen colours.
 */
export function drawBadges(id: string, colours: ReadonlyMap<number, string>, pixelRatio: number): { width: number; height: number; data: Uint8ClampedArray } | null {
  if (!id.startsWith(BADGE_PREFIX)) return null;
  const lines = id.slice(BADGE_PREFIX.length).split('-').map(Number);
  if (lines.some((n) => !colours.has(n))) return null;
  const size = 13;
  const gap = 2;
  const widthOf = (n: number) => (n >= 10 ? 17 : size);
  const cssWidth = lines.reduce((w, n) => w + widthOf(n), 0) + gap * (lines.length - 1) + 2;
  const cssHeight = size + 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(cssWidth * pixelRatio);
  canvas.height = Math.ceil(cssHeight * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(pixelRatio, pixelRatio);
  ctx.font = `700 9.5px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  let x = 1;
  for (const n of lines) {
    const colour = colours.get(n)!;
    const w = widthOf(n);
    // A white edge keeps a pale badge (Line 3's yellow, 10's lilac) apart from the map.
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.roundRect(x - 1, 0, w + 2, cssHeight, 3.5);
    ctx.fill();
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.roundRect(x, 1, w, size, 2.5);
    ctx.fill();
    ctx.fillStyle = badgeInk(colour);
    ctx.fillText(String(n), x + w / 2, 1 + size / 2 + 0.5);
    x += w + gap;
  }
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data };
}
