import { createRouter, createWebHistory } from 'vue-router';
import SidePanel from './panel/SidePanel.vue';

/**
 * History-mode routes. The map view lives in MapLibre's named hash (#map=…), so paths stay free
 * for per-feature URLs (/building/<id>, /zone/<id>, …) as they arrive.
 */
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: SidePanel },
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
});
