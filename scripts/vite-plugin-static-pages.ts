import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { builtPolicy, headerPolicy } from './vite-plugin-csp-hashes.ts';
import { deployedHeaders } from './deployed-headers.ts';
import { shellFor } from '../src/navigation/shells.ts';

/**
 * `vite preview` serves the prerendered build as deploy/zjcn.conf does (nginx is the truth: the
 * serving tests run against it; this is for `npm run preview` and machines without nginx): `/a/b` is the file
 * `a/b.html`, a path with no file is answered by `404.html` with status 404 — no "every path is
 * index.html" fallback, so `robots.txt` and a mistyped link get what they are — and every
 * response carries the security headers, the Content-Security-Policy read from the built page.
 */
export function staticPagesPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'zjcn-static-pages',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      const index = join(outDir, 'index.html');
      const policy = existsSync(index) ? builtPolicy(readFileSync(index, 'utf8')) : null;
      // Production's headers, from the one place they are declared; the CSP from this build's own page.
      const headers = deployedHeaders().filter(([name]) => name !== 'Content-Security-Policy');
      server.middlewares.use((req, res, next) => {
        if (policy) res.setHeader('Content-Security-Policy', headerPolicy(policy));
        for (const [name, value] of headers) res.setHeader(name, value);
        res.setHeader('Cache-Control', req.url?.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.statusCode = 405;
          res.setHeader('Allow', 'GET, HEAD');
          return res.end();
        }
        const file = (p: string) => {
          const full = normalize(join(outDir, p));
          return full.startsWith(outDir) && existsSync(full) && statSync(full).isFile() ? full : null;
        };
        const path = decodedPath(req.url ?? '/');
        // A broken escape (`/zone/%`) names no file: 400 as nginx answers, with the not-found page for a person.
        if (path === null) return sendPage(res, req.method, file('404.html'), 400, next);
        if (file(path)) return next();
        const page = path.endsWith('/') ? file(`${path}index.html`) : file(`${path}.html`);
        if (page) {
          req.url = page.slice(outDir.length).replaceAll('\\', '/') + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
          return next();
        }
        // "What's here?" and imported-site links name any value: one shell serves them all (as deploy/zjcn.conf does).
        const shell = shellFor(path);
        if (shell && file(shell)) {
          req.url = `/${shell}`;
          return next();
        }
        sendPage(res, req.method, file('404.html'), 404, next);
      });
    },
  };
}

/**
 * The path a request names, decoded; null when an escape is broken (a `%` without two hex digits),
 * which nginx answers with 400. Escapes that decode to bytes that are not UTF-8 name no file (nginx: 404).
 */
function decodedPath(url: string): string | null {
  const raw = url.split('?')[0]!;
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return null;
  try {
    return decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return '/(not UTF-8: no such file)';
  }
}

function sendPage(res: ServerResponse, method: string | undefined, page: string | null, status: number, next: () => void): void {
  if (!page) return next();
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(method === 'HEAD' ? undefined : readFileSync(page));
}
