import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real app. In browser mode they use a Chromium found by
// scripts/chromium.mjs (BYLINE_CHROMIUM); the Electron variants skip, with the reason, where
// Electron's binary cannot be had.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME
    ? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME }]]
    : [['list']],
  use: {
    // A click that cannot happen fails within seconds and names what it waited for, instead of
    // running into the test's timeout.
    actionTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
