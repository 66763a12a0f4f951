import { defineConfig } from 'vitest/config';
import '../scripts/node20-compat.ts';

// Browser tests drive the built app (dist/) in Chromium; `npm test` builds first.
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    // Ceilings for a stuck test, never speed checks (those are `npm run bench`'s): SwiftShader draws on
    // the CPU, so a 2-core machine doing other work runs a test several times slower than a quiet one,
    // and a poll that passes returns at once whatever its ceiling.
    testTimeout: 180_000,
    expect: { poll: { timeout: 30_000, interval: 100 } },
    hookTimeout: 180_000,
    // One Chromium at a time: the machine has two cores and SwiftShader renders on the CPU.
    fileParallelism: false,
  },
});
