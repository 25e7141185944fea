import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'db/test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'worker/test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each test file gets its own database cloned from a migrated template, so files run in
    // parallel; forks keep their module state (ORM pools, counters) apart.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // In the test workers no log lines (the stacks they start in-process would print one per
    // request); processes a test starts get LOG_LEVEL=info unless it says otherwise (processes.ts).
    env: { UBOS_QUIET_ERRORS: process.env.UBOS_QUIET_ERRORS ?? "1", LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});
