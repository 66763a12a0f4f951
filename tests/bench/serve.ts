/**
 * `npm run bench:serve` — how fast the build is served: the repo's nginx configuration under real
 * nginx (HTTPS, precompressed files) against `vite preview`, with autocannon on the loopback.
 * Prints a table and writes it into BENCHMARKS.md (between the serve:begin / serve:end markers).
 * Asserts nothing; every run is bounded (--seconds each, default 10), and the load goes only to
 * 127.0.0.1. Needs a build (`npm run build`) and nginx (tests/serve/nginx.ts says how to get it).
 *
 *   npm run bench:serve [-- --seconds 10 --no-write]
 */
import autocannon from 'autocannon';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { preview } from 'vite';
import { findNginx, makeCertificate, startNginx } from '../serve/nginx';

const argv = process.argv.slice(2);
const at = argv.indexOf('--seconds');
const SECONDS = at >= 0 ? Math.min(20, Math.max(1, Number(argv[at + 1]))) : 10;
const WRITE = !argv.includes('--no-write');
const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, process.env.ZJCN_OUT ?? 'dist');

const nginx = findNginx();
if (!('path' in nginx)) {
  console.error(`bench:serve needs nginx: ${nginx.missing}`);
  process.exit(1);
}
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`bench:serve needs a build in ${DIST}: run npm run build`);
  process.exit(1);
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const maplibre = /\/assets\/maplibre-[^"]+\.js/.exec(html)?.[0];
if (!maplibre) throw new Error('bench:serve: index.html names no maplibre chunk');
const PATHS = [
  { name: '`/` (the overview page)', path: '/' },
  { name: 'a feature page', path: '/building/bldg-gold-hongqiao-center' },
  { name: `the MapLibre bundle (${maplibre.split('/').pop()})`, path: maplibre },
];
const CONNECTIONS = [50, 200];
// What a browser sends: nginx answers with the precompressed .br file, vite preview compresses itself.
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

interface Row {
  server: string;
  path: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  mbps: number;
  errors: number;
  non2xx: number;
}

async function hammer(server: string, url: string, path: string, connections: number): Promise<Row> {
  const r = await autocannon({ url: url + path, connections, duration: SECONDS, headers: HEADERS, pipelining: 1 });
  return { server, path, connections, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, mbps: r.throughput.average / 1e6, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

// autocannon trusts the test certificate only this way (its TLS options do not take a CA); the load stays on 127.0.0.1.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
const certDir = mkdtempSync(join(tmpdir(), 'zjcn-bench-cert-'));
const load0 = loadavg();
const rows: Row[] = [];
const server = await startNginx(DIST, makeCertificate(certDir), nginx.path);
const vite = await preview({ root: ROOT, build: { outDir: DIST }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
const viteUrl = vite.resolvedUrls!.local[0]!.replace(/\/$/, '');
try {
  for (const { path } of PATHS) {
    for (const connections of CONNECTIONS) {
      // Interleaved, so a change in machine load falls on both servers alike.
      for (const [name, url] of [
        ['nginx (deploy/, HTTPS, precompressed)', server.url],
        ['vite preview (HTTP)', viteUrl],
      ] as const) {
        const row = await hammer(name, url, path, connections);
        rows.push(row);
        console.error(`${name} ${path} × ${connections}: ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms${row.errors || row.non2xx ? `, ${row.errors} errors, ${row.non2xx} non-2xx` : ''}`);
      }
    }
  }
} finally {
  await server.stop();
  await vite.close();
  rmSync(certDir, { recursive: true, force: true });
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const lines = ['| what | connections | server | requests/s | p50 | p99 | MB/s on the wire | errors / non-2xx |', '|---|---:|---|---:|---:|---:|---:|---:|'];
for (const { name, path } of PATHS) {
  for (const c of CONNECTIONS) {
    const pair = rows.filter((r) => r.path === path && r.connections === c);
    const [n, v] = pair;
    for (const r of pair) lines.push(`| ${name} | ${c} | ${r.server} | ${fmt(r.rps)} | ${r.p50} ms | ${r.p99} ms | ${r.mbps.toFixed(1)} | ${r.errors} / ${r.non2xx} |`);
    if (n && v) lines.push(`| | | nginx ÷ vite preview | **${(n.rps / v.rps).toFixed(1)}×** | | | | |`);
  }
}
const cpu = cpus();
const machine = `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, load ${load0.map((x) => x.toFixed(2)).join(' / ')} at start; autocannon ${SECONDS} s a run on 127.0.0.1, HTTP/1.1 keep-alive, \`Accept-Encoding: gzip, deflate, br\`; the load generator shares the 2 cores with the server`;
const table = `${lines.join('\n')}\n\n${machine}`;
console.log(`\n${table}`);
if (WRITE) {
  const file = join(ROOT, 'BENCHMARKS.md');
  const block = `<!-- serve:begin — written by \`npm run bench:serve\` (tests/bench/serve.ts); edit outside these markers -->\n## Serving: nginx (deploy/) against vite preview\n\n${table}\n<!-- serve:end -->`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = /<!-- serve:begin[\s\S]*?<!-- serve:end -->/;
  writeFileSync(file, re.test(old) ? old.replace(re, block) : `${old.trimEnd()}\n\n${block}\n`);
  console.error(`wrote ${file}`);
}
