import { describe, expect, it } from 'vitest';
import { findColumns } from './columns';

describe('findColumns', () => {
  it('finds the usual English and Chinese names', () => {
    expect(findColumns(['name', 'lon', 'lat'])).toEqual({ lon: 'lon', lat: 'lat', name: 'name' });
    expect(findColumns(['Longitude', 'Latitude', 'Title'])).toEqual({ lon: 'Longitude', lat: 'Latitude', name: 'Title' });
    expect(findColumns(['名称', '经度', '纬度'])).toEqual({ lon: '经度', lat: '纬度', name: '名称' });
    expect(findColumns(['LNG', 'LAT'])).toEqual({ lon: 'LNG', lat: 'LAT', name: null });
  });
  it('reads headers that carry a datum or unit', () => {
    expect(findColumns(['地址', '经度(GCJ-02)', '纬度(GCJ-02)'])).toMatchObject({ lon: '经度(GCJ-02)', lat: '纬度(GCJ-02)' });
    expect(findColumns(['site_name', 'Longitude (WGS84)', 'Latitude (WGS84)'])).toEqual({ lon: 'Longitude (WGS84)', lat: 'Latitude (WGS84)', name: 'site_name' });
  });
  it('prefers an exact name over one that only contains it', () => {
    expect(findColumns(['longitude_note', 'lon', 'lat'])).toMatchObject({ lon: 'lon' });
  });
  it('reads one column that holds both, as Amap and most exports write it', () => {
    expect(findColumns(['名称', '地址', '坐标'])).toEqual({ pair: '坐标', name: '名称' });
    expect(findColumns(['name', 'lnglat'])).toEqual({ pair: 'lnglat', name: 'name' });
    expect(findColumns(['企业名称', '经纬度(GCJ-02)'])).toEqual({ pair: '经纬度(GCJ-02)', name: '企业名称' });
    // full-width headers as a Chinese input method types them
    expect(findColumns(['ＬＯＮ', 'ＬＡＴ'])).toEqual({ lon: 'ＬＯＮ', lat: 'ＬＡＴ', name: null });
  });
  it('says null when a coordinate column is missing', () => {
    expect(findColumns(['name', 'address', 'lat'])).toBeNull();
    expect(findColumns(['a', 'b'])).toBeNull();
    expect(findColumns([])).toBeNull();
  });
});
