import type { FontFacesSpecification } from 'maplibre-gl';
import { NOTO_SANS_400, NOTO_SANS_SC_400 } from '../fonts/noto';

/**
 * The map's label font from our own origin: MapLibre fetches a chunk only when a label needs a
 * character in its unicode-range, so labels need no glyph server and no system CJK font, and look
 * the same on every machine.
 */
export const MAP_FONT = 'Noto Sans Regular';

export function mapFontFaces(): FontFacesSpecification {
  return { [MAP_FONT]: [...NOTO_SANS_400, ...NOTO_SANS_SC_400].map((f) => ({ url: f.url, 'unicode-range': f.unicodeRange })) };
}
