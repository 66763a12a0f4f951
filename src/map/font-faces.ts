import type { FontFacesSpecification } from 'maplibre-gl';
import { NOTO_SANS_400, NOTO_SANS_SC_CORE_400, NOTO_SANS_SC_PROSE_400 } from '../fonts/noto';

/**
 * The map's label font from our own origin: MapLibre (6.17, FontFaceManager) draws each character
 * from the first file whose unicode-range holds it, and fetches a file only when a label needs one
 * of its characters — Noto Sans for Latin, then the Noto Sans SC subset's core (every character of
 * geo/, the messages and the code: all a label shows), then its prose (the report's other
 * characters, fetched only should a label ever show one). The build puts every character of the
 * data in the subset, so fontsource's fallback chunks are not listed (a layer of data brought at
 * run time would add them). Labels need no glyph server and no system CJK font, and look the same
 * on every machine.
 */
export const MAP_FONT = 'Noto Sans Regular';

export function mapFontFaces(): FontFacesSpecification {
  return {
    [MAP_FONT]: [...NOTO_SANS_400, ...NOTO_SANS_SC_CORE_400, ...NOTO_SANS_SC_PROSE_400].map((f) => ({
      url: f.url,
      'unicode-range': f.unicodeRange,
    })),
  };
}
