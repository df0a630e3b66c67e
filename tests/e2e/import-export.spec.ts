import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { seedArticle } from '../helpers/articles';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

test('import Byline JSON files (a bad one is named, the good one comes in) and export an article', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();

  const good = path.join(app.dataDir, 'seed.json');
  const bad = path.join(app.dataDir, 'kaputt.json');
  fs.writeFileSync(good, JSON.stringify(seedArticle()));
  fs.writeFileSync(bad, '{"headline": "abgeschnitten');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles([good, bad]);

  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 article' })).toContainText('IS-Kämpfer holen Teile von Albu Kamal zurück');
  await expect(page.getByRole('alert')).toContainText('kaputt.json is not valid JSON');
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(1);

  await rows.getByRole('button', { name: 'IS-Kämpfer holen Teile von Albu Kamal zurück', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Body' }).locator('h2')).toHaveText('Kampf um die letzte Bastion');
  await page.getByRole('button', { name: 'Export…' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toBeVisible();
  const exported = (await notice.textContent())!.replace(/^Exported to /, '').replace(/×$/, '').trim();
  expect(exported.startsWith(path.join(app.dataDir, 'exports'))).toBe(true);
  const article = JSON.parse(fs.readFileSync(exported, 'utf8'));
  expect(article).toMatchObject({ headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück', revision: 1, signOff: { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] } });
  expect(article.body).toEqual(JSON.parse(JSON.stringify(seedArticle().body)));
  await browser.close();
});
