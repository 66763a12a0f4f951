/** Built by scripts/vite-plugin-font-subset.ts from the app's content and Noto Sans SC. */
declare module 'virtual:font-subset' {
  /**
   * Noto Sans SC Regular cut to the characters the app shows, as two files whose `unicodeRange`s
   * are exactly their characters and never overlap: `core` (what the map labels and the overview
   * show: geo/, the interface messages, the code's strings) first, then `prose` (the rest of
   * src/content). A file with no character is left out.
   */
  export const NOTO_SANS_SC_SUBSET: { part: 'core' | 'prose'; url: string; unicodeRange: string[] }[];
  /** Noto Sans's (Latin) unicode-ranges, per fontsource subset. */
  export const NOTO_SANS_RANGES: { latin: string[]; 'latin-ext': string[] };
}
declare module 'virtual:font-subset/fallback' {
  /** fontsource's Noto Sans SC chunks, for characters outside the subset; `ranges` packed (see unpackRuns). */
  export const NOTO_SANS_SC_FALLBACK: { url: string; ranges: string }[];
}
