import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../data/catalog';
import { readGeoFiles, readReport } from '../data/test-files';
import { buildSearchEntries, search, snippetOf, type SearchEntry } from './search-index';

const report = readReport();
const catalog = buildCatalog(readGeoFiles(), report);
const entries = buildSearchEntries(catalog, report, (zh) => pinyin(zh, { toneType: 'none', type: 'array' }));
const ids = (q: string, limit?: number) => search(entries, q, limit).map((r) => r.entry.id);
const entry = (id: string) => entries.find((e) => e.id === id)!;
const hongqiaoFeatures = entries.filter((e) => e.target === 'feature' && e.zh.includes('虹桥')).map((e) => e.id);

describe('buildSearchEntries', () => {
  it('has one entry per zone, building, station and place (unlocated too) and per paragraph', () => {
    const features = [...catalog.zones, ...catalog.buildings, ...catalog.stations, ...catalog.metroStations, ...catalog.places];
    expect(entries.filter((e) => e.target === 'feature').map((e) => e.id)).toEqual(features.map((f) => f.properties.id));
    expect(entries.filter((e) => e.target === 'paragraph').map((e) => e.id)).toEqual(report.paragraphs.map((p) => p.id));
    expect(catalog.places.some((p) => p.geometry === null && entries.some((e) => e.id === p.properties.id))).toBe(true);
  });

  it('spells names in toneless pinyin with initials', () => {
    expect(entry('place-hongqiao-etdz')).toMatchObject({ kind: 'place', pinyin: 'hongqiaojingjijishukaifaqu', initials: 'hqjjjskfq' });
    expect(entry('station-loushanguan-road')).toMatchObject({ pinyin: 'loushanguanlu', initials: 'lsgl', en: 'Loushanguan Road' });
    // Latin and digits stay as words; punctuation goes.
    expect(entry('station-hongqiao-airport-t2').pinyin).toBe('hongqiao2haohangzhanlou');
    expect(entry('bldg-soho-tianshan-plaza')).toMatchObject({ pinyin: 'sohotianshanguangchang', initials: 'stsgc' });
    expect(entry('bldg-raffles-city-changning').pinyin.startsWith('changning')).toBe(true);
  });

  it('keeps report_name and aliases, with the pinyin of those not already in the name', () => {
    expect(entry('place-simit').extra).toEqual(['中科院微系统所']);
    expect(entry('place-simit').pinyin.split(' ')).toEqual(['zhongguokexueyuanshanghaiweixitongyuxinxijishuyanjiusuo', 'zhongkeyuanweixitongsuo']);
    expect(entry('zone-central').pinyin).toBe('zhongbupianqu');
  });

  it('gives paragraphs their section title and no pinyin', () => {
    expect(entry('s1-3-p1')).toMatchObject({ target: 'paragraph', kind: 'paragraph', pinyin: '', initials: '' });
    expect(entry('s1-3-p1').en).toBe(report.sections.find((s) => s.id === 's1-3')!.title);
  });
});

describe('search', () => {
  it('finds the 虹桥 places by Chinese, pinyin with or without spaces, and initials', () => {
    const zh = ids('虹桥');
    expect(zh).toContain('place-hongqiao-etdz');
    expect(zh).toEqual(expect.arrayContaining(hongqiaoFeatures));
    for (const q of ['hongqiao', 'hong qiao', 'HongQiao']) expect(ids(q)).toEqual(expect.arrayContaining(hongqiaoFeatures));
    const hq = search(entries, 'hq');
    expect(hq.map((r) => r.entry.id)).toContain('place-hongqiao-etdz');
    expect(hq.find((r) => r.entry.id === 'place-hongqiao-etdz')).toMatchObject({ field: 'initials', quality: 'prefix' });
  });

  it('says which field matched', () => {
    expect(search(entries, 'hongqiao jingji')[0]).toMatchObject({ entry: { id: 'place-hongqiao-etdz' }, field: 'pinyin', quality: 'prefix' });
    expect(search(entries, 'Loushanguan')[0]).toMatchObject({ entry: { id: 'station-loushanguan-road' }, field: 'en', quality: 'prefix' });
    expect(search(entries, '中科院')[0]).toMatchObject({ entry: { id: 'place-simit' }, field: 'alias' });
    expect(search(entries, 'zky')[0]).toMatchObject({ entry: { id: 'place-simit' }, field: 'initials' });
  });

  it('finds a station by its English name, pinyin and Chinese name', () => {
    expect(ids('Loushanguan')[0]).toBe('station-loushanguan-road');
    expect(ids('loushanguanlu')[0]).toBe('station-loushanguan-road');
    expect(ids('娄山关')[0]).toBe('station-loushanguan-road');
    expect(ids('娄山关路')[0]).toBe('station-loushanguan-road');
  });

  it('counts the start of any English word as a prefix, after the start of the name', () => {
    const r = search(entries, 'trade').find((x) => x.entry.id === 'bldg-shanghai-itc');
    expect(r).toMatchObject({ field: 'en', quality: 'prefix' });
    expect(ids('zhongshan').slice(0, 2)).toEqual(['station-zhongshan-park', 'bldg-cloud-nine']);
    const hongqiao = search(entries, 'hongqiao');
    const firstLater = hongqiao.findIndex((x) => x.start > 0);
    expect(firstLater).toBeGreaterThan(0);
    expect(hongqiao.slice(0, firstLater).every((x) => x.entry.en.startsWith('Hongqiao'))).toBe(true);
  });

  it('has no false positives for an unrelated place (陆家嘴 is in Pudong)', () => {
    expect(ids('ljz')).toEqual([]);
    expect(ids('lujiazui')).toEqual([]);
  });

  it('finds a term only the report uses in its paragraph', () => {
    const r = search(entries, '数字人民币');
    expect(r.map((x) => x.entry.id)).toEqual(['s1-3-p1']);
    expect(r[0]).toMatchObject({ field: 'text', quality: 'substring' });
    expect(r[0]!.entry.zh.slice(r[0]!.start, r[0]!.end)).toBe('数字人民币');
    const s = snippetOf(r[0]!);
    expect(s.match).toBe('数字人民币');
    expect(s.before.startsWith('…') && s.after.endsWith('…')).toBe(true);
    expect(r[0]!.entry.zh).toContain(s.before.slice(1) + s.match + s.after.slice(0, -1));
  });

  it('ranks exact names before prefixes before substrings, features before paragraphs', () => {
    const r = search(entries, '中山公园', 50);
    expect(r[0]).toMatchObject({ entry: { id: 'station-zhongshan-park' }, quality: 'exact' });
    expect(r[1]).toMatchObject({ entry: { id: 'bldg-cloud-nine' }, quality: 'prefix' });
    const zh = search(entries, '虹桥', 50);
    const firstSubstring = zh.findIndex((x) => x.quality === 'substring');
    expect(zh.slice(0, firstSubstring).every((x) => x.quality === 'prefix' && x.entry.target === 'feature')).toBe(true);
    expect(zh.slice(firstSubstring).map((x) => x.entry.id)).toContain('bldg-gold-hongqiao-center');
    const firstParagraph = zh.findIndex((x) => x.entry.target === 'paragraph');
    expect(firstParagraph).toBeGreaterThan(0);
    expect(zh.slice(firstParagraph).every((x) => x.entry.target === 'paragraph')).toBe(true);
    const exact = search(entries, '虹桥智谷');
    expect(exact[0]).toMatchObject({ entry: { id: 'place-hongqiao-smart-valley' }, quality: 'exact' });
  });

  it('matches one Latin letter by prefixes only, initials first', () => {
    const r = search(entries, 'h', 50);
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((x) => x.quality !== 'substring')).toBe(true);
    const firstOther = r.findIndex((x) => x.field !== 'initials');
    expect(firstOther).toBeGreaterThan(0);
    expect(r.slice(firstOther).every((x) => x.field !== 'initials')).toBe(true);
    expect(r[0]!.entry.initials.startsWith('h')).toBe(true);
  });

  it('returns nothing for an empty query and respects the limit', () => {
    expect(search(entries, '')).toEqual([]);
    expect(search(entries, '   ')).toEqual([]);
    expect(search(entries, '的', 5)).toHaveLength(5);
  });
});

// A type-level check that the index stays plain data (it is serialised into the bundle).
const _serialisable: SearchEntry = JSON.parse(JSON.stringify(entries[0]));
void _serialisable;
