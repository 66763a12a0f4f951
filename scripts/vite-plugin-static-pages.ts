import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `vite preview` serves the prerendered build as a static host should (see README): `/a/b` is
 * the file `a/b.html`, a path with no file is answered by `404.html` with status 404 — no
 * "every path is index.html" fallback, so `robots.txt` and a mistyped link get what they are.
 */
export function staticPagesPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'zjcn-static-pages',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = (p: string) => {
          const full = normalize(join(outDir, p));
          return full.startsWith(outDir) && existsSync(full) && statSync(full).isFile() ? full : null;
        };
        if (file(path)) return next();
        const page = path.endsWith('/') ? file(`${path}index.html`) : file(`${path}.html`);
        if (page) {
          req.url = page.slice(outDir.length).replaceAll('\\', '/') + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
          return next();
        }
        const notFound = file('404.html');
        if (!notFound) return next();
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : readFileSync(notFound));
      });
    },
  };
}
