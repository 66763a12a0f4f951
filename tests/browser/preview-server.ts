import type { TestProject } from 'vitest/node';
import { preview } from 'vite';
import { launchChromiumServer } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** the run's shared Chromium (tests/browser/fixtures.ts `openChromium`) */
    chromiumEndpoint: string;
  }
}

/**
 * Serves the built app (dist/) on a free loopback port for the whole browser run, and starts one
 * Chromium that every test file connects to (each in its own contexts) instead of starting its own.
 */
export default async function setup(project: TestProject) {
  const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL (is dist/ built? run `npm run build`)');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  const browser = await launchChromiumServer();
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
