import { NOTO_SANS_RANGES, NOTO_SANS_SC_SUBSET } from 'virtual:font-subset';

/**
 * Noto Sans (Latin) and Noto Sans SC (Chinese), bundled into our own origin. One list of files and
 * unicode-ranges serves both the HTML (registered with the CSS Font Loading API) and the map labels
 * (the style's `font-faces`).
 *
 * The Chinese the app shows comes from two files: Noto Sans SC Regular cut at build time to exactly
 * the characters of its content (scripts/vite-plugin-font-subset.ts) — "core", what the map labels
 * and the overview show (geo/, the interface messages, the code's strings), and "prose", the rest
 * of the report's text — each with its exact unicode-range under the one family, so that the
 * browser fetches the prose file only on a page that shows one of its characters. fontsource's
 * unicode-range chunks stay as a fallback for anything else (src/fonts/fallback-fonts.ts).
 */
export type { FontFile } from './font-file';
import type { FontFile } from './font-file';

const latin400 = import.meta.glob<string>('/node_modules/@fontsource/noto-sans/files/noto-sans-{latin,latin-ext}-400-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});
const latin600 = import.meta.glob<string>('/node_modules/@fontsource/noto-sans/files/noto-sans-{latin,latin-ext}-600-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});

const latinFiles = (files: Record<string, string>, weight: number) =>
  (['latin', 'latin-ext'] as const).map((subset): FontFile => {
    const suffix = `noto-sans-${subset}-${weight}-normal.woff2`;
    const key = Object.keys(files).find((k) => k.endsWith(suffix));
    if (!key) throw new Error(`fonts: no bundled file ends with ${suffix}`);
    return { url: files[key]!, unicodeRange: NOTO_SANS_RANGES[subset] };
  });

export const NOTO_SANS_400 = latinFiles(latin400, 400);
export const NOTO_SANS_600 = latinFiles(latin600, 600);
const part = (name: 'core' | 'prose'): FontFile[] =>
  NOTO_SANS_SC_SUBSET.filter((f) => f.part === name).map((f) => ({ url: f.url, unicodeRange: f.unicodeRange }));
/** the subset's core: every character of geo/, the messages and the code that Noto Sans does not cover */
export const NOTO_SANS_SC_CORE_400: FontFile[] = part('core');
/** the subset's prose: the characters only src/content has (the report, summaries, tour, indicators) */
export const NOTO_SANS_SC_PROSE_400: FontFile[] = part('prose');
/** the whole subset, core first: every character of the app's content that Noto Sans does not cover */
export const NOTO_SANS_SC_400: FontFile[] = [...NOTO_SANS_SC_CORE_400, ...NOTO_SANS_SC_PROSE_400];

/**
 * Makes the interface fonts available to CSS as "Noto Sans" and "Noto Sans SC" (the subset's two
 * files), the order of the stacks in src/styles/base.css, on a page that was not prerendered (the
 * dev server's; a prerendered page declares them in its head, src/fonts/font-face-css.ts). Chinese
 * bold is synthesised from the regular weight rather than doubling the CJK downloads. The subset's
 * core is needed on every first view (the map's labels are in Chinese in both languages), so it
 * starts loading now; the prose file waits for its unicode-range to be used.
 */
export function registerInterfaceFonts(): void {
  addFontFaces('Noto Sans', NOTO_SANS_400, '400');
  addFontFaces('Noto Sans', NOTO_SANS_600, '600');
  for (const face of addFontFaces('Noto Sans SC', NOTO_SANS_SC_CORE_400, '400')) face.load().catch(() => undefined);
  addFontFaces('Noto Sans SC', NOTO_SANS_SC_PROSE_400, '400');
}

/** Registers one family's files with the CSS Font Loading API. */
export function addFontFaces(family: string, files: FontFile[], weight: string): FontFace[] {
  return files.map((f) => {
    const face = new FontFace(family, `url(${f.url}) format('woff2')`, { weight, unicodeRange: f.unicodeRange.join(','), display: 'swap' });
    document.fonts.add(face);
    return face;
  });
}
