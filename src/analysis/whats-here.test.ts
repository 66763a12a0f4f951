import { describe, expect, it } from 'vitest';
import { walkBands } from 'virtual:derived-geo';
import type { FeatureCollection } from 'geojson';
import { loadCatalog } from '../data/load';
import { atPath, parseAt, whatsHere } from './whats-here';

const catalog = loadCatalog();
const bands = walkBands as FeatureCollection;

describe("what's here", () => {
  it("at a key building: its zone, the same nearest station as its panel, and itself as the nearest building", () => {
    for (const b of catalog.buildings) {
      const here = whatsHere(catalog, bands, b.geometry.coordinates);
      expect(here.zone?.properties.zone ?? null, b.properties.id).toBe(b.properties.zone ? catalog.zoneByKey(b.properties.zone).properties.zone : null);
      expect(here.nearest.stationId).toBe(catalog.nearestStationTo(b.properties.id)!.stationId);
      expect(here.buildings[0]!.building.properties.id).toBe(b.properties.id);
      expect(here.buildings[0]!.straightM).toBeLessThan(1);
      // The bands are the stations' circles: inside the 500 m band whenever the station is within ~500 m.
      if (here.nearest.straightM < 480) expect(here.bands[500]).toBe(true);
      if (here.nearest.straightM > 820) expect(here.bands[800]).toBe(false);
    }
  });
  it('at a station: 0 m from it, inside both bands, in the district', () => {
    const s = catalog.stations.find((x) => x.properties.id === 'station-zhongshan-park')!;
    const here = whatsHere(catalog, bands, s.geometry.coordinates);
    expect(here.nearest.stationId).toBe(s.properties.id);
    expect(here.nearest.straightM).toBeLessThan(1);
    expect(here.bands).toEqual({ 500: true, 800: true });
    expect(here.inDistrict).toBe(true);
  });
  it('far outside: no zone, not in the district, outside the bands', () => {
    const here = whatsHere(catalog, bands, [121.6, 31.0]);
    expect(here.zone).toBeNull();
    expect(here.inDistrict).toBe(false);
    expect(here.bands).toEqual({ 500: false, 800: false });
  });
  it('reads /at/<lat>,<lon> and nothing else', () => {
    expect(parseAt('31.2165,121.4122')).toEqual([121.4122, 31.2165]);
    expect(parseAt(' 31.2 , 121.4 ')).toEqual([121.4, 31.2]);
    for (const bad of ['', 'abc', '31.2', '31.2,121.4,5', '999,121', '31,999', '1e3,2', '<img>']) expect(parseAt(bad), bad).toBeNull();
    expect(atPath([121.41220004, 31.2165])).toBe('/at/31.2165,121.4122');
  });
});
