import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { EditorPage } from './editorPage';
import { launchChromium, startBrowserMode, type RunningApp } from './harness';

let app: RunningApp;
test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});

test('first start asks who is working here; every revision then records that person', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  await expect(page.locator('.app[data-ready="true"]')).toBeVisible();

  const form = page.getByRole('form', { name: 'Your profile' });
  await expect(form).toContainText('Who is working here?');
  await form.getByLabel('Name').fill('Anna Muster');
  await form.getByLabel('Initials').fill('4m');
  await form.getByRole('button', { name: 'Save profile' }).click();
  // Named beside the field, in words, without the schema's field names.
  await expect(form.locator('#initials-problem')).toHaveText(
    'Initials: initials are one to six letters (“4m” has a character that is not a letter)',
  );
  await expect(form.getByLabel('Initials')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Initials').fill('am');
  await form.getByLabel('Role').selectOption({ label: 'Desk editor' });
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('.app-footer')).toContainText('Changes recorded as Anna Muster (am)');

  await page.getByRole('button', { name: 'New article' }).click();
  const editor = new EditorPage(page);
  await editor.focusField('Headline');
  await page.keyboard.type('Waffenruhe hält');
  await editor.waitSaved();
  const db = new Database(app.dbPath, { readonly: true });
  expect(db.prepare('SELECT DISTINCT saved_by FROM revisions').pluck().all()).toEqual(['Anna Muster (am)']);
  db.close();
  await browser.close();
});
