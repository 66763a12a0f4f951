import { readFileSync } from 'node:fs';
import { booleanPointInPolygon, distance, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { AppDriver } from './app-driver';
import { connectChromium, launchChromium } from './chromium';

export type Props = { id: string; kind: string; name_zh: string; name_en: string; zone?: string; in_changning?: boolean };

const read = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../geo/${file}`, import.meta.url), 'utf8')) as T;

/** The project's own data, read the way a person reads the map: where things are and what they are called. */
export const geo = {
  buildings: read<FeatureCollection<Point, Props>>('key-buildings.geojson').features,
  zones: read<FeatureCollection<Polygon | MultiPolygon, Props>>('zones.geojson').features,
  stations: read<FeatureCollection<Point, Props>>('stations.geojson').features,
  metroStations: read<FeatureCollection<Point, Props>>('metro-stations.geojson').features,
  places: read<FeatureCollection<Point | Polygon | null, Props>>('places.geojson').features,
};

const markers = [...geo.buildings, ...geo.stations, ...geo.metroStations, ...geo.places].filter((f) => f.geometry?.type === 'Point') as Feature<Point>[];
const pickable = geo.places.filter((f) => f.geometry && f.geometry.type !== 'Point') as unknown as Feature<Polygon>[];

/**
 * A point ≥ 350 m from every marker, within ~1.5 km of `near`, that is inside `zone` (or, with
 * null, outside every zone and place area) — so a click there can only hit what the test means.
 */
export function quietPoint(zone: Feature<Polygon | MultiPolygon, Props> | null, near: [number, number]): [number, number] {
  for (let r = 0; r <= 0.015; r += 0.001) {
    for (let dx = -r; dx <= r + 1e-9; dx += 0.001) {
      for (const dy of [-r, r]) {
        const p = point([near[0] + dx, near[1] + dy]);
        const inZone = zone ? booleanPointInPolygon(p, zone) : geo.zones.every((z) => !booleanPointInPolygon(p, z));
        const clear = pickable.every((a) => a.geometry.type !== 'Polygon' || !booleanPointInPolygon(p, a));
        if (inZone && clear && markers.every((m) => distance(p, m, { units: 'meters' }) > 350)) return p.geometry.coordinates as [number, number];
      }
    }
  }
  throw new Error(`no quiet point near ${near.join(',')}`);
}

/** Whether the build is served by nginx with the repo's configuration; else why not (serving tests skip). */
export const servedByNginx = () => inject('servedBy') === 'nginx';

/**
 * A browser for a describe block: the run's shared Chromium (started once by the global setup), or,
 * with `extraArgs` (a browser without WebGL), one of its own. `close()` closes what the block opened.
 */
export async function openChromium(extraArgs: string[] = []): Promise<Browser> {
  return extraArgs.length ? launchChromium(extraArgs, inject('tlsSpki')) : connectChromium(inject('chromiumEndpoint'));
}

/** `openChromium` for a describe block, closed after it; returns a getter for it. */
export function useChromium(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await openChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet');
    return browser;
  };
}

/**
 * A browser and one open app for a test file; returns a getter for the driver. The app is opened
 * at `/` with the browser's language set to `locale`.
 */
export function useAppInChromium(locale = 'en-US'): () => AppDriver {
  let browser: Browser | undefined;
  let app: AppDriver | undefined;
  beforeAll(async () => {
    browser = await openChromium();
    app = await AppDriver.open(browser, inject('baseUrl'), '/', undefined, locale);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });
  return () => {
    if (!app) throw new Error('the app is not open yet');
    return app;
  };
}
