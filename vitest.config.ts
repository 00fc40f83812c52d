import { defineConfig } from 'vitest/config';

// Unit, store and API suites. Browser tests have their own config (test/e2e/vitest.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // contractCoverage: after a run, every OpenAPI operation was called by some API suite (test/support/contract.ts).
    globalSetup: ['test/support/buildCli.ts', 'test/support/contractCoverage.ts'],
  },
});
