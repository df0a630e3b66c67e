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
  const exportAs = async (label: string) => {
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('form', { name: 'Export' }).getByLabel('Format').selectOption({ label });
    await page.getByRole('button', { name: 'Export', exact: true }).click();
  };
  await exportAs('Byline JSON');
  const notice = page.getByRole('status').filter({ hasText: 'Exported to' });
  await expect(notice).toBeVisible();
  const exported = (await notice.textContent())!.replace(/^Exported to /, '').replace(/×$/, '').trim();
  expect(exported.startsWith(path.join(app.dataDir, 'exports'))).toBe(true);
  const article = JSON.parse(fs.readFileSync(exported, 'utf8'));
  expect(article).toMatchObject({ headline: 'IS-Kämpfer holen Teile von Albu Kamal zurück', revision: 1, signOff: { authors: ['haz', 'qu'], agencies: ['afp', 'dpa'] } });
  expect(article.body).toEqual(JSON.parse(JSON.stringify(seedArticle().body)));

  // NITF, validated against the official schema before it is written.
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await exportAs('NITF 3.6 (validated against the official schema)');
  const nitfNotice = page.getByRole('status').filter({ hasText: '.xml' });
  await expect(nitfNotice).toBeVisible();
  const nitfFile = (await nitfNotice.textContent())!.replace(/^Exported to /, '').replace(/×$/, '').trim();
  expect(fs.readFileSync(nitfFile, 'utf8')).toContain('<tagline>haz/qu (afp, dpa)</tagline>');

  // An article without a headline is refused, naming what is missing, and nothing is written.
  await page.getByRole('button', { name: '← Articles' }).click();
  await page.getByRole('button', { name: 'New article' }).click();
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toBeVisible();
  const before = fs.readdirSync(path.join(app.dataDir, 'exports')).length;
  await exportAs('NITF 3.6 (validated against the official schema)');
  await expect(page.getByRole('alert')).toContainText('This article cannot be exported yet: it needs a headline.');
  expect(fs.readdirSync(path.join(app.dataDir, 'exports'))).toHaveLength(before);
  await browser.close();
});
