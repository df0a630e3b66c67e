import { expect, test as base, type Page } from '@playwright/test';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

/**
 * A fresh browser-mode app per test (its own store); `blankPage`, a page in the Chromium the
 * tests use; `appPage`, that page open on the app once it is ready. All are torn down after the
 * test, also when it fails.
 */
export const test = base.extend<{ app: RunningApp; blankPage: Page; appPage: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  app: async ({}, use) => {
    const app = await startBrowserMode();
    await use(app);
    await app.stop();
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  blankPage: async ({}, use) => {
    const browser = await launchChromium();
    // From a context of its own: axe (and Playwright's tracing) need one.
    await use(await (await browser.newContext()).newPage());
    await browser.close();
  },
  appPage: async ({ app, blankPage: page }, use) => {
    await page.goto(app.url);
    await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
    await use(page);
  },
});

export { expect };
