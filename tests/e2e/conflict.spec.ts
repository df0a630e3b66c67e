import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
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

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'byline.cjs');

/** Someone else saves a newer revision through the CLI while the editor is open. */
function saveElsewhere(dbPath: string, headline: string): void {
  const db = new Database(dbPath, { readonly: true });
  const doc = JSON.parse(db.prepare('SELECT doc FROM articles').pluck().get() as string);
  db.close();
  const file = path.join(path.dirname(dbPath), 'theirs.json');
  fs.writeFileSync(file, JSON.stringify({ ...doc, headline }));
  execFileSync(process.execPath, [BIN, '--db', dbPath, 'save', file]);
}

async function startConflict(page: Page, editor: EditorPage): Promise<void> {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New article' }).click();
  await editor.focusField('Headline');
  await page.keyboard.type('Ursprung');
  await editor.waitSaved();
  saveElsewhere(app.dbPath, 'Ihre Fassung');
  await editor.focusField('Headline');
  await page.keyboard.type(' und meine Fassung');
  await expect(editor.saveState).toHaveText(/Not saved: Conflict: .* saved revision 3 .*Nothing was overwritten\./);
  await expect(
    page.getByRole('alert').filter({ hasText: 'Someone saved this article while you were editing' }),
  ).toBeVisible();
}

test('conflict: compare, then keep mine as a new revision; nothing is overwritten silently', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const editor = new EditorPage(page);
  await startConflict(page, editor);

  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.locator('.compare')).toContainText('Yours (not saved)');
  await expect(page.locator('.compare')).toContainText('Ursprung und meine Fassung');
  await expect(page.locator('.compare')).toContainText('Ihre Fassung');

  await page.getByRole('button', { name: 'Keep mine as a new revision' }).click();
  await editor.waitSaved();
  const db = new Database(app.dbPath, { readonly: true });
  const history = db.prepare('SELECT revision, headline FROM revisions ORDER BY revision').all();
  db.close();
  // Theirs stays in the history as revision 3; mine is revision 4 on top of it.
  expect(history.slice(-2)).toEqual([
    { revision: 3, headline: 'Ihre Fassung' },
    { revision: 4, headline: 'Ursprung und meine Fassung' },
  ]);
  await browser.close();
});

test('conflict: take theirs replaces the editor text with the saved revision', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  const editor = new EditorPage(page);
  await startConflict(page, editor);
  await page.getByRole('button', { name: 'Take theirs' }).click();
  await expect(editor.field('Headline')).toHaveText('Ihre Fassung');
  await expect(editor.saveState).toHaveText(/^Saved/);
  await page.reload();
  await expect(editor.field('Headline')).toHaveText('Ihre Fassung');
  // The text the person dropped is not offered back by the journal either.
  await expect(page.getByRole('alert', { name: 'Unsaved text found' })).toHaveCount(0);
  const db = new Database(app.dbPath, { readonly: true });
  expect(db.prepare('SELECT count(*) FROM journal').pluck().get()).toBe(0);
  db.close();
  await browser.close();
});
