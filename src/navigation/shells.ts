/**
 * Paths whose last part is any value the browser reads (a point, a site of the person's file):
 * every such link is served from one prerendered page, with status 200. The preview server
 * (scripts/vite-plugin-static-pages.ts) and deploy/zjcn.conf both follow this table.
 */
export const SHELLS = [
  { prefix: '/at/', page: 'at.html' },
  { prefix: '/my-sites/', page: 'my-sites.html' },
] as const;

export const shellFor = (path: string) => SHELLS.find((s) => path.startsWith(s.prefix))?.page ?? null;
