import { defineConfig } from 'vitest/config';

// The tests Stryker runs against its mutants of the sync code (stryker.config.mjs): those whose
// server runs in the test's own process, where Stryker can switch its mutants on.
export default defineConfig({
  test: {
    include: ['tests/main/sync/sync.test.ts', 'tests/server/sync.test.ts'],
    testTimeout: 60_000,
    globalSetup: ['tests/globalSetup.ts'],
  },
});
