import { shellFor } from '../navigation/shells';

/**
 * Which built file answers a page's address, as the host does (deploy/zjcn.conf,
 * scripts/vite-plugin-static-pages.ts): `/` → `index.html`, `/a/b` → `a/b.html`, `/a/` →
 * `a/index.html`, a name with an extension is its own file, and every link under a shell's prefix
 * (`/at/<lat>,<lon>`, `/my-sites/<n>`: src/navigation/shells.ts) is that one shell page. The query never picks the file. The service
 * worker (src/offline/sw.ts) looks pages up in its cache with this; no DOM, no worker types.
 */
export function pageForPath(pathname: string): string {
  const path = pathname.replace(/^\/+/, '');
  const shell = shellFor(`/${path}`);
  if (shell) return shell;
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return /\.[a-z0-9]+$/i.test(path.slice(path.lastIndexOf('/') + 1)) ? path : `${path}.html`;
}

/**
 * What a page that is in no cache opens with when there is no network: the page whose app shows
 * that address best — the reader's page for a paragraph of the report, otherwise the not-found
 * page, whose app renders whatever the address names (a synthetic site, an unknown id).
 */
export function offlineShellFor(pathname: string): string {
  return /^\/report(\/|$)/.test(pathname) ? 'report.html' : '404.html';
}

