/**
 * What a first visit downloads from a build, by kind, as a static host serves it (gzip -9 for
 * text; woff2 is already compressed). First load = what index.html references (the entry, its
 * modulepreloads and preloads, its CSS) plus MapLibre's worker and stylesheet, which the map
 * requests at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetWeight {
  file: string;
  kind: 'js' | 'css' | 'font' | 'other';
  firstLoad: boolean;
  /** bytes over the wire: gzip for text, as stored for woff2 */
  wire: number;
}

const kindOf = (file: string): AssetWeight['kind'] =>
  file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : file.endsWith('.woff2') ? 'font' : 'other';

export function assetWeights(distDir = 'dist'): AssetWeight[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const assets = join(distDir, 'assets');
  return readdirSync(assets).map((file) => {
    const kind = kindOf(file);
    const bytes = readFileSync(join(assets, file));
    const wire = kind === 'font' ? bytes.length : gzipSync(bytes, { level: 9 }).length;
    const firstLoad = html.includes(`assets/${file}`) || file.startsWith('maplibre-gl-');
    return { file, kind, firstLoad, wire };
  });
}

/** Sums by kind: first-load JS and CSS, lazy JS. */
export function firstLoadTotals(weights: AssetWeight[]) {
  const sum = (pick: (w: AssetWeight) => boolean) => weights.filter(pick).reduce((n, w) => n + w.wire, 0);
  return {
    js: sum((w) => w.kind === 'js' && w.firstLoad),
    css: sum((w) => w.kind === 'css' && w.firstLoad),
    lazyJs: sum((w) => w.kind === 'js' && !w.firstLoad),
  };
}

/** Every prerendered page (scripts/prerender.ts) with its gzip weight, heaviest first. */
export function pageWeights(distDir = 'dist'): { file: string; wire: number }[] {
  return (readdirSync(distDir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, wire: gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length }))
    .sort((a, b) => b.wire - a.wire);
}
