import { tour } from '../content/tour';
import type { Catalog } from '../data/catalog';
import { loadCatalog } from '../data/load';
import { segmentForKind } from './routes';

/** The page a static host serves for any path it has no file for (scripts/prerender.ts writes 404.html). */
export const NOT_FOUND_PATH = '/404';
/** The shell every "what's here?" link (/at/<lat>,<lon>) is served from: at.html (the point is read in the browser). */
export const WHATS_HERE_SHELL_PATH = '/at/_';

/**
 * Every page the app has, as the prerender writes them: the overview, each selectable feature,
 * each feature's print sheet, the reader and each of its paragraphs, each tour step, the comparison, and the not-found page.
 * Query variants (/compare?zones=…, ?select=…, ?synthetic=N) are rendered in the browser.
 */
export function prerenderPaths(catalog: Catalog = loadCatalog()): string[] {
  const features = [...catalog.zones, ...catalog.buildings, ...catalog.stations, ...catalog.metroStations, ...catalog.places].flatMap((f) => {
    const segment = segmentForKind(f.properties.kind);
    return segment ? [`/${segment}/${f.properties.id}`] : [];
  });
  return [
    '/',
    ...features,
    // each feature's one-page print sheet
    ...features.map((path) => `/print${path}`),
    '/report',
    ...catalog.report.paragraphs.map((p) => `/report/${p.id}`),
    '/tour',
    ...tour.map((_, i) => `/tour/${i + 1}`),
    '/compare',
    WHATS_HERE_SHELL_PATH,
    // The person's imported sites live in their browser: the page says it is reading them.
    '/my-sites',
    NOT_FOUND_PATH,
  ];
}
