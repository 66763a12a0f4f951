import { describe, expect, it } from 'vitest';
import { gbkCsv, gpxFile, kmlFile, kmzFile, mercatorGeoJSON, titledWorkbook } from '../../tests/fixtures/real-files';
import { datumHint } from './datum-hint';

const text = (s: string) => new TextEncoder().encode(s);

describe('datumHint: what the file itself says about its coordinate system', () => {
  it('KML, KMZ, GPX and GeoJSON are WGS 84 by their format', () => {
    expect(datumHint('a.kml', kmlFile())).toEqual({ datum: 'WGS84', reason: 'format', evidence: 'KML' });
    expect(datumHint('a.kmz', kmzFile())).toMatchObject({ datum: 'WGS84', evidence: 'KMZ' });
    expect(datumHint('a.gpx', gpxFile())).toMatchObject({ datum: 'WGS84', evidence: 'GPX' });
    expect(datumHint('a.geojson', mercatorGeoJSON())).toMatchObject({ datum: 'WGS84', evidence: 'GeoJSON' });
  });
  it('a header that names the datum says it', () => {
    expect(datumHint('a.csv', text('名称,经度(GCJ-02),纬度(GCJ-02)\nA,121.4,31.2'))).toEqual({ datum: 'GCJ02', reason: 'header', evidence: '经度(GCJ-02)' });
    expect(datumHint('a.csv', text('name,bd_lng,bd_lat\n'))).toMatchObject({ datum: 'BD09', evidence: 'bd_lng' });
    expect(datumHint('a.csv', text('name,百度经度,百度纬度\n'))).toMatchObject({ datum: 'BD09' });
    expect(datumHint('a.csv', text('name,WGS84_lon,WGS84_lat\n'))).toMatchObject({ datum: 'WGS84', evidence: 'WGS84_lon' });
    expect(datumHint('a.csv', text('长宁区清单\n\n名称,高德经度,高德纬度\n'))).toMatchObject({ datum: 'GCJ02', evidence: '高德经度' });
  });
  it("Amap's POI export fields say GCJ-02", () => {
    expect(datumHint('poi.csv', text('name,address,location,pname,cityname,adname,adcode\n'))).toMatchObject({ datum: 'GCJ02', reason: 'amapFields' });
  });
  it('says nothing when the file says nothing: the person chooses', () => {
    expect(datumHint('a.csv', gbkCsv())).toBeNull();
    expect(datumHint('a.csv', text('name,lon,lat\nA,121.4,31.2'))).toBeNull();
    expect(datumHint('a.xlsx', titledWorkbook())).toBeNull();
    // "name" in a header is not "amap"; "lng" is not Baidu's
    expect(datumHint('a.csv', text('name,lng,lat\n'))).toBeNull();
  });
});
