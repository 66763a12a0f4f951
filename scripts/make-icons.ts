/**
 * Draws the app's install icons (public/icons/*.png, committed) from public/favicon.svg in the
 * test Chromium (tests/browser/chromium.ts), so the home-screen icon is the favicon, not a second
 * drawing to keep in step: `npx tsx scripts/make-icons.ts` after changing the favicon.
 * - icon-192.png, icon-512.png: the favicon as it is (rounded square, transparent corners)
 * - maskable-512.png: full-bleed ground, the drawing inside the central 80 % circle that every
 *   launcher's mask keeps (https://web.dev/articles/maskable-icon)
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../tests/browser/chromium';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
/** the favicon's own ground (its <rect fill>), for the maskable icon's bleed */
const ground = /<rect[^>]*fill="(#[0-9a-fA-F]{3,6})"/.exec(svg)?.[1];
if (!ground) throw new Error('make-icons: favicon.svg has no ground <rect fill>');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const icons = [
  { file: 'icon-192.png', size: 192, inner: 1, background: 'transparent' },
  { file: 'icon-512.png', size: 512, inner: 1, background: 'transparent' },
  // The favicon's marks lie within 13 of its 16 units from the centre: drawn at 72 % they stay
  // inside the safe circle (radius 40 %); only its empty rounded ground is cut by a mask.
  { file: 'maskable-512.png', size: 512, inner: 0.72, background: ground },
];

const browser = await launchChromium();
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const px = Math.round(icon.size * icon.inner);
    await page.setContent(
      `<body style="margin:0;width:${icon.size}px;height:${icon.size}px;display:grid;place-items:center;background:${icon.background}">` +
        `<img src="${dataUrl}" width="${px}" height="${px}"></body>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: icon.background === 'transparent' });
    await page.close();
    console.log(`make-icons: public/icons/${icon.file} (${icon.size} px)`);
  }
} finally {
  await browser.close();
}
