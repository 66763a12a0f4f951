import { chromium, type Browser } from 'playwright-core';

/**
 * The test browser: CHROME_PATH if set (a local Chrome, Debian's /usr/bin/chromium), otherwise the
 * headless Chromium that @sparticuz/chromium ships inside its npm package — so `npm install` is
 * all the set-up browser tests need. WebGL2 comes from SwiftShader. `extraArgs` add switches, e.g.
 * `--disable-webgl --disable-3d-apis` for a browser without WebGL.
 */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH || (await (await import('@sparticuz/chromium')).default.executablePath());
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--font-render-hinting=none',
      ...extraArgs,
    ],
  });
}
