import { defineConfig } from 'vitest/config';

// Browser tests: a real server on a free port, the built console, Debian's chromium via playwright-core.
// One file at a time (they share the 2 cores with everything else).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
    // A value shown by the console may arrive a moment after its field: read until it settles.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    globalSetup: ['test/support/buildCli.ts'],
  },
});
