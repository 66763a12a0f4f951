import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The page's inline scripts (index.html's language choice, which must run before the first
 * paint) are allowed by their hashes in the Content-Security-Policy, so `script-src` needs no
 * 'unsafe-inline'. The hash is computed from the script as built: editing it cannot break it.
 */
export function cspHashesPlugin(): Plugin {
  return {
    name: 'zjcn-csp-hashes',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
          .map((m) => m[1]!)
          .filter((body) => body.trim() !== '')
          .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
        if (hashes.length === 0) return html;
        const csp = /(http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self')/;
        if (!csp.test(html)) throw new Error("csp-hashes: index.html has inline scripts but no CSP meta with script-src 'self'");
        return html.replace(csp, (m) => `${m} ${hashes.join(' ')}`);
      },
    },
  };
}
