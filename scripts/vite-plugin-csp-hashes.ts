import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;
/** The dev server's module-reload socket: allowed by the dev server's page only, never by a build. */
const DEV_SOCKETS = 'ws://localhost:* ws://127.0.0.1:*';

/**
 * The page's Content-Security-Policy as shipped: index.html's own policy, with its inline scripts
 * (the language choice, which must run before the first paint) allowed by their sha256 — so
 * `script-src` needs no 'unsafe-inline' and editing the script cannot break it — and, on the dev
 * server only, its reload socket.
 */
export function pagePolicy(html: string, { dev }: { dev: boolean }): string {
  const meta = META.exec(html);
  if (!meta) throw new Error('csp: index.html has no Content-Security-Policy meta');
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  let policy = meta[2]!.replace(/\s+/g, ' ').trim();
  if (hashes.length) {
    if (!/script-src 'self'/.test(policy)) throw new Error("csp: index.html has inline scripts but no script-src 'self' to allow them in");
    policy = policy.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);
  }
  if (dev) policy = policy.replace(/connect-src ([^;]*)/, `connect-src $1 ${DEV_SOCKETS}`);
  return policy;
}

/** The same policy as an HTTP header, with what only a header can say: no framing by other sites. */
export const headerPolicy = (page: string) => `${page}; frame-ancestors 'none'`;

/** The policy read back from a built page's meta (for the preview server's header). */
export const builtPolicy = (html: string) => META.exec(html)?.[2] ?? null;

export function cspHashesPlugin(): Plugin {
  let dev = false;
  let appPage = '';
  return {
    name: 'zjcn-csp',
    configResolved(config) {
      dev = config.command === 'serve';
      appPage = resolve(config.root, 'index.html');
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // The app's page only: another entry built with this config (the bench's bare MapLibre page) keeps its own head.
        if (resolve(ctx.filename) !== appPage) return html;
        const policy = pagePolicy(html, { dev });
        return html.replace(META, (_m, open: string, _old: string, close: string) => `${open}${policy}${close}`);
      },
    },
  };
}
