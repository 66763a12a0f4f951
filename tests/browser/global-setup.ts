import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';
import { findNginx, makeCertificate, startNginx } from '../serve/nginx';
import { launchChromiumServer } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** where the built app is served: nginx over HTTPS (production's config), or vite preview without nginx */
    baseUrl: string;
    /** nginx's plain-HTTP server (it only redirects); '' under vite preview */
    httpUrl: string;
    /** 'nginx', or why the serving tests are skipped (one line) */
    servedBy: string;
    /** the test certificate's key hash, trusted by every Chromium the tests start; '' without nginx */
    tlsSpki: string;
    /** the run's shared Chromium (tests/browser/fixtures.ts `openChromium`) */
    chromiumEndpoint: string;
  }
}

/**
 * Serves the built app (dist/) for the whole browser run — with real nginx and the repo's
 * configuration (deploy/) over HTTPS when nginx is installed, as production serves it; otherwise with
 * `vite preview`, and the tests about serving say in one line that they are skipped — and starts one
 * Chromium that every test file connects to (each in its own contexts).
 */
export default async function setup(project: TestProject) {
  const stops: (() => Promise<void>)[] = [];
  let nginx = findNginx();
  let spki = '';
  if ('path' in nginx) {
    const certDir = mkdtempSync(join(tmpdir(), 'zjcn-cert-'));
    stops.push(async () => rmSync(certDir, { recursive: true, force: true }));
    const cert = makeCertificate(certDir);
    try {
      const server = await startNginx('dist', cert, nginx.path);
      stops.unshift(() => server.stop());
      spki = cert.spki;
      // Node's fetch in the test files trusts the certificate too (read when the test workers start).
      process.env.NODE_EXTRA_CA_CERTS = cert.cert;
      process.env.ZJCN_TEST_CERT = cert.cert;
      process.env.ZJCN_TEST_KEY = cert.key;
      project.provide('baseUrl', server.url);
      project.provide('httpUrl', server.httpUrl);
      project.provide('servedBy', 'nginx');
    } catch (e) {
      nginx = { missing: String((e as Error).message).split('\n').join(' ') };
    }
  }
  if ('missing' in nginx) {
    console.log(`serving tests skipped: ${nginx.missing}; the rest run against vite preview`);
    const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL (is dist/ built? run `npm run build`)');
    stops.unshift(() => server.close());
    project.provide('baseUrl', url.replace(/\/$/, ''));
    project.provide('httpUrl', '');
    project.provide('servedBy', nginx.missing);
  }
  project.provide('tlsSpki', spki);
  const browser = await launchChromiumServer(spki);
  stops.unshift(() => browser.close());
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  return async () => {
    for (const stop of stops) await stop();
  };
}
