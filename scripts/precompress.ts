/**
 * The last step of `npm run build`: writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip,
 * level 9) beside every text file of the build, so the server sends them as they are (nginx's
 * `brotli_static` / `gzip_static`, deploy/zjcn.conf) instead of compressing on every request — and
 * at a level no server spends per request. A copy that would not be smaller is not written.
 * After the precache list (scripts/precache.ts), so sw.js is compressed too and the copies are not in it.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml', '.map']);
/** below this a response fits one packet anyway */
const MIN_BYTES = 256;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (TEXT.has(extname(entry.name))) yield full;
  }
}

/** Writes `file`.br and `file`.gz (each only if smaller); returns the sizes written (0: not written). */
export async function precompressFile(file: string): Promise<{ bytes: number; br: number; gz: number }> {
  const body = await readFile(file);
  const [b, g] = await Promise.all([
    br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gz(body, { level: 9 }),
  ]);
  if (b.length < body.length) await writeFile(`${file}.br`, b);
  if (g.length < body.length) await writeFile(`${file}.gz`, g);
  return { bytes: body.length, br: b.length < body.length ? b.length : 0, gz: g.length < body.length ? g.length : 0 };
}

export async function precompress(dir: string): Promise<{ files: number; bytes: number; br: number; gz: number }> {
  const jobs: Promise<{ bytes: number; br: number; gz: number }>[] = [];
  for await (const file of files(dir)) if ((await stat(file)).size >= MIN_BYTES) jobs.push(precompressFile(file));
  const done = await Promise.all(jobs);
  const sum = (k: 'bytes' | 'br' | 'gz') => done.reduce((n, d) => n + d[k], 0);
  return { files: done.length, bytes: sum('bytes'), br: sum('br'), gz: sum('gz') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.env.ZJCN_OUT ?? 'dist');
  const started = performance.now();
  const t = await precompress(dir);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log(`precompress: ${t.files} text files, ${kb(t.bytes)} → ${kb(t.br)} brotli, ${kb(t.gz)} gzip, in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`);
}
