/**
 * Saves screenshots of the built app for the README: `npm run build && npm run screenshot`.
 * Writes overview.png, building.png and zone.png into the folder given (default tests/output).
 */
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import { AppDriver } from './browser/app-driver';
import { launchChromium } from './browser/chromium';

const outDir = process.argv[2] ?? 'tests/output';
mkdirSync(outDir, { recursive: true });
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await launchChromium();
try {
  const app = await AppDriver.open(browser, base, '/', { width: 1400, height: 860 });
  await app.settle(1500);
  await app.page.screenshot({ path: `${outDir}/overview.png` });
  await app.page.getByTestId('building-list').locator('button').nth(3).click();
  await app.settle(1500);
  await app.page.screenshot({ path: `${outDir}/building.png` });
  await app.page.getByTestId('close').click();
  await app.page.getByTestId('zone-list').locator('button').nth(1).click();
  await app.settle(1500);
  await app.page.screenshot({ path: `${outDir}/zone.png` });
  console.log(`screenshots written to ${outDir}/`);
  await app.close();
} finally {
  await browser.close();
  await server.close();
}
