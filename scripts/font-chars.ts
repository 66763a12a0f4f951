import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LAZY_GEO_FILES } from '../src/data/lazy-geo-files.ts';

/**
 * Every character the app can show, with the first file it comes from. Read at build time by
 * scripts/vite-plugin-font-subset.ts, so that the Noto Sans SC subset has all of them.
 */

export interface CollectedCharacters {
  /** codepoint → the file it was first seen in (relative to the root): src/content, geo/ and the messages */
  content: Map<number, string>;
  /**
   * the part of `content` that only src/content (the report, summaries, tour, indicators) and the
   * messages no first view shows (messages.ts AFTER_FIRST_VIEW) have: not in geo/, the other
   * messages, the code or a report's title and signature (see reportCitation),
   * nor a vertical form of theirs. Everything else — what the map labels, the overview and every
   * page's footer show — is the "core"; these are the "prose", shown only by the
   * reader, the tour and a feature's report quotes, and so cut into a file of their own.
   */
  prose: Map<number, string>;
  /** codepoints seen only in the app's code (string literals, templates), not in its content */
  code: Map<number, string>;
  /** every file read, for a dev server to watch (content files only: see `watch`) */
  files: string[];
}

export interface CollectOptions {
  root: string;
  /** geo/: every string of every *.geojson (names, addresses, notes, sources…) */
  geoDir: string;
  /** src/content/: the report text and every string of every *.json (summaries, tour, indicators, repairs) */
  contentDir: string;
  /** src/i18n/messages.ts: every interface string, both languages (its `messages` export) */
  messagesFile: string;
  /** src/: string literals and template text of the app's own code (comments left out) */
  srcDir?: string;
}

/**
 * MapLibre's `verticalizedCharacterMap` (src/util/verticalize_punctuation.ts, 6.17): for a label
 * that may run vertically (Chinese along a line), MapLibre asks for each character's vertical
 * presentation form as well, whether or not it ends up using it. A unit test keeps this copy equal
 * to the one in node_modules/maplibre-gl.
 */
export const VERTICAL_FORMS: Readonly<Record<string, string>> = {
  '!': '︕', '#': '＃', '$': '＄', '%': '％', '&': '＆', '(': '︵', ')': '︶', '*': '＊', '+': '＋', ',': '︐', '-': '︲', '.': '・',
  '/': '／', ':': '︓', ';': '︔', '<': '︿', '=': '＝', '>': '﹀', '?': '︖', '@': '＠', '[': '﹇', '\\': '＼', ']': '﹈', '^': '＾',
  '_': '︳', '`': '｀', '{': '︷', '|': '―', '}': '︸', '~': '～', '¢': '￠', '£': '￡', '¥': '￥', '¦': '￤', '¬': '￢', '¯': '￣',
  '–': '︲', '—': '︱', '‘': '﹃', '’': '﹄', '“': '﹁', '”': '﹂', '…': '︙', '⋯': '︙', '‧': '・', '₩': '￦', '、': '︑', '。': '︒',
  '〈': '︿', '〉': '﹀', '《': '︽', '》': '︾', '「': '﹁', '」': '﹂', '『': '﹃', '』': '﹄', '【': '︻', '】': '︼', '〔': '︹', '〕': '︺',
  '〖': '︗', '〗': '︘', '！': '︕', '（': '︵', '）': '︶', '，': '︐', '－': '︲', '．': '・', '：': '︓', '；': '︔', '＜': '︿', '＞': '﹀',
  '？': '︖', '［': '﹇', '］': '﹈', '＿': '︳', '｛': '︷', '｜': '―', '｝': '︸', '｟': '︵', '｠': '︶', '｡': '︒', '｢': '﹁', '｣': '﹂',
};

/** Adds the vertical form of every character that has one, said to come from the same file. */
function addVerticalForms(chars: Map<number, string>, also: Map<number, string> = new Map()): void {
  for (const [cp, from] of [...chars]) {
    const ch = String.fromCodePoint(cp);
    const form = VERTICAL_FORMS[ch];
    if (!form) continue;
    const v = form.codePointAt(0)!;
    if (!chars.has(v) && !also.has(v)) chars.set(v, `${from}, vertical form of ${ch}`);
  }
}

/**
 * What every page shows of a report's text: its title (the `# ` heading) and its signature (the
 * last two blocks: the author, then the date), cited by the overview's intro and every panel's
 * footer — the same rules as parseReport (src/content/parse-report.ts). A unit test checks the two agree.
 */
export function reportCitation(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const title = blocks.find((b) => b.startsWith('# '));
  return [title?.slice(2) ?? '', ...blocks.slice(-2)].join('\n');
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * The marker of a source file whose Chinese strings are patterns matched against a person's file
 * (header names such as 经度, units such as 度分秒), never shown: its characters stay out of the
 * subset. What a person's file shows comes from the file itself (the fallback chunks draw it).
 */
export const MATCHED_NOT_SHOWN = '@font-chars matched-not-shown';

/**
 * The text of a .ts or .vue file without its comments, roughly: `//` to the end of a line (unless
 * it follows `:` or a quote, as in a URL), block comments and HTML comments. What is left over by
 * mistake only adds a character or two to the subset.
 */
export function stripComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * The interface messages, as the app imports them: the module's `messages` export, loaded through
 * Vite's module runner (so its own imports — JSON locale files, say — come along), with the files
 * it read.
 */
async function loadMessages(file: string, root: string): Promise<{ value: Record<string, Record<string, unknown>>; later: readonly string[]; files: string[] }> {
  const { runnerImport } = await import('vite');
  const { module, dependencies } = await runnerImport<{ messages?: Record<string, Record<string, unknown>>; AFTER_FIRST_VIEW?: readonly string[] }>(file, { root, configFile: false, logLevel: 'warn' });
  if (!module.messages) throw new Error(`font-subset: ${relative(root, file)} exports no \`messages\``);
  return { value: module.messages, later: module.AFTER_FIRST_VIEW ?? [], files: [file, ...dependencies.map((d) => resolve(d))] };
}

export async function collectCharacters(options: CollectOptions): Promise<CollectedCharacters> {
  const root = resolve(options.root);
  const files: string[] = [];
  /** Each character of `text` not yet in `into`, said to come from `file`. */
  const add = (into: Map<number, string>, text: string, file: string) => {
    const name = relative(root, file);
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!into.has(cp)) into.set(cp, name);
    }
  };
  const read = (file: string) => {
    files.push(file);
    return readFileSync(file, 'utf8');
  };
  // What the map and the overview show: geo/, the interface messages, the report's title and signature…
  const shown = new Map<number, string>();
  // …and what only src/content has.
  const fromContent = new Map<number, string>();
  const contentDir = resolve(root, options.contentDir);
  for (const file of listFiles(contentDir, (n) => n.endsWith('.txt'))) {
    const text = read(file);
    add(fromContent, text, file);
    add(shown, reportCitation(text), file);
  }
  for (const file of listFiles(contentDir, (n) => n.endsWith('.json'))) add(fromContent, strings(JSON.parse(read(file))).join('\n'), file);
  // geo/research/ holds the raw inputs (never shown); a lazy geo/ file (heritage: drawn from zoom 14,
  // listed in two places' panels) is no first view's, so what only it has goes with the prose.
  const later = new Map<number, string>();
  const geoDir = resolve(root, options.geoDir);
  for (const file of listFiles(geoDir, (n) => n.endsWith('.geojson')).filter((f) => !relative(geoDir, f).startsWith('research'))) {
    add((LAZY_GEO_FILES as readonly string[]).includes(relative(geoDir, file)) ? later : shown, strings(JSON.parse(read(file))).join('\n'), file);
  }
  const messagesFile = resolve(root, options.messagesFile);
  const messages = await loadMessages(messagesFile, root);
  files.push(...messages.files);
  // Namespaces no first view shows (messages.ts AFTER_FIRST_VIEW) go with the prose; the rest is core.
  const walk = (value: unknown, path: string): void => {
    if (messages.later.includes(path)) add(later, strings(value).join('\n'), messagesFile);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    else if (typeof value === 'string') add(shown, value, messagesFile);
  };
  for (const lang of Object.values(messages.value)) walk(lang, '');

  // The code's own strings, all of them: a character the code writes is shown wherever that code runs.
  const written = new Map<number, string>();
  if (options.srcDir) {
    for (const file of listFiles(resolve(root, options.srcDir), (n) => /\.(ts|vue)$/.test(n) && !/\.(test|d)\.ts$/.test(n))) {
      if (messages.files.includes(file)) continue;
      const source = readFileSync(file, 'utf8');
      // A file that only *matches* Chinese in a person's file (column names, units) never writes it to the page.
      if (source.includes(MATCHED_NOT_SHOWN)) continue;
      add(written, stripComments(source), file);
    }
  }

  const content = new Map(fromContent);
  for (const [cp, from] of [...shown, ...later]) if (!content.has(cp)) content.set(cp, from);
  addVerticalForms(content);

  addVerticalForms(shown);
  addVerticalForms(written, shown);
  const prose = new Map(fromContent);
  for (const [cp, from] of later) if (!prose.has(cp)) prose.set(cp, from);
  addVerticalForms(prose, shown);
  for (const cp of [...shown.keys(), ...written.keys()]) prose.delete(cp);

  const code = new Map([...written].filter(([cp]) => !content.has(cp)));
  return { content, prose, code, files };
}
