/**
 * A plain static host for the benchmark: files from one folder, every unknown path answered with
 * the SPA's HTML (as a static host configured for history routing does), text compressed with
 * gzip when the browser accepts it (level 6, like nginx's `gzip on` or most CDNs' gzip tier),
 * already-compressed files (woff2, images) sent as they are. Hashed build output (/assets/) is
 * cacheable for a year, everything else revalidates (ETag → 304), as Vite's deployment guide and
 * most static hosts do. The app and the bare page are served by the same code, so the transport
 * is the same on both sides.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.webmanifest', '.ttf']);

export interface StaticServer {
  url: string;
  /** every response sent, in order: the URL path and the bytes written (status line, headers, body) */
  readonly sent: { path: string; bytes: number }[];
  close(): Promise<void>;
}

/** Serves `root` on a free loopback port; paths with no file get `fallback` (relative to root). */
export async function serveStatic(root: string, fallback = 'index.html'): Promise<StaticServer> {
  const base = resolve(root);
  // Compressed bodies are computed once per file: the cost of compressing is not the page's.
  const sent: { path: string; bytes: number }[] = [];
  const cache = new Map<string, { body: Buffer; gzip: Buffer | null; type: string; etag: string }>();
  async function load(file: string) {
    let hit = cache.get(file);
    if (!hit) {
      const body = await readFile(file);
      const ext = extname(file).toLowerCase();
      hit = {
        body,
        gzip: COMPRESSIBLE.has(ext) && body.length > 256 ? gzipSync(body, { level: 6 }) : null,
        type: TYPES[ext] ?? 'application/octet-stream',
        etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
      };
      cache.set(file, hit);
    }
    return hit;
  }
  async function resolveFile(urlPath: string): Promise<string> {
    const decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
    const candidate = normalize(join(base, decoded));
    if (candidate === base || !candidate.startsWith(base + sep)) return join(base, fallback);
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      /* no such file: the SPA answers */
    }
    return join(base, fallback);
  }
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const file = await resolveFile(req.url ?? '/');
        const { body, gzip, type, etag } = await load(file);
        const useGzip = gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        const notModified = req.headers['if-none-match'] === etag;
        const payload = notModified ? Buffer.alloc(0) : useGzip ? gzip : body;
        const hashed = file.startsWith(join(base, 'assets') + sep);
        const headers = {
          'Content-Type': type,
          'Content-Length': String(payload.length),
          'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          ETag: etag,
          ...(gzip ? { Vary: 'Accept-Encoding' } : {}),
          ...(useGzip && !notModified ? { 'Content-Encoding': 'gzip' } : {}),
        };
        res.writeHead(notModified ? 304 : 200, headers);
        res.end(req.method === 'HEAD' ? undefined : payload);
        const headerBytes = 'HTTP/1.1 200 OK\r\n'.length + Object.entries(headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 2) + 80; // + Date, Connection, Keep-Alive
        sent.push({ path: (req.url ?? '/').split('?')[0]!, bytes: headerBytes + (req.method === 'HEAD' ? 0 : payload.length) });
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(e));
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server: no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sent,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
