/**
 * geo/ files the first view does not need: validated with the rest at build time, served apart and
 * loaded on demand (validate.ts checks each is a geo/ file). Here on their own so that build scripts
 * (scripts/font-chars.ts: their characters go with the prose font) read the same list without the validators.
 */
export const LAZY_GEO_FILES = ['heritage.geojson'] as const;
