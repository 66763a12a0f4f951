import { booleanPointInPolygon, distance, point } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../data/load';
import { TRUTH, dmsCsv, mercatorGeoJSON, zippedShapefile, gbkCsv, gpxFile, kmlFile, kmlWithEntity, kmzFile, pairCsv, pdfNamedCsv, swappedCsv, titledWorkbook, utf8BomCsv, zipBomb } from '../../tests/fixtures/real-files';
import { importContext } from './context';
import { layerOf, problemOf } from '../../tests/fixtures/outcomes';
import { readFileSites } from './read-sites';
import type { Datum, ImportOutcome } from './types';

const context = importContext(loadCatalog());
const read = (fileName: string, bytes: Uint8Array, datum: Datum = 'WGS84') => readFileSites({ fileName, bytes, datum, importedAt: '2026-12-08T00:00:00Z' }, context);
const truthCounts = () => {
  const counts = { east: 0, central: 0, west: 0, outside: 0 };
  for (const t of TRUTH) counts[context.zones.find((z) => booleanPointInPolygon(point(t.at), z.geometry))?.id ?? 'outside']++;
  return counts;
};

/** every site placed within 5 m of the truth, named as the truth, counted per zone as turf counts the truth */
function expectTruth(o: ImportOutcome) {
  const layer = layerOf(o);
  expect(layer.sites.map((s) => s.name)).toEqual(TRUTH.map((t) => t.name));
  layer.sites.forEach((s, i) => expect(distance(s.at, TRUTH[i]!.at, { units: 'meters' }), s.name ?? '').toBeLessThan(5));
  expect(layer.counts).toEqual(truthCounts());
  expect(JSON.stringify(layer)).not.toContain('\uFFFD');
  return layer;
}

describe('real files', () => {
  it('reads a GBK CSV saved by Excel on Chinese Windows (CRLF, Chinese headers), and says it read GBK', async () => {
    const layer = expectTruth(await read('候选楼宇.csv', gbkCsv()));
    expect(layer.encoding).toBe('GBK');
    expect(layer.columns).toEqual({ lon: '经度', lat: '纬度', name: '名称' });
    expect(layer.fieldNames).toEqual(['名称', '地址']);
    expect(layer.sites[0]!.values).toEqual([TRUTH[0]!.name, TRUTH[0]!.address]);
  });

  it('reads the same GBK file with ASCII headers: the names are Chinese, not mojibake', async () => {
    const layer = expectTruth(await read('poi.csv', gbkCsv(['name', 'address', 'lng', 'lat'])));
    expect(layer.encoding).toBe('GBK');
  });

  it('reads UTF-8 with a BOM as UTF-8', async () => {
    expect(expectTruth(await read('sites.csv', utf8BomCsv())).encoding).toBe('UTF-8');
  });

  it('reads one 坐标 column ("lng,lat"), degrees-minutes-seconds and full-width digits', async () => {
    expect(expectTruth(await read('amap.csv', pairCsv())).columns).toEqual({ pair: '坐标', name: '名称' });
    expectTruth(await read('hand.csv', dmsCsv()));
  });

  it('says when longitude and latitude are swapped, naming the columns, and never swaps them silently', async () => {
    const problem = problemOf(await read('swapped.csv', swappedCsv()));
    expect(problem.code).toBe('swapped');
    expect(problem.params).toMatchObject({ lon: '经度', lat: '纬度', n: 1 });
  });

  for (const [name, bookType] of [
    ['清单.xlsx', 'xlsx'],
    ['清单.xls', 'biff8'],
    ['清单.ods', 'ods'],
  ] as const) {
    it(`reads a workbook (${name}) with a cover sheet, a title row, a blank row and a 制表 footer: the table found, not assumed`, async () => {
      const layer = expectTruth(await read(name, titledWorkbook(bookType)));
      expect(layer.format).toBe('spreadsheet');
      expect(layer.sheet).toBe('楼宇');
      expect(layer.sheets).toBe(2);
      expect(layer.headerRow).toBe(3);
      expect(layer.columns).toEqual({ lon: '经度', lat: '纬度', name: '楼宇名称' });
      expect(layer.fieldNames).toEqual(['序号', '楼宇名称', '地址']);
      // the 制表 footer is a row without a position, said as left out
      expect(layer.skipped).toBe(1);
    });
  }

  it('reads KML, KMZ and GPX placemarks and waypoints; a line or a track is left out and counted', async () => {
    for (const [file, bytes, format] of [
      ['楼宇.kml', kmlFile(), 'kml'],
      ['楼宇.kmz', kmzFile(), 'kmz'],
      ['楼宇.gpx', gpxFile(), 'gpx'],
    ] as const) {
      const layer = expectTruth(await read(file, bytes));
      expect(layer.format).toBe(format);
      expect(layer.skipped, file).toBe(1);
    }
    expect(layerOf(await read('楼宇.kml', kmlFile())).sites[0]!.values).toContain(TRUTH[0]!.address);
  });

  it("honours a GeoJSON file's declared crs: Web Mercator converted, CGCS2000 taken as is, anything else refused by name", async () => {
    expect(expectTruth(await read('gis.geojson', mercatorGeoJSON())).crs).toBe('EPSG:3857');
    expect(problemOf(await read('utm.geojson', mercatorGeoJSON('urn:ogc:def:crs:EPSG::32651')))).toMatchObject({ code: 'unknownCrs', params: { crs: 'urn:ogc:def:crs:EPSG::32651' } });
    const cgcs = JSON.parse(new TextDecoder().decode(mercatorGeoJSON()));
    cgcs.crs.properties.name = 'EPSG:4490';
    cgcs.features.forEach((f: { geometry: { coordinates: number[] } }, i: number) => (f.geometry.coordinates = TRUTH[i]!.at));
    expect(expectTruth(await read('cgcs.geojson', new TextEncoder().encode(JSON.stringify(cgcs)))).crs).toBe('EPSG:4490');
  });

  it('reads a zipped shapefile by its .prj and .cpg, and a GBK .dbf without a .cpg as GBK', async () => {
    const utf8 = expectTruth(await read('楼宇.zip', zippedShapefile('utf8-cpg')));
    expect(utf8).toMatchObject({ format: 'shapefile', encoding: 'UTF-8', fieldNames: ['NAME', 'ADDR'] });
    expect(utf8.sites[0]!.values).toEqual([TRUTH[0]!.name, TRUTH[0]!.address]);
    expect(expectTruth(await read('楼宇.zip', zippedShapefile('gbk-no-cpg'))).encoding).toBe('GBK');
  });

  it('converts a GCJ-02 file when the person says it is one', async () => {
    const gcj = TRUTH.map((t) => gcoord.transform(t.at, gcoord.WGS84, gcoord.GCJ02) as [number, number]);
    const csv = new TextEncoder().encode(['名称,经度,纬度', ...TRUTH.map((t, i) => `${t.name},${gcj[i]![0].toFixed(6)},${gcj[i]![1].toFixed(6)}`)].join('\n'));
    expectTruth(await read('amap.csv', csv, 'GCJ02'));
  });

  it('refuses hostile and foreign files with a message, by what they are', async () => {
    expect(problemOf(await read('bomb.zip', zipBomb()))).toMatchObject({ code: 'zipTooBig' });
    expect(problemOf(await read('report.csv', pdfNamedCsv()))).toMatchObject({ code: 'notSupported', params: { kind: 'pdf' } });
    expect(problemOf(await read('x.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])))).toMatchObject({ code: 'notSupported', params: { kind: 'png' } });
    expect(problemOf(await read('empty.csv', new Uint8Array()))).toMatchObject({ code: 'empty' });
    // An external entity is never read: the file is refused or placed without it, never with /etc/passwd in a name.
    const entity = await read('x.kml', kmlWithEntity());
    expect(JSON.stringify(entity)).not.toMatch(/root:/);
  });
});
