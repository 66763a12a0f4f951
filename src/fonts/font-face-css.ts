import { NOTO_SANS_400, NOTO_SANS_600, NOTO_SANS_SC_400, NOTO_SANS_SC_CORE_400, type FontFile } from './noto';

/**
 * The interface fonts as @font-face rules, for the prerendered pages: their text is painted in
 * its own font before any script runs. The same files and ranges as registerInterfaceFonts (the
 * fallback chunks come later, from src/fonts/fallback-fonts.ts: a prerendered page holds no
 * character outside the subset). Both of the
 * subset's files are declared: the browser fetches the prose one only for a page that shows one of
 * its characters (the reader, the tour, a report quote).
 */
export function fontFaceCss(): string {
  const faces = (family: string, files: FontFile[], weight: number) =>
    files.map((f) => `@font-face{font-family:"${family}";src:url(${f.url}) format("woff2");font-weight:${weight};font-display:swap;unicode-range:${f.unicodeRange.join(',')}}`);
  return [
    ...faces('Noto Sans', NOTO_SANS_400, 400),
    ...faces('Noto Sans', NOTO_SANS_600, 600),
    ...faces('Noto Sans SC', NOTO_SANS_SC_400, 400),
  ].join('\n');
}

/** The files every first view needs (the map labels are Chinese in both languages): preloaded by the page. */
export function firstViewFonts(): string[] {
  // Latin-ext (accents) and the subset's prose are left to their unicode-ranges: most views show no
  // such character. The semibold Latin draws every heading: without a preload it is found only at layout.
  const latin = (files: FontFile[]) => files.filter((f) => /noto-sans-latin-\d00-normal/.test(f.url)).map((f) => f.url);
  return [...NOTO_SANS_SC_CORE_400.map((f) => f.url), ...latin(NOTO_SANS_400), ...latin(NOTO_SANS_600)];
}
