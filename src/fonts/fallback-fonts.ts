import { NOTO_SANS_SC_FALLBACK } from 'virtual:font-subset/fallback';
import type { FontFile } from './font-file';
import { addFontFaces } from './noto';
import { formatUnicodeRange, unpackRuns } from './unicode-ranges';

/**
 * fontsource's Noto Sans SC chunks, for characters outside the subset (a name someone types or
 * brings later), under their own family "Noto Sans SC Fallback" and with the subset's characters
 * taken out of their ranges, so a chunk is fetched only when such a character appears. Nothing the
 * app ships needs them (the build puts every character of its content in the subset), so this
 * module loads after the first view (src/main.ts) and is not part of the first load.
 */
export const NOTO_SANS_SC_FALLBACK_400: FontFile[] = NOTO_SANS_SC_FALLBACK.map((f) => ({
  url: f.url,
  unicodeRange: formatUnicodeRange(unpackRuns(f.ranges)),
}));

export function registerFallbackFonts(): void {
  addFontFaces('Noto Sans SC Fallback', NOTO_SANS_SC_FALLBACK_400, '400');
}
