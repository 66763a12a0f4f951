import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import SidePanel from './panel/SidePanel.vue';

/**
 * History-mode routes: the selection and the panel's mode live in the path, the map view in
 * MapLibre's named hash (#map=…). Every route is prerendered to its own page (scripts/prerender.ts);
 * the browser passes its history, the prerender a memory history.
 *
 *   /                      overview
 *   /zone|building|station|metro|place/<id>   a feature's details (metro: another line's station)
 *   /site/<n>?synthetic=N               a synthetic test site (only with ?synthetic=N)
 *   /report[/<paragraph-id>]            the report reader (?select=<feature-id> while reading)
 *   /tour[/<step>]                      the guided tour
 *   /compare?zones=east,central&metric=coverage500   the zones side by side
 *   /at/<lat>,<lon>                     what's here: zone, nearest station, walk bands, nearest buildings
 *   /my-sites[/<n>]                     the person's imported sites (kept in their browser), or one of them
 *   /print/zone|building|station|metro|place/<id>   a feature's one-page A4 sheet (App shows it without map or panel)
 */
export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes: [
      { path: '/', name: 'home', component: SidePanel },
      // site: a synthetic test site, /site/<n>?synthetic=N (src/synthetic/)
      { path: '/:segment(zone|building|station|metro|place|site)/:id', name: 'feature', component: SidePanel },
      { path: '/report/:pid?', name: 'report', component: () => import('./reader/ReportReader.vue') },
      { path: '/tour/:step?', name: 'tour', component: () => import('./tour/TourPanel.vue') },
      { path: '/compare', name: 'compare', component: () => import('./compare/ZoneCompare.vue') },
      { path: '/at/:coords', name: 'at', component: () => import('./panel/WhatsHerePanel.vue') },
      { path: '/my-sites/:n?', name: 'my-sites', component: () => import('./imported/MySitesPanel.vue') },
      { path: '/print/:segment(zone|building|station|metro|place)/:id', name: 'print', component: () => import('./print/PrintView.vue') },
      { path: '/:unknown(.*)*', name: 'unknown', component: SidePanel },
    ],
  });
}
