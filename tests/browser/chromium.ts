import { chromium, type Browser, type BrowserServer } from 'playwright-core';

/**
 * The test browser: CHROME_PATH if set (a local Chrome, Debian's /usr/bin/chromium), otherwise the
 * headless Chromium that @sparticuz/chromium ships inside its npm package — so `npm install` is
 * all the set-up browser tests need. WebGL2 comes from SwiftShader.
 */
async function executablePath(): Promise<string> {
  return process.env.CHROME_PATH || (await (await import('@sparticuz/chromium')).default.executablePath());
}

const ARGS = [
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
];

/** Trusts the test server's certificate (its key's SHA-256), as a browser trusts a real one: service workers need that. */
const trusting = (spki: string) => (spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : []);

/**
 * A Chromium of this process's own. `extraArgs` add switches, e.g. `--disable-webgl --disable-3d-apis`
 * for a browser without WebGL; `spki` trusts a test certificate (tests/serve/nginx.ts).
 */
export async function launchChromium(extraArgs: string[] = [], spki = ''): Promise<Browser> {
  return chromium.launch({ executablePath: await executablePath(), headless: true, args: [...ARGS, ...trusting(spki), ...extraArgs] });
}

/** The same Chromium as a server that test files connect to (one start for the whole browser run). */
export async function launchChromiumServer(spki = ''): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: await executablePath(), headless: true, args: [...ARGS, ...trusting(spki)] });
}

/** Connects to a server from `launchChromiumServer`; `close()` on the result closes its contexts and disconnects. */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
