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

test('an Arabic article runs right to left, with mixed-direction paragraphs each in their own direction', async () => {
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(app.url);
  const editor = new EditorPage(page);
  await page.getByRole('button', { name: 'New article' }).click();
  const language = page.getByRole('textbox', { name: 'Language' });
  await language.fill('ar');
  await expect(page.getByRole('textbox', { name: 'Article' })).toHaveAttribute('dir', 'rtl');

  await editor.focusField('Headline');
  await page.keyboard.type('مقاتلو التنظيم يستعيدون أجزاء من البوكمال');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('قال المرصد السوري إن التنظيم استعاد نحو 40 في المئة من المدينة.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Reuters reported the same on Friday.');

  const paragraphs = editor.body.locator('p');
  await expect(paragraphs).toHaveCount(2);
  const directions = await paragraphs.evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction));
  expect(directions).toEqual(['rtl', 'ltr']); // dir="auto": each paragraph by its own first strong letter
  expect(await editor.field('Headline').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // The app's own controls stay left to right.
  expect(await page.getByRole('toolbar', { name: 'Formatting' }).evaluate((el) => getComputedStyle(el).direction)).toBe(
    'ltr',
  );
  // 12 Arabic words (with "40") and 6 English ones.
  await expect(page.getByTestId('word-count')).toHaveText('18 words');

  await editor.waitSaved();
  await page.reload();
  await expect(editor.field('Headline')).toHaveText('مقاتلو التنظيم يستعيدون أجزاء من البوكمال');
  await expect(page.getByRole('textbox', { name: 'Article' })).toHaveAttribute('dir', 'rtl');
  const db = new Database(app.dbPath, { readonly: true });
  const doc = JSON.parse(db.prepare('SELECT doc FROM articles').pluck().get() as string);
  db.close();
  expect(doc.language).toBe('ar');
  expect(doc.body[0].children[0].text).toBe('قال المرصد السوري إن التنظيم استعاد نحو 40 في المئة من المدينة.');
  await browser.close();
});
