import type { Report } from '../content/parse-report';
import type { Catalog } from '../data/catalog';
import type { GeoFeature } from '../data/schema';

/**
 * The search index: one entry per zone, key building, station, place and report paragraph, and
 * the matcher over it. Pure — the pinyin of the names is computed at build time (the plugin passes
 * pinyin-pro in as `toPinyin`), so the browser never ships a pinyin dictionary.
 */
export interface SearchEntry {
  id: string;
  target: 'feature' | 'paragraph';
  /** zone | key-building | station | place | paragraph */
  kind: string;
  /** the Chinese name, or the paragraph text */
  zh: string;
  /** the English name, or the section title for a paragraph */
  en: string;
  /**
   * full pinyin of the Chinese name, lowercase, no tones, syllables joined: 'hongqiaojingjijishukaifaqu'.
   * An alias whose pinyin is not already part of the name's is appended after a space. '' for paragraphs.
   */
  pinyin: string;
  /** first letters of the syllables: 'hqjjjskfq' (aliases likewise after a space) */
  initials: string;
  /** other Chinese forms of the name: report_name and aliases */
  extra?: string[];
}

export type MatchField = 'zh' | 'alias' | 'en' | 'pinyin' | 'initials' | 'text';
export type MatchQuality = 'exact' | 'prefix' | 'substring';

export interface SearchResult {
  entry: SearchEntry;
  /** which field matched: 'zh' the Chinese name, 'alias' one of `extra`, 'text' a paragraph's text */
  field: MatchField;
  quality: MatchQuality;
  /** the string that matched (the alias, the name, the pinyin …) and the [start, end) of the match in it */
  value: string;
  start: number;
  end: number;
}

type CatalogPart = Pick<Catalog, 'zones' | 'buildings' | 'stations' | 'metroStations' | 'places'>;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUNS = /([\u3400-\u9fff\uf900-\ufaff]+)|([A-Za-z0-9]+)/g;

/** Syllables of a name: pinyin for the Chinese runs, Latin letters and digits as lowercase words, punctuation dropped. */
function syllablesOf(zh: string, toPinyin: (zh: string) => string[]): string[] {
  const out: string[] = [];
  for (const m of zh.matchAll(RUNS)) {
    if (m[1]) out.push(...toPinyin(m[1]).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean));
    else out.push(m[2]!.toLowerCase());
  }
  return out;
}

function featureEntry(f: GeoFeature, toPinyin: (zh: string) => string[]): SearchEntry {
  const p = f.properties;
  const extra = [...new Set([p.report_name, ...(p.aliases ?? [])])].filter((x): x is string => !!x && x !== p.name_zh);
  const own = syllablesOf(p.name_zh, toPinyin);
  const pinyin = [own.join('')];
  const initials = [own.map((s) => s[0]).join('')];
  for (const alias of extra) {
    const syl = syllablesOf(alias, toPinyin);
    const full = syl.join('');
    if (!full || pinyin.some((x) => x.includes(full))) continue;
    pinyin.push(full);
    initials.push(syl.map((s) => s[0]).join(''));
  }
  return {
    id: p.id,
    target: 'feature',
    kind: p.kind,
    zh: p.name_zh,
    en: p.name_en,
    pinyin: pinyin.join(' '),
    initials: initials.join(' '),
    ...(extra.length ? { extra } : {}),
  };
}

export function buildSearchEntries(catalog: CatalogPart, report: Report, toPinyin: (zh: string) => string[]): SearchEntry[] {
  const features = [...catalog.zones, ...catalog.buildings, ...catalog.stations, ...catalog.metroStations, ...catalog.places];
  const titles = new Map(report.sections.map((s) => [s.id, s.title]));
  return [
    ...features.map((f) => featureEntry(f, toPinyin)),
    ...report.paragraphs.map(
      (p): SearchEntry => ({ id: p.id, target: 'paragraph', kind: 'paragraph', zh: p.text, en: titles.get(p.sectionId) ?? '', pinyin: '', initials: '' }),
    ),
  ];
}

interface Hit {
  field: MatchField;
  quality: MatchQuality;
  value: string;
  start: number;
  end: number;
}

const QUALITY: Record<MatchQuality, number> = { exact: 0, prefix: 1, substring: 2 };

/** Exact, prefix or substring match of `q` in `value` (both already lowercased). */
function matchIn(field: MatchField, value: string, lower: string, q: string, allowSubstring: boolean): Hit | null {
  if (lower === q) return { field, quality: 'exact', value, start: 0, end: q.length };
  if (lower.startsWith(q)) return { field, quality: 'prefix', value, start: 0, end: q.length };
  if (!allowSubstring) return null;
  const i = lower.indexOf(q);
  return i < 0 ? null : { field, quality: 'substring', value, start: i, end: i + q.length };
}

/** A Latin query against an English name: the start of any word counts as a prefix. */
function matchEnglish(value: string, q: string, allowSubstring: boolean): Hit | null {
  const lower = value.toLowerCase();
  const whole = matchIn('en', value, lower, q, false);
  if (whole) return whole;
  for (const m of lower.matchAll(/[a-z0-9]+/g)) {
    if (lower.startsWith(q, m.index)) return { field: 'en', quality: 'prefix', value, start: m.index, end: m.index + q.length };
  }
  return allowSubstring ? matchIn('en', value, lower, q, true) : null;
}

/** Space-separated alternatives (a name's pinyin, then its aliases'): the best match among them. */
function matchWords(field: 'pinyin' | 'initials', value: string, q: string, allowSubstring: boolean): Hit | null {
  let best: Hit | null = null;
  let offset = 0;
  for (const word of value.split(' ')) {
    const hit = word ? matchIn(field, value, word, q, allowSubstring) : null;
    if (hit && (!best || QUALITY[hit.quality] < QUALITY[best.quality])) best = { ...hit, start: hit.start + offset, end: hit.end + offset };
    offset += word.length + 1;
  }
  return best;
}

function bestOf(hits: (Hit | null)[]): Hit | null {
  let best: Hit | null = null;
  for (const h of hits) if (h && (!best || QUALITY[h.quality] < QUALITY[best.quality])) best = h;
  return best;
}

function matchChinese(e: SearchEntry, q: string): Hit | null {
  const field = e.target === 'paragraph' ? 'text' : 'zh';
  return bestOf([matchIn(field, e.zh, e.zh.toLowerCase(), q, true), ...(e.extra ?? []).map((a) => matchIn('alias', a, a.toLowerCase(), q, true))]);
}

/**
 * A Latin query: English name (word prefixes count), pinyin with the spaces of the query removed,
 * initials (prefix only) and, last, Latin text inside Chinese names and paragraphs. One letter
 * matches prefixes only, initials first; inside pinyin, two letters are too common ("ai" in
 * "shanghai") to match anywhere but at the start.
 */
function matchLatin(e: SearchEntry, q: string): Hit | null {
  const compact = q.replace(/[^a-z0-9]/g, '');
  if (!compact) return null;
  const long = compact.length >= 2;
  const text = (field: MatchField, v: string) => (long ? matchIn(field, v, v.toLowerCase(), q, true) : null);
  if (e.target === 'paragraph') return text('text', e.zh);
  // On equal quality the first wins: the same order as fieldRank.
  const candidates =
    compact.length <= 3
      ? [matchWords('initials', e.initials, compact, false), matchEnglish(e.en, q, long), matchWords('pinyin', e.pinyin, compact, compact.length === 3)]
      : [matchEnglish(e.en, q, true), matchWords('pinyin', e.pinyin, compact, true), matchWords('initials', e.initials, compact, false)];
  return bestOf([...candidates, text('zh', e.zh), ...(e.extra ?? []).map((a) => text('alias', a))]);
}

/** On equal quality, which field speaks loudest: short Latin queries are mostly initials, longer ones words. */
function fieldRank(field: MatchField, chinese: boolean, short: boolean): number {
  if (chinese) return field === 'alias' ? 1 : 0;
  const order: MatchField[] = short ? ['initials', 'en', 'pinyin'] : ['en', 'pinyin', 'initials'];
  const i = order.indexOf(field);
  return i < 0 ? order.length : i;
}

/**
 * Ranked matches for a query: features before paragraphs, then exact > prefix > substring, then
 * the field (see fieldRank), a match at the start of the name before one at a later word (or
 * alias), then the shorter name. A query with any Chinese character matches
 * Chinese names, aliases and paragraph text; a Latin one matches English names, pinyin and initials.
 */
export function search(entries: readonly SearchEntry[], query: string, limit = 12): SearchResult[] {
  const q = query.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!q) return [];
  const chinese = CJK.test(q);
  const short = q.replace(/[^a-z0-9]/g, '').length <= 3;
  const ranked: { r: SearchResult; key: number[] }[] = [];
  entries.forEach((entry, index) => {
    const hit = chinese ? matchChinese(entry, q) : matchLatin(entry, q);
    if (!hit) return;
    // Paragraphs keep report order; features go by how well and how tightly they match.
    const key =
      entry.target === 'paragraph'
        ? [1, QUALITY[hit.quality], 0, 0, 0, index]
        : [0, QUALITY[hit.quality], fieldRank(hit.field, chinese, short), hit.start > 0 ? 1 : 0, entry.zh.length, index];
    ranked.push({ r: { entry, ...hit }, key });
  });
  ranked.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });
  return ranked.slice(0, limit).map((x) => x.r);
}

/** A paragraph's text around a match, for a result list: some context before, more after. */
export function snippetOf(r: Pick<SearchResult, 'value' | 'start' | 'end'>, before = 14, after = 36) {
  const from = Math.max(0, r.start - before);
  const to = Math.min(r.value.length, r.end + after);
  return {
    before: (from > 0 ? '…' : '') + r.value.slice(from, r.start),
    match: r.value.slice(r.start, r.end),
    after: r.value.slice(r.end, to) + (to < r.value.length ? '…' : ''),
  };
}
