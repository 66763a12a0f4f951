/**
 * Lighthouse 12 (mobile preset: Moto G power viewport, simulated slow 4G and 4× CPU slowdown) on
 * the app and the bare MapLibre page, interleaved, served by the bench's own static host:
 *
 *   npx tsx tests/bench/lighthouse.ts --app-dist <dir> --bare-dist <dir> [--runs 3]
 *
 * (`npm run bench -- --lighthouse` builds both and runs this.) Lighthouse is fetched by npx at its
 * pinned version, 12.2.3 — the last that runs on node 20 — rather than installed with the project:
 * it is ~100 MB and only this optional measurement needs it. The browser is the tests' Chromium.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { serveStatic } from './static-server';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'speed-index', 'total-blocking-time', 'interactive'] as const;
type Metric = (typeof METRICS)[number];
export type LighthouseRun = Record<Metric, number> & { score: number };

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function chromePath(): Promise<string> {
  return process.env.CHROME_PATH || (await (await import('@sparticuz/chromium')).default.executablePath());
}

/** One Lighthouse run of `url`, its metrics in ms (score 0–1). */
export async function lighthouse(url: string): Promise<LighthouseRun> {
  const out = await mkdtemp(join(tmpdir(), 'zjcn-lh-'));
  const report = join(out, 'report.json');
  try {
    await promisify(execFile)(
      'npx',
      ['-y', LIGHTHOUSE, url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${report}`, `--chrome-flags=${CHROME_FLAGS.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: await chromePath() }, maxBuffer: 64 << 20, timeout: 180_000 },
    );
    const lhr = JSON.parse(await readFile(report, 'utf8')) as { audits: Record<string, { numericValue?: number }>; categories: { performance: { score: number } } };
    const run = { score: lhr.categories.performance.score } as LighthouseRun;
    for (const m of METRICS) run[m] = Math.round(lhr.audits[m]?.numericValue ?? NaN);
    return run;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Interleaved runs on both pages; a Markdown table of medians and ratios. */
export async function compareLighthouse(appDist: string, bareDist: string, runs = 3): Promise<{ app: LighthouseRun[]; bare: LighthouseRun[]; table: string }> {
  const [app, bare] = await Promise.all([serveStatic(appDist), serveStatic(bareDist, 'tests/bench/bare/index.html')]);
  const results = { app: [] as LighthouseRun[], bare: [] as LighthouseRun[] };
  try {
    for (let i = 0; i < runs; i++) {
      results.app.push(await lighthouse(`${app.url}/`));
      results.bare.push(await lighthouse(`${bare.url}/`));
      console.error(`lighthouse round ${i + 1}/${runs}: app FCP ${results.app.at(-1)!['first-contentful-paint']} ms, bare FCP ${results.bare.at(-1)!['first-contentful-paint']} ms`);
    }
  } finally {
    await Promise.all([app.close(), bare.close()]);
  }
  const rows = [...METRICS, 'score' as const].map((m) => {
    const a = median(results.app.map((r) => r[m]));
    const b = median(results.bare.map((r) => r[m]));
    const fmt = (v: number) => (m === 'score' ? v.toFixed(2) : `${v.toLocaleString('en')} ms`);
    return `| ${m} | ${fmt(a)} | ${fmt(b)} | ${m === 'score' || !b ? '' : `${(a / b).toFixed(2)}×`} |`;
  });
  const table = [`| Lighthouse ${LIGHTHOUSE.split('@')[1]} mobile, median of ${runs} | app | bare | app / bare |`, '|---|---:|---:|---:|', ...rows].join('\n');
  return { ...results, table };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const appDist = arg('app-dist');
  const bareDist = arg('bare-dist');
  if (!appDist || !bareDist) throw new Error('usage: tsx tests/bench/lighthouse.ts --app-dist <dir> --bare-dist <dir> [--runs 3]');
  const { table } = await compareLighthouse(resolve(appDist), resolve(bareDist), Number(arg('runs') ?? 3));
  console.log(table);
}
