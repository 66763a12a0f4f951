import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * Every character the app can show, with the first file it comes from. Read at build time by
 * scripts/vite-plugin-font-subset.ts, so that the Noto Sans SC subset has all of them.
 */
export interface CollectedCharacters {
  /** codepoint → the file it was first seen in (relative to the root) */
  content: Map<number, string>;
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
async function loadMessages(file: string, root: string): Promise<{ value: unknown; files: string[] }> {
  const { runnerImport } = await import('vite');
  const { module, dependencies } = await runnerImport<{ messages?: unknown }>(file, { root, configFile: false, logLevel: 'warn' });
  if (!module.messages) throw new Error(`font-subset: ${relative(root, file)} exports no \`messages\``);
  return { value: module.messages, files: [file, ...dependencies.map((d) => resolve(d))] };
}

export async function collectCharacters(options: CollectOptions): Promise<CollectedCharacters> {
  const root = resolve(options.root);
  const content = new Map<number, string>();
  const code = new Map<number, string>();
  const files: string[] = [];
  const add = (into: Map<number, string>, text: string, file: string) => {
    const name = relative(root, file);
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!content.has(cp) && !into.has(cp)) into.set(cp, name);
    }
  };
  const read = (file: string) => {
    files.push(file);
    return readFileSync(file, 'utf8');
  };
  const contentDir = resolve(root, options.contentDir);
  for (const file of listFiles(contentDir, (n) => n.endsWith('.txt'))) add(content, read(file), file);
  for (const file of listFiles(contentDir, (n) => n.endsWith('.json'))) add(content, strings(JSON.parse(read(file))).join('\n'), file);
  for (const file of listFiles(resolve(root, options.geoDir), (n) => n.endsWith('.geojson'))) {
    add(content, strings(JSON.parse(read(file))).join('\n'), file);
  }
  const messagesFile = resolve(root, options.messagesFile);
  const messages = await loadMessages(messagesFile, root);
  files.push(...messages.files);
  add(content, strings(messages.value).join('\n'), messagesFile);
  addVerticalForms(content);
  if (options.srcDir) {
    for (const file of listFiles(resolve(root, options.srcDir), (n) => /\.(ts|vue)$/.test(n) && !/\.(test|d)\.ts$/.test(n))) {
      if (messages.files.includes(file)) continue;
      add(code, stripComments(readFileSync(file, 'utf8')), file);
    }
    for (const cp of content.keys()) code.delete(cp);
    addVerticalForms(code, content);
  }
  return { content, code, files };
}
