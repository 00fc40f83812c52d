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
    globalSetup: ['test/support/buildCli.ts'],
  },
});
