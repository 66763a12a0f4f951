/**
 * Saves screenshots of the built app for the README: `npm run build && npm run screenshot`.
 * Writes overview.png (English), overview-zh.png (Chinese), building.png, zone.png, reader.png
 * (the report reader with a selection), search.png, compare.png, and the phone and tablet views
 * (phone-overview.png, phone-building.png, phone-zone-zh.png, tablet.png), my-sites.png (a CSV of
 * offices imported), print.png (a building's A4 sheet), and no-webgl.png (a browser
 * without WebGL: the park drawn as SVG, a building selected) into the folder given (default tests/screenshots).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { preview } from 'vite';
import { AppDriver } from './browser/app-driver';
import { launchChromium } from './browser/chromium';

const outDir = process.argv[2] ?? 'tests/screenshots';
const viewport = { width: 1400, height: 860 };
mkdirSync(outDir, { recursive: true });
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await launchChromium();
try {
  const zh = await AppDriver.open(browser, base, '/', viewport, 'zh-CN');
  await zh.still();
  await zh.page.screenshot({ path: `${outDir}/overview-zh.png` });
  await zh.close();

  const app = await AppDriver.open(browser, base, '/', viewport);
  await app.still();
  await app.page.screenshot({ path: `${outDir}/overview.png` });
  await app.page.getByTestId('building-list').locator('button').nth(3).click();
  await app.waitForRedraw();
  await app.still();
  await app.page.screenshot({ path: `${outDir}/building.png` });
  await app.page.getByTestId('close').click();
  await app.page.getByTestId('zone-list').locator('button').nth(1).click();
  await app.waitForRedraw();
  await app.still();
  await app.page.screenshot({ path: `${outDir}/zone.png` });
  await app.close();

  const reader = await AppDriver.open(browser, base, '/report?select=zone-central', viewport);
  await reader.still();
  await reader.page.locator('[data-paragraph-id][data-concerns]').first().scrollIntoViewIfNeeded();
  await reader.page.locator('button.mention[data-mention-of="place-bingu-tower"]').first().hover();
  await reader.still();
  await reader.page.screenshot({ path: `${outDir}/reader.png` });
  await reader.page.keyboard.press('/');
  await reader.page.keyboard.type('hq');
  await reader.still();
  await reader.page.screenshot({ path: `${outDir}/search.png` });
  await reader.close();

  // 愚园路 at street zoom: its OpenStreetMap heritage footprints, the outline they give the place, the list.
  const heritage = await AppDriver.open(browser, base, '/place/place-yuyuan-road#map=15.4/31.2212/121.4265', viewport);
  await heritage.page.getByTestId('heritage-list').waitFor().catch(() => undefined);
  await heritage.waitForRedraw();
  await heritage.still();
  await heritage.page.screenshot({ path: `${outDir}/heritage.png` });
  await heritage.close();

  const compare = await AppDriver.open(browser, base, '/compare?metric=coverage500', viewport);
  await compare.still();
  await compare.page.screenshot({ path: `${outDir}/compare.png` });
  await compare.close();

  // Phones and a tablet: the bottom sheet at peek and at half height, the side panel kept on a tablet.
  const touch = { isMobile: true, hasTouch: true };
  const phone = await AppDriver.open(browser, base, '/', { width: 390, height: 844 }, 'en-US', touch);
  await phone.still();
  await phone.page.screenshot({ path: `${outDir}/phone-overview.png` });
  const buildings = JSON.parse(readFileSync('geo/key-buildings.geojson', 'utf8')) as { features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] };
  const [lon, lat] = buildings.features.find((f) => f.properties.id === 'bldg-gold-hongqiao-center')!.geometry.coordinates;
  // The building a little above the centre, as a person who found it on the map would have it.
  await phone.load(`/#map=14.6/${lat - 0.006}/${lon}`);
  const building = await phone.screenPosition([lon, lat]);
  await phone.page.touchscreen.tap(building.x, building.y);
  await phone.page.locator('[data-sheet="half"]').waitFor();
  await phone.waitForRedraw();
  await phone.still();
  await phone.page.screenshot({ path: `${outDir}/phone-building.png` });
  await phone.close();
  // Another line's station on a phone: its badges on the map, its lines and nearest Line 2 station in the sheet.
  const metro = await AppDriver.open(browser, base, '/metro/metro-station-yili-road#map=14.6/31.1992/121.3985', { width: 390, height: 844 }, 'en-US', touch);
  await metro.page.locator('[data-sheet="half"]').waitFor();
  await metro.waitForRedraw();
  await metro.still();
  await metro.page.screenshot({ path: `${outDir}/phone-metro.png` });
  await metro.close();
  const small = await AppDriver.open(browser, base, '/zone/zone-central', { width: 360, height: 640 }, 'zh-CN', touch);
  await small.still();
  await small.page.screenshot({ path: `${outDir}/phone-zone-zh.png` });
  await small.close();
  const tablet = await AppDriver.open(browser, base, '/building/bldg-gold-hongqiao-center', { width: 768, height: 1024 }, 'en-US', touch);
  await tablet.still();
  await tablet.page.screenshot({ path: `${outDir}/tablet.png` });
  await tablet.close();

  // Your own sites: a CSV of candidate offices, placed in the zones, listed with their nearest station.
  const mine = await AppDriver.open(browser, base, '/', viewport);
  const offices = ['name,lon,lat,floor area'];
  for (let i = 0; i < 40; i++) offices.push(`Office ${i + 1},${(121.372 + (i % 8) * 0.0091).toFixed(5)},${(31.2045 + Math.floor(i / 8) * 0.0041).toFixed(5)},${1000 + i * 50} m²`);
  await mine.page.getByTestId('import-file').setInputFiles({ name: 'offices.csv', mimeType: 'text/csv', buffer: Buffer.from(offices.join('\n')) });
  await mine.page.locator('[data-datum="WGS84"]').check();
  await mine.page.getByTestId('import-confirm').click();
  await mine.page.getByTestId('my-sites-counts').waitFor();
  await mine.waitForRedraw();
  await mine.still();
  await mine.page.screenshot({ path: `${outDir}/my-sites.png` });
  await mine.close();

  // A building's one-page print sheet, as the browser lays it out for A4.
  const sheet = await AppDriver.open(browser, base, '/print/building/bldg-gold-hongqiao-center', { width: 820, height: 1160 }, 'en-US', {}, 'page');
  await sheet.page.emulateMedia({ media: 'print' });
  await sheet.still();
  await sheet.page.screenshot({ path: `${outDir}/print.png` });
  await sheet.close();

  // A browser without WebGL: MapLibre cannot start, the same park is drawn as SVG.
  const noWebgl = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
  try {
    const drawn = await AppDriver.open(noWebgl, base, '/building/bldg-gold-hongqiao-center', viewport, 'en-US', {}, 'static-map');
    await drawn.still();
    await drawn.page.screenshot({ path: `${outDir}/no-webgl.png` });
    await drawn.close();
  } finally {
    await noWebgl.close();
  }
  console.log(`screenshots written to ${outDir}/`);
} finally {
  await browser.close();
  await server.close();
}
