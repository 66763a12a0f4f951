import { defineConfig } from 'vitest/config';
import '../scripts/node20-compat.ts';

// Browser tests drive the built app (dist/) in Chromium; `npm test` builds first.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/preview-server.ts'],
    testTimeout: 60_000,
    // SwiftShader draws on a shared 2-core CPU: give the page time to answer before a poll gives up.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 90_000,
    // One Chromium at a time: the machine has two cores and SwiftShader renders on the CPU.
    fileParallelism: false,
  },
});
