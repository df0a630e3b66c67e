import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { seedArticle } from '../helpers/articles';
import { expect, test } from './fixtures';
import type { RunningApp } from './harness';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'byline.cjs');

/** Puts an article in the running app's store with the CLI, as another desk tool would. */
function addArticle(app: RunningApp, fields: object): string {
  const file = path.join(app.dataDir, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify({ ...seedArticle(), ...fields }));
  return (
    JSON.parse(
      execFileSync(process.execPath, [BIN, '--db', app.dbPath, '--json', 'save', file], { encoding: 'utf8' }),
    ) as { article: { id: string } }
  ).article.id;
}

test('desk queue: filters by rubric, agency and open comments, badges, sort, and keyboard navigation to open an article', async ({
  app,
  blankPage: page,
}) => {
  addArticle(app, {
    rubric: 'Politik',
    headline: 'Albu Kamal umkämpft',
    signOff: { authors: ['haz'], agencies: ['afp'] },
  });
  const sport = addArticle(app, {
    rubric: 'Sport',
    headline: 'Bayern gewinnt',
    signOff: { authors: ['ml'], agencies: ['sid'] },
  });
  addArticle(app, {
    rubric: 'Kultur',
    headline: 'Ausstellung eröffnet',
    signOff: { authors: ['bs'], agencies: ['dpa'] },
  });
  execFileSync(process.execPath, [BIN, '--db', app.dbPath, 'comment', sport, 'Ergebnis prüfen']);

  // The articles were stored before the page opened, so the list shows them from the start.
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Bayern gewinnt' })).toContainText('1 open comment');

  const filters = page.getByRole('group', { name: 'Filters' });
  await filters.getByLabel('Rubric').selectOption('Sport');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Bayern gewinnt');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Agency').selectOption('afp');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Albu Kamal umkämpft');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Open comments').check();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Bayern gewinnt');
  await filters.getByRole('button', { name: 'Clear filters' }).click();

  await filters.getByLabel('Sort').selectOption({ label: 'Headline A–Z' });
  await expect(rows.locator('.headline')).toHaveText(['Albu Kamal umkämpft', 'Ausstellung eröffnet', 'Bayern gewinnt']);

  // Keyboard: "/" finds the search box; the rows are walked with the arrow keys; Enter opens.
  await page.locator('body').press('/');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused();
  await rows.first().locator('.headline').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(2).locator('.headline')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.nth(1).locator('.headline')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveText('Bayern gewinnt');
});
