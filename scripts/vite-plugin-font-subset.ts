import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin, ResolvedConfig } from 'vite';
import { formatUnicodeRange, packRuns, parseUnicodeRange, runsCover, subtractRuns, toRuns, type CodePointRange } from '../src/fonts/unicode-ranges.ts';
import { collectCharacters, type CollectOptions } from './font-chars.ts';

const VIRTUAL_ID = 'virtual:font-subset';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
/** the fallback chunks, a module of their own: the page needs them only after its first view */
const FALLBACK_ID = 'virtual:font-subset/fallback';
const RESOLVED_FALLBACK_ID = '\0' + FALLBACK_ID;
const DEV_PREFIX = '@zjcn-font-subset/';
/** Bump when the subsetting itself changes, so that cached files are made again. */
const CACHE_VERSION = 1;
/** How many cut files stay in the cache directory (two a cut: core and prose). */
const CACHE_KEEP = 8;

export interface FontSubsetOptions extends Omit<CollectOptions, 'root'> {
  /** Noto Sans SC Regular, the whole font (TTF), to cut the subset from */
  sourceFont: string;
  /** where subsets are kept between runs, keyed by a hash of the font and the characters */
  cacheDir?: string;
}

/** One of the subset's files. */
export interface FontSubsetPart {
  /**
   * `core`: what the map labels and the overview show (geo/, the interface messages, the code's
   * strings, their vertical forms); `prose`: the rest of src/content (the report, summaries, tour,
   * indicators), fetched only when a page shows one of its characters
   */
  part: 'core' | 'prose';
  woff2: Buffer;
  /** the file's characters, its exact unicode-range; the parts' runs never overlap */
  runs: CodePointRange[];
  count: number;
  /** of the font, the version and the characters: the cache key, and the dev server's file name */
  hash: string;
  cached: boolean;
}

export interface FontSubset {
  /** core first, then prose; a part with no character is left out */
  parts: FontSubsetPart[];
  /** every part's characters: what the app shows that Noto Sans (Latin) does not cover */
  runs: CodePointRange[];
  count: number;
  /** the fontsource chunks as a fallback: their ranges minus the subset's characters */
  fallback: { file: string; runs: CodePointRange[] }[];
  /** Noto Sans's own ranges, for the Latin files */
  latin: { latin: string[]; 'latin-ext': string[] };
  /** the content files read, for a dev server to watch */
  files: string[];
  ms: number;
  warnings: string[];
}

/** This app's sources and font. */
export const FONT_SUBSET_DEFAULTS: FontSubsetOptions = {
  geoDir: 'geo',
  contentDir: 'src/content',
  messagesFile: 'src/i18n/messages.ts',
  srcDir: 'src',
  sourceFont: 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

const describe = (cp: number, from: string) => `${String.fromCodePoint(cp)} U+${cp.toString(16).toUpperCase().padStart(4, '0')} (${from})`;

/**
 * HarfBuzz (harfbuzzjs) and the woff2 codec (fontverter) that subset-font itself uses, found
 * from subset-font's own directory so that they are the very versions it runs.
 */
async function fontTools(): Promise<{ hb: typeof import('harfbuzzjs'); fontverter: typeof import('fontverter') }> {
  const fromSubsetFont = createRequire(createRequire(import.meta.url).resolve('subset-font'));
  const fontverter = fromSubsetFont('fontverter') as typeof import('fontverter');
  const hb = (await import(pathToFileURL(fromSubsetFont.resolve('harfbuzzjs')).href)) as typeof import('harfbuzzjs');
  return { hb, fontverter };
}

/** The last fontCodePoints call: each waits for the one before it (see there). */
let reading: Promise<unknown> = Promise.resolve();

/**
 * The codepoints a font's cmap maps (TTF/OTF, woff or woff2), read with HarfBuzz. One at a time:
 * two woff2 decompressions at once (wawoff2, under fontverter) hand back a wrong font — an empty
 * cmap for one of them — so calls queue behind each other.
 */
export function fontCodePoints(font: Uint8Array): Promise<Set<number>> {
  const read = async () => {
    const { hb, fontverter } = await fontTools();
    const buffer = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
    const sfnt = fontverter.detectFormat(buffer) === 'sfnt' ? buffer : await fontverter.convert(buffer, 'sfnt');
    return new Set(new hb.Face(new hb.Blob(sfnt)).collectUnicodes());
  };
  const next = reading.then(read, read);
  reading = next.catch(() => undefined);
  return next;
}

/** Throws, listing each one and where it comes from, if the font lacks any of the characters. */
export async function assertCovers(font: Uint8Array | Set<number>, characters: Map<number, string>, what: string): Promise<void> {
  const has = font instanceof Set ? font : await fontCodePoints(font);
  const missing = [...characters].filter(([cp]) => !has.has(cp));
  if (missing.length) {
    throw new Error(`font-subset: ${missing.length} character(s) of the app's content missing from ${what}:\n  ${missing.map(([cp, from]) => describe(cp, from)).join('\n  ')}`);
  }
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Writes a cut into the cache directory, keeping the few most recent (a dev server and a build may want different ones). */
function storeInCache(cacheDir: string, hash: string, woff2: Buffer): void {
  const cacheFile = resolve(cacheDir, `${hash}.woff2`);
  mkdirSync(dirname(cacheFile), { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(tmp, woff2);
  renameSync(tmp, cacheFile);
  const kept = readdirSync(cacheDir)
    .filter((f) => /^[0-9a-f]{16}\.woff2$/.test(f))
    .map((f) => ({ f, t: statSync(resolve(cacheDir, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of kept.slice(CACHE_KEEP)) rmSync(resolve(cacheDir, f), { force: true });
}

/**
 * One file of the subset: from the on-disk cache (keyed by a hash of the font, the tools'
 * version and the characters) or cut now, and checked either way — every character must be in
 * its cmap, or this throws (and a bad cached file is dropped).
 */
async function cutPart(
  part: FontSubsetPart['part'],
  source: Buffer,
  chars: Map<number, string>,
  cacheDir: string,
  subsetFontVersion: string,
): Promise<FontSubsetPart> {
  const codePoints = [...chars.keys()].sort((a, b) => a - b);
  const hash = createHash('sha256')
    .update(JSON.stringify({ CACHE_VERSION, subsetFontVersion, codePoints }))
    .update(source)
    .digest('hex')
    .slice(0, 16);
  const cacheFile = resolve(cacheDir, `${hash}.woff2`);
  const cached = existsSync(cacheFile);
  let woff2: Buffer;
  if (cached) {
    woff2 = readFileSync(cacheFile);
    // Marked as just used, so that the cache keeps what is in use and drops the oldest cuts.
    const now = new Date();
    utimesSync(cacheFile, now, now);
  } else {
    const { default: subsetFont } = await import('subset-font');
    woff2 = await subsetFont(source, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' });
  }
  try {
    await assertCovers(woff2, chars, cached ? `the cached ${part} subset ${cacheFile}` : `the ${part} subset`);
  } catch (e) {
    if (cached) rmSync(cacheFile, { force: true });
    throw e;
  }
  if (!cached) storeInCache(cacheDir, hash, woff2);
  return { part, woff2, runs: toRuns(codePoints), count: codePoints.length, hash, cached };
}

/**
 * Cuts Noto Sans SC Regular down to the characters the app shows (all but those Noto Sans covers),
 * as two woff2 files — core (what the map and the overview show) and prose (the rest of the
 * report's text) — and checks the result: every character must be in the source font and in its
 * file's cmap, or this throws and the build fails.
 */
export async function buildFontSubset(root: string, options: FontSubsetOptions): Promise<FontSubset> {
  const started = performance.now();
  const pkg = (name: string) => resolve(root, 'node_modules', name);
  const latinTable = readJson<Record<string, string>>(pkg('@fontsource/noto-sans/unicode.json'));
  const latin = { latin: latinTable.latin!.split(','), 'latin-ext': latinTable['latin-ext']!.split(',') };
  const latinRuns = parseUnicodeRange([...latin.latin, ...latin['latin-ext']]);
  const { content, prose: proseChars, code, files } = await collectCharacters({ root, ...options });
  const nonLatin = (chars: Map<number, string>) => new Map([...chars].filter(([cp]) => !runsCover(latinRuns, cp)));
  const wanted = nonLatin(content);

  const source = readFileSync(resolve(root, options.sourceFont));
  const sourceHas = await fontCodePoints(source);
  await assertCovers(sourceHas, wanted, `the source font ${options.sourceFont}`);
  const prose = nonLatin(proseChars);
  const core = new Map([...wanted].filter(([cp]) => !prose.has(cp)));
  // A character only in the code (a symbol on a button) is kept if the font has it; else say so.
  const warnings: string[] = [];
  for (const [cp, from] of nonLatin(code)) {
    if (sourceHas.has(cp)) core.set(cp, from);
    else warnings.push(`${describe(cp, from)} is not in Noto Sans SC: it draws with a system font`);
  }

  const subsetFontVersion = readJson<{ version: string }>(pkg('subset-font/package.json')).version;
  const cacheDir = resolve(root, options.cacheDir ?? 'node_modules/.cache/zjcn-font-subset');
  const parts = await Promise.all(
    (
      [
        ['core', core],
        ['prose', prose],
      ] as const
    )
      .filter(([, chars]) => chars.size > 0)
      .map(([part, chars]) => cutPart(part, source, chars, cacheDir, subsetFontVersion)),
  );
  const runs = toRuns([...core.keys(), ...prose.keys()]);

  // fontsource's numbered chunks are the CJK ones; its Latin ones duplicate Noto Sans.
  const scTable = readJson<Record<string, string>>(pkg('@fontsource/noto-sans-sc/unicode.json'));
  const fallback = Object.entries(scTable)
    .filter(([chunk]) => chunk.startsWith('['))
    .map(([chunk, range]) => ({
      file: `@fontsource/noto-sans-sc/files/noto-sans-sc-${chunk.slice(1, -1)}-400-normal.woff2`,
      runs: subtractRuns(parseUnicodeRange([range]), runs),
    }))
    .filter((f) => f.runs.length > 0);
  for (const f of fallback) {
    if (!existsSync(pkg(f.file))) throw new Error(`font-subset: fallback chunk ${f.file} is not installed`);
  }
  const count = parts.reduce((n, p) => n + p.count, 0);
  return { parts, runs, count, fallback, latin, files, ms: performance.now() - started, warnings };
}

/**
 * Serves `virtual:font-subset`: the URLs and exact unicode-ranges of Noto Sans SC Regular cut down
 * to the characters the app shows, in two files — core (geo/, the interface messages, the code's
 * own strings: what the map labels and the overview need) and prose (the rest of the report,
 * src/content/*.json: only the reader, the tour and report quotes need it) — the fontsource
 * chunks as a fallback for anything else (their ranges minus both files', packed), and Noto Sans's
 * Latin ranges. The build emits each file as a hashed asset; the dev server answers them under
 * /@zjcn-font-subset/. Each file is cached on disk by a hash of the font and its characters, so
 * only a new character costs a new cut (~1–4 s), and only of the file it falls in.
 */
export function fontSubsetPlugin(options: FontSubsetOptions = FONT_SUBSET_DEFAULTS): Plugin {
  let config: ResolvedConfig;
  let pending: Promise<FontSubset> | undefined;
  let read = new Set<string>();
  const cacheDir = () => resolve(config.root, options.cacheDir ?? 'node_modules/.cache/zjcn-font-subset');
  const start = () => {
    pending ??= buildFontSubset(config.root, options).then((s) => {
      read = new Set(s.files);
      for (const w of s.warnings) config.logger.warn(`font-subset: ${w}`);
      config.logger.info(
        `font-subset: Noto Sans SC, ${s.count} characters → ` +
          s.parts.map((p) => `${p.part} ${p.count} → ${(p.woff2.length / 1024).toFixed(1)} KB woff2 (${p.cached ? 'cached' : 'cut'})`).join(', ') +
          ` in ${Math.round(s.ms)} ms; ${s.fallback.length} fallback chunks`,
      );
      return s;
    });
    // Awaited (and its error reported) by `load`; this only keeps an early failure from going unhandled.
    pending.catch(() => undefined);
  };
  return {
    name: 'zjcn-font-subset',
    configResolved(resolved) {
      config = resolved;
    },
    // A build starts cutting at once, beside the other plugins' work, rather than when noto.ts is reached.
    buildStart() {
      if (config.command === 'build') start();
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const m = new RegExp(`^${config.base}${DEV_PREFIX}([0-9a-f]{16})\\.woff2$`).exec(path);
        const file = m && resolve(cacheDir(), `${m[1]}.woff2`);
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', 'font/woff2');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(file));
      });
    },
    // A changed content file may bring a new character: collect (and if need be cut) again on the next load.
    watchChange(id) {
      if (read.has(resolve(id))) pending = undefined;
    },
    // …and in dev, reload the module with the rest of the update (the page reloads: nothing accepts it).
    hotUpdate({ file, modules }) {
      if (!read.has(resolve(file))) return;
      pending = undefined;
      const mods = [RESOLVED_ID, RESOLVED_FALLBACK_ID].flatMap((id) => this.environment.moduleGraph.getModuleById(id) ?? []);
      return [...modules, ...mods];
    },
    resolveId: {
      filter: { id: new RegExp(`^${VIRTUAL_ID}(/fallback)?$`) },
      handler: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : id === FALLBACK_ID ? RESOLVED_FALLBACK_ID : undefined),
    },
    load: {
      filter: { id: new RegExp(`^\0${VIRTUAL_ID}(/fallback)?$`) },
      async handler(id) {
        if (id !== RESOLVED_ID && id !== RESOLVED_FALLBACK_ID) return undefined;
        start();
        let subset: FontSubset;
        try {
          subset = await pending!;
        } catch (e) {
          pending = undefined;
          throw e;
        }
        for (const file of subset.files) this.addWatchFile(file);
        const url = (p: FontSubsetPart) =>
          config.command === 'build'
            ? `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name: `noto-sans-sc-subset-${p.part}.woff2`, source: p.woff2 })}`
            : JSON.stringify(`${config.base}${DEV_PREFIX}${p.hash}.woff2`);
        if (id === RESOLVED_FALLBACK_ID) {
          return [
            ...subset.fallback.map((f, i) => `import fallback${i} from ${JSON.stringify(`${f.file}?url`)};`),
            `export const NOTO_SANS_SC_FALLBACK = [${subset.fallback.map((f, i) => `{ url: fallback${i}, ranges: ${JSON.stringify(packRuns(f.runs))} }`).join(',\n')}];`,
          ].join('\n');
        }
        return [
          `export const NOTO_SANS_SC_SUBSET = [${subset.parts
            .map((p) => `{ part: ${JSON.stringify(p.part)}, url: ${url(p)}, unicodeRange: ${JSON.stringify(formatUnicodeRange(p.runs))} }`)
            .join(',\n')}];`,
          `export const NOTO_SANS_RANGES = ${JSON.stringify(subset.latin)};`,
        ].join('\n');
      },
    },
  };
}
