import latinRanges from '@fontsource/noto-sans/unicode.json';
import scRanges from '@fontsource/noto-sans-sc/unicode.json';

/**
 * Noto Sans (Latin) and Noto Sans SC (Chinese) from @fontsource, bundled into our own origin.
 * One list of files and unicode-ranges serves both the HTML (registered with the CSS Font Loading
 * API) and the map labels (the style's `font-faces`), and each chunk is fetched only when some
 * text needs one of its characters.
 */
export interface FontFile {
  url: string;
  unicodeRange: string[];
}

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
const sc400 = import.meta.glob<string>('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});

function file(files: Record<string, string>, suffix: string, range: string): FontFile {
  const key = Object.keys(files).find((k) => k.endsWith(suffix));
  if (!key) throw new Error(`fonts: no bundled file ends with ${suffix}`);
  return { url: files[key]!, unicodeRange: range.split(',').map((r) => r.trim()) };
}

const latinFiles = (files: Record<string, string>, weight: number) =>
  (['latin', 'latin-ext'] as const).map((subset) =>
    file(files, `noto-sans-${subset}-${weight}-normal.woff2`, (latinRanges as Record<string, string>)[subset]!),
  );

export const NOTO_SANS_400 = latinFiles(latin400, 400);
export const NOTO_SANS_600 = latinFiles(latin600, 600);
// Numbered chunks ("[4]") are the CJK ones; the SC package's Latin subsets duplicate Noto Sans.
export const NOTO_SANS_SC_400: FontFile[] = Object.entries(scRanges as Record<string, string>)
  .filter(([chunk]) => chunk.startsWith('['))
  .map(([chunk, range]) => file(sc400, `noto-sans-sc-${chunk.slice(1, -1)}-400-normal.woff2`, range));

/**
 * Makes the interface fonts available to CSS as "Noto Sans" and "Noto Sans SC". Chinese bold is
 * synthesised from the regular weight rather than doubling the CJK downloads.
 */
export function registerInterfaceFonts(): void {
  const add = (family: string, files: FontFile[], weight: string) => {
    for (const f of files) {
      document.fonts.add(new FontFace(family, `url(${f.url}) format('woff2')`, { weight, unicodeRange: f.unicodeRange.join(','), display: 'swap' }));
    }
  };
  add('Noto Sans', NOTO_SANS_400, '400');
  add('Noto Sans', NOTO_SANS_600, '600');
  add('Noto Sans SC', NOTO_SANS_SC_400, '400');
}
