import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { AppDriver } from './app-driver';
import { launchChromium } from './chromium';

export type Props = { id: string; name_zh: string; name_en: string; zone?: string; in_changning?: boolean };

const read = <T>(file: string) => JSON.parse(readFileSync(new URL(`../../geo/${file}`, import.meta.url), 'utf8')) as T;

/** The project's own data, read the way a person reads the map: where things are and what they are called. */
export const geo = {
  buildings: read<FeatureCollection<Point, Props>>('key-buildings.geojson').features,
  zones: read<FeatureCollection<Polygon | MultiPolygon, Props>>('zones.geojson').features,
  stations: read<FeatureCollection<Point, Props>>('stations.geojson').features,
  places: read<FeatureCollection<Point | Polygon | null, Props>>('places.geojson').features,
};

/**
 * One Chromium and one open app for a test file (launching costs ~2 s); returns a getter for the
 * driver. The app is opened at `/` with the browser's language set to `locale`.
 */
export function useAppInChromium(locale = 'en-US'): () => AppDriver {
  let browser: Browser | undefined;
  let app: AppDriver | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
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
