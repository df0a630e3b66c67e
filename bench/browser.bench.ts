import { chromium } from '@playwright/test';
import { row, summarize } from './stats';
import { CHROMIUM_ARGS, startWeb } from './webServer';

/** Time from navigation to the article list on screen, in Chromium, for a full and an empty store. */
export async function benchListOpen(fullDb: string, emptyDb: string, chromiumPath: string): Promise<string[]> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const measure = async (dbPath: string, selector: string) => {
    const app = await startWeb(dbPath);
    const samples: number[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const page = await browser.newPage();
        const t = Date.now();
        await page.goto(app.url);
        await page.waitForSelector(selector);
        samples.push(Date.now() - t);
        await page.close();
      }
    } finally {
      app.stop();
    }
    return summarize(samples.slice(1)); // the first load warms the server's file cache
  };
  const full = await measure(fullDb, '.article-row');
  const empty = await measure(emptyDb, 'text=No articles yet.');
  await browser.close();
  return [
    'Opening the app on its article list, in headless Chromium (browser mode, 7 loads after one warm-up):',
    '',
    '| operation | median | p95 | baseline (median / p95) | ratio (median / p95) |',
    '|---|---|---|---|---|',
    row('List with 10,000 articles (first 200 shown)', full, empty, 'same app, empty store'),
  ];
}
