import { preview } from 'vite';
import { AppDriver } from './browser/app-driver';
import { launchChromium } from './browser/chromium';
const server = await preview({ preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
const browser = await launchChromium();
for (const [name, path] of [['reader', '/report?select=zone-central'], ['tour', '/tour/6']]) {
  const app = await AppDriver.open(browser, base, path!, { width: 1400, height: 860 });
  await app.settle(1500);
  await app.page.screenshot({ path: `/tmp/${name}.png` });
  console.log(name, app.consoleErrors);
  await app.close();
}
await browser.close(); await server.close();
